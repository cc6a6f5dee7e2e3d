/**
 * Closed forms for geometric Brownian motion dX = X (m dt + v dW), X_0 = x0 > 0, whose solution is
 * X_t = x0 exp((m - v^2/2) t + v W_t): log X_t ~ N(log x0 + (m - v^2/2) t, v^2 t), a log-normal law.
 */
import { requireFinite, requireInteger, requireNonNegative, requirePositive } from './validate';

/** Parameters of the GBM closed forms. */
export interface GbmParams {
  m: number;
  v: number;
  x0: number;
  t: number;
}

function check({ m, v, x0, t }: GbmParams): void {
  requireFinite('m', m);
  requireFinite('v', v);
  requirePositive('x0 (geometric Brownian motion)', x0);
  requireNonNegative('t', t);
}

/** Drift of log X_t by Itô's formula: d log X = (m - v^2/2) dt + v dW. */
export function gbmLogDrift(m: number, v: number): number {
  return m - 0.5 * v * v;
}

/**
 * Exact moments and log-moments of X_t:
 *   E X_t = x0 e^{m t},   Var X_t = x0^2 e^{2 m t} (e^{v^2 t} - 1),   median = x0 e^{(m - v^2/2) t},
 *   E log X_t = log x0 + (m - v^2/2) t,   Var log X_t = v^2 t.
 */
export function gbmMoments(p: GbmParams): { mean: number; variance: number; median: number; logMean: number; logVariance: number } {
  check(p);
  const { m, v, x0, t } = p;
  const mean = x0 * Math.exp(m * t);
  const logMean = Math.log(x0) + gbmLogDrift(m, v) * t;
  return { mean, variance: mean * mean * Math.expm1(v * v * t), median: Math.exp(logMean), logMean, logVariance: v * v * t };
}

/** Quantile of X_t at standard-normal level z: x0 exp((m - v^2/2) t + z v sqrt(t)) (e.g. z = ±2 for a 95.4% band). */
export function gbmQuantileAt(p: GbmParams, z: number): number {
  const { logMean, logVariance } = gbmMoments(p);
  return Math.exp(logMean + z * Math.sqrt(logVariance));
}

/** Log-normal density of X_t at x > 0 (0 for x <= 0; a point mass at x0 when t = 0 or v = 0 gives 0 elsewhere). */
export function gbmDensity(p: GbmParams, x: number): number {
  const { logMean, logVariance } = gbmMoments(p);
  if (!(x > 0) || !(logVariance > 0)) return 0;
  const d = Math.log(x) - logMean;
  return Math.exp((-0.5 * d * d) / logVariance) / (x * Math.sqrt(2 * Math.PI * logVariance));
}

/**
 * Exact moments of the Euler–Maruyama chain X_{n+1} = X_n (1 + m h + v dW_n), h = t / steps, after `steps` steps
 * (independent factors): E X_N = x0 (1 + m h)^N, E X_N^2 = x0^2 ((1 + m h)^2 + v^2 h)^N. Milstein's chain has
 * the same mean (its extra term 1/2 v^2 (dW^2 - h) has mean zero), so both have the weak error of `gbmWeakError`.
 */
export function gbmEmMoments(p: GbmParams & { steps: number }): { mean: number; variance: number } {
  check(p);
  const { m, v, x0, t, steps } = p;
  requireInteger('steps', steps, 1);
  const h = t / steps;
  const mean = x0 * (1 + m * h) ** steps;
  const second = x0 * x0 * ((1 + m * h) ** 2 + v * v * h) ** steps;
  return { mean, variance: Math.max(0, second - mean * mean) };
}

/**
 * Weak error of Euler–Maruyama (and Milstein) for E X_T with N steps, exactly:
 *   E X_T^h - E X_T = x0 ((1 + m T/N)^N - e^{m T})  ~  -x0 e^{mT} m^2 T^2 / (2N)  as N -> infinity.
 * It is zero for every N when m = 0.
 */
export function gbmWeakError(p: GbmParams & { steps: number }): number {
  return gbmEmMoments(p).mean - gbmMoments(p).mean;
}

/** Raw moment E X_t^k = x0^k exp(k m t + k (k - 1) v^2 t / 2) of the log-normal law (any real k). */
export function gbmRawMoment(p: GbmParams, k: number): number {
  check(p);
  const { m, v, x0, t } = p;
  return x0 ** k * Math.exp(k * m * t + 0.5 * k * (k - 1) * v * v * t);
}

/**
 * Standard error of the unbiased sample variance of N independent copies of X_t, to leading order:
 * sqrt((mu4 - sigma^4) / N) with the central moments of the log-normal law (mu4 from the raw moments:
 * E4 - 4 E1 E3 + 6 E1^2 E2 - 3 E1^4). Log-normal tails make it much larger than the Gaussian sigma^2 sqrt(2/N).
 */
export function gbmVarianceStandardError(p: GbmParams, N: number): number {
  requireInteger('N', N, 2);
  const [e1, e2, e3, e4] = [1, 2, 3, 4].map((k) => gbmRawMoment(p, k));
  const mu4 = e4 - 4 * e1 * e3 + 6 * e1 * e1 * e2 - 3 * e1 ** 4;
  const s2 = e2 - e1 * e1;
  return Math.sqrt(Math.max(0, mu4 - s2 * s2) / N);
}
