/** Worker tasks for chapter 4 (the stochastic HJB equation and the LQR). */
import {
  evaluatePolicyMC,
  lqrCare,
  lqrDiscounted,
  sampleLinearSde1d,
  sampleLinearSde2d,
  type PathsResult,
  type PolicyEvaluationResult,
  type ScalarLqrParams,
  type MatrixLqrParams,
} from '../engines/index.ts';
import { within, type Chunked } from '../engines/chunked.ts';
import { designedGainValue } from '../engines/examples.ts';
import { RecentResults } from '../recentResults.ts';

/** Runs a chunked job, reporting its progress rescaled to [lo, hi]. */
export interface LqrExplorerParams extends ScalarLqrParams {
  /** The reader's gain K (a = -K x). */
  gain: number;
  x0: number;
  seed: number;
  /** Euler–Maruyama step of the Monte Carlo evaluation and of the drawn paths. */
  dt: number;
  /** Simulated horizon, rounded to a whole number of steps; the exact value of the time-discretised chain is added beyond it. */
  horizon: number;
  /** Monte Carlo paths per policy, in `batches` batches of equal size (batch b uses random stream 2 + b). */
  paths: number;
  batches: number;
  /** Paths drawn per policy, and the time points kept on each. */
  drawPaths: number;
  record: number;
}

/** Monte Carlo numbers of one policy (mean and stderr from batch means; the recorded paths are not sent back). */
export type McSummary = Omit<PolicyEvaluationResult, 'recorded'>;

/** V_K(x0) - V_K*(x0) estimated with common random numbers, and what independent noise would have given. */
interface PairedDifference {
  mean: number;
  stderr: number;
  /** sqrt(se_K^2 + se_K*^2): the standard error of the difference of two independent estimates. */
  independentStderr: number;
  /** Exact differences: of the Euler chain's values and of the continuous-time values. */
  chain: number;
  continuous: number;
}

interface LqrExplorerResult {
  /** The optimal solution: V = -1/2 P x^2 - c, a* = -K x. */
  P: number;
  K: number;
  c: number;
  /** Feynman–Kac Monte Carlo of V_{K*}(x0) and of V_K(x0) (null when K does not stabilise: V_K = -infinity). */
  mcStar: McSummary;
  mcGain: McSummary | null;
  /** The paired estimate of V_K(x0) - V_K*(x0) (null with mcGain). */
  difference: PairedDifference | null;
  /** Why there is no mcGain, in a sentence. */
  gainProblem: string | null;
  /** Drawn paths under K* and under K, driven by the same normals (path i of each uses the same noise). */
  t: Float32Array;
  pathsStar: Float32Array;
  pathsGain: Float32Array;
}

/** Mean and standard error of batch means (sample sd / sqrt(number of batches)). */
function batchStats(x: number[]): { mean: number; stderr: number } {
  const n = x.length;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const v = x.reduce((s, y) => s + (y - mean) ** 2, 0) / (n - 1);
  return { mean, stderr: Math.sqrt(v / n) };
}

/** The batches pooled: mean and standard error from the batch means; the exact values are the same in every batch. */
function pooled(batches: PolicyEvaluationResult[]): McSummary {
  const { recorded: _r, ...first } = batches[0];
  const { mean, stderr } = batchStats(batches.map((b) => b.mean));
  return { ...first, mean, stderr, tailMean: batches.reduce((s, b) => s + b.tailMean, 0) / batches.length };
}

/** Recent runs of the optimal gain (a preview's and a full run's), see RecentResults. */
const recentOptimal = new RecentResults<{ batches: PolicyEvaluationResult[]; paths: PathsResult }>(2, (v) => structuredClone(v));

/**
 * The LQR explorer: the closed form; Feynman–Kac Monte Carlo values of the optimal gain and of the reader's gain
 * from x0 with common random numbers (in each batch both evaluations use the same seed and stream, hence the same
 * normals path by path), with standard errors from the batch means and a paired one for their difference; and a
 * few paths of each closed loop dX = (alpha - beta K) X dt + sigma dW driven by the same noise (stream 1).
 */
