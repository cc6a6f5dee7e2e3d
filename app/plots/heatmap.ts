/**
 * Heatmap: a grid of values as coloured cells. Small grids (up to {@link HEATMAP_SVG_MAX_CELLS} cells) as SVG rects,
 * which export crisply and can be inspected; larger ones as one canvas image. Pair with `drawContours` and
 * `drawColorLegend`.
 */
import type { Ctx2D } from './canvas.ts';
import { assertGrid, colorLut, gridColorScale, gridEdge, type ColorScale, type GridData } from './grid.ts';
import type { XYScales } from './scales.ts';
import { markGroup, px, type MarkGroup, type SvgTarget } from './svg.ts';

/** Grids with more cells than this should use {@link drawHeatmapCanvas}. */
const HEATMAP_SVG_MAX_CELLS = 1024;

/** Whether a grid is large enough that the canvas heatmap should be used. */
export function heatmapNeedsCanvas(grid: Pick<GridData, 'nx' | 'ny'>): boolean {
  return grid.nx * grid.ny > HEATMAP_SVG_MAX_CELLS;
}

/** Options shared by both heatmaps. */
export interface HeatmapOptions {
  /** Colour scale. Default {@link gridColorScale}(values) (viridis over the finite extent). */
  color?: ColorScale;
  /** Screen-reader label (SVG only). Default "Heatmap of nx × ny cells". */
  ariaLabel?: string;
}

/** Options for {@link drawHeatmapCanvas}. */
export interface HeatmapCanvasOptions extends HeatmapOptions {
  /** Interpolate between cells when scaling the image up. Default false (cells stay visible). */
  smooth?: boolean;
  /** Makes the offscreen canvas the grid image is put into. Default `document.createElement('canvas')`. */
  createCanvas?: () => HTMLCanvasElement | OffscreenCanvas;
}

/**
 * Draws a grid as one `<rect>` per finite cell.
 *
 * @param target - svg or g to draw into
 * @param grid - the grid (row 0 at the bottom)
 * @param scales - x and y scales
 * @param options - colour scale, aria label
 * @returns the heatmap's group
 */
export function drawHeatmapSvg(target: SvgTarget, grid: GridData, scales: XYScales, options: HeatmapOptions = {}): MarkGroup {
  assertGrid(grid);
  const { nx, ny, values } = grid;
  const color = options.color ?? gridColorScale(values);
  const g = markGroup(target, 'heatmap', options.ariaLabel ?? `Heatmap of ${nx} × ${ny} cells`).attr('shape-rendering', 'crispEdges');
  const xe = Array.from({ length: nx + 1 }, (_, i) => scales.x(gridEdge(grid.x, nx, i)));
  const ye = Array.from({ length: ny + 1 }, (_, j) => scales.y(gridEdge(grid.y, ny, j)));
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v = values[j * nx + i];
      if (!Number.isFinite(v)) continue;
      g.append('rect')
        .attr('x', px(Math.min(xe[i], xe[i + 1])))
        .attr('y', px(Math.min(ye[j], ye[j + 1])))
        .attr('width', px(Math.abs(xe[i + 1] - xe[i])))
        .attr('height', px(Math.abs(ye[j + 1] - ye[j])))
        .attr('fill', color(v));
    }
  }
  return g;
}

/**
 * Draws a grid as one image: each cell one pixel of an `nx × ny` offscreen image, scaled onto the grid's extent.
 *
 * @param ctx - a context prepared with `prepareCanvas`
 * @param grid - the grid (row 0 at the bottom)
 * @param scales - x and y scales
 * @param options - colour scale, smoothing, offscreen canvas factory
 */
export function drawHeatmapCanvas(ctx: Ctx2D, grid: GridData, scales: XYScales, options: HeatmapCanvasOptions = {}): void {
  assertGrid(grid);
  const { nx, ny, values } = grid;
  const color = options.color ?? gridColorScale(values);
  const { table, lo, hi } = colorLut(color);
  const last = table.length / 4 - 1;
  const x0 = scales.x(grid.x[0]);
  const x1 = scales.x(grid.x[1]);
  const y0 = scales.y(grid.y[0]);
  const y1 = scales.y(grid.y[1]);
  if (![x0, x1, y0, y1].every(Number.isFinite)) return;
  const flipX = x1 < x0;
  const flipY = y1 < y0; // the usual case: larger y is higher on screen, so image row 0 is grid row ny-1

  const off = options.createCanvas ? options.createCanvas() : document.createElement('canvas');
  off.width = nx;
  off.height = ny;
  const octx = off.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!octx) return;
  const image = octx.createImageData(nx, ny);
  const data = image.data;
  for (let r = 0; r < ny; r++) {
    const j = flipY ? ny - 1 - r : r;
    for (let c = 0; c < nx; c++) {
      const i = flipX ? nx - 1 - c : c;
      const v = values[j * nx + i];
      const o = (r * nx + c) * 4;
      if (!Number.isFinite(v)) {
        data[o + 3] = 0;
        continue;
      }
      const k = hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * last);
      const t = Math.min(last, Math.max(0, k)) * 4;
      data[o] = table[t];
      data[o + 1] = table[t + 1];
      data[o + 2] = table[t + 2];
      data[o + 3] = table[t + 3];
    }
  }
  octx.putImageData(image, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = options.smooth ?? false;
  ctx.drawImage(off as CanvasImageSource, Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
  ctx.restore();
}
