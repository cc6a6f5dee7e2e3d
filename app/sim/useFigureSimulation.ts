/**
 * useFigureSimulation(task, request, options): what every live figure does before drawing, in one place. It makes
 * the figure's root and plot refs, computes only while the figure is near the screen (useInView), runs the worker
 * task with the latest-request-wins rules of useSimulation, and returns the props <Figure> needs:
 *
 *   const { sim, figure } = useFigureSimulation('fkVersusN', request, { blocked });
 *   return <Figure params={…} caption={…} {...figure}> <div ref={figure.plotRef}> … </div> </Figure>;
 *
 * `blocked` is a sentence for the reader when the parameters have no answer to compute (an unstable gain, an
 * ill-posed market): the task does not run, and the figure shows the sentence as its error. `inView` is returned
 * for figures that also animate (playback pauses off screen).
 */
import { useRef, type RefObject } from 'react';
import { useInView } from './useInView.ts';
import { useSimulation, type Simulation, type SimStatus } from './useSimulation.ts';
import type { TaskName, TaskParams, TaskResult } from '../../workers/tasks.ts';

export interface FigureSimulationOptions<P> {
  /** A cheaper request shown first while the full one computes (see useSimulation). */
  preview?: P;
  /** Why nothing can be computed for these parameters, in a sentence; null or undefined when the task can run. */
  blocked?: string | null;
  /** False to hold the task back for another reason than view (a figure that computes on a button); default true. */
  enabled?: boolean;
}

/** The <Figure> props that follow from the simulation: spread them onto <Figure>. */
export interface FigureFrameProps {
  status: SimStatus;
  error: string | null;
  progress: number | null;
  preview: boolean;
  rootRef: RefObject<HTMLElement | null>;
  plotRef: RefObject<HTMLDivElement | null>;
}

export function useFigureSimulation<N extends TaskName>(
  task: N,
  request: TaskParams<N>,
  options: FigureSimulationOptions<TaskParams<N>> = {},
): { sim: Simulation<TaskResult<N>, TaskParams<N>>; figure: FigureFrameProps; inView: boolean } {
  const rootRef = useRef<HTMLElement | null>(null);
  const plotRef = useRef<HTMLDivElement | null>(null);
  const inView = useInView(rootRef);
  const blocked = options.blocked ?? null;
  const sim = useSimulation(task, request, { enabled: inView && blocked === null && (options.enabled ?? true), preview: options.preview });
  const figure: FigureFrameProps = {
    status: blocked !== null ? 'error' : sim.status,
    error: blocked ?? sim.error,
    progress: sim.progress,
    preview: sim.preview,
    rootRef,
    plotRef,
  };
  return { sim, figure, inView };
}
