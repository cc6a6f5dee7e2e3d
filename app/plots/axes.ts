/**
 * Axes: x along the bottom of the frame, y along the left, optional grid and axis titles. Ticks come from
 * {@link chooseTicks}, so their number follows the pixel size and their labels never overlap. Everything is drawn
 * in `currentColor` (the svg's `--plot-fg`) and `--plot-grid`, so the axes re-theme without a redraw.
 */
import { formatValue } from './format.ts';
import { TICK_PADDING, TICK_SIZE, type Frame } from './frame.ts';
import type { XYScales } from './scales.ts';
import { markGroup, px, type MarkGroup, type SvgTarget } from './svg.ts';
import { defaultPlotTheme, themeColor, type PlotTheme } from './theme.ts';
import { chooseTicks, type Tick } from './ticks.ts';

/** Options for {@link drawAxes}. */
export interface AxesOptions {
  /** Theme for font size and line width. Default {@link defaultPlotTheme}. */
  theme?: PlotTheme;
  /** X axis title, centred below the tick labels (reserve room with `frame({ xLabel })`). */
  xLabel?: string;
  /** Y axis title, rotated, left of the tick labels (reserve room with `frame({ yLabel })`). */
  yLabel?: string;
  /** Grid lines at the ticks: both (true, the default), none (false), or only `'x'` / `'y'`. */
  grid?: boolean | 'x' | 'y';
  /** Draw the x axis. Default true. */
  showX?: boolean;
  /** Draw the y axis. Default true. */
  showY?: boolean;
  /** Explicit x tick values (thinned if labels would overlap). */
  xTicks?: readonly number[];
  /** Explicit y tick values (thinned if labels would overlap). */
  yTicks?: readonly number[];
  /** X tick label formatter. Default: the shared tick formatter. */
  xFormat?: (v: number) => string;
  /** Y tick label formatter. Default: the shared tick formatter. */
  yFormat?: (v: number) => string;
  /** Screen-reader label for the axes group. Default describes both axes' titles and ranges. */
  ariaLabel?: string;
}

/** The ticks the axes drew, for callers that align other marks (or tests). */
export interface AxesTicks {
  /** Ticks of the x axis. */
  x: Tick[];
  /** Ticks of the y axis. */
  y: Tick[];
}

function describe(name: string, title: string | undefined, scale: XYScales['x']): string {
  const [a, b] = scale.domain();
  return `${name} axis${title ? ` "${title}"` : ''} from ${formatValue(a)} to ${formatValue(b)}`;
}

/**
 * Draws the axes into a new group. Call it before the marks so the grid lies beneath them.
 *
 * @param target - svg or g to draw into
 * @param scales - the plot's x and y scales
 * @param frame - the plot's frame (inner box and size)
 * @param options - titles, grid, explicit ticks, formats, aria label
 * @returns the axes group, with the ticks drawn in its `datum`
 */
