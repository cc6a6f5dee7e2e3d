/**
 * Worker tasks for chapter 6 (policy iteration): sampled policy iteration on the scalar LQR (Monte Carlo
 * evaluation, least-squares fit on 1, x, x^2, closed-form improvement), and the Kushner–Dupuis Markov-chain
 * approximation solved on a sequence of grids.
 */
import { lqrAffinePolicyValue, lqrDiscounted, markovChainHjb, policyIterationSampled, type SampledPiResult, type ScalarLqrParams } from '../engines/index.ts';
import { kleinmanRun, type KleinmanRun } from '../engines/examples.ts';
import { supError } from '../engines/markovChain.ts';
import { within, type Chunked } from '../engines/chunked.ts';

interface PiSampledParams {
  params: ScalarLqrParams;
  K0: number;
  iterations: number;
  paths: number;
  dt: number;
  seed: number;
}

export interface PiSampledResult {
  /** Gain evaluated in iteration n (n = 1..iterations) and the gain after its improvement. */
  K: Float64Array;
  improved: Float64Array;
  /** Offset u0 of the improved affine policy a = -K x + u0 (0 for the exact optimum). */
  u0: Float64Array;
  /** RMS over the sample states of the fit minus the exact value of the evaluated policy. */
  valueError: Float64Array;
  /** RMS over the sample states of the HJB residual of the fit. */
  hjbResidual: Float64Array;
  /** Mean Monte Carlo standard error of the values at the sample states. */
  mcStderr: Float64Array;
  Kstar: number;
  /** Exact Kleinman iteration from the same K0 on the post's scalar LQR (iterations + 1 gains; empty if it fails). */
  exact: number[];
}

/** |alpha - beta K| dt above which the sampled iteration is declared to have run away (legitimate runs stay below 2). */
const RUNAWAY = 50;

/**
 * Sampled policy iteration on the LQR, flattened into typed arrays per iteration. A starting gain that does not
 * stabilise is refused with the engine's sentence; an iteration that runs away later (gains growing until the
 * closed loop is far faster than the time step resolves, so that the trapezoidal rewards overstate the cost and each
 * improvement raises the gain again) is reported as such.
 */
function* piSampled(p: PiSampledParams): Chunked<PiSampledResult> {
  lqrAffinePolicyValue(p.params, p.K0, 0); // throws, with its reason, for a non-stabilising K0
  let r: SampledPiResult | null = null;
  try {
    r = yield* policyIterationSampled({ model: 'lqr', params: p.params, K0: p.K0, iterations: p.iterations, paths: p.paths, dt: p.dt, seed: p.seed });
  } catch (e) {
    if (!/does not stabilise/.test((e as Error).message)) throw e;
  }
  // Runaway: a gain that is not finite, or a closed loop more than RUNAWAY times faster than one time step.
  const ranAway = (K: number) => !Number.isFinite(K) || Math.abs(p.params.alpha - p.params.beta * K) * p.dt > RUNAWAY;
  if (!r || r.iterations.some((i) => ranAway((i.improved as { K: number }).K))) {
    throw new Error(
      `sampled policy iteration ran away at Δt = ${p.dt}: an improvement produced a gain so large that the closed loop decays ` +
        'far faster than one time step resolves (|α − βK| Δt ≫ 1); the trapezoidal rewards then overstate its cost and the next ' +
        'improvement raises the gain again, without bound. Use a smaller Δt or a starting gain nearer K*.',
    );
  }
  const its = r.iterations;
  const pick = (f: (i: (typeof its)[number]) => number) => Float64Array.from(its, f);
  return {
    K: pick((i) => (i.policy as { K: number }).K),
    improved: pick((i) => (i.improved as { K: number }).K),
    u0: pick((i) => (i.improved as { u0: number }).u0),
    valueError: pick((i) => i.valueError),
    hjbResidual: pick((i) => i.hjbResidual),
    mcStderr: pick((i) => i.mcStderr),
    Kstar: lqrDiscounted(p.params).K,
    exact: kleinmanRun('scalar', p.K0, p.iterations + 1).gains.map((g) => g[0]),
  };
}

interface McGridParams {
  params: ScalarLqrParams;
  /** Half-width of the grid [-L, L] (reflecting ends). */
  L: number;
  /** Spacing of the grid whose V_h is returned (rounded to 2L / M for a whole number M of cells). */
  h: number;
  /** Spacings of the convergence sweep (each must divide 2L). */
  hs: number[];
  /** Half-width of the window |x| <= window on which the sup error is measured. */
  window: number;
}

