/**
 * Worker tasks for chapter 5 (Feynman–Kac): Monte Carlo evaluation of a linear LQR gain for a sequence of path
 * counts (sampling error ~ 1/sqrt(N)) and for a sequence of time steps (Euler bias ~ dt). Every estimate is one
 * call of `evaluatePolicyMC` with the chain's exact tail, so each is unbiased for the value of the time-discretised
 * chain, and the result carries that value and the continuous one beside it.
 */
import { evaluatePolicyMC, lqrChainValue, lqrContinuousPolicyValue, lqrDiscounted, type ScalarLqrParams } from '../engines/index.ts';
import { within, type Chunked } from '../engines/chunked.ts';

/** The largest magnitude accepted for any scalar input: squares of it (the value is quadratic) stay far from overflow. */
const LARGEST = 1e6;

/**
 * Throws a sentence naming the first input whose magnitude exceeds `LARGEST` (or which is not a finite number):
 * with such inputs the value, its square-law Monte Carlo estimate or the chain's exact value overflow.
 */
function requireModestInputs(p: { params: ScalarLqrParams; K: number; x0: number; T: number }): void {
  const inputs: [string, number][] = [
    ['alpha', p.params.alpha],
    ['beta', p.params.beta],
    ['q', p.params.q],
    ['r', p.params.r],
    ['sigma', p.params.sigma],
    ['rho', p.params.rho],
    ['K', p.K],
    ['x0', p.x0],
    ['T', p.T],
  ];
  for (const [name, v] of inputs) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${name} must be a finite number; got ${v}`);
    if (Math.abs(v) > LARGEST) throw new Error(`${name} = ${v} is too large: |${name}| must be at most 1e6, or the value overflows`);
  }
}

/** Throws if a value the task returns is not finite although its inputs passed `requireModestInputs`. */
function requireFiniteResult(name: string, v: number): void {
  if (!Number.isFinite(v)) throw new Error(`the ${name} overflows with these inputs: reduce the largest of them`);
}

/** The horizon simulated before the exact tail is added: the smallest whole number of steps reaching `T`. */
export function horizonFor(T: number, dt: number): number {
  return Math.ceil(T / dt - 1e-9) * dt;
}

/** The path counts of the N sweep: 10, 20, 40, ... below `maxPaths`, then `maxPaths` itself. */
export function pathCounts(maxPaths: number): number[] {
  if (!Number.isInteger(maxPaths) || maxPaths < 10 || maxPaths > 100_000) {
    throw new Error(`the number of paths must be an integer in [10, 100000]; got ${maxPaths}`);
  }
  const out: number[] = [];
  for (let n = 10; n < maxPaths * 0.75; n *= 2) out.push(n);
  out.push(maxPaths);
  return out;
}

interface FkVersusNParams {
  params: ScalarLqrParams;
  /** Gain of the policy a = -K x. */
  K: number;
  x0: number;
  dt: number;
  /** Horizon simulated before the chain's exact tail (rounded up to whole steps). */
  T: number;
  maxPaths: number;
  seed: number;
}

export interface FkVersusNResult {
  paths: Float64Array;
  mean: Float64Array;
  stderr: Float64Array;
  chainValue: number;
  continuousValue: number;
  relativeBias: number;
  horizon: number;
  tailWeight: number;
}

/**
 * Independent estimates of V^K(x0) (random stream k for the k-th path count) with N = 10, 20, 40, ..., maxPaths,
 * each with its standard error.
 */
function* fkVersusN(p: FkVersusNParams): Chunked<FkVersusNResult> {
  requireModestInputs(p);
  const counts = pathCounts(p.maxPaths);
  const total = counts.reduce((a, b) => a + b, 0);
  const horizon = horizonFor(p.T, p.dt);
  const mean = new Float64Array(counts.length);
  const stderr = new Float64Array(counts.length);
  let done = 0;
  let last: { chainValue: number; continuousValue: number; relativeBias: number; tailWeight: number } | null = null;
  for (let k = 0; k < counts.length; k++) {
    const job = evaluatePolicyMC({ model: 'lqr', params: p.params, gain: p.K, x0: p.x0, dt: p.dt, horizon, paths: counts[k], seed: p.seed, stream: k });
    const r = yield* within(job, done / total, (done + counts[k]) / total);
    mean[k] = r.mean;
    stderr[k] = r.stderr;
    last = r;
    done += counts[k];
  }
  const { chainValue, continuousValue, relativeBias, tailWeight } = last!;
  requireFiniteResult('continuous value', continuousValue);
  requireFiniteResult('chain value', chainValue);
  for (let k = 0; k < counts.length; k++) requireFiniteResult('Monte Carlo estimate', mean[k] + stderr[k]);
  return { paths: Float64Array.from(counts), mean, stderr, horizon, chainValue, continuousValue, relativeBias, tailWeight };
}

interface FkVersusDtParams {
  params: ScalarLqrParams;
  K: number;
  x0: number;
  /** Time steps to estimate at. */
  dts: number[];
  T: number;
  paths: number;
  seed: number;
}

interface FkVersusDtResult {
  dt: Float64Array;
  /** Monte Carlo estimate and standard error per dt (NaN where the Euler chain diverges at this gain). */
  mean: Float64Array;
  stderr: Float64Array;
  /** Exact value of the Euler chain per dt (NaN where it diverges). */
  chain: Float64Array;
  continuousValue: number;
}

/** One estimate per time step (random stream k for the k-th dt), beside the chain's exact value at that dt. */
function* fkVersusDt(p: FkVersusDtParams): Chunked<FkVersusDtResult> {
  requireModestInputs(p);
  lqrDiscounted(p.params);
  const continuousValue = lqrContinuousPolicyValue(p.params, p.K).value(p.x0); // throws for a non-stabilising gain
  const n = p.dts.length;
  const dt = Float64Array.from(p.dts);
  const mean = new Float64Array(n).fill(NaN);
  const stderr = new Float64Array(n).fill(NaN);
  const chain = new Float64Array(n).fill(NaN);
  const work = p.dts.map((d) => 1 / d);
  const total = work.reduce((a, b) => a + b, 0);
  let done = 0;
  for (let k = 0; k < n; k++) {
    let stable = true;
    try {
      chain[k] = lqrChainValue(p.params, p.K, dt[k]).value(p.x0);
    } catch {
      stable = false;
    }
    if (stable) {
      const job = evaluatePolicyMC({
        model: 'lqr',
        params: p.params,
        gain: p.K,
        x0: p.x0,
        dt: dt[k],
        horizon: horizonFor(p.T, dt[k]),
        paths: p.paths,
        seed: p.seed,
        stream: k,
      });
      const r = yield* within(job, done / total, (done + work[k]) / total);
      mean[k] = r.mean;
      stderr[k] = r.stderr;
    }
    done += work[k];
  }
  requireFiniteResult('continuous value', continuousValue);
  // NaN marks a time step whose chain diverges; a stable chain's estimate must be finite.
  for (let k = 0; k < n; k++) if (!Number.isNaN(chain[k])) requireFiniteResult('Monte Carlo estimate', chain[k] + mean[k] + stderr[k]);
  return { dt, mean, stderr, chain, continuousValue };
}

export const feynmanKacTasks = { fkVersusN, fkVersusDt };
