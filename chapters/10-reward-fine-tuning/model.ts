/**
 * Chapter 10's closed forms for the page: chapter 9's ring and schedule with the linear reward r(x) = b . x, the
 * tilted law, h, the optimal control and the trade-off (workers/engines/diffusion/tilt.ts), and the 1-D data of the
 * bias figure. Plain functions of numbers, for the prose, the exercises and the figures.
 */
import { formatFixed } from '../../app/plots/format.ts';
import { compileMixture } from '../../workers/engines/diffusion/gmm.ts';
import { DC_BIMODAL, dcRing, dcSchedule } from '../../workers/engines/diffusion/dcSetup.ts';
import { biasSchedule, RF_B, RF_BIAS, RF_LAMBDA } from '../../workers/engines/diffusion/rfSetup.ts';
import { endLaw, exactTradeoff, memorylessTradeoff, optimalControl, tiltedMixture } from '../../workers/engines/diffusion/tilt.ts';

export { formatFixed as fmt };

export const schedule = dcSchedule();
export const ring = compileMixture(dcRing());
const bimodal = compileMixture(DC_BIMODAL);
export const B = [...RF_B];
const LAMBDA = RF_LAMBDA;

/** Half-width of the particle window (chapter 9's). */
export const WINDOW = 3.5;

/** The ring's tilted law at (b, lambda): weights, means, stds and ln Z. */
export const ringTilt = (b: number[] = B, lambda = LAMBDA) => tiltedMixture(ring, b, lambda);
/** E[r] and KL(P^{u*} || P^pre) from the start p_T, on the ring and the chapter's schedule. */
export const ringTradeoff = (b: number[] = B, lambda = LAMBDA) => exactTradeoff(ring, schedule, b, lambda);
/** The same for a memoryless schedule: E_tilde[r] and KL(ptilde || p_data). */
export const ringMemoryless = (b: number[] = B, lambda = LAMBDA) => memorylessTradeoff(ring, b, lambda);

/** The bias figure: KL(p_end || ptilde) on the 1-D data for a beta_max, and E[r] at the end against the tilted law's. */
export function biasKl(betaMax: number, b: number = RF_BIAS.b, lambda: number = RF_BIAS.lambda): number {
  return endLaw(bimodal, biasSchedule(betaMax), [b], lambda, undefined, RF_BIAS.nodes).kl;
}
export function biasReward(betaMax: number, b: number = RF_BIAS.b, lambda: number = RF_BIAS.lambda): { end: number; tilted: number } {
  return {
    end: exactTradeoff(bimodal, biasSchedule(betaMax), [b], lambda, undefined, RF_BIAS.nodes).reward,
    tilted: memorylessTradeoff(bimodal, [b], lambda).reward,
  };
}
/** alpha_T of the bias figure's schedule. */
export const biasAlphaT = (betaMax: number) => biasSchedule(betaMax).alpha(1);

/** The exercises' datum, chapter 9's N(1, 0.5^2), with the reward r(x) = x at lambda = 1: u*(x, t). */
const gauss = compileMixture({ weights: [1], means: [[1]], stds: [0.5] });
export const gaussControl = (x: number, t: number) => optimalControl(gauss, schedule, [1], 1, t, [x])[0];
