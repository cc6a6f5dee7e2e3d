/**
 * useSimulation(task, params, { enabled }): runs a worker task for the current parameters. The latest request
 * wins: a change of parameters aborts the run in flight (it stops within one chunk and its result never reaches
 * the figure). While a new result is computed the last one stays on screen. A figure passes `enabled: inView`, so
 * nothing computes off screen; when it comes back, it computes only if its parameters changed meanwhile.
 */
import { useEffect, useRef, useState } from 'react';
import { simulationPool, AbortedError } from './pool.ts';
import type { TaskName, TaskParams, TaskResult } from '../../workers/tasks.ts';

export type SimStatus = 'loading' | 'ready' | 'error';

export interface Simulation<T, P = unknown> {
  status: SimStatus;
  /** The latest result (possibly for older parameters while status is 'loading'). */
  result: T | null;
  /** The parameters `result` was computed for: draw what belongs with the result from these, not from the sliders. */
  resultParams: P | null;
  error: string | null;
  /** Progress of the run in flight in [0, 1], or null when none reports progress. */
  progress: number | null;
}

export function useSimulation<N extends TaskName>(task: N, params: TaskParams<N>, options: { enabled?: boolean } = {}): Simulation<TaskResult<N>, TaskParams<N>> {
  const enabled = options.enabled ?? true;
  const key = JSON.stringify(params);
  const [state, setState] = useState<Simulation<TaskResult<N>, TaskParams<N>>>({ status: 'loading', result: null, resultParams: null, error: null, progress: null });
  const doneKey = useRef<string | null>(null);

  useEffect(() => {
    if (!enabled || doneKey.current === `${task}:${key}`) return;
    const controller = new AbortController();
    let lastProgress = 0;
    setState((s) => ({ ...s, status: 'loading', progress: null }));
    const request = JSON.parse(key) as TaskParams<N>;
    simulationPool()
      .run(task, request, {
        signal: controller.signal,
        onProgress: (p) => {
          // At most ~30 progress renders per run.
          if (controller.signal.aborted || p - lastProgress < 0.03) return;
          lastProgress = p;
          setState((s) => ({ ...s, progress: p }));
        },
      })
      .then(
        (result) => {
          if (controller.signal.aborted) return;
          doneKey.current = `${task}:${key}`;
          setState({ status: 'ready', result, resultParams: request, error: null, progress: null });
        },
        (error: Error) => {
          if (controller.signal.aborted || error instanceof AbortedError) return;
          doneKey.current = null;
          setState((s) => ({ ...s, status: 'error', error: readerMessage(error), progress: null }));
        },
      );
    return () => controller.abort();
  }, [task, key, enabled]);

  return state;
}

/** An engine's error, worded for a reader. Engine messages already say what is wrong and what range is allowed. */
export function readerMessage(error: Error): string {
  const text = error.message || String(error);
  if (/stopped unexpectedly/.test(text)) return text;
  return `This figure could not be computed: ${text.replace(/^Error:\s*/, '')}`;
}
