/**
 * Two small svg marks the chapter's figures need beyond app/plots: points (filled or hollow) and vertical error
 * bars. Colours are CSS variables, so the themes apply.
 */
import { markGroup, px, type MarkGroup, type SvgTarget } from '../../app/plots/svg.ts';
import type { Numeric, XYScales } from '../../app/plots/scales.ts';

export interface PointOptions {
  color: string;
  radius: number;
  /** Per point: draw it hollow (an outline) instead of filled. */
  hollow?: readonly boolean[];
  ariaLabel?: string;
}

/** Circles at (x_i, y_i); non-finite points are skipped. */
export function drawPoints(target: SvgTarget, x: Numeric, y: Numeric, s: XYScales, o: PointOptions): MarkGroup {
  const g = markGroup(target, 'points', o.ariaLabel ?? `${x.length} points`).style('color', o.color);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const X = s.x(x[i]);
    const Y = s.y(y[i]);
    if (!Number.isFinite(X) || !Number.isFinite(Y)) continue;
    const hollow = o.hollow?.[i] ?? false;
    g.append('circle')
      .attr('cx', px(X))
      .attr('cy', px(Y))
      .attr('r', px(o.radius))
      .attr('fill', hollow ? 'var(--bg, #fff)' : 'currentColor')
      .attr('stroke', 'currentColor')
      .attr('stroke-width', hollow ? 1.5 : 0);
  }
  return g;
}

/** Vertical bars from (x_i, lo_i) to (x_i, hi_i) with small caps; non-finite ends are clipped to the plot. */
export function drawErrorBars(target: SvgTarget, x: Numeric, lo: Numeric, hi: Numeric, s: XYScales, o: { color: string; width: number; cap: number; ariaLabel?: string }): MarkGroup {
  const g = markGroup(target, 'error-bars', o.ariaLabel ?? 'Error bars').style('color', o.color);
  const [yBottom, yTop] = s.y.range();
  for (let i = 0; i < x.length; i++) {
    const X = s.x(x[i]);
    let a = s.y(lo[i]);
    let b = s.y(hi[i]);
    if (!Number.isFinite(a)) a = yBottom;
    if (!Number.isFinite(b)) b = yTop;
    a = Math.min(yBottom, Math.max(yTop, a));
    b = Math.min(yBottom, Math.max(yTop, b));
    g.append('line').attr('x1', px(X)).attr('x2', px(X)).attr('y1', px(a)).attr('y2', px(b)).attr('stroke', 'currentColor').attr('stroke-width', o.width);
    for (const y of [a, b]) g.append('line').attr('x1', px(X - o.cap)).attr('x2', px(X + o.cap)).attr('y1', px(y)).attr('y2', px(y)).attr('stroke', 'currentColor').attr('stroke-width', o.width);
  }
  return g;
}
