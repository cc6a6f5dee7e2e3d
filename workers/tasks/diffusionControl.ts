/**
 * Worker tasks for chapter 9 (diffusion models as stochastic control). Everything runs on the book's 8-mode ring
 * (radius 2, mode sd 0.15) under the VP schedule beta from 0.1 to 20 on [0, 1], where the noised marginals, the
 * score, the value V = -ln p_{T-t} and the optimal control are exact (workers/engines/diffusion).
 *
 * - dcParticles: particles from the prior to the data by the reverse SDE or the probability-flow ODE with the score
 *   scaled by lambda, with snapshots for playback and the MMD^2 to a fresh target sample beside the MMD^2 of two
 *   target samples (how far apart two exact samples of this size already are).
 * - dcVerification: the Monte Carlo cost J(lambda u*) for lambdas on a log grid, with V, the gap and both
 *   residuals of the verification identity.
 * - dcDsm: trains a small score network by denoising score matching, then measures its score error against the
 *   exact score over forward time and samples with it.
 */
import { within, type Chunked } from '../engines/chunked.ts';
import type { NoiseSchedule } from '../engines/diffusion/schedule.ts';
import { Rng } from '../engines/random.ts';
import { vpSchedule } from '../engines/diffusion/schedule.ts';
import { compileMixture, gmmCdf1d, gmmLogDensity, gmmSample, type GaussianMixture } from '../engines/diffusion/gmm.ts';
import { wasserstein1dToCdf } from '../engines/diffusion/metrics.ts';
import { exactScore, sampleDiffusion, scaledScore, type DiffusionSamplerMethod } from '../engines/diffusion/samplers.ts';
import { controlCost, type ControlCostResult } from '../engines/diffusion/control.ts';
import { learnedScore, scoreGridError, trainDsm } from '../engines/diffusion/dsm.ts';
import { mmd2 } from '../engines/diffusion/metrics.ts';
import { DC_BIMODAL, DC_RING, dcRing, dcSchedule, VALUE_GRID } from '../engines/diffusion/dcSetup.ts';

export { DC_BIMODAL, dcRing, dcSchedule, lambdaGrid } from '../engines/diffusion/dcSetup.ts';

/** Kernel bandwidth of the MMD (twice the mode sd: it sees whether a particle sits on a mode or between modes). */
const DC_MMD_BANDWIDTH = 0.3;
/** Points compared by the MMD (its cost grows like the square). */
const DC_MMD_POINTS = 1000;
/** Forward sampling stops at s = 1e-3 and returns Tweedie's denoised mean there. */
export const DC_TMIN = 1e-3;

const METHODS: DiffusionSamplerMethod[] = ['sde-em', 'ode-heun'];

/** MMD^2 of (the first DC_MMD_POINTS of) `x` against a fresh target sample, and of two fresh target samples. */
export function mmdAgainstTarget(x: Float64Array, seed: number): { mmd2: number; reference: number } {
  const cm = compileMixture(dcRing());
  const n = Math.min(DC_MMD_POINTS, x.length / 2);
  const a = gmmSample(cm, DC_MMD_POINTS, new Rng(seed, 101));
  const b = gmmSample(cm, DC_MMD_POINTS, new Rng(seed, 102));
  return { mmd2: mmd2(x.subarray(0, 2 * n), a, 2, DC_MMD_BANDWIDTH), reference: mmd2(a, b, 2, DC_MMD_BANDWIDTH) };
}

interface DcParticlesParams {
  /** 0: reverse SDE by Euler–Maruyama; 1: probability-flow ODE by Heun. */
  method: number;
  steps: number;
  particles: number;
  /** Score scale: 1 exact, 0 no score, > 1 over-confident. */
  lambda: number;
  seed: number;
  /** Snapshots for playback (first and last included). */
  record: number;
}

interface DcParticlesResult {
  /** record x particles x 2 (Float32). */
  snapshots: Float32Array;
  /** Generation times of the snapshots. */
  times: Float64Array;
  final: Float64Array;
  mmd2: number;
  reference: number;
  /** Fraction of final particles within 3 mode sds (0.45) of a mode centre. */
  onModes: number;
}