export function drawAxes(target: SvgTarget, scales: XYScales, frame: Frame, options: AxesOptions = {}): MarkGroup {
  const theme = options.theme ?? defaultPlotTheme;
  const fs = theme.fontSize;
  const showX = options.showX ?? true;
  const showY = options.showY ?? true;
  const grid = options.grid ?? true;
  const label =
    options.ariaLabel ??
    [showX ? describe('x', options.xLabel, scales.x) : '', showY ? describe('y', options.yLabel, scales.y) : ''].filter(Boolean).join('; ');
  const g = markGroup(target, 'axes', label || 'Axes').attr('font-size', fs);
  const strokeWidth = Math.max(1, theme.strokeWidth * 0.6);

  const xTicks = showX
    ? chooseTicks(scales.x, {
        orient: 'x',
        fontSize: fs,
        bounds: [0, frame.width],
        values: options.xTicks,
        format: options.xFormat,
      })
    : [];
  const yTicks = showY
    ? chooseTicks(scales.y, {
        orient: 'y',
        fontSize: fs,
        bounds: [0, frame.height],
        values: options.yTicks,
        format: options.yFormat,
      })
    : [];

  if (grid) {
    const gg = g.append('g').attr('class', 'plot-grid').attr('aria-hidden', 'true').style('stroke', themeColor.grid).attr('stroke-width', 1);
    if (grid === true || grid === 'x') {
      for (const t of xTicks) {
        gg.append('line').attr('x1', px(t.position)).attr('x2', px(t.position)).attr('y1', frame.top).attr('y2', frame.bottom);
      }
    }
    if (grid === true || grid === 'y') {
      for (const t of yTicks) {
        gg.append('line').attr('x1', frame.left).attr('x2', frame.right).attr('y1', px(t.position)).attr('y2', px(t.position));
      }
    }
  }

  if (showX) {
    const ax = g
      .append('g')
      .attr('class', 'plot-axis-x')
      .attr('transform', `translate(0,${px(frame.bottom)})`)
      .attr('stroke', 'currentColor')
      .attr('stroke-width', strokeWidth);
    ax.append('path')
      .attr('class', 'plot-domain')
      .attr('fill', 'none')
      .attr('d', `M${px(frame.left)},0H${px(frame.right)}`);
    for (const t of xTicks) {
      const tg = ax
        .append('g')
        .attr('class', 'plot-tick')
        .attr('transform', `translate(${px(t.position)},0)`);
      tg.append('line').attr('y2', TICK_SIZE);
      const tx = tg
        .append('text')
        .attr('y', TICK_SIZE + TICK_PADDING)
        .attr('dy', '0.71em')
        .attr('text-anchor', 'middle')
        .attr('fill', 'currentColor')
        .attr('stroke', 'none')
        .text(t.label);
      if (t.offset) tx.attr('x', px(t.offset));
    }
    if (options.xLabel) {
      ax.append('text')
        .attr('class', 'plot-axis-label')
        .attr('x', px((frame.left + frame.right) / 2))
        .attr('y', px(TICK_SIZE + TICK_PADDING + fs * 1.5))
        .attr('dy', '0.71em')
        .attr('text-anchor', 'middle')
        .attr('fill', 'currentColor')
        .attr('stroke', 'none')
        .text(options.xLabel);
    }
  }

  const cornerX = showX && xTicks.some((t) => Math.abs(t.position + (t.offset ?? 0) - frame.left) < fs);
  if (showY) {
    const ay = g
      .append('g')
      .attr('class', 'plot-axis-y')
      .attr('transform', `translate(${px(frame.left)},0)`)
      .attr('stroke', 'currentColor')
      .attr('stroke-width', strokeWidth);
    ay.append('path')
      .attr('class', 'plot-domain')
      .attr('fill', 'none')
      .attr('d', `M0,${px(frame.top)}V${px(frame.bottom)}`);
    for (const t of yTicks) {
      const tg = ay
        .append('g')
        .attr('class', 'plot-tick')
        .attr('transform', `translate(0,${px(t.position)})`);
      tg.append('line').attr('x2', -TICK_SIZE);
      const ty = tg
        .append('text')
        .attr('x', -(TICK_SIZE + TICK_PADDING))
        .attr('dy', '0.32em')
        .attr('text-anchor', 'end')
        .attr('fill', 'currentColor')
        .attr('stroke', 'none')
        .text(t.label);
      // In the corner, a y label at the bottom and an x label at the left edge meet (with large type, as on the
      // projector, their boxes overlap by several px): lift the y label until its box clears the x labels' box
      // (box bottom 0.57 font sizes below the tick, x label box top 9 px - 0.22 font sizes below the axis).
      const clear = frame.bottom + TICK_SIZE + TICK_PADDING - 0.79 * fs - t.position;
      const y = cornerX ? Math.min(t.offset ?? 0, clear) : (t.offset ?? 0);
      if (y) ty.attr('y', px(y));
    }
    if (options.yLabel) {
      g.append('text')
        .attr('class', 'plot-axis-label')
        .attr('transform', `translate(${px(2 + fs * 0.9)},${px((frame.top + frame.bottom) / 2)}) rotate(-90)`)
        .attr('text-anchor', 'middle')
        .attr('fill', 'currentColor')
        .text(options.yLabel);
    }
  }

  g.datum<AxesTicks>({ x: xTicks, y: yTicks });
  return g;
}
