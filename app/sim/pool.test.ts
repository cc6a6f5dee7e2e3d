/**
 * The pool with the real worker API (workers/simApi.ts) on Node message channels in place of workers: a worker gets
 * its next job while it runs one, runs the two strictly one after the other, drops a waiting job that was aborted,
 * and hands a dead worker's waiting job to its replacement.
 */
import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { WorkerPool, AbortedError } from './pool.ts';
import { simWorkerApi } from '../../workers/simApi.ts';
import type { Chunked } from '../../workers/engines/chunked.ts';
import type { TaskName, TaskParams } from '../../workers/tasks.ts';

interface Log {
  events: string[];
  /** While false, `hold` tasks keep running chunk after chunk. */
  release: boolean;
}

function taskTable(log: Log) {
  return {
    *count({ name, chunks }: { name: string; chunks: number }): Chunked<string> {
      log.events.push(`${name} start`);
      const t0 = performance.now();
      for (let i = 0; i < chunks; i++) {
        while (performance.now() - t0 < 13 * (i + 1)); // one slice of work, so the runner yields after each
        yield (i + 1) / chunks;
      }
      log.events.push(`${name} end`);
      return name;
    },
    *hold({ name }: { name: string }): Chunked<string> {
      log.events.push(`${name} start`);
      while (!log.release) {
        const t0 = performance.now();
        while (performance.now() - t0 < 13);
        yield 0.5;
      }
      return name;
    },
  };
}

/** A Worker stand-in: the pool's side of a message channel whose other side serves the worker API. */
class ChannelWorker extends EventTarget {
  private readonly port: MessagePort;
  received: string[] = [];
  constructor(log: Log) {
    super();
    const { port1, port2 } = new MessageChannel();
    const api = simWorkerApi(taskTable(log));
    const received = this.received;
    Comlink.expose(
      {
        ...api,
        run(id: number, task: string, params: { name: string }, onProgress?: (p: number) => void) {
          received.push(params.name);
          return api.run(id, task, params, onProgress);
        },
      },
      port2 as unknown as Comlink.Endpoint,
    );
    this.port = port1;
    port1.start();
  }
  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.port.postMessage(message, (transfer ?? []) as never);
  }
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void {
    if (type === 'message') this.port.addEventListener(type, listener as never, options as never);
    else super.addEventListener(type, listener, options);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.port.removeEventListener(type, listener as never);
    else super.removeEventListener(type, listener);
  }
  terminate(): void {
    this.port.close();
  }
  /** What the browser does when an uncaught error ends a worker. */
  die(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

function setup() {
  const log: Log = { events: [], release: false };
  const workers: ChannelWorker[] = [];
  const pool = new WorkerPool(1, () => {
    const w = new ChannelWorker(log);
    workers.push(w);
    return w as unknown as Worker;
  });
  // The test tasks are not in the book's table; the pool only forwards names.
  const run = (task: 'count' | 'hold', params: object, signal?: AbortSignal) =>
    pool.run(task as TaskName, params as TaskParams<TaskName>, { signal }) as Promise<unknown>;
  return { log, workers, pool, run };
}

describe('the worker pool', () => {
  it('sends a worker its next job while it runs one, and the worker runs them one after the other', async () => {
    const { log, workers, run } = setup();
    const first = run('count', { name: 'a', chunks: 4 });
    const second = run('count', { name: 'b', chunks: 2 });
    await new Promise((r) => setTimeout(r, 20));
    expect(log.events).toEqual(['a start']);
    expect(workers[0].received).toEqual(['a', 'b']); // b is with the worker before a ends
    expect(await first).toBe('a');
    expect(await second).toBe('b');
    expect(log.events).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('never starts a waiting job that was aborted, and serves the next one', async () => {
    const { log, run } = setup();
    const controller = new AbortController();
    const first = run('count', { name: 'a', chunks: 3 });
    const aborted = run('count', { name: 'b', chunks: 3 }, controller.signal);
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortedError);
    const third = run('count', { name: 'c', chunks: 1 });
    expect(await first).toBe('a');
    expect(await third).toBe('c');
    expect(log.events).toEqual(['a start', 'a end', 'c start', 'c end']);
  });

  it('replaces a dead worker: its running job fails with a message, its waiting job runs on the new worker', async () => {
    const { log, workers, pool, run } = setup();
    const running = run('hold', { name: 'a' });
    const waiting = run('count', { name: 'b', chunks: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(workers[0].received).toEqual(['a', 'b']);
    workers[0].die('Uncaught Error: out of memory');
    await expect(running).rejects.toThrow(/stopped unexpectedly \(out of memory\)/);
    expect(await waiting).toBe('b');
    expect(pool.replaced).toBe(1);
    expect(workers).toHaveLength(2);
    expect(workers[1].received).toEqual(['b']);
    log.release = true; // let the dead worker's task end, so nothing keeps running after the test
  });
});
