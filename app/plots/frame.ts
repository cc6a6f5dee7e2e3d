/**
 * The frame: a plot's outer size, its margins and the inner box where marks go. Margins grow with the theme's font
 * size (projector type is larger) and with the y tick labels' width, so nothing is cut on a phone or a projector.
 */
import { scaleLinear } from 'd3';
import { estimateTextWidth } from './format.ts';
import { safeDomain, type Domain } from './scales.ts';
import { defaultPlotTheme, type PlotTheme } from './theme.ts';
import { chooseTicks } from './ticks.ts';

/** Outer size of a plot in CSS px. */
export interface PlotSize {
  /** Width in CSS px. */
  width: number;
  /** Height in CSS px. */
  height: number;
}

/** Margins around the inner box, in CSS px. */
export interface Margin {
  /** Above the inner box (room for the top y label's overhang, or a legend). */
  top: number;
  /** Right of the inner box (room for the last x label's overhang). */
  right: number;
  /** Below the inner box (ticks, x labels, x title). */
  bottom: number;
  /** Left of the inner box (ticks, y labels, y title). */
  left: number;
}

/** A plot's layout: outer size, margins and the inner box (all in CSS px, origin top-left of the svg). */
export interface Frame extends PlotSize {
  /** The margins used. */
  margin: Margin;
  /** Left edge of the inner box. */
  left: number;
  /** Top edge of the inner box. */
  top: number;
  /** Right edge of the inner box. */
  right: number;
  /** Bottom edge of the inner box. */
  bottom: number;
  /** Inner box width (≥ 0). */
  innerWidth: number;
  /** Inner box height (≥ 0). */
  innerHeight: number;
  /** Tick-label font size the margins were computed for. */
  fontSize: number;
}

/** Length of an axis tick mark in px. */
export const TICK_SIZE = 5;
/** Px between a tick mark and its label. */
export const TICK_PADDING = 3;

/** Options for {@link frame}. */
export interface FrameOptions {
  /** Theme whose font size sets the margins. Default {@link defaultPlotTheme}. */
  theme?: PlotTheme;
  /** An x axis title will be drawn: reserve a line for it below the tick labels. */
  xLabel?: string;
  /** A y axis title will be drawn: reserve a rotated line for it left of the tick labels. */
  yLabel?: string;
  /** Y data range: the left margin is sized to the widest y tick label of this range. */
  yDomain?: Domain;
  /**
   * The y tick labels, when the figure chooses them itself (drawAxes' `yTicks` and `yFormat`, e.g. powers of ten on
   * a log10 axis): the left margin is sized to these instead of to yDomain's.
   */
  yTickLabels?: readonly string[];
  /** Overrides for individual margins (e.g. `{ right: 80 }` for a legend). */
  margin?: Partial<Margin>;
  /** No axes at all (a bare heatmap, a particle cloud): small uniform margins. Default false. */
  bare?: boolean;
}

/**
 * Lays out a plot of the given size.
 *
 * @param size - outer width and height in CSS px
 * @param options - theme, axis titles, y range and margin overrides
 * @returns the frame (margins and inner box)
 */
export function frame(size: PlotSize, options: FrameOptions = {}): Frame {
  const theme = options.theme ?? defaultPlotTheme;
  const fs = theme.fontSize;
  const width = Math.max(0, size.width);
  const height = Math.max(0, size.height);
  let margin: Margin;
  if (options.bare) {
    const m = Math.ceil(fs / 2);
    margin = { top: m, right: m, bottom: m, left: m };
  } else {
    const top = Math.ceil(fs * 0.75);
    const bottom = Math.ceil(TICK_SIZE + TICK_PADDING + fs * 1.2 + (options.xLabel ? fs * 1.5 : 0) + 2);
    const m = options.margin ?? {};
    const innerHeight = Math.max(0, height - (m.top ?? top) - (m.bottom ?? bottom));
    let labelWidth = estimateTextWidth('−0.00', fs);
    if (options.yTickLabels?.length) {
      labelWidth = Math.max(estimateTextWidth('0', fs), ...options.yTickLabels.map((l) => estimateTextWidth(l, fs)));
    } else if (options.yDomain) {
      // The figure may or may not round its y scale to nice ends (plotScales' `nice`); the tick labels differ
      // (e.g. 1, 2, 3 against 1.0, 1.5, 2.0), so room is kept for the wider of the two.
      const y = scaleLinear().domain(safeDomain(options.yDomain)).range([innerHeight, 0]);
      const labels = [...chooseTicks(y, { orient: 'y', fontSize: fs }), ...chooseTicks(y.copy().nice(), { orient: 'y', fontSize: fs })];
      labelWidth = Math.max(estimateTextWidth('0', fs), ...labels.map((t) => estimateTextWidth(t.label, fs)));
    }
    const left = Math.ceil(TICK_SIZE + TICK_PADDING + labelWidth + (options.yLabel ? fs * 1.6 : 0) + 2);
    const right = Math.ceil(fs * 1.5);
    margin = { top, right, bottom, left };
  }
  margin = { ...margin, ...options.margin };
  const innerWidth = Math.max(0, width - margin.left - margin.right);
  const innerHeight = Math.max(0, height - margin.top - margin.bottom);
  return {
    width,
    height,
    margin,
    left: margin.left,
    top: margin.top,
    right: margin.left + innerWidth,
    bottom: margin.top + innerHeight,
    innerWidth,
    innerHeight,
    fontSize: fs,
  };
}
