/**
 * The simulation worker's API, apart from comlink so that it runs in Node tests. Runs are served strictly one after
 * another: the pool sends a worker its next job before the current one ends (see app/sim/pool.ts), so that the
 * worker starts it at once instead of waiting for a round trip through a main thread busy drawing the last result.
 * A job cancelled while it waits never starts.
 */
import * as Comlink from 'comlink';
import { lookupTask, runChunked, transferablesOf } from './runTask.ts';

export function simWorkerApi(table: object) {
  const cancelled = new Set<number>();
  /** The end of the last run accepted (settled either way): the next run starts after it. */
  let tail: Promise<unknown> = Promise.resolve();

  async function execute(jobId: number, task: string, params: unknown, onProgress?: (fraction: number) => void): Promise<unknown> {
    try {
      const fn = lookupTask(table, task);
      const result = await runChunked(fn(params), { onProgress, isCancelled: () => cancelled.has(jobId) });
      // Comlink keys transfers by the result object; a task may also return a plain number or string.
      return typeof result === 'object' && result !== null ? Comlink.transfer(result, transferablesOf(result)) : result;
    } finally {
      cancelled.delete(jobId);
      // The progress callback is a proxy holding a message port: release it so the port can close.
      (onProgress as unknown as Partial<Record<typeof Comlink.releaseProxy, () => void>> | undefined)?.[Comlink.releaseProxy]?.();
    }
  }

  return {
    run(jobId: number, task: string, params: unknown, onProgress?: (fraction: number) => void): Promise<unknown> {
      const run = tail.then(() => execute(jobId, task, params, onProgress));
      tail = run.catch(() => undefined);
      return run;
    },
    cancel(jobId: number): void {
      cancelled.add(jobId);
    },
    /** The pool's watchdog asks while a job runs; a worker busy in a chunk answers between chunks. */
    ping(): true {
      return true;
    },
  };
}
