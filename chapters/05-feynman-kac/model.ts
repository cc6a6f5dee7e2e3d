/** The source post's scalar LQR (workers/engines/examples.ts) and the closed forms this chapter's figures compare against. */
import { POST_LQR, POST_OPTIMUM } from '../../workers/engines/examples.ts';
import { lqrChainValue, lqrContinuousPolicyValue } from '../../workers/engines/feynmanKac.ts';

export { POST_LQR as post, POST_OPTIMUM as optimum, POST_DT, POST_K_MIN_STABLE as K_MIN_STABLE } from '../../workers/engines/examples.ts';

/** The policy a = −K x and the start x₀ that both figures evaluate, sliders alike. */
export const policySchema = {
  K: { label: 'feedback gain', symbol: 'K', min: -1, max: 10, step: 0.01, default: POST_OPTIMUM.K },
  x0: { label: 'start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 1 },
};

/** Horizon simulated before the exact tail of the chain is added. */
export const HORIZON = 10;

/** Exact continuous value of a = -K x at x0, or null with the reason when K does not stabilise. */
export function continuousValue(K: number, x0: number): { value: number } | { error: string } {
  try {
    return { value: lqrContinuousPolicyValue(POST_LQR, K).value(x0) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Exact value of the Euler chain of a = -K x at x0 with step dt, or NaN where the discounted chain diverges. */
export function chainValue(K: number, x0: number, dt: number): number {
  try {
    return lqrChainValue(POST_LQR, K, dt).value(x0);
  } catch {
    return NaN;
  }
}
