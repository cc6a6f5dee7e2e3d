/** Worker tasks for chapter 7 (Merton's portfolio problem): small adapters that compose engine calls per figure. */
import {
  evaluatePolicyMC,
  mertonClosedForm,
  mertonPolicyCE,
  mertonWellPosedness,
  policyIterationSampled,
  sampleGeometricSde1d,
  type MertonParams,
  type SampledPiResult,
  WEALTH_QUANTILES,
} from '../engines/index.ts';
import { within, type Chunked } from '../engines/chunked.ts';
import { RecentResults } from '../recentResults.ts';

/** Runs a chunked job, mapping its progress from [0, 1] into [lo, hi] (several jobs make one progress bar). */
export interface MertonExplorerParams extends MertonParams {
  /** The reader's constant policy. */
  pi: number;
  k: number;
  paths: number;
  seed: number;
  /** Years of simulated wealth (paths and bands). */
  horizon: number;
  /** Exact log-normal steps over the horizon. */
  steps: number;
  /** Recorded time points per path. */
  record: number;
  /** How many individual paths to return (log10 wealth). */
  shown: number;
  /** Value estimate: step and horizon of the Feynman–Kac Monte Carlo (exact chain tail beyond it). */
  valueDt: number;
  valueHorizon: number;
}

/** Wealth paths of one policy and the Monte Carlo estimate of its value at x = 1. */
export interface PolicyRun {
  pi: number;
  k: number;
  /** log10-wealth quantiles WEALTH_QUANTILES at each recorded time: bands[q * record + j]. */
  bands: Float32Array;
  /** The first `shown` paths, log10 wealth, path-major. */
  paths: Float32Array;
  /** Feynman–Kac estimate of V(1) (null when the policy's value is infinite). */
  value: { mean: number; stderr: number; chainValue: number; continuousValue: number; tailMean: number } | null;
  /** Certainty-equivalent consumption of the policy at x = 1, closed form (0 if the value is -Infinity). */
  ce: number;
}

interface MertonExplorerResult {
  t: Float32Array;
  reader: PolicyRun;
  /** The Merton policy, or null when the problem is ill-posed (no optimum). */
  optimal: PolicyRun | null;
}

/** One policy's wealth paths: its quantile bands and the paths drawn, log10 wealth. */
type PolicyPaths = Pick<PolicyRun, 'bands' | 'paths'>;

/**
 * Recent paths and values of single policies. Dragging γ or ρ leaves the reader's wealth paths unchanged, and
 * dragging π or k leaves all of Merton's policy unchanged: those parts repeat exactly (same seed) and are taken from
 * here. Four entries hold a preview's and a full run's two policies.
 */
const recentPaths = new RecentResults<PolicyPaths>(4, (r) => ({ bands: r.bands.slice(), paths: r.paths.slice() }));
const recentValues = new RecentResults<PolicyRun['value']>(4, (v) => (v ? { ...v } : null));

function* runPolicy(p: MertonExplorerParams, market: MertonParams, policy: { pi: number; k: number }, lo: number, hi: number): Chunked<PolicyRun> {
  const mid = lo + 0.4 * (hi - lo);
  const b = market.rf + policy.pi * (market.mu - market.rf) - policy.k;
  const v = policy.pi * market.sigma;
  const pathsKey = JSON.stringify([b, v, p.horizon, p.steps, p.paths, p.seed, p.record, p.shown]);
  let drawn = recentPaths.get(pathsKey);
  if (!drawn) {
    const sampled = yield* within(
      sampleGeometricSde1d({
        m: b,
        v,
        scheme: 'exact',
        x0: 1,
        T: p.horizon,
        steps: p.steps,
        paths: p.paths,
        seed: p.seed,
        record: p.record,
        bands: [...WEALTH_QUANTILES],
      }),
      lo,
      mid,
    );
    const n = Math.min(p.shown, p.paths);
    drawn = { bands: sampled.bands!.map((x) => Math.log10(x)), paths: sampled.paths.slice(0, n * p.record).map((x) => Math.log10(x)) };
    recentPaths.set(pathsKey, drawn);
  }
  const ce = mertonPolicyCE(market, policy);
  let value: PolicyRun['value'] = null;
  if (ce > 0 && Number.isFinite(ce)) {
    const valueKey = JSON.stringify([market, policy, p.valueDt, p.valueHorizon, p.paths, p.seed]);
    value = recentValues.get(valueKey) ?? null;
    if (!value) {
      const r = yield* within(
        evaluatePolicyMC({
          model: 'merton',
          params: market,
          policy,
          scheme: 'exact',
          tail: 'chain',
          x0: 1,
          dt: p.valueDt,
          horizon: p.valueHorizon,
          paths: p.paths,
          seed: p.seed,
          stream: 1,
        }),
        mid,
        hi,
      );
      value = { mean: r.mean, stderr: r.stderr, chainValue: r.chainValue, continuousValue: r.continuousValue, tailMean: r.tailMean };
      recentValues.set(valueKey, value);
    }
  }
  return { pi: policy.pi, k: policy.k, ...drawn, value, ce };
}

