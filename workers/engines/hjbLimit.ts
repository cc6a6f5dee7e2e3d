/**
 * Chapter 2: Bellman's equation with a time step h tends to the HJB equation. On the scalar LQR the limit can be
 * watched exactly: the discrete Riccati fixed point P_h of `lqrDiscrete` (Euler transition, reward r h, discount
 * e^{-rho h}) against the continuous Riccati solution P of `lqrDiscounted`, its first-order error coefficient,
 * and the error over a range of step sizes with its fitted log–log slope; and, for contrast, the exact
 * sample-and-hold discretisation (`lqrSampledHold`), whose error is second order.
 */
import { gaussLegendre, lqrDiscounted, lqrDiscrete, type DiscreteLqrParams, type ScalarLqrParams } from './lqr';
import { linearFit } from './stats';
import { requireFinite, requireInteger, requireNonNegative, requirePositive } from './validate';

/** First-order behaviour of the discrete LQR: P_h = P + dP h + O(h^2), K_h = K + dK h + O(h^2). */
export interface LqrStepExpansion {
  P: number;
  K: number;
  dP: number;
  dK: number;
}

/**
 * The first-order coefficients of P_h - P and K_h - K for the Euler-discretised LQR of `lqrDiscrete`. Dividing
 * its fixed-point equation by h gives
 *   P (1 - e^{-rho h} (1 + alpha h)^2) / h = q - e^{-2 rho h} (1 + alpha h)^2 beta^2 P^2 / (r + e^{-rho h} beta^2 h P),
 * which at h = 0 is the Riccati equation rho P = q + 2 alpha P - beta^2 P^2 / r. Differentiating in h at h = 0
 * (implicit function theorem), with g = beta^2 / r:
 *   dP = [ (alpha^2 - 2 alpha rho + rho^2/2) P - g P^2 (2 alpha - 2 rho - g P) ] / (rho - 2 alpha + 2 g P),
 *   dK = (beta / r) [ dP + (alpha - rho) P - g P^2 ].
 * The denominator rho - 2 (alpha - beta K) is positive: it is the discount rate minus twice the closed-loop rate.
 * Requires the same parameters as `lqrDiscounted` (sigma plays no role in P or K).
 */
export function lqrStepExpansion(p: ScalarLqrParams): LqrStepExpansion {
  const { P, K } = lqrDiscounted(p);
  const { alpha, rho } = p;
  const g = (p.beta * p.beta) / p.r;
  const dP = ((alpha * alpha - 2 * alpha * rho + (rho * rho) / 2) * P - g * P * P * (2 * alpha - 2 * rho - g * P)) / (rho - 2 * alpha + 2 * g * P);
  const dK = (p.beta / p.r) * (dP + (alpha - rho) * P - g * P * P);
  return { P, K, dP, dK };
}

/** Value and gain of a discretised scalar LQR: V_h(x) = -1/2 P x^2, a = -K x. */
export interface SampledLqrSolution {
  P: number;
  K: number;
}

/**
 * The deterministic scalar LQR sampled exactly with a zero-order hold: the action is held for h, the state moves
 * exactly, x(s) = e^{alpha s} x + beta phi(s) a with phi(s) = (e^{alpha s} - 1)/alpha (phi(s) = s for alpha = 0),
 * the step earns the exactly integrated reward -1/2 int_0^h e^{-rho s} (q x(s)^2 + r a^2) ds = -1/2 [x a] M [x a]',
 * and the future is discounted by g = e^{-rho h}. With A = e^{alpha h}, B = beta phi(h), Bellman's equation for
 * V_h = -1/2 P x^2 has the fixed point
 *   P = M11 + g A^2 P - (M12 + g A B P)^2 / (M22 + g B^2 P),   K = (M12 + g A B P) / (M22 + g B^2 P),
 * the positive root of g B^2 P^2 + [(1 - g A^2) M22 - g B^2 M11 + 2 g A B M12] P + M12^2 - M11 M22 = 0.
 * Only the restriction to piecewise-constant actions remains, and it costs O(h^2) in P (the value is stationary
 * in the control). M is computed by 8-point Gauss–Legendre quadrature on 4 panels (relative error ~1e-15 for
 * |alpha| h, rho h <= 4). sigma is ignored (P does not depend on it).
 */
export function lqrSampledHold(p: DiscreteLqrParams): SampledLqrSolution {
  const { alpha, beta, q, r, rho, h } = p;
  requireFinite('alpha', alpha);
  requireFinite('beta', beta);
  requireNonNegative('q', q);
  requirePositive('r', r);
  requirePositive('rho', rho);
  requirePositive('h', h);
  const phi = (s: number) => (alpha === 0 ? s : Math.expm1(alpha * s) / alpha);
  const M11 = gaussLegendre((s) => Math.exp(-rho * s) * q * Math.exp(2 * alpha * s), 0, h, 4);
  const M12 = gaussLegendre((s) => Math.exp(-rho * s) * q * Math.exp(alpha * s) * beta * phi(s), 0, h, 4);
  const M22 = gaussLegendre((s) => Math.exp(-rho * s) * (q * (beta * phi(s)) ** 2 + r), 0, h, 4);
  const g = Math.exp(-rho * h);
  const A = Math.exp(alpha * h);
  const B = beta * phi(h);
  const a2 = g * B * B;
  const a1 = (1 - g * A * A) * M22 - g * B * B * M11 + 2 * g * A * B * M12;
  const a0 = M12 * M12 - M11 * M22; // <= 0 by Cauchy–Schwarz
  let P: number;
  if (a2 === 0) {
    if (!(g * A * A < 1)) throw new Error(`not stabilisable: with beta = 0 the sampled chain needs e^{-rho h} e^{2 alpha h} < 1, i.e. rho > 2 alpha`);
    P = M11 / (1 - g * A * A);
  } else {
    const disc = Math.sqrt(Math.max(0, a1 * a1 - 4 * a2 * a0));
    P = a1 < 0 ? (disc - a1) / (2 * a2) : (-2 * a0) / (a1 + disc);
  }
  return { P, K: (M12 + g * A * B * P) / (M22 + g * B * B * P) };
}

