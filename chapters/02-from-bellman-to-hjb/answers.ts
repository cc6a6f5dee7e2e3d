/** Exercise answers of chapter 2, computed by the engines (never typed in). */
import { lqrDiscounted } from '../../workers/engines/lqr.ts';
import { lqrStepExpansion } from '../../workers/engines/hjbLimit.ts';

/** The source post's deterministic regulator. */
export const postLqr = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0, rho: 0.1 };

/** P from the Riccati equation rho P = q + 2 alpha P - beta^2 P^2 / r. */
export const riccatiP = lqrDiscounted(postLqr).P;

/** c_1 in P_h = P + c_1 h + O(h^2) for the Euler-discretised regulator. */
export const firstOrderP = lqrStepExpansion(postLqr).dP;

/** Sweeps the contraction bound asks for to gain six digits at rho = 0.1, h = 0.01: ln(1e6) / (rho h). */
export const sweepsSixDigits = Math.log(1e6) / (postLqr.rho * 0.01);

/** The action gap Q_h(1, a*) - Q_h(1, 0) of the post's regulator, per unit of h: r K^2 / 2. */
export const actionGapPerH = 0.5 * postLqr.r * lqrDiscounted(postLqr).K ** 2;
