/// <reference lib="webworker" />
/**
 * The simulation worker: a thin comlink endpoint over the engines (through the task table). One job at a time;
 * results are transferred, not copied.
 */
import * as Comlink from 'comlink';
import { tasks, type TaskName } from './tasks.ts';
import { lookupTask, runChunked, transferablesOf } from './runTask.ts';

const cancelled = new Set<number>();

const api = {
  async run(jobId: number, task: TaskName, params: unknown, onProgress?: (fraction: number) => void): Promise<unknown> {
    try {
      const fn = lookupTask(tasks, task);
      const result = await runChunked(fn(params), { onProgress, isCancelled: () => cancelled.has(jobId) });
      return Comlink.transfer(result, transferablesOf(result));
    } finally {
      cancelled.delete(jobId);
      // The progress callback is a proxy holding a message port: release it so the port can close.
      (onProgress as unknown as Partial<Record<typeof Comlink.releaseProxy, () => void>> | undefined)?.[Comlink.releaseProxy]?.();
    }
  },
  cancel(jobId: number): void {
    cancelled.add(jobId);
  },
  /** The pool's watchdog asks while a job runs; a worker busy in a chunk answers between chunks. */
  ping(): true {
    return true;
  },
};

export type SimWorkerApi = typeof api;

Comlink.expose(api);
