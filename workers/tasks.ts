/**
 * The table of what a worker can run: task name -> function of plain, structured-cloneable parameters that
 * returns a result or a Chunked generator of one. Small adapters that compose engine calls for one figure live
 * here; the numerics stay in ./engines. The main thread imports only the types of this file.
 */
import { sampleLinearSde1d, histogram, type PathsResult } from './engines/index.ts';
import type { Chunked } from './engines/chunked.ts';

export interface OuPathsParams {
  theta: number;
  mu: number;
  sigma: number;
  x0: number;
  T: number;
  steps: number;
  paths: number;
  seed: number;
  /** Time points kept per path for drawing. */
  record: number;
  /** Histogram of X_T: number of bins and range. */
  bins: number;
  histMin: number;
  histMax: number;
}

export interface OuPathsResult extends PathsResult {
  edges: Float64Array;
  density: Float64Array;
}

/** Ornstein–Uhlenbeck paths dX = theta (mu - X) dt + sigma dW by Euler–Maruyama, plus the histogram of X_T. */
function* ouPaths(p: OuPathsParams): Chunked<OuPathsResult> {
  const sampled = yield* sampleLinearSde1d({ a: -p.theta, b: p.theta * p.mu, s: p.sigma, x0: p.x0, T: p.T, steps: p.steps, paths: p.paths, seed: p.seed, record: p.record });
  const { edges, density } = histogram(sampled.final, { bins: p.bins, min: p.histMin, max: p.histMax });
  return { ...sampled, edges, density };
}

export interface SelfTestParams {
  mode: 'ok' | 'throw' | 'crash' | 'slow';
  /** For 'slow': milliseconds of busy work, in chunks of ~5 ms. */
  ms?: number;
}

/**
 * A task for testing the pipeline itself from the browser console or the browser tests: 'throw' raises an error
 * in the engine, 'crash' kills the worker with an uncaught error outside any call, 'slow' burns time in chunks
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

export const tasks = {
  ouPaths,
  selfTest,
};

export type TaskName = keyof typeof tasks;
type Unchunk<R> = R extends Chunked<infer T> ? T : R;
export type TaskParams<N extends TaskName> = Parameters<(typeof tasks)[N]>[0];
export type TaskResult<N extends TaskName> = Unchunk<ReturnType<(typeof tasks)[N]>>;
