/**
 * The shapes a figure declaration is made of: panels (what to draw), readouts (numbers to read) and the view a
 * figure returns. Plain data, so the stage can lay them out for any screen and the readouts can be spoken.
 */
import type { ReactNode } from 'react';
import type { LegendEntry } from '../components/Legend.tsx';
import type { DrawFn } from '../plots/PlotSurface.tsx';
import type { SimStatus } from '../sim/useSimulation.ts';
import type { FigureParams } from '../state/figureParams.ts';
import type { Schema, Values } from '../state/schema.ts';

/** One plot of a figure: a d3 drawing on a PlotSurface, or any other node (an editable grid, a table). */
export interface Panel {
  /** Unique within the figure; also the tab's key on a phone. */
  key: string;
  /** A short name for the panel, shown as its tab on a phone (e.g. "paths", "value"). */
  title: string;
  /** What the panel shows, for screen readers (the svg's aria-label). */
  ariaLabel: string;
  /** Draws the panel (see PlotSurface). Omit for a panel that is only `content`. */
  draw?: DrawFn;
  /** Redraw when any of these change. */
  deps?: readonly unknown[];
  /** A canvas layer under the svg, for many marks. */
  canvas?: boolean;
  /** The legend above the plot. */
  legend?: LegendEntry[];
  /** Height over width when reading (default 0.62). On a projector or in full screen the stage sizes panels itself. */
  aspect?: number;
  /** Span the whole width of the plot area (a long time axis under two square plots). */
  wide?: boolean;
  /** Relative width beside one other panel (default 1): paths at 2 beside a histogram at 1. */
  weight?: number;
  /**
   * A node that fills the panel's box: instead of a drawing, or, with `draw`, laid over it (the box is positioned,
   * so `position: absolute; inset: 0` covers the drawing: buttons over the cells of a grid).
   */
  content?: ReactNode;
}

/** A number the figure shows, declared once: rendered as the visible stats line and read as the summary. */
export interface Readout {
  /**
   * What the number is, or a whole sentence when there is no `value`. A label without spaces is a symbol and reads
   * "P = 0.266"; one with spaces reads "mean of X(T): 0.987".
   */
  label: string;
  /** The number as text, shown in bold. */
  value?: string;
  /** Words after the value: "± 0.003 (exact 0.252)". */
  detail?: string;
  /** A secondary readout: folded away on a projector or in full screen, where space goes to the plots. */
  secondary?: boolean;
}

/** What a figure's view returns: the frame arranges it. */
export interface FigureView {
  panels: Panel[];
  readouts?: Readout[];
  /** A sentence about the current settings that the reader must see (an unstable gain, a clipped bound). */
  notice?: string | null;
  /** Buttons beside the sliders ("Use K*", "Train"). */
  actions?: ReactNode;
  /** Controls that belong under the plots (a playback bar). */
  playback?: ReactNode;
  /** The keys of the schema to show as controls, in order, when not all of them (e.g. only the chosen model's). */
  controlKeys?: string[];
  /** The figure's data as named columns, for "Export CSV". */
  csv?: () => Record<string, ArrayLike<number>>;
}

/** A result together with the parameter values and the request it was computed for: what a view draws. */
export interface Shown<S extends Schema, R, P = Values<S>> {
  result: R;
  values: Values<S>;
  /** The task's parameters (a preview's, while `preview`); for a closed-form figure, the values. */
  request: P;
}

/** What a figure's view receives. */
export interface ViewContext<S extends Schema, R, P = Values<S>> {
  /** The controls' current values (for closed forms drawn at once while a simulation catches up). */
  values: Values<S>;
  /** The latest result with the values it belongs to; null before the first result. */
  shown: Shown<S, R, P> | null;
  /** Sets one parameter (e.g. a "Use K*" button). */
  set: (key: keyof S & string, value: number) => void;
  status: SimStatus;
  /** True while `shown` is a quick preview and the full result is on its way. */
  preview: boolean;
  /** Whether the figure is near the screen (animations pause when it is not). */
  inView: boolean;
  /** The figure's parameter slice (for inline controls a view places itself). */
  params: FigureParams<S>;
}

/** Props the MDX gives a figure element: the build writes number and anchor from the label; the caption is the body. */
export interface FigureElementProps {
  label?: string;
  number?: string;
  anchor?: string;
  children?: ReactNode;
  /** The prerendered `<figure>` element the live figure takes over (set by app/islands/mountIslands.tsx). */
  host?: HTMLElement;
}
