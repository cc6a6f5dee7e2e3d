/**
 * Plot set-up in one call: axis domains and titles in, frame and scales out, axes drawn. Every figure's panel
 * starts with it, so margins, nice ends, tick choice and log axes are decided in one place:
 *
 * ```ts
 * const s = plotAxes(svg, size, theme, { x: { domain: [0, T], label: 'time t' }, y: { domain: [lo, hi], label: 'Xₜ' } });
 * drawLine(svg, { x: t, y: mean }, s, { theme });
 * ```
 *
 * A log axis plots log10 of the data on a linear scale (`log: true`): the figure passes log10 values, and the axis
 * labels its ticks as the numbers themselves (1, 2, 5, 10, … or 10⁻³ when the range is wide).
 */
import { scaleLinear } from 'd3';
import { drawAxes, type AxesOptions } from './axes.ts';
import { frame, type Frame, type Margin } from './frame.ts';
import { safeDomain, type Domain, type Scale, type XYScales } from './scales.ts';
import type { SurfaceSize, SurfaceSvg } from './PlotSurface.tsx';
import type { PlotTheme } from './theme.ts';
import { logTickLabel, logTicks } from './logTicks.ts';

/** Options for {@link plotScales}. */
export interface PlotScalesOptions {
  /** Extend each domain to round values at a fine step (d3 `nice()`, so 0.03..4.9 becomes 0..5). Default true. */
  nice?: boolean;
  /** Clamp out-of-domain values to the plot edge. Default false. */
  clamp?: boolean;
}

/**
 * Linear x and y scales that map the domains onto the frame's inner box (y upwards). Degenerate or missing domains
 * are made safe with {@link safeDomain}.
 *
 * @param frame - the plot frame from `frame()`
 * @param xDomain - data range along x
 * @param yDomain - data range along y
 * @param options - nice / clamp
 */
export function plotScales(frame: Frame, xDomain: Domain | undefined, yDomain: Domain | undefined, options: PlotScalesOptions = {}): XYScales {
  const x: Scale = scaleLinear().domain(safeDomain(xDomain)).range([frame.left, frame.right]);
  const y: Scale = scaleLinear().domain(safeDomain(yDomain)).range([frame.bottom, frame.top]);
  if (options.nice ?? true) {
    // d3's default count (10): rounds the ends to a fine step, so a range of 0..5 stays 0..5.
    x.nice();
    y.nice();
  }
  if (options.clamp) {
    x.clamp(true);
    y.clamp(true);
  }
  return { x, y };
}

/** One axis of {@link plotAxes}. */
export interface AxisSpec {
  /** Data range along the axis (log10 units when `log`); undefined or degenerate ranges are made safe. */
  domain: Domain | undefined;
  /** Axis title, e.g. 'time t'. */
  label?: string;
  /** Explicit tick values (thinned if their labels would overlap). */
  ticks?: readonly number[];
  /** Tick label formatter. */
  format?: (v: number) => string;
  /** The values are log10 of the data: ticks at 1, 2, 5 × 10ᵏ (decades only on a wide range), labelled as numbers. */
  log?: boolean;
}

/** Options of {@link plotAxes}. */
export interface PlotAxesOptions {
  x: AxisSpec;
  y: AxisSpec;
  /** Round both domains to nice ends (d3 `nice()`). Default false: a figure's ranges are chosen on purpose. */
  nice?: boolean;
  /** Clamp out-of-domain values to the plot edge. Default false. */
  clamp?: boolean;
  /** Grid lines: both (default), none, or only 'x' / 'y'. */
  grid?: AxesOptions['grid'];
  /** Overrides for individual margins (e.g. room for a colour legend on the right). */
  margin?: Partial<Margin>;
}

/** What {@link plotAxes} returns: the two scales (so it can stand for `XYScales`) and the frame. */
export interface PlotSetup extends XYScales {
  frame: Frame;
}

function ticksOf(axis: AxisSpec): { ticks?: readonly number[]; format?: (v: number) => string } {
  if (!axis.log) return { ticks: axis.ticks, format: axis.format };
  const [lo, hi] = safeDomain(axis.domain);
  return { ticks: axis.ticks ?? logTicks(lo, hi), format: axis.format ?? logTickLabel };
}

/**
 * Lays out a plot, makes its scales and draws its axes (call it first, so the grid lies beneath the marks).
 *
 * @param svg - the surface's svg (emptied by PlotSurface before each draw)
 * @param size - the surface's size
 * @param theme - the plot theme
 * @param options - the two axes, nice ends, clamping, grid and margin overrides
 * @returns the scales and the frame
 */
export function plotAxes(svg: SurfaceSvg, size: SurfaceSize, theme: PlotTheme, options: PlotAxesOptions): PlotSetup {
  const x = ticksOf(options.x);
  const y = ticksOf(options.y);
  const f = frame(size, {
    theme,
    xLabel: options.x.label,
    yLabel: options.y.label,
    yDomain: options.y.domain,
    yTickLabels: y.ticks && y.format ? y.ticks.map(y.format) : undefined,
    margin: options.margin,
  });
  const s = plotScales(f, options.x.domain, options.y.domain, { nice: options.nice ?? false, clamp: options.clamp });
  drawAxes(svg, s, f, {
    theme,
    xLabel: options.x.label,
    yLabel: options.y.label,
    grid: options.grid,
    xTicks: x.ticks,
    xFormat: x.format,
    yTicks: y.ticks,
    yFormat: y.format,
  });
  return { ...s, frame: f };
}