function checkInt(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${name} must be a whole number from ${lo} to ${hi}; got ${v}`);
}

/** Fraction of the points (rows of 2) within `r` of one of the ring's mode centres. */
export function fractionOnModes(x: ArrayLike<number>, r = 3 * DC_RING.std): number {
  const n = x.length / 2;
  const { means } = dcRing();
  let hit = 0;
  for (let i = 0; i < n; i++) {
    for (const m of means) {
      if ((x[2 * i] - m[0]) ** 2 + (x[2 * i + 1] - m[1]) ** 2 < r * r) {
        hit++;
        break;
      }
    }
  }
  return hit / n;
}

function* dcParticles(p: DcParticlesParams): Chunked<DcParticlesResult> {
  checkInt('the method', p.method, 0, 1);
  checkInt('the number of particles', p.particles, 10, 20_000);
  checkInt('the number of steps', p.steps, 2, 5000);
  const schedule = dcSchedule();
  const score = scaledScore(exactScore(dcRing(), schedule), p.lambda, 2);
  const res = yield* sampleDiffusion({
    schedule,
    score,
    dim: 2,
    particles: p.particles,
    steps: p.steps,
    method: METHODS[p.method],
    seed: p.seed,
    tMin: DC_TMIN,
    record: Math.min(p.record, p.steps + 1),
    denoise: true,
  });
  for (let i = 0; i < res.final.length; i++) {
    if (!Number.isFinite(res.final[i])) throw new Error('the particles left every finite number: this score scale and step count make the sampler blow up');
  }
  const m = mmdAgainstTarget(res.final, p.seed);
  return { snapshots: res.snapshots, times: res.times, final: res.final, mmd2: m.mmd2, reference: m.reference, onModes: fractionOnModes(res.final) };
}

interface DcVerificationParams {
  lambdas: number[];
  particles: number;
  steps: number;
  seed: number;
}

export interface DcVerificationResult {
  lambda: Float64Array;
  cost: Float64Array;
  costSe: Float64Array;
  value: Float64Array;
  valueSe: Float64Array;
  gap: Float64Array;
  gapSe: Float64Array;
  identity: Float64Array;
  identitySe: Float64Array;
  pathwise: Float64Array;
  pathwiseSe: Float64Array;
}

function* dcVerification(p: DcVerificationParams): Chunked<DcVerificationResult> {
  checkInt('the number of paths', p.particles, 10, 20_000);
  checkInt('the number of steps', p.steps, 10, 10_000);
  if (!(p.lambdas.length >= 1 && p.lambdas.length <= 32)) throw new Error('give 1 to 32 control scales');
  for (const l of p.lambdas) if (!(l > 0 && l <= 10)) throw new Error(`control scales must be in (0, 10]; got ${l}`);
  const mixture = compileMixture(dcRing());
  const schedule = dcSchedule();
  const n = p.lambdas.length;
  const cols = ['cost', 'value', 'gap', 'identity', 'pathwise'] as const;
  const out: Record<string, Float64Array> = {};
  for (const c of cols) {
    out[c] = new Float64Array(n);
    out[`${c}Se`] = new Float64Array(n);
  }
  for (let k = 0; k < n; k++) {
    const r: ControlCostResult = yield* within(
      controlCost({ mixture, schedule, lambda: p.lambdas[k], particles: p.particles, steps: p.steps, seed: p.seed }),
      k / n,
      (k + 1) / n,
    );
    for (const c of cols) {
      out[c][k] = r[c].mean;
      out[`${c}Se`][k] = r[c].stdErr;
    }
    if (k + 1 < n) yield (k + 1) / n;
  }
  return { lambda: Float64Array.from(p.lambdas), ...(out as Omit<DcVerificationResult, 'lambda'>) };
}

/** Forward times at which the learned score is compared with the exact one. */
const DSM_TIMES = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1];

interface DcDsmParams {
  steps: number;
  batch: number;
  seed: number;
  /** Particles sampled with the learned score (probability-flow Heun, 100 steps, Tweedie at the end). */
  particles: number;
}

interface DcDsmResult {
  lossCurve: Float64Array;
  lossEvery: number;
  /** Forward times and the density-weighted relative score error there. */
  times: Float64Array;
  relError: Float64Array;
  samples: Float64Array;
  mmd2: number;
  reference: number;
  onModes: number;
}

function* dcDsm(p: DcDsmParams): Chunked<DcDsmResult> {
  checkInt('the number of training steps', p.steps, 10, 20_000);
  checkInt('the batch size', p.batch, 16, 2048);
  checkInt('the number of particles', p.particles, 10, 10_000);
  const mixture = compileMixture(dcRing());
  const schedule = dcSchedule();
  const lossEvery = Math.max(1, Math.round(p.steps / 100));
  const { model, lossCurve } = yield* within(trainDsm({ mixture, schedule, steps: p.steps, batch: p.batch, seed: p.seed, lossEvery }), 0, 0.9);
  const score = learnedScore(model, schedule);
  const relError = Float64Array.from(DSM_TIMES, (s) => scoreGridError(score, mixture, schedule, s, { points: 41 }).relError);
  yield 0.92;
  const res = yield* within(
    sampleDiffusion({ schedule, score, dim: 2, particles: p.particles, steps: 100, method: 'ode-heun', seed: p.seed, tMin: DC_TMIN, denoise: true }),
    0.92,
    1,
  );
  const m = mmdAgainstTarget(res.final, p.seed);
  return {
    lossCurve,
    lossEvery,
    times: Float64Array.from(DSM_TIMES),
    relError,
    samples: res.final,
    mmd2: m.mmd2,
    reference: m.reference,
    onModes: fractionOnModes(res.final),
  };
}

/**
 * The law of Y_s given Y_T = x for 1-D mixture data (closed form): per component k, Y_s ~ N(a_k, v_k) with
 * a_k = alpha_s m_k, v_k = alpha_s^2 sd_k^2 + sigma_s^2, and Y_T | Y_s ~ N(c Y_s, 1 - c^2), c = alpha_T / alpha_s; the
 * posterior is the mixture with weights w_k N(x; c a_k, c^2 v_k + 1 - c^2) (normalised), means
 * (a_k/v_k + c x/(1 - c^2))/prec_k and variances 1/prec_k, prec_k = 1/v_k + c^2/(1 - c^2).
 */
export function conditionalLaw(mixture: GaussianMixture, schedule: NoiseSchedule, s: number, x: number): GaussianMixture {
  const c = Math.exp(schedule.logAlpha(schedule.T) - schedule.logAlpha(s));
  const q = 1 - c * c;
  const a = schedule.alpha(s);
  const sg2 = schedule.sigma2(s);
  const tot = mixture.weights.reduce((u, w) => u + w, 0);
  const logw = mixture.means.map((m, k) => {
    const ak = a * m[0];
    const vk = a * a * mixture.stds[k] ** 2 + sg2;
    const vx = c * c * vk + q;
    return Math.log(mixture.weights[k] / tot) - 0.5 * Math.log(2 * Math.PI * vx) - (x - c * ak) ** 2 / (2 * vx);
  });
  const mx = Math.max(...logw);
  const w = logw.map((l) => Math.exp(l - mx));
  const W = w.reduce((u, v) => u + v, 0);
  const means: number[][] = [];
  const stds: number[] = [];
  mixture.means.forEach((m, k) => {
    const ak = a * m[0];
    const vk = a * a * mixture.stds[k] ** 2 + sg2;
    const prec = 1 / vk + (c * c) / q;
    means.push([(ak / vk + (c * x) / q) / prec]);
    stds.push(Math.sqrt(1 / prec));
  });
  return { weights: w.map((v) => v / W), means, stds };
}

interface DcValueParams {
  /** beta at the end of the forward process (beta_min stays 0.1). */
  betaMax: number;
  /** Fixed start X_0 = x0 of the optimally controlled process. */
  x0: number;
  paths: number;
  seed: number;
}

interface DcValueResult {
  /** V(x, t) = -ln p_{T-t}(x) on a grid: nt columns (generation time) by nx rows (x), row 0 at x = X_LO. */
  value: Float64Array;
  nt: number;
  nx: number;
  /** The first `shown` paths, row-major per path over the snapshot times (Float32). */
  paths: Float32Array;
  shown: number;
  times: Float64Array;
  /** Final points of all paths (at forward time DC_TMIN, not denoised). */
  final: Float64Array;
  /** W1 distance of the final points to the exact law of Y_tMin given Y_T = x0, and to the data marginal p_tMin. */
  w1Conditional: number;
  w1Data: number;
  /** W1 of an exact sample of the conditional law, of the same size, to its CDF: the sampling noise of w1Conditional. */
  w1Reference: number;
  /** The conditional law (a 1-D mixture with normalised weights) and alpha_T. */
  law: GaussianMixture;
  alphaT: number;
  /** V(x0, 0) = -ln p_T(x0). */
  valueAtStart: number;
}

/** Euler–Maruyama steps of the value figure's paths, and its snapshots. */
const VALUE_STEPS = 500;
const VALUE_RECORD = 101;

function* dcValue(p: DcValueParams): Chunked<DcValueResult> {
  if (!(p.betaMax >= 0.1 && p.betaMax <= 50)) throw new Error(`beta_max must be between 0.1 and 50; got ${p.betaMax}`);
  if (!(Math.abs(p.x0) <= 10)) throw new Error(`the start must be between -10 and 10; got ${p.x0}`);
  checkInt('the number of paths', p.paths, 10, 20_000);
  const schedule = vpSchedule({ betaMin: 0.1, betaMax: p.betaMax, T: 1 });
  const cm = compileMixture(DC_BIMODAL);
  const { nt, nx, lo, hi } = VALUE_GRID;
  const value = new Float64Array(nt * nx);
  const pt = new Float64Array(1);
  for (let i = 0; i < nt; i++) {
    const t = ((i + 0.5) / nt) * schedule.T;
    for (let j = 0; j < nx; j++) {
      pt[0] = lo + ((j + 0.5) / nx) * (hi - lo);
      value[j * nt + i] = -gmmLogDensity(cm, pt, schedule.T - t, schedule);
    }
  }
  yield 0.1;
  const init = new Float64Array(p.paths).fill(p.x0);
  const sampler = sampleDiffusion({
    schedule,
    score: exactScore(cm, schedule),
    dim: 1,
    particles: p.paths,
    steps: VALUE_STEPS,
    method: 'sde-em',
    seed: p.seed,
    tMin: DC_TMIN,
    record: VALUE_RECORD,
    init,
  });
  const res = yield* within(sampler, 0.1, 0.9);
  const shown = Math.min(60, p.paths);
  const paths = new Float32Array(shown * VALUE_RECORD);
  for (let k = 0; k < VALUE_RECORD; k++) for (let q = 0; q < shown; q++) paths[q * VALUE_RECORD + k] = res.snapshots[k * p.paths + q];
  const law = conditionalLaw(DC_BIMODAL, schedule, DC_TMIN, p.x0);
  const exact = gmmSample(law, p.paths, new Rng(p.seed, 103));
  const lawCdf = (x: number) => gmmCdf1d(law, x);
  return {
    w1Reference: wasserstein1dToCdf(exact, lawCdf),
    value,
    nt,
    nx,
    paths,
    shown,
    times: res.times,
    final: res.final,
    law,
    alphaT: schedule.alpha(schedule.T),
    w1Conditional: wasserstein1dToCdf(res.final, lawCdf),
    w1Data: wasserstein1dToCdf(res.final, (x) => gmmCdf1d(cm, x, DC_TMIN, schedule)),
    valueAtStart: -gmmLogDensity(cm, [p.x0], schedule.T, schedule),
  };
}

export const diffusionControlTasks = { dcParticles, dcVerification, dcDsm, dcValue };
