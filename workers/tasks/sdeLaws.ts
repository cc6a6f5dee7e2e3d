/**
 * Paths of the two diffusions solved exactly in the book, Ornstein–Uhlenbeck and geometric Brownian motion, with the
 * histogram of X_T: the task behind the preface's figure and chapter 3's laws figure.
 */
import { histogram, sampleGeometricSde1d, sampleLinearSde1d, type PathsResult } from '../engines/index.ts';
import type { Chunked } from '../engines/chunked.ts';

export interface SdeLawsParams {
  model: 'ou' | 'gbm';
  /** 'exact': the exact transition; 'em': Euler–Maruyama. */
  scheme: 'exact' | 'em';
  /** OU: dX = theta (0 - X) dt + sigma dW. GBM: dX = X (mu dt + sigma dW). */
  theta: number;
  mu: number;
  sigma: number;
  x0: number;
  T: number;
  steps: number;
  paths: number;
  seed: number;
  record: number;
  bins: number;
  histMin: number;
  histMax: number;
}

interface SdeLawsResult extends PathsResult {
  edges: Float64Array;
  density: Float64Array;
}

/** OU or GBM paths (exact transition or Euler–Maruyama) and the histogram of X_T. */
function* sdeLaws(p: SdeLawsParams): Chunked<SdeLawsResult> {
  const common = { x0: p.x0, T: p.T, steps: p.steps, paths: p.paths, seed: p.seed, record: p.record };
  let sampled: PathsResult;
  if (p.model === 'ou') {
    if (!(p.theta > 0)) throw new Error(`the pull rate θ must be > 0 for an Ornstein–Uhlenbeck process; got ${p.theta}`);
    sampled = yield* sampleLinearSde1d({ ...common, a: -p.theta, b: 0, s: p.sigma, scheme: p.scheme });
  } else if (p.model === 'gbm') {
    if (!(p.x0 > 0)) throw new Error(`geometric Brownian motion needs a start x₀ > 0; got ${p.x0}`);
    sampled = yield* sampleGeometricSde1d({ ...common, m: p.mu, v: p.sigma, scheme: p.scheme });
  } else {
    throw new Error(`model must be 'ou' or 'gbm'; got ${String(p.model)}`);
  }
  const { edges, density } = histogram(sampled.final, { bins: p.bins, min: p.histMin, max: p.histMax });
  return { ...sampled, edges, density };
}

export const sdeLawsTasks = { sdeLaws };
