/** The source post's scalar LQR (chapter 4) and the closed forms chapters 5 and 6 compare against. */
import { lqrDiscounted, type ScalarLqrParams } from '../../workers/engines/lqr.ts';
import { lqrChainValue, lqrContinuousPolicyValue } from '../../workers/engines/feynmanKac.ts';

/** alpha -0.5, beta 1, q 1, r 0.1, sigma 0.3, rho 0.1. */
export const post: ScalarLqrParams = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 };

/** The optimal LQR: P, K*, c. */
export const optimum = lqrDiscounted(post);

/** Horizon simulated before the exact tail of the chain is added. */
export const HORIZON = 10;

/** The source post's Euler step. */
export const POST_DT = 0.05;

/** Smallest gain that stabilises the discounted closed loop: rho > 2 (alpha - beta K). */
export const K_MIN_STABLE = (post.alpha - post.rho / 2) / post.beta;

/** Exact continuous value of a = -K x at x0, or null with the reason when K does not stabilise. */
export function continuousValue(K: number, x0: number): { value: number } | { error: string } {
  try {
    return { value: lqrContinuousPolicyValue(post, K).value(x0) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Exact value of the Euler chain of a = -K x at x0 with step dt, or NaN where the discounted chain diverges. */
export function chainValue(K: number, x0: number, dt: number): number {
  try {
    return lqrChainValue(post, K, dt).value(x0);
  } catch {
    return NaN;
  }
}

/** Numbers with a true minus sign, and percentages such as −8.84%. */
export { formatFixed as fmt, formatPercent as pct } from '../../app/plots/format.ts';
