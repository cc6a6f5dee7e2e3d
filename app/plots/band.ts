/**
 * Band: the region between a lower and an upper curve, e.g. the 5–95 % quantiles of simulated paths. Where any of
 * x, lower or upper is not finite the band has a gap.
 */
import { bandData } from './pathData.ts';
import type { Numeric, XYScales } from './scales.ts';
import { markGroup, type MarkGroup, type SvgTarget } from './svg.ts';
import { themeColor } from './theme.ts';

/** Data for {@link drawBand}: parallel arrays (not copied). */
export interface BandData {
  /** X values. */
  x: Numeric;
  /** Lower edge (e.g. the 5 % quantile) at each x. */
  lower: Numeric;
  /** Upper edge (e.g. the 95 % quantile) at each x. */
  upper: Numeric;
}

/** Options for {@link drawBand}. */
export interface BandOptions {
  /** Fill colour. Default `var(--plot-band)` (already translucent). */
  color?: string;
  /** Fill opacity, multiplied with the colour's own alpha. Default 1. Nest bands (50 % inside 90 %) with e.g. 0.6. */
  opacity?: number;
  /** Screen-reader label. Default "Band between lower and upper curves over N points". */
  ariaLabel?: string;
}

/**
 * Draws one band.
 *
 * @param target - svg or g to draw into
 * @param data - x, lower and upper arrays
 * @param scales - x and y scales
 * @param options - colour, opacity, aria label
 * @returns the band's group (one `<path>` inside)
 */
export function drawBand(target: SvgTarget, data: BandData, scales: XYScales, options: BandOptions = {}): MarkGroup {
  const { x, lower, upper } = data;
  const n = Math.min(x.length, lower.length, upper.length);
  const g = markGroup(target, 'band', options.ariaLabel ?? `Band between lower and upper curves over ${n} points`);
  const p = g
    .append('path')
    .attr('stroke', 'none')
    .style('fill', options.color ?? themeColor.band)
    .attr('d', bandData(x, lower, upper, scales));
  if (options.opacity !== undefined) p.attr('fill-opacity', options.opacity);
  return g;
}
