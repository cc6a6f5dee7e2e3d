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
 * The other root of the Riccati equation rho P = q + 2 alpha P - kappa P^2 (kappa = beta^2 / r): the negative one,
 * P- = -q / (kappa P+), with K- = beta P- / r and c- = sigma^2 P- / (2 rho). Also a smooth solution of the HJB equation
 * with a maximising feedback; `rate` = rho - 2(alpha - beta K-) = -sqrt((rho - 2 alpha)^2 + 4 kappa q) < 0 says its
 * closed loop violates transversality. Null when beta = 0 (the equation is linear: one root).
 */
export function otherRoot(p: ScalarLqrParams): { P: number; K: number; c: number; rate: number } | null {
  const kappa = (p.beta * p.beta) / p.r;
  if (kappa === 0) return null;
  const b = p.rho - 2 * p.alpha;
  const disc = Math.sqrt(b * b + 4 * kappa * p.q);
  // Stable form: for b >= 0 no cancellation in -(b + disc); for b < 0 use the product of the roots, -q / kappa.
  const P = b >= 0 ? -(b + disc) / (2 * kappa) : (-2 * p.q) / (disc - b);
  const K = (p.beta * P) / p.r;
  return { P, K, c: (p.sigma * p.sigma * P) / (2 * p.rho), rate: p.rho - 2 * (p.alpha - p.beta * K) };
}

/**
 * The transversality term e^{-rho T} E_x[w(X_T)] for w(x) = -P x^2 / 2 - c with c = sigma^2 P / (2 rho), along the
 * closed loop dX = (alpha - beta K) X dt + sigma dW with K = beta P / r, from x0, on n + 1 times T_i = i Tmax / n.
 * E X_T^2 = x0^2 e^{2 lam T} + sigma^2 (e^{2 lam T} - 1) / (2 lam), lam = alpha - beta K (sigma^2 T when lam = 0).
 */
export function transversalityCurve(p: ScalarLqrParams, P: number, x0: number, Tmax: number, n = 200): { T: Float64Array; value: Float64Array } {
  const K = (p.beta * P) / p.r;
  const lam = p.alpha - p.beta * K;
  const c = (p.sigma * p.sigma * P) / (2 * p.rho);
  const T = new Float64Array(n + 1);
  const value = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const t = (Tmax * i) / n;
    const growth = lam === 0 ? t : Math.expm1(2 * lam * t) / (2 * lam);
    const m2 = x0 * x0 * Math.exp(2 * lam * t) + p.sigma * p.sigma * growth;
    T[i] = t;
    value[i] = Math.exp(-p.rho * t) * (-0.5 * P * m2 - c);
  }
  return { T, value };
}

/**
 * The ergodic limit rho -> 0 of the scalar LQR: P0, the positive root of 0 = q + 2 alpha P - kappa P^2, its gain K0, and
 * the long-run average reward -sigma^2 P0 / 2, which is lim rho c. Needs q > 0 or alpha < 0 (else P0 = 0 or none).
 */
export function ergodicLqr(p: Omit<ScalarLqrParams, 'rho'>): { P0: number; K0: number; average: number } {
  const kappa = (p.beta * p.beta) / p.r;
  const b = -2 * p.alpha;
  const disc = Math.sqrt(b * b + 4 * kappa * p.q);
  const P0 = b > 0 ? (2 * p.q) / (b + disc) : (disc - b) / (2 * kappa);
  return { P0, K0: (p.beta * P0) / p.r, average: -0.5 * p.sigma * p.sigma * P0 };
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
