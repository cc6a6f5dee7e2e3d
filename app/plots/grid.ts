/**
 * Regular 2-D grids of values (a value function V(t, x), a density p(x, y)) and the colour scale that maps them.
 * Shared by the heatmap, the contours and the colour legend.
 */
import { color as d3color, interpolateRdBu, interpolateViridis, scaleDiverging, scaleSequential } from 'd3';
import { finiteExtent, safeDomain, type Domain, type Numeric } from './scales.ts';

/**
 * A grid of `nx × ny` cells covering `[x0, x1] × [y0, y1]`. Row-major with x fastest: the cell in column `i` and
 * row `j` holds `values[j * nx + i]`, row 0 at `y0` (the bottom of a plot), column 0 at `x0`.
 */
export interface GridData {
  /** Cell values, length `nx * ny` (typed array welcome, not copied). Non-finite cells are transparent. */
  values: Numeric;
  /** Number of columns (along x). */
  nx: number;
  /** Number of rows (along y). */
  ny: number;
  /** Outer x edges `[x0, x1]` of the grid (left edge of column 0, right edge of the last column). */
  x: Domain;
  /** Outer y edges `[y0, y1]` of the grid (bottom edge of row 0, top edge of the last row). */
  y: Domain;
}

/** A colour scale over values: called with a value, returns a CSS colour; knows its domain. */
export interface ColorScale {
  (value: number): string;
  /** Two (sequential) or three (diverging: low, mid, high) domain values. */
  domain(): number[];
}

/** Options for {@link gridColorScale}. */
export interface ColorScaleOptions {
  /** Value range. Default the grid's finite extent. */
  domain?: Domain;
  /** Interpolator from [0, 1] to a colour. Default viridis (sequential) or RdBu reversed (diverging). */
  interpolator?: (t: number) => string;
  /** Diverging around `center` (e.g. a signed error); the domain is made symmetric. Default false. */
  diverging?: boolean;
  /** Centre of a diverging scale. Default 0. */
  center?: number;
}

/**
 * A colour scale for a grid: viridis over the finite extent, or a symmetric diverging scale.
 *
 * @param values - the grid values (or any values the scale must cover)
 * @param options - domain, interpolator, diverging
 */
export function gridColorScale(values: Numeric, options: ColorScaleOptions = {}): ColorScale {
  const [lo, hi] = safeDomain(options.domain ?? finiteExtent(values));
  if (options.diverging) {
    const c = options.center ?? 0;
    const r = Math.max(Math.abs(lo - c), Math.abs(hi - c)) || 1;
    const interp = options.interpolator ?? ((t: number) => interpolateRdBu(1 - t));
    return scaleDiverging(interp).domain([c - r, c, c + r]) as unknown as ColorScale;
  }
  return scaleSequential(options.interpolator ?? interpolateViridis).domain([lo, hi]) as unknown as ColorScale;
}

/**
 * Samples a colour scale into an RGBA lookup table of `size` entries over its domain, so a canvas can colour
 * thousands of cells without parsing a colour string per cell.
 *
 * @param scale - the colour scale
 * @param size - entries (default 256)
 * @returns `{ table, lo, hi }`: RGBA bytes, `size × 4`, and the value range the table spans
 */
export function colorLut(scale: ColorScale, size = 256): { table: Uint8ClampedArray; lo: number; hi: number } {
  const d = scale.domain();
  const lo = d[0];
  const hi = d[d.length - 1];
  const table = new Uint8ClampedArray(size * 4);
  for (let k = 0; k < size; k++) {
    const v = lo + ((hi - lo) * k) / (size - 1);
    const c = d3color(scale(v))?.rgb();
    table[k * 4] = c ? c.r : 0;
    table[k * 4 + 1] = c ? c.g : 0;
    table[k * 4 + 2] = c ? c.b : 0;
    table[k * 4 + 3] = c ? Math.round(c.opacity * 255) : 0;
  }
  return { table, lo, hi };
}

/** The x (or y) value of grid edge `k` (0 … n) along one axis. */
export function gridEdge(extent: Domain, n: number, k: number): number {
  return extent[0] + ((extent[1] - extent[0]) * k) / n;
}

/** Throws with a message saying what to fix when a grid's shape does not match its values. */
export function assertGrid(grid: GridData): void {
  if (!(Number.isInteger(grid.nx) && Number.isInteger(grid.ny) && grid.nx > 0 && grid.ny > 0)) {
    throw new Error(`plots: grid nx and ny must be positive integers, got nx=${grid.nx}, ny=${grid.ny}.`);
  }
  if (grid.values.length < grid.nx * grid.ny) {
    throw new Error(`plots: grid has ${grid.values.length} values but nx*ny = ${grid.nx * grid.ny}; pass values row-major with x fastest.`);
  }
}
