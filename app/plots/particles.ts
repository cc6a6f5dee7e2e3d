/**
 * Particles: a cloud of 2-D points on a canvas (samples of a diffusion at time t, an ensemble of states), drawn
 * translucent so that their density shows, with a few highlighted.
 */
import { alphaForCount, withClip, type Ctx2D } from './canvas.ts';
import type { Frame } from './frame.ts';
import { affine, type Numeric, type XYScales } from './scales.ts';
import { themeSeries, type PlotTheme } from './theme.ts';

/** Data for {@link drawParticles}: parallel coordinate arrays (not copied). */
export interface ParticlesData {
  /** X coordinates. */
  x: Numeric;
  /** Y coordinates. */
  y: Numeric;
}

/** Options for {@link drawParticles}. */
export interface ParticlesOptions {
  /** Colour. Default the theme's series 1. */
  color?: string;
  /** Opacity of each point. Default {@link alphaForCount}(n, 14). */
  alpha?: number;
  /** Radius in CSS px. Default the theme's stroke width (at least 1). Up to 1.5 px points are squares (fast). */
  radius?: number;
  /** Indices of points drawn on top, opaque, twice the radius. */
  highlight?: readonly number[];
  /** Colour of highlighted points. Default the theme's series 2. */
  highlightColor?: string;
  /** Clip to the frame's inner box. Default no clip. */
  clip?: Frame;
}

function dot(ctx: Ctx2D, x: number, y: number, r: number): void {
  if (r <= 1.5) {
    ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
  } else {
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/**
 * Draws the points (non-finite ones are skipped), then the highlighted ones.
 *
 * @param ctx - a context prepared with `prepareCanvas`
 * @param data - x and y arrays
 * @param scales - x and y scales
 * @param theme - resolved theme
 * @param options - colour, alpha, radius, highlight, clip
 */
export function drawParticles(ctx: Ctx2D, data: ParticlesData, scales: XYScales, theme: PlotTheme, options: ParticlesOptions = {}): void {
  const n = Math.min(data.x.length, data.y.length);
  const r = options.radius ?? Math.max(1, theme.strokeWidth);
  const sx = affine(scales.x);
  const sy = affine(scales.y);
  withClip(ctx, options.clip, () => {
    ctx.fillStyle = options.color ?? themeSeries(theme, 0);
    ctx.globalAlpha = options.alpha ?? alphaForCount(n, 14);
    const at = (i: number): [number, number] | null => {
      const vx = data.x[i];
      const vy = data.y[i];
      if (!Number.isFinite(vx) || !Number.isFinite(vy)) return null;
      const px = sx(vx);
      const py = sy(vy);
      return Number.isFinite(px) && Number.isFinite(py) ? [px, py] : null;
    };
    for (let i = 0; i < n; i++) {
      const p = at(i);
      if (p) dot(ctx, p[0], p[1], r);
    }
    const hl = options.highlight ?? [];
    if (hl.length) {
      ctx.globalAlpha = 1;
      ctx.fillStyle = options.highlightColor ?? themeSeries(theme, 1);
      for (const i of hl) {
        const p = Number.isInteger(i) && i >= 0 && i < n ? at(i) : null;
        if (p) dot(ctx, p[0], p[1], Math.max(2, r * 2));
      }
    }
  });
}
