/**
 * Points with vertical error bars (estimates ± a half-width), and tick values for logarithmic axes. For the few
 * marks of a convergence plot (tens of points), drawn in SVG in `currentColor`.
 */
import { scaleLog } from 'd3';
import type { Numeric, XYScales } from './scales.ts';
import { markGroup, px, type MarkGroup, type SvgTarget } from './svg.ts';
import { defaultPlotTheme, seriesColor, type PlotTheme } from './theme.ts';

/**
 * Data for {@link drawPoints}: parallel arrays. Error bars: `err` (the half-width of each bar), or `lo` and `hi`
 * (the ends, for bars that are not symmetric, e.g. on a log axis); an end that is not finite, or outside the plot,
 * is drawn at the plot's edge.
 */
export interface PointsData {
  x: Numeric;
  y: Numeric;
  err?: Numeric;
  lo?: Numeric;
  hi?: Numeric;
}

/** Options for {@link drawPoints}. */
export interface PointsOptions {
  color?: string;
  theme?: PlotTheme;
  /** Dot radius as a multiple of the font size. Default 0.3. */
  radius?: number;
  /** Mark shape. Default 'dot'. */
  shape?: 'dot' | 'square';
  /** Per point: draw it hollow (an outline), e.g. an estimate that is not distinguishable from zero. */
  hollow?: readonly boolean[];
  /** An outline in the background colour around each mark, so that it stands out on lines and bands. */
  halo?: boolean;
  ariaLabel?: string;
}

/** Draws dots (and error bars with caps where `err` or `lo`/`hi` is given); non-finite points are skipped. */
export function drawPoints(target: SvgTarget, data: PointsData, scales: XYScales, options: PointsOptions = {}): MarkGroup {
  const theme = options.theme ?? defaultPlotTheme;
  const n = Math.min(data.x.length, data.y.length);
  const g = markGroup(target, 'points', options.ariaLabel ?? `${n} points`).style('color', options.color ?? seriesColor(0));
  const r = theme.fontSize * (options.radius ?? 0.3);
  const cap = r * 1.2;
  const sw = Math.max(1, theme.strokeWidth * 0.8);
  const [yBottom, yTop] = scales.y.range();
  const clamp = (v: number, fallback: number) => (Number.isFinite(v) ? Math.min(yBottom, Math.max(yTop, v)) : fallback);
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    const y = data.y[i];
    const cx = scales.x(x);
    const e = data.err?.[i];
    let y0 = NaN;
    let y1 = NaN;
    if (e !== undefined && Number.isFinite(e) && e > 0) {
      y0 = scales.y(y - e);
      y1 = scales.y(y + e);
    } else if (data.lo && data.hi) {
      y0 = scales.y(data.lo[i]);
      y1 = scales.y(data.hi[i]);
    }
    if (Number.isFinite(cx) && (Number.isFinite(y0) || Number.isFinite(y1))) {
      const a = clamp(y0, yBottom);
      const b = clamp(y1, yTop);
      g.append('path')
        .attr('d', `M${px(cx)},${px(a)}V${px(b)}M${px(cx - cap)},${px(a)}H${px(cx + cap)}M${px(cx - cap)},${px(b)}H${px(cx + cap)}`)
        .attr('stroke', 'currentColor')
        .attr('stroke-width', sw)
        .attr('fill', 'none');
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const cy = scales.y(y);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    const hollow = options.hollow?.[i] ?? false;
    const fill = hollow ? 'var(--bg, #fff)' : 'currentColor';
    const stroke = hollow ? 'currentColor' : options.halo ? 'var(--bg, #fff)' : 'none';
    const strokeWidth = hollow ? sw * 1.5 : options.halo ? 1.5 : 0;
    if (options.shape === 'square') {
      g.append('rect')
        .attr('x', px(cx - r))
        .attr('y', px(cy - r))
        .attr('width', px(2 * r))
        .attr('height', px(2 * r))
        .attr('fill', fill)
        .attr('stroke', stroke)
        .attr('stroke-width', strokeWidth);
    } else {
      g.append('circle').attr('cx', px(cx)).attr('cy', px(cy)).attr('r', px(r)).attr('fill', fill).attr('stroke', stroke).attr('stroke-width', strokeWidth);
    }
  }
  return g;
}

/** A log scale over [lo, hi] mapped to the px range. */
export function logScale(domain: readonly [number, number], range: readonly [number, number]) {
  return scaleLog().domain([domain[0], domain[1]]).range([range[0], range[1]]);
}