/**
 * The Merton explorer: wealth paths over `horizon` years from x = 1 under the reader's constant policy and under
 * the Merton policy, with the same seed (paired noise: path i of both policies is driven by the same Brownian
 * path), sampled exactly in log space; quantile bands of log10 wealth; and the Feynman–Kac value of each policy.
 */
function* mertonExplorer(p: MertonExplorerParams): Chunked<MertonExplorerResult> {
  const market: MertonParams = { mu: p.mu, rf: p.rf, sigma: p.sigma, gamma: p.gamma, rho: p.rho };
  const w = mertonWellPosedness(market);
  const opt = w.wellPosed ? mertonClosedForm(market) : null;
  const reader = yield* runPolicy(p, market, { pi: p.pi, k: p.k }, 0, opt ? 0.5 : 1);
  const optimal = opt ? yield* runPolicy(p, market, { pi: opt.pi, k: opt.k }, 0.5, 1) : null;
  const t = new Float32Array(p.record);
  for (let j = 0; j < p.record; j++) t[j] = (p.horizon * Math.round((j * p.steps) / (p.record - 1))) / p.steps;
  return { t, reader, optimal };
}

export interface MertonValueCurveParams extends MertonParams {
  /** Consumption rate held fixed while pi varies. */
  k: number;
  piMin: number;
  piMax: number;
  /** Number of pi values (evenly spaced, ends included). */
  n: number;
  paths: number;
  seed: number;
  dt: number;
  horizon: number;
}

interface MertonValueCurveResult {
  pi: Float64Array;
  /** Monte Carlo value at x = 1 and its standard error (NaN where the value is infinite). */
  mean: Float64Array;
  stderr: Float64Array;
  /** Exact value of the time-discretised chain the Monte Carlo estimates, and of the continuous-time policy. */
  chain: Float64Array;
  continuous: Float64Array;
}

/**
 * Value of the constant policies (pi, k) for n values of pi at fixed k, each by Feynman–Kac Monte Carlo with the
 * exact log-normal step and the same seed (common random numbers, so the curve is smooth and differences between
 * neighbouring pi are estimated much better than the values themselves).
 */
function* mertonValueCurve(p: MertonValueCurveParams): Chunked<MertonValueCurveResult> {
  const market: MertonParams = { mu: p.mu, rf: p.rf, sigma: p.sigma, gamma: p.gamma, rho: p.rho };
  if (!Number.isInteger(p.n) || p.n < 2 || p.n > 201) throw new Error(`n must be an integer in [2, 201]; got ${p.n}`);
  const out = {
    pi: new Float64Array(p.n),
    mean: new Float64Array(p.n).fill(NaN),
    stderr: new Float64Array(p.n).fill(NaN),
    chain: new Float64Array(p.n).fill(NaN),
    continuous: new Float64Array(p.n).fill(NaN),
  };
  for (let i = 0; i < p.n; i++) {
    const pi = p.piMin + ((p.piMax - p.piMin) * i) / (p.n - 1);
    out.pi[i] = pi;
    const ce = mertonPolicyCE(market, { pi, k: p.k });
    if (ce > 0 && Number.isFinite(ce)) {
      const r = yield* within(
        evaluatePolicyMC({
          model: 'merton',
          params: market,
          policy: { pi, k: p.k },
          scheme: 'exact',
          tail: 'chain',
          x0: 1,
          dt: p.dt,
          horizon: p.horizon,
          paths: p.paths,
          seed: p.seed,
        }),
        i / p.n,
        (i + 1) / p.n,
      );
      out.mean[i] = r.mean;
      out.stderr[i] = r.stderr;
      out.chain[i] = r.chainValue;
      out.continuous[i] = r.continuousValue;
    }
  }
  return out;
}

