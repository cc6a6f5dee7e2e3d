/**
 * The set-up of chapter 10 (reward fine-tuning as KL-regularised control), shared by its worker tasks, its figures
 * and its tests, on top of chapter 9's (dcSetup.ts: the ring, the schedule, the 1-D data, lambdaGrid): the reward's default gradient b and temperature lambda, the grid of
 * temperatures of the trade-off curve, and the one-dimensional data and schedules of the value-function bias.
 */
import { vpSchedule } from './schedule.ts';

/** Default reward r(x) = b . x on the ring: b = (1, 0), pointing at the mode at angle 0. */
export const RF_B = [1, 0] as const;
/** Default temperature lambda. */
export const RF_LAMBDA = 1;
/** Temperatures of the trade-off curve: log-spaced from RF_LAMBDAS.lo to RF_LAMBDAS.hi, with 1 in the middle (index 30). */
export const RF_LAMBDAS = { lo: 0.05, hi: 20, count: 61 } as const;
/** The density grid of the particle figure: n x n cells over [lo, hi]^2 (chapter 9's window of half-width 3.5). */
export const RF_GRID = { n: 100, lo: -3.5, hi: 3.5 } as const;
/**
 * The contour levels of the particle figure, as log-density offsets from each law's peak: the pretrained law at -2 (a
 * lone isotropic Gaussian mode drops by r^2/(2 sd^2) = 2 at two standard deviations) and the tilted law at e^-5, e^-3
 * and e^-1 of its peak.
 */
export const RF_CONTOURS = { data: [-2], tilted: [-5, -3, -1] } as const;
/** Generation stops at forward time RF_TMIN (chapter 9's 1e-3, with Tweedie's denoised mean at the end). */
export const RF_TMIN = 1e-3;

/**
 * The bias figure on the 1-D data: r(x) = b x with b = 1.2, temperature 0.8, beta_max 2 by default; its grid of
 * beta_max for the KL curve, its grid of x for the densities, and its Gauss–Hermite nodes (48: the end law's mass is 1
 * within 1e-10 over the sliders' ranges, where 24 nodes leave errors up to 5e-7).
 */
export const RF_BIAS = { b: 1.2, lambda: 0.8, betaMax: 2, grid: { lo: 0.5, hi: 20, count: 40 }, x: { lo: -4, hi: 4, n: 321 }, nodes: 48 } as const;

/** The VP schedule of the bias figure: beta from 0.1 to betaMax over [0, 1] (chapter 9's with a smaller betaMax). */
export const biasSchedule = (betaMax: number) => vpSchedule({ betaMin: 0.1, betaMax, T: 1 });
