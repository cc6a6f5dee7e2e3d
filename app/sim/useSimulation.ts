/**
 * useSimulation(task, params, { enabled, preview }): runs a worker task for the current parameters. The latest
 * request wins: a change of parameters aborts the run in flight (it stops within one chunk and its result never
 * reaches the figure). While a new result is computed the last one stays on screen. A figure passes
 * `enabled: inView`, so nothing computes off screen; when it comes back, it computes only if its parameters changed
 * meanwhile.
 *
 * `preview` is a cheaper request for the same parameters (say an eighth of the Monte Carlo paths). When given, both
 * are queued at once, the preview first; its result is shown with `preview: true` while status stays 'loading', and
 * the full result replaces it. (Queuing the full run only when the preview had answered cost a round trip through a
 * busy main thread: 144 against 100 ms from key to full redraw on the LQR explorer.) A reader dragging a slider then sees the figure follow within a frame or two, and the full numbers
 * land when the drag pauses. Tests and the crawler wait for status 'ready', which only the full result sets.
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
  /** True while `result` is the preview run's (see `preview` below), false for a full result. */
  preview: boolean;
}

export interface SimulationOptions<P> {
  /** Run only when true (a figure passes whether it is in view). Default true. */
  enabled?: boolean;
  /** A cheaper request whose result is shown first, while the full one computes; omit for none. */
  preview?: P;
}

/** A run shows its progress only once it has taken this long (plots dim at the same moment, see book.css). */
const PROGRESS_AFTER_MS = 250;

export function useSimulation<N extends TaskName>(
  task: N,
  params: TaskParams<N>,
  options: SimulationOptions<TaskParams<N>> = {},
): Simulation<TaskResult<N>, TaskParams<N>> {
  const enabled = options.enabled ?? true;
  const key = JSON.stringify(params);
  const previewKey = options.preview === undefined ? null : JSON.stringify(options.preview);
  const [state, setState] = useState<Simulation<TaskResult<N>, TaskParams<N>>>({
    status: 'loading',
    result: null,
    resultParams: null,
    error: null,
    progress: null,
    preview: false,
  });
  /** The last full result and the request it answers. */
  const done = useRef<{ key: string; result: TaskResult<N>; request: TaskParams<N> } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const last = done.current;
    if (last && last.key === `${task}:${key}`) {
      // Back to the values of the last finished run before the next one ended (a quick → ←, or Reset during a run):
      // show that result again, ready, instead of waiting for a run that was cancelled.
      setState((s) =>
        s.status === 'ready' && s.result === last.result
          ? s
          : { status: 'ready', result: last.result, resultParams: last.request, error: null, progress: null, preview: false },
      );
      return;
    }
    const controller = new AbortController();
    const pool = simulationPool();
    let lastProgress = 0;
    const startedAt = performance.now();
    setState((s) => ({ ...s, status: 'loading', progress: null }));
    const request = JSON.parse(key) as TaskParams<N>;
    const fail = (error: Error) => {
      if (controller.signal.aborted || error instanceof AbortedError) return;
      done.current = null;
      setState((s) => ({ ...s, status: 'error', error: readerMessage(error), progress: null, preview: false }));
    };
    let fullDone = false;
    const runFull = () =>
      pool
        .run(task, request, {
          signal: controller.signal,
          onProgress: (p) => {
            // At most ~30 progress renders per run, and none in a run's first quarter second: a short run would only
            // flash the bar, and each render costs the page a frame while the result is on its way.
            if (controller.signal.aborted || p - lastProgress < 0.03 || performance.now() - startedAt < PROGRESS_AFTER_MS) return;
            lastProgress = p;
            setState((s) => ({ ...s, progress: p }));
          },
        })
        .then((result) => {
          if (controller.signal.aborted) return;
          fullDone = true;
          done.current = { key: `${task}:${key}`, result, request };
          setState({ status: 'ready', result, resultParams: request, error: null, progress: null, preview: false });
        }, fail);
    if (previewKey === null || previewKey === key) {
      void runFull();
    } else {
      const previewRequest = JSON.parse(previewKey) as TaskParams<N>;
      // Both at once: with two workers the full run does not wait for the preview (the pool starts jobs in order, so
      // on one worker the preview still comes first). A preview that lands after the full result is dropped.
      pool.run(task, previewRequest, { signal: controller.signal }).then(
        (result) => {
          if (controller.signal.aborted || fullDone) return;
          setState((s) => ({ ...s, result, resultParams: previewRequest, error: null, preview: true }));
        },
        (error: Error) => !fullDone && fail(error),
      );
      void runFull();
    }
    return () => controller.abort();
  }, [task, key, previewKey, enabled]);

  return state;
}

/** An engine's error, worded for a reader. Engine messages already say what is wrong and what range is allowed. */
function readerMessage(error: Error): string {
  const text = error.message || String(error);
  if (/stopped unexpectedly/.test(text)) return text;
  return `This figure could not be computed: ${text.replace(/^Error:\s*/, '')}`;
}