interface McGridResult {
  /** The grid and V_h on it for the chosen spacing, and that spacing. */
  x: Float64Array;
  V: Float64Array;
  h: number;
  /** Sup over |x| <= window of |V_h - V| for the chosen spacing. */
  error: number;
  /** The sweep: spacings and sup errors. */
  hs: Float64Array;
  errors: Float64Array;
}

/** Markov-chain approximation on [-L, L] at the chosen spacing and along a sweep of spacings. */
function* mcGrid(p: McGridParams): Chunked<McGridResult> {
  const { P, c } = lqrDiscounted(p.params);
  if (!(p.L > 0 && p.window > 0 && p.window < p.L)) throw new Error(`need 0 < window < L; got window ${p.window}, L ${p.L}`);
  const M = Math.max(2, Math.round((2 * p.L) / p.h));
  const h = (2 * p.L) / M;
  const shown = markovChainHjb({ ...p.params, h, xMin: -p.L, xMax: p.L });
  const errors = new Float64Array(p.hs.length);
  for (let k = 0; k < p.hs.length; k++) {
    yield k / p.hs.length;
    const r = markovChainHjb({ ...p.params, h: p.hs[k], xMin: -p.L, xMax: p.L });
    errors[k] = supError(r.x, r.V, P, c, p.window);
  }
  return { x: shown.x, V: shown.V, h, error: supError(shown.x, shown.V, P, c, p.window), hs: Float64Array.from(p.hs), errors };
}

interface KleinmanParams {
  K0: number;
  iterations: number;
}

/** Kleinman's iteration from K0 on the post's scalar LQR and on its double integrator (from the row (K0, K0)). */
function kleinman(p: KleinmanParams): { scalar: KleinmanRun; double: KleinmanRun } {
  return { scalar: kleinmanRun('scalar', p.K0, p.iterations), double: kleinmanRun('double', p.K0, p.iterations) };
}

interface PiMlpParams {
  params: ScalarLqrParams;
  /** Numbers of sample states, each evenly spaced in [-2, 2]. */
  stateCounts: number[];
  /** Seeds seed0, seed0 + 1, ..., seed0 + seeds - 1 (each seeds both the Monte Carlo and the network's initialisation). */
  seeds: number;
  seed0: number;
  paths: number;
  iterations: number;
}

export interface PiMlpResult {
  stateCounts: Float64Array;
  seeds: Float64Array;
  /** Relative gain error K_n / K* - 1 after improvement n (n = 1..iterations), run-major: run (s, j) at (s * seeds + j) * iterations. */
  relError: Float64Array;
  iterations: number;
  Kstar: number;
}

/**
 * Sampled policy iteration on the LQR with the MLP value model (no quadratic features), from K0 = 0, for every
 * number of sample states and every seed: the relative error of the gain after each improvement.
 */
function* piMlp(p: PiMlpParams): Chunked<PiMlpResult> {
  if (!(Number.isInteger(p.seeds) && p.seeds >= 1 && p.seeds <= 8)) throw new Error(`seeds must be an integer in [1, 8]; got ${p.seeds}`);
  if (!(p.stateCounts.length >= 1 && p.stateCounts.every((n) => Number.isInteger(n) && n >= 3 && n <= 100)))
    throw new Error(`stateCounts must be integers in [3, 100]; got ${p.stateCounts.join(', ')}`);
  const Kstar = lqrDiscounted(p.params).K;
  const relError = new Float64Array(p.stateCounts.length * p.seeds * p.iterations);
  // Work per run grows with the number of states; weight the progress by it.
  const total = p.stateCounts.reduce((s, n) => s + n, 0) * p.seeds;
  let done = 0;
  for (let si = 0; si < p.stateCounts.length; si++) {
    const n = p.stateCounts[si];
    const states = Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
    for (let j = 0; j < p.seeds; j++) {
      const r = yield* within(
        policyIterationSampled({ model: 'lqr', params: p.params, iterations: p.iterations, paths: p.paths, seed: p.seed0 + j, states, valueModel: 'mlp' }),
        done / total,
        (done + n) / total,
      );
      done += n;
      r.iterations.forEach((it, k) => {
        relError[(si * p.seeds + j) * p.iterations + k] = (it.improved as { K: number }).K / Kstar - 1;
      });
    }
  }
  return {
    stateCounts: Float64Array.from(p.stateCounts),
    seeds: Float64Array.from({ length: p.seeds }, (_, j) => p.seed0 + j),
    relError,
    iterations: p.iterations,
    Kstar,
  };
}

export const policyIterationTasks = { piSampled, mcGrid, kleinman, piMlp };
