/**
 * Moments of the Ornstein–Uhlenbeck process dX = theta (mu - X) dt + sigma dW, exact and under Euler–Maruyama.
 */
import { requireFinite, requireInteger, requireNonNegative } from './validate';

/** Parameters of `ouMoments`. */
export interface OuMomentsParams {
  theta: number;
  mu: number;
  sigma: number;
  x0: number;
  t: number;
}

/**
 * Exact moments of X_t given X_0 = x0:
 *   E X_t = mu + (x0 - mu) e^{-theta t},   Var X_t = sigma^2 (1 - e^{-2 theta t}) / (2 theta)
 * (computed with expm1; the theta -> 0 limit sigma^2 t is exact). Any real theta is allowed (theta < 0 is an
 * explosive linear SDE); requires t >= 0 and sigma finite.
 */
export function ouMoments({ theta, mu, sigma, x0, t }: OuMomentsParams): { mean: number; variance: number } {
  requireFinite('theta', theta);
  requireFinite('mu', mu);
  requireFinite('sigma', sigma);
  requireFinite('x0', x0);
  requireNonNegative('t', t);
  const mean = mu + (x0 - mu) * Math.exp(-theta * t);
  const k = 2 * theta * t;
  const variance = Math.abs(k) < 1e-12 ? sigma * sigma * t : (sigma * sigma * -Math.expm1(-k)) / (2 * theta);
  return { mean, variance };
}

/**
 * The exact law of X_t on n evenly spaced times in [0, T]: the mean, the band mean ± 2 sd, and a plot range holding
 * mean ± 3.5 sd at every t (and x0, mu), so that paths rarely leave it.
 */
export function ouBandCurves(p: Omit<OuMomentsParams, 't'> & { T: number; n: number }) {
  const t = new Float64Array(p.n);
  const mean = new Float64Array(p.n);
  const lower = new Float64Array(p.n);
  const upper = new Float64Array(p.n);
  let lo = Math.min(p.x0, p.mu);
  let hi = Math.max(p.x0, p.mu);
  for (let i = 0; i < p.n; i++) {
    t[i] = (p.T * i) / (p.n - 1);
    const m = ouMoments({ ...p, t: t[i] });
    const sd = Math.sqrt(m.variance);
    mean[i] = m.mean;
    lower[i] = m.mean - 2 * sd;
    upper[i] = m.mean + 2 * sd;
    lo = Math.min(lo, m.mean - 3.5 * sd);
    hi = Math.max(hi, m.mean + 3.5 * sd);
  }
  return { t, mean, lower, upper, domain: [lo, hi] as [number, number] };
}

/**
 * Exact moments of the Euler–Maruyama chain X_{n+1} = c1 X_n + c0 + c2 Z_n after `steps` steps of size
 * dt = t / steps, with c1 = 1 - theta dt, c0 = theta mu dt, c2 = sigma sqrt(dt):
 *   E X_N = mu + (x0 - mu) c1^N,   Var X_N = c2^2 (1 - c1^{2N}) / (1 - c1^2)   (N c2^2 when c1^2 = 1).
 * It converges to `ouMoments` at first order in dt; Monte Carlo tests of the EM sampler compare with this.
 */
export function ouEmMoments(p: OuMomentsParams & { steps: number }): { mean: number; variance: number } {
  const { theta, mu, sigma, x0, t, steps } = p;
  requireFinite('theta', theta);
  requireNonNegative('t', t);
  requireInteger('steps', steps, 1);
  const dt = t / steps;
  const c1 = 1 - theta * dt;
  const c2sq = sigma * sigma * dt;
  const c1N = c1 ** steps;
  const one = 1 - c1 * c1;
  const variance = Math.abs(one) < 1e-15 ? steps * c2sq : (c2sq * (1 - c1N * c1N)) / one;
  return { mean: mu + (x0 - mu) * c1N, variance };
}
