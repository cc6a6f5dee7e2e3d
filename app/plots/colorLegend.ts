/**
 * Colour legend: a horizontal ramp of a heatmap's colour scale with ticks below and an optional title above.
 */
import { scaleLinear } from 'd3';
import { formatValue } from './format.ts';
import type { ColorScale } from './grid.ts';
import { markGroup, px, type MarkGroup, type SvgTarget } from './svg.ts';
import { defaultPlotTheme, type PlotTheme } from './theme.ts';
import { chooseTicks } from './ticks.ts';

/** Options for {@link drawColorLegend}. */
export interface ColorLegendOptions {
  /** Left of the ramp in px. Default 0. */
  x?: number;
  /** Top of the legend (title, or ramp when untitled) in px. Default 0. */
  y?: number;
  /** Ramp width in px. Default 160. */
  width?: number;
  /** Ramp height in px. Default 0.8 × font size. */
  height?: number;
  /** Title above the ramp (what the colour means, with units). */
  title?: string;
  /** Id of the gradient; must be unique in the document. Default a fresh `plot-ramp-N`. */
  id?: string;
  /** Theme for font size. Default {@link defaultPlotTheme}. */
  theme?: PlotTheme;
  /** Screen-reader label. Default "Colour scale from lo to hi" (+ title). */
  ariaLabel?: string;
}

let rampCounter = 0;

/** Height in px the colour legend takes (title, ramp, tick labels), for reserving a margin. */
export function colorLegendHeight(options: Pick<ColorLegendOptions, 'title' | 'height' | 'theme'> = {}): number {
  const fs = (options.theme ?? defaultPlotTheme).fontSize;
  return (options.title ? fs * 1.4 : 0) + (options.height ?? fs * 0.8) + 4 + fs * 1.3;
}

/**
 * Draws the ramp (a linear gradient sampled at 16 stops), its ticks and title.
 *
 * @param target - svg or g to draw into
 * @param color - the colour scale of the heatmap or contours
 * @param options - position, size, title, gradient id, theme, aria label
 * @returns the legend's group
 */
export function drawColorLegend(target: SvgTarget, color: ColorScale, options: ColorLegendOptions = {}): MarkGroup {
  const theme = options.theme ?? defaultPlotTheme;
  const fs = theme.fontSize;
  const d = color.domain();
  const lo = d[0];
  const hi = d[d.length - 1];
  const width = options.width ?? 160;
  const height = options.height ?? fs * 0.8;
  const id = options.id ?? `plot-ramp-${++rampCounter}`;
  const g = markGroup(
    target,
    'color-legend',
    options.ariaLabel ?? `${options.title ? `${options.title}: c` : 'C'}olour scale from ${formatValue(lo)} to ${formatValue(hi)}`,
  )
    .attr('transform', `translate(${px(options.x ?? 0)},${px(options.y ?? 0)})`)
    .attr('font-size', fs);
  const top = options.title ? fs * 1.4 : 0;
  if (options.title) g.append('text').attr('y', px(fs)).attr('fill', 'currentColor').text(options.title);
  const grad = g.append('defs').append('linearGradient').attr('id', id).attr('x1', 0).attr('x2', 1).attr('y1', 0).attr('y2', 0);
  const stops = 16;
  for (let k = 0; k <= stops; k++) {
    grad
      .append('stop')
      .attr('offset', px(k / stops))
      .attr('stop-color', color(lo + ((hi - lo) * k) / stops));
  }
  g.append('rect').attr('y', px(top)).attr('width', px(width)).attr('height', px(height)).attr('fill', `url(#${id})`);
  const s = scaleLinear().domain([lo, hi]).range([0, width]);
  const ticks = chooseTicks(s, { orient: 'x', fontSize: fs, spacing: fs * 5 });
  const tg = g
    .append('g')
    .attr('transform', `translate(0,${px(top + height)})`)
    .attr('stroke', 'currentColor');
  for (const t of ticks) {
    tg.append('line').attr('x1', px(t.position)).attr('x2', px(t.position)).attr('y1', 0).attr('y2', 4);
    tg.append('text')
      .attr('x', px(t.position))
      .attr('y', 4 + 2)
      .attr('dy', '0.71em')
      .attr('text-anchor', 'middle')
      .attr('fill', 'currentColor')
      .attr('stroke', 'none')
      .text(t.label);
  }
  return g;
}
