/**
 * Closed-form curves of the chapter's figures (cheap: computed on the main thread). Pure functions, tested in
 * lqrCurves.test.ts against the engines and independent references.
 */
import { lqrDiscounted, lqrFiniteHorizon, type ScalarLqrParams, type ScalarLqrSolution } from '../../workers/engines/lqr.ts';
import { lqrContinuousPolicyValue } from '../../workers/engines/feynmanKac.ts';

/** The source post's action bound |a| <= A_BOUND (the book does not clip). */
export const A_BOUND = 5;

/** Smallest stabilising gain: a = -K x is stable for the discounted problem iff K > kMin (beta > 0). */
export function stableGainBound(p: ScalarLqrParams): number {
  return (p.alpha - p.rho / 2) / p.beta;
}

export interface ExplorerCurves {
  /** The optimal solution, or the sentence saying why there is none. */
  opt: ScalarLqrSolution | null;
  optError: string | null;
  /** Value of the reader's gain (null if it does not stabilise). */
  gain: { P: number; c: number } | null;
  x: Float64Array;
  vStar: Float64Array;
  vGain: Float64Array;
  aStar: Float64Array;
  aGain: Float64Array;
  /** a* clipped to |a| <= A_BOUND, as the source post does. */
  aClipped: Float64Array;
  /** |x| beyond which the post's bound cuts a* (Infinity when K* = 0). */
  clipAt: number;
}

/** V(x), V_K(x), a*(x) and -K x on n points of [-xMax, xMax]. */
export function explorerCurves(p: ScalarLqrParams, K: number, xMax = 3, n = 121): ExplorerCurves {
  let opt: ScalarLqrSolution | null = null;
  let optError: string | null = null;
  try {
    opt = lqrDiscounted(p);
  } catch (e) {
    optError = (e as Error).message;
  }
  let gain: { P: number; c: number } | null = null;
  try {
    const g = lqrContinuousPolicyValue(p, K);
    gain = { P: g.P, c: g.c };
  } catch {
    gain = null;
  }
  const x = new Float64Array(n);
  const vStar = new Float64Array(n);
  const vGain = new Float64Array(n);
  const aStar = new Float64Array(n);
  const aGain = new Float64Array(n);
  const aClipped = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = -xMax + (2 * xMax * i) / (n - 1);
    x[i] = xi;
    vStar[i] = opt ? -0.5 * opt.P * xi * xi - opt.c : NaN;
    vGain[i] = gain ? -0.5 * gain.P * xi * xi - gain.c : NaN;
    aStar[i] = opt ? -opt.K * xi : NaN;
    aGain[i] = -K * xi;
    aClipped[i] = Math.max(-A_BOUND, Math.min(A_BOUND, aStar[i]));
  }
  const clipAt = opt && opt.K !== 0 ? A_BOUND / Math.abs(opt.K) : Infinity;
  return { opt, optError, gain, x, vStar, vGain, aStar, aGain, aClipped, clipAt };
}

/**
 * The discounted finite-horizon Riccati solution on [0, T]: with tau = T - t,
 *   dP/dtau = q + (2 alpha - rho) P - (beta^2 / r) P^2,  P(tau = 0) = qT,
 * which is the undiscounted ODE of `lqrFiniteHorizon` with alpha replaced by alpha - rho/2. Returns P on n + 1
 * points t_i = i T / n.
 */
export function riccatiPath(p: Omit<ScalarLqrParams, 'sigma'>, qT: number, T: number, n = 200): { t: Float64Array; P: Float64Array } {
  const fh = lqrFiniteHorizon({ alpha: p.alpha - p.rho / 2, beta: p.beta, q: p.q, r: p.r, sigma: 0, qT, T });
  const t = new Float64Array(n + 1);
  const P = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    t[i] = (T * i) / n;
    P[i] = fh.P(Math.min(T, t[i]));
  }
  return { t, P };
}

/**
 * Time to go T - t* such that |P(t) - P| <= 1% of P for every plotted t <= t* (NaN if P(0) itself is further off:
 * the horizon is too short to settle).
 */
export function settleTime(t: Float64Array, P: Float64Array, Pinf: number, T: number): number {
  let last = -1;
  for (let i = 0; i < P.length; i++) {
    if (Math.abs(P[i] - Pinf) > 0.01 * Pinf) break;
    last = i;
  }
  return last < 0 ? NaN : T - t[last];
}

/**
 * Eigenvalues of the double integrator's closed loop A - BK = [[0, 1], [-k1, -k2]]: the roots of
 * s^2 + k2 s + k1 = 0, as { re: [s1, s2], im } (im = 0: two real roots, no overshoot; im > 0: re +- i im, a spiral).
 */
export function closedLoopEigen(k1: number, k2: number): { re: [number, number]; im: number } {
  const d = k2 * k2 - 4 * k1;
  if (d >= 0) {
    const s = Math.sqrt(d);
    return { re: [(-k2 - s) / 2, (-k2 + s) / 2], im: 0 };
  }
  return { re: [-k2 / 2, -k2 / 2], im: Math.sqrt(-d) / 2 };
}
