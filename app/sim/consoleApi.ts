/**
 * `window.book.run(task, params)` in the browser console runs any worker task and returns its result: for
 * readers who want to check a number, and for the browser tests of the worker pipeline (errors, crashes,
 * cancellation). `window.book.pool` is the pool itself.
 */
import { simulationPool } from './pool.ts';
import type { TaskName, TaskParams } from '../../workers/tasks.ts';

declare global {
  interface Window {
    book?: { run: (task: TaskName, params: unknown, options?: { signal?: AbortSignal }) => Promise<unknown>; pool: () => ReturnType<typeof simulationPool> };
  }
}

export function installConsoleApi(): void {
  window.book = {
    run: (task, params, options) => simulationPool().run(task, params as TaskParams<typeof task>, options),
    pool: simulationPool,
  };
}
