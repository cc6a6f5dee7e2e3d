/** Worker tasks for the preface's figure. */
import { sampleLinearSde1d, histogram, type PathsResult } from '../engines/index.ts';
import type { Chunked } from '../engines/chunked.ts';

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

export const prefaceTasks = { ouPaths };
