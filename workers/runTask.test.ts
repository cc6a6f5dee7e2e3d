import { describe, expect, it } from 'vitest';
import { runChunked, CancelledError, transferablesOf, lookupTask } from './runTask.ts';
import type { Chunked } from './engines/chunked.ts';

function* counter(chunks: number, log: number[]): Chunked<number> {
  for (let i = 0; i < chunks; i++) {
    log.push(i);
    yield (i + 1) / chunks;
  }
  return chunks;
}

describe('running chunked tasks', () => {
  it('returns plain values and generator results, reporting progress between chunks', async () => {
    expect(await runChunked(42, { isCancelled: () => false })).toBe(42);
    const progress: number[] = [];
    let clock = 0;
    const result = await runChunked(counter(5, []), { isCancelled: () => false, onProgress: (p) => progress.push(p), now: () => (clock += 20), sliceMs: 12 });
    expect(result).toBe(5);
    expect(progress).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('stops within one chunk of being cancelled and runs no further chunk', async () => {
    const log: number[] = [];
    let cancelled = false;
    let clock = 0;
    const run = runChunked(counter(1000, log), {
      isCancelled: () => cancelled,
      now: () => (clock += 20),
      onProgress: (p) => {
        if (p >= 0.003) cancelled = true; // cancel arrives during the third chunk
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(log.length).toBe(3);
  });

  it('does not start a job cancelled before it began', async () => {
    const log: number[] = [];
    await expect(runChunked(counter(3, log), { isCancelled: () => true })).rejects.toBeInstanceOf(CancelledError);
    expect(log).toEqual([]);
  });

  it('finds the buffers to transfer, once each, skipping views of a larger buffer', () => {
    const a = new Float32Array(4);
    const b = new Float64Array(2);
    const shared = new Float64Array(8);
    const list = transferablesOf({ a, nested: { b, again: a }, part: shared.subarray(0, 2), n: 3, s: 'x' });
    expect(list).toHaveLength(2);
    expect(list).toContain(a.buffer);
    expect(list).toContain(b.buffer);
  });
});

describe('finding a task by name', () => {
  const table = { double: (p: unknown) => 2 * (p as number) };
  it('finds the table’s own tasks', () => {
    expect(lookupTask(table, 'double')(4)).toBe(8);
  });
  it('refuses inherited members and non-strings with a sentence, never a TypeError', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 42, null, undefined, {}]) {
      expect(() => lookupTask(table, name)).toThrow(/the worker has no task called/);
    }
  });
});
