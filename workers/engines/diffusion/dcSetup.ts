/**
 * The set-up of chapter 9 (diffusion models as stochastic control), shared by its worker tasks and its figures: the
 * noise schedule, the two data sets, the grid of control scales and the value figure's grid. Plain numbers and
 * closed forms, so the page may import them without loading a task.
 */
import { vpSchedule } from './schedule.ts';
import { ringMixture, type GaussianMixture } from './gmm.ts';

/** The schedule of the chapter: VP, beta linear from 0.1 to 20 over [0, 1]. */
const DC_SCHEDULE = { betaMin: 0.1, betaMax: 20, T: 1 } as const;
/** The data of the chapter: 8 equal modes on a circle of radius 2, each with standard deviation 0.15. */
export const DC_RING = { modes: 8, radius: 2, std: 0.15 } as const;

export const dcSchedule = () => vpSchedule(DC_SCHEDULE);
export const dcRing = () => ringMixture(DC_RING.modes, DC_RING.radius, DC_RING.std);

/** The lambdas of the verification figure: `count` points log-spaced from lo to hi (12 significant digits, so that 1 is exactly 1). */
export function lambdaGrid(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => Number((lo * Math.pow(hi / lo, k / (count - 1))).toPrecision(12)));
}

/** The one-dimensional data of the value figure: two modes, at -1.5 (weight 0.4, sd 0.3) and 1 (weight 0.6, sd 0.4). */
export const DC_BIMODAL: GaussianMixture = { weights: [0.4, 0.6], means: [[-1.5], [1]], stds: [0.3, 0.4] };

/** Grid of the value heat map. */
export const VALUE_GRID = { nt: 120, nx: 100, lo: -4, hi: 4 } as const;
