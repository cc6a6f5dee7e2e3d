/** Chapter 9's closed forms: the schedule, the ring, and the one-dimensional Gaussian datum of the exercises. */
import { formatFixed } from '../../app/plots/format.ts';
import { compileMixture, gmmDensity, gmmScore, ringMixture } from '../../workers/engines/diffusion/gmm.ts';
import { controlValue, optimalControl } from '../../workers/engines/diffusion/control.ts';
import { DC_BIMODAL, DC_RING, dcSchedule } from '../../workers/engines/diffusion/dcSetup.ts';

export const schedule = dcSchedule();

/** Half-width of the particle window: the ring (radius 2) with room for the prior's bulk. */
export const WINDOW = 3.5;

/** The centres of the ring's modes. */
export function ringMeans(): number[][] {
  return ringMixture(DC_RING.modes, DC_RING.radius, DC_RING.std).means;
}

/** A number with a true minus sign. */
export { formatFixed as fmt };

/** An MMD² value (five decimals: between two exact samples of 1000 points it scatters with a standard deviation of about 5e-4). */
export function fmtMmd(v: number): string {
  return formatFixed(v, 5);
}

/** The exercises' datum: one-dimensional N(1, 0.5²). */
const GAUSS = { mean: 1, sd: 0.5 } as const;
const gauss = compileMixture({ weights: [1], means: [[GAUSS.mean]], stds: [GAUSS.sd] });

/** sigma_s^2 = 1 - alpha_s^2 of the chapter's schedule. */
export const sigma2At = (s: number) => schedule.sigma2(s);
/** Exact score of the Gaussian datum at (x, s). */
export const gaussScore = (x: number, s: number) => gmmScore(gauss, [x], s, schedule)[0];
/** V(x, t) = -ln p_{T-t}(x) for the Gaussian datum. */
export const gaussValue = (x: number, t: number) => controlValue(gauss, schedule, [x], t);
/** u*(x, t) = g(T - t) score for the Gaussian datum. */
export const gaussControl = (x: number, t: number) => optimalControl(gauss, schedule, [x], t)[0];

/** Colour range of the value heat map above its minimum (nats). */
export const VALUE_COLOR_RANGE = 8;

const bimodal = compileMixture(DC_BIMODAL);
/** Density of the value figure's data (DC_BIMODAL) at x. */
export function dataDensity(x: number): number {
  return gmmDensity(bimodal, [x], 0, schedule);
}
