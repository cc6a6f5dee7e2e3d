/** A short text label at a data point, in the plot's type: for marking a point, a slope or a threshold on a plot. */
import type { XYScales } from './scales.ts';
import { markGroup, type SvgTarget } from './svg.ts';
import type { PlotTheme } from './theme.ts';

/** Options for {@link drawText}. */
export interface TextOptions {
  /** Which end of the text sits at the point. Default 'start'. */
  anchor?: 'start' | 'middle' | 'end';
  /** Text colour (a CSS colour or variable). Default the plot's foreground. */
  color?: string;
  /** Offset in px from the point, x then y (y down). Default [0, 0]. */
  offset?: readonly [number, number];
}

/**
 * Draws `text` at data point (x, y), vertically centred on it.
 *
 * @returns nothing; the label is its own group, labelled by its text for screen readers
 */
export function drawText(target: SvgTarget, s: XYScales, x: number, y: number, text: string, theme: PlotTheme, options: TextOptions = {}): void {
  const [dx, dy] = options.offset ?? [0, 0];
  markGroup(target, 'label', text)
    .append('text')
    .attr('x', s.x(x) + dx)
    .attr('y', s.y(y) + dy)
    .attr('font-size', theme.fontSize)
    .attr('text-anchor', options.anchor ?? 'start')
    .attr('dy', '0.32em')
    .style('fill', options.color ?? 'var(--plot-fg)')
    .text(text);
}