function* lqrExplorer(p: LqrExplorerParams): Chunked<LqrExplorerResult> {
  const params: ScalarLqrParams = { alpha: p.alpha, beta: p.beta, q: p.q, r: p.r, sigma: p.sigma, rho: p.rho };
  const opt = lqrDiscounted(params);
  // A whole number of steps: the horizon is rounded to a multiple of dt (the exact chain value covers the rest).
  const steps = Math.max(1, Math.round(p.horizon / p.dt));
  const horizon = steps * p.dt;
  const common = { x0: p.x0, dt: p.dt, horizon, paths: p.paths, seed: p.seed, tail: 'chain' as const };
  // Batches of paths on separate random streams; both gains use the same stream in each batch, so the two estimates
  // share their noise and the batch means give a paired standard error for the difference.
  const B = p.batches;
  if (!Number.isInteger(B) || B < 2 || B > 1000 || !Number.isInteger(p.paths / B) || p.paths / B < 2) {
    throw new Error(`batches must be an integer in [2, 1000] dividing paths into batches of at least 2; got ${B} for ${p.paths} paths`);
  }
  const stable = p.rho > 2 * (p.alpha - p.beta * p.gain);
  let gainProblem: string | null = null;
  if (!stable) {
    const bound = p.beta !== 0 ? ` (here: K > ${((p.alpha - p.rho / 2) / p.beta).toFixed(3)})` : '';
    gainProblem =
      `Your gain K = ${p.gain} does not stabilise the discounted problem: 2(α − βK) = ${(2 * (p.alpha - p.beta * p.gain)).toFixed(3)} ` +
      `is not below ρ = ${p.rho}, so E X² grows at least as fast as the discount shrinks it and V_K = −∞. ` +
      `A gain needs 2(α − βK) < ρ${bound}.`;
  }
  const grid = { x0: p.x0, T: horizon, steps, paths: p.drawPaths, seed: p.seed, stream: 1, record: Math.min(p.record, steps + 1), b: 0, s: p.sigma };
  // The optimal gain's part depends on neither K nor anything else of the reader's: a drag of K takes it from here.
  const optimalKey = JSON.stringify([params, common, B, grid]);
  const recent = recentOptimal.get(optimalKey);
  const starBatches: PolicyEvaluationResult[] = recent?.batches ?? [];
  const gainBatches: PolicyEvaluationResult[] = [];
  for (let b = 0; b < B; b++) {
    const batch = { ...common, paths: p.paths / B, stream: 2 + b };
    if (!recent) starBatches.push(yield* within(evaluatePolicyMC({ model: 'lqr', params, gain: opt.K, ...batch }), (0.9 * b) / B, (0.9 * (b + 0.5)) / B));
    if (stable && gainProblem === null) {
      try {
        gainBatches.push(yield* within(evaluatePolicyMC({ model: 'lqr', params, gain: p.gain, ...batch }), (0.9 * (b + 0.5)) / B, (0.9 * (b + 1)) / B));
      } catch (e) {
        // Stable in continuous time but not as an Euler chain with this dt (a very large gain).
        gainProblem = `Your gain K = ${p.gain} is stable in continuous time, but ${(e as Error).message}.`;
      }
    }
  }
  const mcStar = pooled(starBatches);
  const mcGain = gainProblem === null ? pooled(gainBatches) : null;
  let difference: PairedDifference | null = null;
  if (mcGain) {
    const d = batchStats(gainBatches.map((g, b) => g.mean - starBatches[b].mean));
    difference = {
      mean: d.mean,
      stderr: d.stderr,
      independentStderr: Math.hypot(mcStar.stderr, mcGain.stderr),
      chain: mcGain.chainValue - mcStar.chainValue,
      continuous: mcGain.continuousValue - mcStar.continuousValue,
    };
  }
  const star = recent?.paths ?? (yield* within(sampleLinearSde1d({ ...grid, a: p.alpha - p.beta * opt.K }), 0.9, 0.95));
  if (!recent) recentOptimal.set(optimalKey, { batches: starBatches, paths: star });
  const mine = yield* within(sampleLinearSde1d({ ...grid, a: p.alpha - p.beta * p.gain }), 0.95, 1);
  return {
    ...opt,
    mcStar,
    mcGain,
    difference,
    gainProblem,
    t: star.t,
    pathsStar: star.paths,
    pathsGain: mine.paths,
  };
}

interface DoubleIntegratorParams {
  /** A planar LQR with one input (the figure sends the post's double integrator, workers/engines/examples.ts). */
  system: MatrixLqrParams;
  /** Starting points [x, v], flattened. */
  starts: number[];
  T: number;
  steps: number;
  /** Paths per starting point, and time points kept on each. */
  paths: number;
  record: number;
  seed: number;
  /** Where to value the gain designed for another control cost (see designedGainValue); omitted: no such value. */
  design?: { R: number; at: [number, number] };
}

export interface DoubleIntegratorResult {
  /** The optimal solution (P row-major 2 x 2, K = [[k1, k2]]). */
  P: number[][];
  K: number[][];
  c: number;
  t: Float32Array;
  /** Paths of all starts, start-major: start s, path i, time j, component d at ((s * paths + i) * record + j) * 2 + d. */
  paths: Float32Array;
  /** The optimal value at `design.at`, and that of the gain optimal for `design.R` (null without `design`). */
  designed: { optimal: number; designed: number } | null;
}

/**
 * A planar LQR under its optimal feedback: the Riccati solution (lqrCare) and Euler–Maruyama paths of the closed
 * loop dX = (A - BK) X dt + D dW from each start (start s uses random stream s of the seed).
 */
function* doubleIntegrator(p: DoubleIntegratorParams): Chunked<DoubleIntegratorResult> {
  const sys = p.system;
  if (sys.A.length !== 2 || sys.B[0]?.length !== 1) throw new Error('the system must be planar (A is 2 x 2) with one input (B is 2 x 1)');
  const { P, K, c } = lqrCare(sys);
  const Acl = sys.A.map((row, i) => row.map((a, j) => a - sys.B[i][0] * K[0][j]));
  const nStarts = p.starts.length / 2;
  if (!Number.isInteger(nStarts) || nStarts < 1 || nStarts > 8) throw new Error(`starts must hold 1 to 8 pairs [x, v]; got ${p.starts.length} numbers`);
  const out = new Float32Array(nStarts * p.paths * p.record * 2);
  let t: Float32Array = new Float32Array(0);
  for (let s = 0; s < nStarts; s++) {
    const r = yield* within(
      sampleLinearSde2d({
        A: Acl,
        S: sys.D,
        x0: [p.starts[2 * s], p.starts[2 * s + 1]],
        T: p.T,
        steps: p.steps,
        paths: p.paths,
        record: p.record,
        seed: p.seed,
        stream: s,
      }),
      s / nStarts,
      (s + 1) / nStarts,
    );
    out.set(r.paths, s * p.paths * p.record * 2);
    t = r.t;
  }
  const designed = p.design ? designedGainValue(sys, p.design.at, p.design.R) : null;
  return { P, K, c, t, paths: out, designed };
}

export const stochasticHjbLqrTasks = { lqrExplorer, doubleIntegrator };
