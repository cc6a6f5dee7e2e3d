/**
 * Line: one series `y(x)` as an SVG path. Non-finite points (NaN, ±Infinity) break the line instead of producing a
 * broken path, so a solver that blows up shows a gap, not garbage.
 */
import { polylineData } from './pathData.ts';
import type { Numeric, XYScales } from './scales.ts';
import { markGroup, type MarkGroup, type SvgTarget } from './svg.ts';
import { defaultPlotTheme, seriesColor, type PlotTheme } from './theme.ts';

/** Data for {@link drawLine}: parallel arrays (typed arrays welcome; not copied). */
export interface LineData {
  /** X values. */
  x: Numeric;
  /** Y values; only the first `min(x.length, y.length)` points are drawn. */
  y: Numeric;
}

/** Options for {@link drawLine}. */
export interface LineOptions {
  /** Stroke colour: any CSS colour. Default series 1 (`var(--plot-1)`). */
  color?: string;
  /** Stroke width in px, as a multiple of the theme's stroke width. Default 1. */
  weight?: number;
  /** SVG dash array, e.g. `"4 3"` for a reference (closed-form) curve. */
  dash?: string;
  /** Theme for the stroke width. Default {@link defaultPlotTheme}. */
  theme?: PlotTheme;
  /** Screen-reader label. Default "Line of N points". */
  ariaLabel?: string;
}

/**
 * Draws one line.
 *
 * @param target - svg or g to draw into
 * @param data - x and y arrays
 * @param scales - x and y scales
 * @param options - colour, weight, dash, aria label
 * @returns the line's group (one `<path>` inside)
 */
export function drawLine(target: SvgTarget, data: LineData, scales: XYScales, options: LineOptions = {}): MarkGroup {
  const theme = options.theme ?? defaultPlotTheme;
  const n = Math.min(data.x.length, data.y.length);
  const g = markGroup(target, 'line', options.ariaLabel ?? `Line of ${n} points`).style('color', options.color ?? seriesColor(0));
  const p = g
    .append('path')
    .attr('fill', 'none')
    .attr('stroke', 'currentColor')
    .attr('stroke-width', theme.strokeWidth * (options.weight ?? 1))
    .attr('stroke-linejoin', 'round')
    .attr('stroke-linecap', 'round')
    .attr('d', polylineData(data.x, data.y, scales));
  if (options.dash) p.attr('stroke-dasharray', options.dash);
  return g;
}
