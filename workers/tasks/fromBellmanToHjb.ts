/**
 * Worker tasks for chapter 2 (from Bellman to HJB): the Bellman equation with time step h against its h -> 0 limit
 * on the deterministic scalar LQR, over three decades of h (61 discrete Riccati solutions and their sample-and-hold
 * counterparts, about 2 ms: too much for the main thread on every slider move); and value iteration on the exit-time
 * problem, whose value has a corner.
 */
import { lqrDiscrete } from '../engines/lqr.ts';
import { exitTimeVi as exitTimeViEngine, type ExitTimeViParams, type ExitTimeViResult } from '../engines/exitTimeVi.ts';
import { lqrSampledHold, lqrStepExpansion, lqrStepNoControl, lqrStepSweep, type LqrStepExpansion, type LqrStepSweep } from '../engines/hjbLimit.ts';

export interface LqrStepParams {
  h: number;
  alpha: number;
  beta: number;
  q: number;
  r: number;
  rho: number;
}

export interface LqrStepResult {
  sweep: LqrStepSweep;
  expansion: LqrStepExpansion;
  /** The discrete solution at the chosen h, as numbers (its Riccati map is a function, which a worker cannot send); null when it has none. */
  atH: { P: number; K: number; c: number } | null;
  /** P of the exact sample-and-hold discretisation at h (NaN when it has none). */
  holdAtH: number;
}

/** Everything the step-size figure shows; throws the engine's sentence when the continuous problem has no solution. */
export function lqrStep(v: LqrStepParams): LqrStepResult {
  const p = { alpha: v.alpha, beta: v.beta, q: v.q, r: v.r, sigma: 0, rho: v.rho };
  const sweep = lqrStepSweep(p, { hMin: 1e-3, hMax: 1, count: 61, fitMax: 0.1 });
  const noControl = lqrStepNoControl(v.beta);
  if (noControl !== null) throw new Error(noControl);
  const expansion = lqrStepExpansion(p);
  let atH: LqrStepResult['atH'] = null;
  try {
    const d = lqrDiscrete({ ...p, h: v.h });
    atH = { P: d.P, K: d.K, c: d.c };
  } catch {
    atH = null;
  }
  let holdAtH = NaN;
  try {
    holdAtH = lqrSampledHold({ ...p, h: v.h }).P;
  } catch {
    holdAtH = NaN;
  }
  return { sweep, expansion, atH, holdAtH };
}

/** Value iteration on the exit-time problem, converging to its kinked value (a few hundred grid points and sweeps). */
export function exitTimeVi(p: ExitTimeViParams): ExitTimeViResult {
  return exitTimeViEngine(p);
}

export const fromBellmanToHjbTasks = { lqrStep, exitTimeVi };
