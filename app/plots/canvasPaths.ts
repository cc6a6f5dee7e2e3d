/**
 * Many paths on a canvas: thousands of simulated trajectories `X_t` drawn translucent so their density shows, with a
 * few highlighted on top. Non-finite values break a path rather than drawing to garbage coordinates.
 */
import { alphaForCount, withClip, type Ctx2D } from './canvas.ts';
import type { Frame } from './frame.ts';
import { affine, type Numeric, type XYScales } from './scales.ts';
import { themeSeries, type PlotTheme } from './theme.ts';

/** Data for {@link drawCanvasPaths}: shared time grid and a row-major block of paths (not copied). */
export interface PathsData {
  /** Time grid, length `steps`. */
  t: Numeric;
  /** Values, row-major: path `p` at step `k` is `values[p * steps + k]` (the layout a worker's Float32Array has). */
  values: Numeric;
  /** Number of paths. Default `floor(values.length / t.length)`. */
  count?: number;
}

/** Options for {@link drawCanvasPaths}. */
export interface CanvasPathsOptions {
  /** Colour of the bundle. Default the theme's series 1. */
  color?: string;
  /** Opacity of each bundle path. Default {@link alphaForCount}(count). */
  alpha?: number;
  /** Line width of bundle paths as a multiple of the theme's stroke width. Default 0.5. */
  weight?: number;
  /** Indices of paths to draw on top, opaque and thicker. */
  highlight?: readonly number[];
  /** Colours of the highlighted paths, in order. Default the theme's series 2, 3, ... */
  highlightColors?: readonly string[];
  /** Clip to the frame's inner box. Recommended; default no clip. */
  clip?: Frame;
}

function strokePath(ctx: Ctx2D, xs: Float64Array, values: Numeric, offset: number, y: (v: number) => number): void {
  ctx.beginPath();
  let pen = false;
  for (let k = 0; k < xs.length; k++) {
    const v = values[offset + k];
    const py = Number.isFinite(v) ? y(v) : NaN;
    const px = xs[k];
    if (Number.isFinite(py) && Number.isFinite(px)) {
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
    } else pen = false;
  }
  ctx.stroke();
}

/**
 * Draws a bundle of paths, then the highlighted ones over it. Each bundle path is stroked on its own so that
 * overlapping translucent paths accumulate into a density.
 *
 * @param ctx - a context prepared with `prepareCanvas` (drawing is in CSS px)
 * @param data - time grid and row-major values
 * @param scales - x (time) and y scales
 * @param theme - resolved theme (canvas cannot read CSS variables)
 * @param options - colour, alpha, highlight, clip
 */
export function drawCanvasPaths(ctx: Ctx2D, data: PathsData, scales: XYScales, theme: PlotTheme, options: CanvasPathsOptions = {}): void {
  const steps = data.t.length;
  if (steps === 0) return;
  const count = Math.min(data.count ?? Math.floor(data.values.length / steps), Math.floor(data.values.length / steps));
  const xs = new Float64Array(steps);
  for (let k = 0; k < steps; k++) xs[k] = Number.isFinite(data.t[k]) ? scales.x(data.t[k]) : NaN;
  const y = affine(scales.y);
  const highlight = (options.highlight ?? []).filter((i) => Number.isInteger(i) && i >= 0 && i < count);

  withClip(ctx, options.clip, () => {
    // Thin translucent bundle lines look the same with bevel joins and butt caps, which rasterise several times
    // faster than round ones (it matters with a thousand paths of two hundred points each).
    ctx.lineJoin = 'bevel';
    ctx.lineCap = 'butt';
    ctx.strokeStyle = options.color ?? themeSeries(theme, 0);
    ctx.lineWidth = Math.max(0.5, theme.strokeWidth * (options.weight ?? 0.5));
    ctx.globalAlpha = options.alpha ?? alphaForCount(count);
    for (let p = 0; p < count; p++) strokePath(ctx, xs, data.values, p * steps, y);

    ctx.globalAlpha = 1;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.lineWidth = theme.strokeWidth;
    highlight.forEach((p, j) => {
      ctx.strokeStyle = options.highlightColors?.[j] ?? themeSeries(theme, j + 1);
      strokePath(ctx, xs, data.values, p * steps, y);
    });
  });
}
