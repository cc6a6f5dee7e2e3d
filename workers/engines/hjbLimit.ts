/**
 * Chapter 2: Bellman's equation with a time step h tends to the HJB equation. On the scalar LQR the limit can be
 * watched exactly: the discrete Riccati fixed point P_h of `lqrDiscrete` (Euler transition, reward r h, discount
 * e^{-rho h}) against the continuous Riccati solution P of `lqrDiscounted`, its first-order error coefficient,
 * and the error over a range of step sizes with its fitted log–log slope.
 */
import { lqrDiscounted, lqrDiscrete, type ScalarLqrParams } from './lqr';
import { linearFit } from './stats';

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
  /** Least-squares slopes of log |error| against log h over hMin <= h <= fitMax (NaN if fewer than 2 points). */
  slopeP: number;
  slopeK: number;
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
  if (!Number.isInteger(count) || count < 2 || count > 10_000) throw new Error(`count must be an integer in [2, 10000]; got ${count}`);
  const { P, K } = lqrDiscounted(p);
  const h = new Float64Array(count);
  const Ph = new Float64Array(count);
  const Kh = new Float64Array(count);
  const errP = new Float64Array(count);
  const errK = new Float64Array(count);
  const lx: number[] = [];
  const lyP: number[] = [];
  const lyK: number[] = [];
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
    if (h[i] <= fitMax * (1 + 1e-12) && errP[i] > 0 && errK[i] > 0 && Number.isFinite(errP[i]) && Number.isFinite(errK[i])) {
      lx.push(Math.log(h[i]));
      lyP.push(Math.log(errP[i]));
      lyK.push(Math.log(errK[i]));
    }
  }
  const slopeP = lx.length >= 2 ? linearFit(lx, lyP).slope : NaN;
  const slopeK = lx.length >= 2 ? linearFit(lx, lyK).slope : NaN;
  return { h, Ph, Kh, errP, errK, P, K, slopeP, slopeK, fitMax };
}
