/**
 * Runs a task's chunked computation between other messages: after each chunk (at most every ~12 ms) it reports
 * progress and yields to the event loop, so that a `cancel` message can arrive and stop the run within one chunk.
 * No DOM and no comlink here, so it is tested in Node.
 */
import type { Chunked } from './engines/chunked.ts';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export function isChunked(x: unknown): x is Chunked<unknown> {
  return (
    typeof x === 'object' && x !== null && typeof (x as Chunked<unknown>).next === 'function' && typeof (x as Chunked<unknown>)[Symbol.iterator] === 'function'
  );
}

/**
 * The task a name names in a table, or an error that says so. Own properties only: "constructor", "__proto__" or
 * "toString" typed into the console must not find Object.prototype's members.
 */
export function lookupTask<T extends object>(table: T, name: unknown): (params: unknown) => unknown {
  const fn = typeof name === 'string' && Object.hasOwn(table, name) ? (table as Record<string, unknown>)[name] : undefined;
  if (typeof fn !== 'function') throw new Error(`the worker has no task called "${String(name).slice(0, 60)}"`);
  return fn as (params: unknown) => unknown;
}

/** Resolves on the next turn of the event loop (a message, not a timer: timers are clamped to 4 ms). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}

export interface RunOptions {
  onProgress?: (fraction: number) => void;
  isCancelled: () => boolean;
  /** Milliseconds of work between yields to the event loop. */
  sliceMs?: number;
  now?: () => number;
}

/** Drives a task's output (a plain value or a Chunked generator) to its result, honouring cancellation. */
export async function runChunked<T>(output: T | Chunked<T>, options: RunOptions): Promise<T> {
  if (options.isCancelled()) throw new CancelledError();
  if (!isChunked(output)) return output as T;
  const job = output as Chunked<T>;
  const now = options.now ?? (() => performance.now());
  const slice = options.sliceMs ?? 12;
  let since = now();
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    if (now() - since >= slice) {
      options.onProgress?.(step.value);
      await nextTurn();
      since = now();
      if (options.isCancelled()) {
        job.return(undefined as T);
        throw new CancelledError();
      }
    }
  }
}

/** The ArrayBuffers inside a result (typed arrays at any depth), to transfer instead of copying. */
export function transferablesOf(value: unknown, out: Set<ArrayBuffer> = new Set(), depth = 0): ArrayBuffer[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [...out];
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.byteLength === value.buffer.byteLength) out.add(value.buffer);
    return [...out];
  }
  const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  for (const v of items) transferablesOf(v, out, depth + 1);
  return [...out];
}