export interface MertonPolicyIterationParams extends MertonParams {
  iterations: number;
  paths: number;
  seed: number;
  pi0: number;
  k0: number;
}

/** Sampled policy iteration on Merton's problem from the constant policy (pi0, k0) (see policyIteration.ts). */
function* mertonPolicyIteration(p: MertonPolicyIterationParams): Chunked<SampledPiResult> {
  const market: MertonParams = { mu: p.mu, rf: p.rf, sigma: p.sigma, gamma: p.gamma, rho: p.rho };
  return yield* policyIterationSampled({
    model: 'merton',
    params: market,
    iterations: p.iterations,
    paths: p.paths,
    seed: p.seed,
    policy0: { pi: p.pi0, k: p.k0 },
  });
}

interface MertonMlpParams extends MertonParams {
  /** Sample states, geometric in [0.5, 2]. */
  states: number;
  seeds: number;
  seed0: number;
  paths: number;
  iterations: number;
}

export interface MertonMlpResult {
  seeds: Float64Array;
  /** pi_n / pi* and k_n / k* for n = 0..iterations (n = 0 the starting policy), seed-major. */
  pi: Float64Array;
  k: Float64Array;
  /** The same with the CRRA features (first seed): pi exact after one step. */
  featuresPi: Float64Array;
  featuresK: Float64Array;
  iterations: number;
}

/**
 * Sampled policy iteration on Merton's problem with the MLP value model (input log x), for several seeds, beside
 * the CRRA-feature run from the same start: the iterates divided by Merton's closed forms.
 */
function* mertonMlp(p: MertonMlpParams): Chunked<MertonMlpResult> {
  if (!(Number.isInteger(p.seeds) && p.seeds >= 1 && p.seeds <= 8)) throw new Error(`seeds must be an integer in [1, 8]; got ${p.seeds}`);
  if (!(Number.isInteger(p.states) && p.states >= 4 && p.states <= 64)) throw new Error(`states must be an integer in [4, 64]; got ${p.states}`);
  const market: MertonParams = { mu: p.mu, rf: p.rf, sigma: p.sigma, gamma: p.gamma, rho: p.rho };
  const ex = mertonClosedForm(market);
  const states = Array.from({ length: p.states }, (_, i) => 0.5 * Math.pow(4, i / (p.states - 1)));
  const n1 = p.iterations + 1;
  const ratios = (r: SampledPiResult, pi: Float64Array, k: Float64Array, off: number) => {
    const p0 = r.iterations[0].policy as { pi: number; k: number };
    pi[off] = p0.pi / ex.pi;
    k[off] = p0.k / ex.k;
    r.iterations.forEach((it, i) => {
      const q = it.improved as { pi: number; k: number };
      pi[off + i + 1] = q.pi / ex.pi;
      k[off + i + 1] = q.k / ex.k;
    });
  };
  const pi = new Float64Array(p.seeds * n1);
  const k = new Float64Array(p.seeds * n1);
  const featuresPi = new Float64Array(n1);
  const featuresK = new Float64Array(n1);
  const base = { model: 'merton' as const, params: market, iterations: p.iterations, paths: p.paths, policy0: { pi: 0, k: p.rho } };
  const share = 1 / (p.seeds + 0.25);
  ratios(yield* within(policyIterationSampled({ ...base, seed: p.seed0 }), 0, 0.25 * share), featuresPi, featuresK, 0);
  for (let j = 0; j < p.seeds; j++) {
    const r = yield* within(
      policyIterationSampled({ ...base, seed: p.seed0 + j, states, valueModel: 'mlp', mlp: { input: 'log' } }),
      (0.25 + j) * share,
      (1.25 + j) * share,
    );
    ratios(r, pi, k, j * n1);
  }
  return { seeds: Float64Array.from({ length: p.seeds }, (_, j) => p.seed0 + j), pi, k, featuresPi, featuresK, iterations: p.iterations };
}

export const mertonTasks = { mertonExplorer, mertonValueCurve, mertonPolicyIteration, mertonMlp };
