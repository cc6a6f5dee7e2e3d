/**
 * What the convergence figure derives from a gbmConvergence result: the exact weak error at each step size
 * (closed form, gbm.ts), which points are lost in Monte Carlo noise, the slope the exact weak errors themselves
 * have over the plotted step sizes, and the sentence to show when the weak error cannot be measured.
 */
import { gbmWeakError } from '../../workers/engines/gbm.ts';
import { linearFit } from '../../workers/engines/stats.ts';
import type { GbmConvergenceResult } from '../../workers/engines/convergence.ts';

export interface ConvergenceView {
  /** |E X_T^h - E X_T| exactly, for EM and Milstein alike. */
  weakExact: number[];
  /** Least-squares slope of log weakExact against log h (NaN when the weak error is zero). */
  weakExactSlope: number;
  /** Per point: the estimate is within two standard errors of zero (its size is not resolved). */
  weakEmNoisy: boolean[];
  weakMilsteinNoisy: boolean[];
  /** A sentence for the reader when the weak error is zero or below the noise at some step sizes. */
  notice: string | null;
}

export function convergenceView(r: GbmConvergenceResult, p: { m: number; v: number; x0: number; T: number }): ConvergenceView {
  const steps = r.dt.map((h) => Math.round(p.T / h));
  const weakExact = steps.map((N) => Math.abs(gbmWeakError({ m: p.m, v: p.v, x0: p.x0, t: p.T, steps: N })));
  const zero = weakExact.every((e) => e === 0);
  const weakExactSlope = zero ? NaN : linearFit(r.dt.map(Math.log), weakExact.map(Math.log)).slope;
  const weakEmNoisy = r.weakEm.map((e, i) => e < 2 * r.weakEmSe[i]);
  const weakMilsteinNoisy = r.weakMilstein.map((e, i) => e < 2 * r.weakMilsteinSe[i]);
  const noisy = weakEmNoisy.filter(Boolean).length + weakMilsteinNoisy.filter(Boolean).length;
  let notice: string | null = null;
  if (zero) {
    notice =
      'With drift μ = 0 both schemes have exactly the right mean, E X(T) = x₀ (1 + μh)^N = x₀: the weak error is zero at every step size, so the weak points show only Monte Carlo noise and their fitted slopes mean nothing.';
  } else if (noisy > 0) {
    notice = `${noisy} of the ${2 * r.dt.length} weak-error estimates (hollow) are within two standard errors of zero: there the weak error is below the Monte Carlo noise, and the fitted weak slopes are not to be trusted. More paths or a larger drift μ bring them out.`;
  }
  return { weakExact, weakExactSlope, weakEmNoisy, weakMilsteinNoisy, notice };
}
