/**
 * Vector field: an arrow at each grid point (a drift b(x), an optimal control a*(x), a score ∇log p), scaled so the
 * longest arrow nearly fills its cell and every other is proportional to its magnitude.
 */
import { markGroup, px, type MarkGroup, type SvgTarget } from './svg.ts';
import { scaleSlope, type Numeric, type XYScales } from './scales.ts';
import { defaultPlotTheme, seriesColor, type PlotTheme } from './theme.ts';

/** Data for {@link drawVectorField}: arrow positions and components, parallel arrays in data units (not copied). */
export interface VectorFieldData {
  /** X of each arrow's anchor (usually grid cell centres). */
  x: Numeric;
  /** Y of each arrow's anchor. */
  y: Numeric;
  /** X component of the vector. */
  u: Numeric;
  /** Y component of the vector. */
  v: Numeric;
}

/** Options for {@link drawVectorField}. */
export interface VectorFieldOptions {
  /** Grid cell size in px. Default: the smallest spacing between distinct anchor positions on screen. */
  cellPx?: number;
  /** Fraction of the cell the longest arrow spans. Default 0.9. */
  fill?: number;
  /** Magnitude `hypot(u, v)` that gets a full-length arrow. Default the largest in the data. Fix it to compare
   *  frames of an animation on one scale. */
  maxMagnitude?: number;
  /** All arrows the same length: direction only. Default false. */
  normalize?: boolean;
  /** Where the anchor sits on the arrow. Default `'middle'`. */
  anchor?: 'tail' | 'middle';
  /** Colour. Default series 1 (`var(--plot-1)`). */
  color?: string;
  /** Theme for the stroke width. Default {@link defaultPlotTheme}. */
  theme?: PlotTheme;
  /** Screen-reader label. Default "Vector field of N arrows". */
  ariaLabel?: string;
}

/** Smallest positive gap between distinct sorted values (rounded to 0.01 px), or Infinity. */
function minSpacing(values: number[]): number {
  const u = [...new Set(values.filter(Number.isFinite).map((v) => Math.round(v * 100) / 100))].sort((a, b) => a - b);
  let m = Infinity;
  for (let i = 1; i < u.length; i++) m = Math.min(m, u[i] - u[i - 1]);
  return m;
}

/**
 * Draws one `<path>` per arrow (shaft and a filled head). Arrows with a zero or non-finite vector are skipped. The
 * direction is the vector's direction on screen (so it follows the flow as plotted, even with unequal axis scales);
 * the length is proportional to `hypot(u, v)`.
 *
 * @param target - svg or g to draw into
 * @param data - anchors and components
 * @param scales - x and y scales (linear)
 * @param options - cell size, fill, normalisation, anchor, colour, aria label
 * @returns the field's group
 */
export function drawVectorField(target: SvgTarget, data: VectorFieldData, scales: XYScales, options: VectorFieldOptions = {}): MarkGroup {
  const theme = options.theme ?? defaultPlotTheme;
  const n = Math.min(data.x.length, data.y.length, data.u.length, data.v.length);
  const g = markGroup(target, 'vector-field', options.ariaLabel ?? `Vector field of ${n} arrows`).style('color', options.color ?? seriesColor(0));
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  let maxMag = 0;
  for (let i = 0; i < n; i++) {
    ax[i] = scales.x(data.x[i]);
    ay[i] = scales.y(data.y[i]);
    const m = Math.hypot(data.u[i], data.v[i]);
    if (Number.isFinite(m) && m > maxMag) maxMag = m;
  }
  let cell = options.cellPx ?? Math.min(minSpacing(Array.from(ax)), minSpacing(Array.from(ay)));
  if (!Number.isFinite(cell) || cell <= 0) cell = 20;
  const full = cell * (options.fill ?? 0.9);
  const ref = options.maxMagnitude ?? maxMag;
  const kx = scaleSlope(scales.x);
  const ky = scaleSlope(scales.y);
  const sw = Math.max(1, theme.strokeWidth * 0.75);
  const head = Math.max(3, theme.strokeWidth * 3);

  for (let i = 0; i < n; i++) {
    const u = data.u[i];
    const v = data.v[i];
    const m = Math.hypot(u, v);
    if (!(m > 0) || !Number.isFinite(m) || !Number.isFinite(ax[i]) || !Number.isFinite(ay[i]) || !(ref > 0)) continue;
    const dx = u * kx;
    const dy = v * ky;
    const dm = Math.hypot(dx, dy);
    if (!(dm > 0)) continue;
    const ux = dx / dm;
    const uy = dy / dm;
    const len = options.normalize ? full : full * Math.min(1, m / ref);
    const back = options.anchor === 'tail' ? 0 : len / 2;
    const tx = ax[i] - ux * back;
    const ty = ay[i] - uy * back;
    const hx = tx + ux * len;
    const hy = ty + uy * len;
    const h = Math.min(len * 0.45, head);
    const w = h * 0.5;
    const nx = hx - ux * h;
    const ny = hy - uy * h;
    const d = `M${px(tx)},${px(ty)}L${px(nx)},${px(ny)}` + `M${px(hx)},${px(hy)}L${px(nx - uy * w)},${px(ny + ux * w)}L${px(nx + uy * w)},${px(ny - ux * w)}Z`;
    g.append('path').attr('d', d);
  }
  g.attr('fill', 'currentColor').attr('stroke', 'currentColor').attr('stroke-width', sw).attr('stroke-linejoin', 'round');
  return g;
}
