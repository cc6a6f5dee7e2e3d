/** A task that tests the worker pipeline itself (errors, crashes, cancellation, progress). */
import type { Chunked } from '../engines/chunked.ts';

interface SelfTestParams {
  mode: 'ok' | 'throw' | 'crash' | 'vanish' | 'slow';
  /** For 'slow': milliseconds of busy work, in chunks of ~5 ms. */
  ms?: number;
}

/**
 * A task for testing the pipeline itself from the browser console or the browser tests: 'throw' raises an error
 * in the engine, 'crash' kills the worker with an uncaught error outside any call, 'vanish' closes the worker
 * without a word (as an out-of-memory kill would: only the pool's watchdog notices), 'slow' burns time in chunks
 * (to test cancellation and progress).
 */
function* selfTest(p: SelfTestParams): Chunked<{ mode: string; chunks: number; values: Float64Array }> {
  if (p.mode === 'throw') throw new Error('the self-test task was asked to fail');
  if (p.mode === 'crash') {
    setTimeout(() => {
      throw new Error('the self-test task crashed its worker');
    }, 0);
    yield 0;
    // Wait for the crash: keep the job alive, as a hung engine would.
    for (;;) yield 0;
  }
  if (p.mode === 'vanish') {
    (globalThis as { close?: () => void }).close?.();
    for (;;) yield 0;
  }
  const total = p.mode === 'slow' ? Math.max(1, Math.round((p.ms ?? 200) / 5)) : 1;
  const values = new Float64Array(total);
  for (let c = 0; c < total; c++) {
    const until = performance.now() + 5;
    let x = 0;
    while (performance.now() < until) x += Math.sqrt(x + 1);
    values[c] = x;
    yield (c + 1) / total;
  }
  return { mode: p.mode, chunks: total, values };
}

export const selfTestTasks = { selfTest };
