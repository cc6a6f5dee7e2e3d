/**
 * The exact laws behind the OU/GBM figure, from the engines' closed forms: mean, a band between the exact
 * 2.3% and 97.7% quantiles (z = ±2), the median (GBM), the plotting ranges, and the moments at T (exact and of the
 * Euler–Maruyama chain). Costs well under a millisecond: computed on the main thread.
 */
import { ouBandCurves, ouEmMoments, ouMoments } from '../../workers/engines/ou.ts';
import { gbmDensity, gbmEmMoments, gbmMoments, gbmQuantileAt, gbmVarianceStandardError } from '../../workers/engines/gbm.ts';

export type Model = 'ou' | 'gbm';

export interface LawInput {
  model: Model;
  /** OU pull rate (mu = 0). */
  theta: number;
  /** GBM drift. */
  mu: number;
  sigma: number;
  x0: number;
  T: number;
  steps: number;
}

export interface LawCurves {
  t: Float64Array;
  mean: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** GBM only: the median x0 e^{(mu - sigma^2/2) t}. */
  median: Float64Array | null;
  /** y-range of the paths plot. */
  domain: [number, number];
  /** Range of the histogram of X_T. */
  histDomain: [number, number];
  /** Exact mean and variance of X_T, and of the Euler–Maruyama chain with `steps` steps. */
  end: { mean: number; variance: number };
  endEm: { mean: number; variance: number };
  /** Exact density of X_T. */
  density: (x: number) => number;
  /** Standard errors of the sample mean and sample variance of N draws of X_T (exact law). */
  standardErrors: (N: number) => { mean: number; variance: number };
}

const GRID = 121;

export function lawCurves(p: LawInput): LawCurves {
  if (p.model === 'ou') {
    const q = { theta: p.theta, mu: 0, sigma: p.sigma, x0: p.x0 };
    const end = ouMoments({ ...q, t: p.T });
    const sd = Math.sqrt(end.variance);
    return {
      ...ouBandCurves({ ...q, T: p.T, n: GRID }),
      median: null,
      histDomain: [end.mean - 4 * sd, end.mean + 4 * sd],
      end,
      endEm: ouEmMoments({ ...q, t: p.T, steps: p.steps }),
      density: (x) => Math.exp(-((x - end.mean) ** 2) / (2 * end.variance)) / Math.sqrt(2 * Math.PI * end.variance),
      standardErrors: (N) => ({ mean: Math.sqrt(end.variance / N), variance: end.variance * Math.sqrt(2 / Math.max(1, N - 1)) }),
    };
  }
  const t = new Float64Array(GRID);
  const mean = new Float64Array(GRID);
  const lower = new Float64Array(GRID);
  const upper = new Float64Array(GRID);
  const median = new Float64Array(GRID);
  let lo = p.x0;
  let hi = p.x0;
  for (let i = 0; i < GRID; i++) {
    t[i] = (p.T * i) / (GRID - 1);
    const g = { m: p.mu, v: p.sigma, x0: p.x0, t: t[i] };
    mean[i] = gbmMoments(g).mean;
    median[i] = gbmMoments(g).median;
    lower[i] = gbmQuantileAt(g, -2);
    upper[i] = gbmQuantileAt(g, 2);
    lo = Math.min(lo, gbmQuantileAt(g, -3));
    hi = Math.max(hi, gbmQuantileAt(g, 3), mean[i]);
  }
  const g = { m: p.mu, v: p.sigma, x0: p.x0, t: p.T };
  const end = gbmMoments(g);
  return {
    t,
    mean,
    lower,
    upper,
    median,
    domain: [Math.max(0, lo), hi],
    histDomain: [0, gbmQuantileAt(g, 3)],
    end: { mean: end.mean, variance: end.variance },
    endEm: gbmEmMoments({ ...g, steps: p.steps }),
    density: (x) => gbmDensity(g, x),
    standardErrors: (N) => ({ mean: Math.sqrt(end.variance / N), variance: gbmVarianceStandardError(g, Math.max(2, N)) }),
  };
}

/** Sample mean of log X over the positive values, and how many were not positive. */
export function logMean(values: ArrayLike<number>): { mean: number; nonPositive: number } {
  let s = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > 0) {
      s += Math.log(values[i]);
      n++;
    }
  }
  return { mean: n ? s / n : NaN, nonPositive: values.length - n };
}
