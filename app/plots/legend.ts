/**
 * Series legend: a swatch and a label per series, laid out in rows that wrap at `maxWidth` (so a phone gets two
 * short rows instead of one cut-off line). Use {@link legendSize} to reserve room in the frame's margin first.
 */
import { estimateTextWidth } from './format.ts';
import { markGroup, px, type MarkGroup, type SvgTarget } from './svg.ts';
import { defaultPlotTheme, themeColor, type PlotTheme } from './theme.ts';

/** One legend entry. */
export interface LegendItem {
  /** Text shown. */
  label: string;
  /** CSS colour of the series (e.g. `seriesColor(1)`). */
  color: string;
  /** Swatch: a line (default), a dashed line, a filled square (bars, bands) or a dot (points). */
  shape?: 'line' | 'dash' | 'square' | 'dot';
}

/** Options for {@link drawLegend} and {@link legendSize}. */
export interface LegendOptions {
  /** Left of the legend in px. Default 0. */
  x?: number;
  /** Top of the legend in px. Default 0. */
  y?: number;
  /** Width to wrap at, in px. Default Infinity (one row). */
  maxWidth?: number;
  /** Theme for font size and stroke width. Default {@link defaultPlotTheme}. */
  theme?: PlotTheme;
  /** Screen-reader label. Default "Legend: a, b, c". */
  ariaLabel?: string;
}

interface Placed {
  item: LegendItem;
  x: number;
  y: number;
}

function layout(items: readonly LegendItem[], options: LegendOptions): { placed: Placed[]; width: number; height: number } {
  const fs = (options.theme ?? defaultPlotTheme).fontSize;
  const swatch = fs * 1.6;
  const gap = fs;
  const rowH = fs * 1.5;
  const maxW = options.maxWidth ?? Infinity;
  let cx = 0;
  let row = 0;
  let width = 0;
  const placed: Placed[] = [];
  for (const item of items) {
    const w = swatch + fs * 0.4 + estimateTextWidth(item.label, fs);
    if (cx > 0 && cx + w > maxW) {
      cx = 0;
      row++;
    }
    placed.push({ item, x: cx, y: row * rowH });
    width = Math.max(width, cx + w);
    cx += w + gap;
  }
  return { placed, width, height: items.length ? (row + 1) * rowH : 0 };
}

/**
 * Size the legend will take, in px, for reserving a margin.
 *
 * @param items - the entries
 * @param options - wrap width and theme
 */
export function legendSize(items: readonly LegendItem[], options: LegendOptions = {}): { width: number; height: number } {
  const { width, height } = layout(items, options);
  return { width, height };
}

/**
 * Draws the legend.
 *
 * @param target - svg or g to draw into
 * @param items - the entries, in order
 * @param options - position, wrap width, theme, aria label
 * @returns the legend's group
 */
export function drawLegend(target: SvgTarget, items: readonly LegendItem[], options: LegendOptions = {}): MarkGroup {
  const theme = options.theme ?? defaultPlotTheme;
  const fs = theme.fontSize;
  const swatch = fs * 1.6;
  const g = markGroup(target, 'legend', options.ariaLabel ?? `Legend: ${items.map((i) => i.label).join(', ')}`)
    .attr('transform', `translate(${px(options.x ?? 0)},${px(options.y ?? 0)})`)
    .attr('font-size', fs);
  const mid = fs * 0.75;
  for (const { item, x, y } of layout(items, options).placed) {
    const e = g
      .append('g')
      .attr('transform', `translate(${px(x)},${px(y)})`)
      .style('color', item.color);
    const shape = item.shape ?? 'line';
    if (shape === 'square') {
      e.append('rect')
        .attr('x', px(swatch / 2 - fs * 0.4))
        .attr('y', px(mid - fs * 0.4))
        .attr('width', px(fs * 0.8))
        .attr('height', px(fs * 0.8))
        .attr('fill', 'currentColor');
    } else if (shape === 'dot') {
      e.append('circle')
        .attr('cx', px(swatch / 2))
        .attr('cy', px(mid))
        .attr('r', px(fs * 0.3))
        .attr('fill', 'currentColor');
    } else {
      const l = e
        .append('line')
        .attr('x1', 0)
        .attr('x2', px(swatch))
        .attr('y1', px(mid))
        .attr('y2', px(mid))
        .attr('stroke', 'currentColor')
        .attr('stroke-width', theme.strokeWidth);
      if (shape === 'dash') l.attr('stroke-dasharray', '4 3');
    }
    e.append('text')
      .attr('x', px(swatch + fs * 0.4))
      .attr('y', px(mid))
      .attr('dy', '0.32em')
      .style('fill', themeColor.fg)
      .text(item.label);
  }
  return g;
}