/**
 * Why the step-size study needs beta != 0: with beta = 0 the control has no effect, K = K_h = 0 and the
 * sample-and-hold chain is exact, so there are no errors to fit a slope to. `null` when beta is usable.
 */
export function lqrStepNoControl(beta: number): string | null {
  return beta === 0 ? 'with β = 0 the control has no effect (K = 0 at every step size), so there is no control error to converge; set β above 0' : null;
}

/** Options of `lqrStepSweep`. */
export interface LqrStepSweepOptions {
  /** Smallest and largest step size of the grid (log-spaced). Default 1e-3 and 1. */
  hMin?: number;
  hMax?: number;
  /** Number of step sizes. Default 49. */
  count?: number;
  /** The slope is fitted on the step sizes h <= fitMax. Default 0.1. */
  fitMax?: number;
}

/** P_h and K_h over a grid of step sizes, their errors, and the fitted log–log slopes of the errors. */
export interface LqrStepSweep {
  h: Float64Array;
  Ph: Float64Array;
  Kh: Float64Array;
  /** |P_h - P| and |K_h - K| (NaN where the discrete problem has no solution). */
  errP: Float64Array;
  errK: Float64Array;
  P: number;
  K: number;
  /** P_h of the exact sample-and-hold discretisation (`lqrSampledHold`) and its error |P_h - P|. */
  PhHold: Float64Array;
  errHold: Float64Array;
  /** Least-squares slopes of log |error| against log h over hMin <= h <= fitMax (NaN if fewer than 2 points). */
  slopeP: number;
  slopeK: number;
  slopeHold: number;
  fitMax: number;
}

/**
 * Solves the discrete LQR (`lqrDiscrete`) at `count` log-spaced step sizes in [hMin, hMax] and compares with the
 * continuous Riccati solution (`lqrDiscounted`). Throws what `lqrDiscounted` throws when the continuous problem has
 * no solution; a step size at which the discrete one has none (possible only with beta = 0) gives NaN there.
 */
export function lqrStepSweep(p: ScalarLqrParams, opts: LqrStepSweepOptions = {}): LqrStepSweep {
  const hMin = opts.hMin ?? 1e-3;
  const hMax = opts.hMax ?? 1;
  const count = opts.count ?? 49;
  const fitMax = opts.fitMax ?? 0.1;
  if (!(hMin > 0 && hMax > hMin)) throw new Error(`need 0 < hMin < hMax; got hMin = ${hMin}, hMax = ${hMax}`);
  requireInteger('count', count, 2, 10_000);
  const { P, K } = lqrDiscounted(p);
  const h = new Float64Array(count);
  const Ph = new Float64Array(count);
  const Kh = new Float64Array(count);
  const errP = new Float64Array(count);
  const errK = new Float64Array(count);
  const PhHold = new Float64Array(count);
  const errHold = new Float64Array(count);
  const lx: number[] = [];
  const lyP: number[] = [];
  const lyK: number[] = [];
  const hx: number[] = [];
  const lyH: number[] = [];
  for (let i = 0; i < count; i++) {
    h[i] = hMin * Math.pow(hMax / hMin, i / (count - 1));
    try {
      const d = lqrDiscrete({ ...p, h: h[i] });
      Ph[i] = d.P;
      Kh[i] = d.K;
    } catch {
      Ph[i] = Kh[i] = NaN;
    }
    errP[i] = Math.abs(Ph[i] - P);
    errK[i] = Math.abs(Kh[i] - K);
    try {
      PhHold[i] = lqrSampledHold({ ...p, h: h[i] }).P;
    } catch {
      PhHold[i] = NaN;
    }
    errHold[i] = Math.abs(PhHold[i] - P);
    // Below ~1e-12 relative the sampled error is rounding, not discretisation: leave it out of the fit.
    if (h[i] <= fitMax * (1 + 1e-12) && errHold[i] > 1e-12 * Math.max(1, P) && Number.isFinite(errHold[i])) {
      hx.push(Math.log(h[i]));
      lyH.push(Math.log(errHold[i]));
    }
    if (h[i] <= fitMax * (1 + 1e-12) && errP[i] > 0 && errK[i] > 0 && Number.isFinite(errP[i]) && Number.isFinite(errK[i])) {
      lx.push(Math.log(h[i]));
      lyP.push(Math.log(errP[i]));
      lyK.push(Math.log(errK[i]));
    }
  }
  const slopeP = lx.length >= 2 ? linearFit(lx, lyP).slope : NaN;
  const slopeK = lx.length >= 2 ? linearFit(lx, lyK).slope : NaN;
  const slopeHold = hx.length >= 2 ? linearFit(hx, lyH).slope : NaN;
  return { h, Ph, Kh, errP, errK, PhHold, errHold, P, K, slopeP, slopeK, slopeHold, fitMax };
}
