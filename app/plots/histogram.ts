/**
 * Histogram with an overlaid density: bars of a normalised histogram of samples (e.g. terminal values `X_T`) and
 * the exact density as a curve on top, so a reader sees a simulation agree with a formula.
 */
import type { LineData } from './line.ts';
import { polylineData } from './pathData.ts';
import type { Numeric, XYScales } from './scales.ts';
import { markGroup, px, type MarkGroup, type SvgTarget } from './svg.ts';
import { defaultPlotTheme, seriesColor, type PlotTheme } from './theme.ts';

/** Data for {@link drawHistogram} (not copied). */
export interface HistogramData {
  /** Bin edges, increasing, length `bins + 1`. */
  edges: Numeric;
  /** Height of each bin, length `bins` (a density: counts / (total × width), so the bars' area is 1). */
  density: Numeric;
  /** Optional density curve drawn over the bars (e.g. the closed-form law). */
  curve?: LineData;
}

/** Options for {@link drawHistogram}. */
export interface HistogramOptions {
  /** Bar colour. Default series 1 (`var(--plot-1)`). */
  color?: string;
  /** Bar fill opacity. Default 0.35, so the curve and the grid show through. */
  opacity?: number;
  /** Curve colour. Default series 2 (`var(--plot-2)`). */
  curveColor?: string;
  /** Px left empty on each side of a bar (only where the bar is wider than 4 px). Default 0.5. */
  inset?: number;
  /** Theme for the curve's stroke width. Default {@link defaultPlotTheme}. */
  theme?: PlotTheme;
  /** Screen-reader label. Default "Histogram of N bins" (+ " with a density curve"). */
  ariaLabel?: string;
}

/**
 * Draws the bars (one `<rect>` per finite bin) and the optional density curve.
 *
 * @param target - svg or g to draw into
 * @param data - edges, densities and optional curve
 * @param scales - x and y scales (y should include 0)
 * @param options - colours, opacity, inset, aria label
 * @returns the histogram's group: a `g.plot-bars` of rects and, with a curve, a `path.plot-density`
 */
export function drawHistogram(target: SvgTarget, data: HistogramData, scales: XYScales, options: HistogramOptions = {}): MarkGroup {
  const theme = options.theme ?? defaultPlotTheme;
  const bins = Math.max(0, Math.min(data.edges.length - 1, data.density.length));
  const g = markGroup(target, 'histogram', options.ariaLabel ?? `Histogram of ${bins} bins${data.curve ? ' with a density curve' : ''}`);
  const bars = g
    .append('g')
    .attr('class', 'plot-bars')
    .style('fill', options.color ?? seriesColor(0))
    .attr('fill-opacity', options.opacity ?? 0.35);
  const inset = options.inset ?? 0.5;
  const y0 = scales.y(0);
  for (let i = 0; i < bins; i++) {
    const d = data.density[i];
    const a = scales.x(data.edges[i]);
    const b = scales.x(data.edges[i + 1]);
    const top = scales.y(d);
    if (![a, b, top, y0].every(Number.isFinite)) continue;
    const left = Math.min(a, b);
    const w = Math.abs(b - a);
    const pad = w > 4 ? inset : 0;
    bars
      .append('rect')
      .attr('x', px(left + pad))
      .attr('width', px(Math.max(0, w - 2 * pad)))
      .attr('y', px(Math.min(top, y0)))
      .attr('height', px(Math.abs(y0 - top)));
  }
  if (data.curve) {
    g.append('path')
      .attr('class', 'plot-density')
      .attr('fill', 'none')
      .style('stroke', options.curveColor ?? seriesColor(1))
      .attr('stroke-width', theme.strokeWidth)
      .attr('stroke-linejoin', 'round')
      .attr('d', polylineData(data.curve.x, data.curve.y, scales));
  }
  return g;
}
