/**
 * Reward fine-tuning of chapter 9's pretrained diffusion model by a control network learned in a worker.
 *
 * The pretrained model is the reverse SDE with the exact mixture score (samplers.ts); fine-tuning adds a control u:
 *   dX = [-f(s) X + g(s)^2 score(X, s) + g(s) u(X, t)] dt + g(s) dW,   s = T - t,
 * with the cost KL(P^u || P^pre) - E[r(X_T)]/lambda, KL = 1/2 E int |u|^2 dt (Girsanov), for the linear reward
 * r(x) = b.x. The optimal control is u* = g grad ln h_t with h_t(x) = E_pre[e^{r(X_T)/lambda} | X_t = x] (tilt.ts).
 *
 * The method: reward-weighted regression on noised data (simulation free). Under the pretrained model, X_T given
 * X_t = x is the data Y_0 given the noised point Y_s = x, so
 *   grad ln h = E[w(Y_0) (grad_x ln p(x | Y_0) - score(x, s)) | Y_s = x] / E[w(Y_0) | Y_s = x],  w = e^{r/lambda},
 * and grad_x ln p(x | Y_0) = -(x - alpha Y_0)/sigma^2 = -zeta/sigma for x = alpha Y_0 + sigma zeta. The network outputs
 * v_theta = u_theta/g and minimises the weighted least squares (chapter 10's eq:ft-loss)
 *   L(theta) = E_{s, Y_0, zeta} [ w(Y_0) sigma(s)^2 | v_theta(x, s) + zeta/sigma(s) + score(x, s) |^2 ],
 * whose minimiser at each (s, x) is the w-weighted conditional mean, grad ln h_s(x); the control is u_theta = g v_theta.
 * The factor sigma^2 keeps the target's noise bounded (as epsilon-prediction does in dsm.ts). The weights are
 * normalised to mean one within each batch. The network is chapter 9's MLP (Mlp, Adam, the time features of
 * dsm.ts) with its last layer set to zero, so that training starts from the pretrained model (u = 0). Its inputs are
 * x, the pretrained model's denoised mean (x + sigma^2 score)/alpha (Tweedie's formula: where x would land under the
 * pretrained model) and the time features.
 *
 * Reward and KL of a control are estimated by Monte Carlo on the controlled SDE (Euler–Maruyama by samplers.ts)
 * with standard errors.
 */
import type { Chunked } from '../chunked';
import { within } from '../chunked';
import { Rng } from '../random';
import { fillNormals } from '../normal';
import { Mlp, type Activation } from '../nn/mlp';
import { Adam, cosineLr } from '../nn/adam';
import type { NoiseSchedule } from './schedule';
import { compileMixture, gmmSample, gmmScoreBatch, type CompiledMixture, type GaussianMixture } from './gmm';
import { exactScore, sampleDiffusion, type ScoreFn } from './samplers';
import { timeFeatures } from './dsm';
import { RF_B, RF_LAMBDA } from './rfSetup';
import { requireFinite, requireInRange, requireInteger } from '../validate';

/**
 * The set-up of chapter 10's training figure (plain numbers, so that the page may import them): the reward direction
 * b of r(x) = b.x and the default temperature (chapter 10's, rfSetup.ts), the number of snapshots, and where the
 * control is drawn: on the circle of the noised mode centres, radius 2 alpha_s, at angles (degrees) and generation times t.
 */
export const FT_SETUP = {
  b: RF_B,
  lambda: RF_LAMBDA,
  checkpoints: 7,
  sliceAngles: Array.from({ length: 73 }, (_, i) => -180 + 5 * i),
  sliceTimes: [0.5, 0.7, 0.8],
} as const;

/**
 * The defaults of `fineTune` (chapter 10's prose quotes them): batches of `batch` noised data points spread over `times`
 * forward times, drawn as s = sMin + (T - sMin) u^sPower with u uniform; a network with the hidden widths `hidden`, the
 * activation and the number of sinusoidal time features given here; Adam at the peak rate `lr`, cosine-decayed to
 * `lrMin` after `warmup` steps.
 */
export const FT_DEFAULTS = {
  batch: 256,
  times: 16,
  sMin: 1e-3,
  sPower: 1,
  hidden: [32, 32],
  activation: 'silu',
  timeFeatures: 8,
  lr: 1e-2,
  lrMin: 1e-5,
  warmup: 50,
} as const;

/** The points of the figure's slice at generation time t: 2 alpha_s (cos a, sin a) for the slice's angles a (rows of 2). */
export function slicePoints(schedule: NoiseSchedule, t: number, radius = 2): Float64Array {
  const R = radius * schedule.alpha(schedule.T - t);
  const A = FT_SETUP.sliceAngles;
  const xs = new Float64Array(2 * A.length);
  A.forEach((a, i) => {
    xs[2 * i] = R * Math.cos((a * Math.PI) / 180);
    xs[2 * i + 1] = R * Math.sin((a * Math.PI) / 180);
  });
  return xs;
}

/**
 * A batched control field in forward time: writes u(x, t) at generation time t = T - s for the n points xs (n rows
 * of d) into out (n rows of d). Same shape as a `ScoreFn`.
 */
export type ControlFn = ScoreFn;

/** The zero control: the pretrained model. */
export const zeroControl: ControlFn = (_xs, n, _s, out) => out.fill(0, 0, out.length);

/** A trained control network: its layout and weights (inputs x, the denoised mean and F time features; output d). */
export interface ControlModel {
  dim: number;
  timeFeatures: number;
  sizes: number[];
  activation: Activation;
  params: Float64Array;
}

/**
 * Writes the network's input rows for n points xs at forward time s, given the pretrained score sc there: x, the
 * pretrained model's denoised mean (x + sigma^2 score)/alpha (Tweedie's formula) and the F time features of s/T.
 */
function controlInputs(
  xs: Float64Array,
  sc: Float64Array,
  n: number,
  d: number,
  s: number,
  schedule: NoiseSchedule,
  F: number,
  out: Float64Array,
  row0 = 0,
): void {
  const width = 2 * d + F;
  const s2 = schedule.sigma2(s);
  const ia = 1 / schedule.alpha(s);
  for (let i = 0; i < n; i++) {
    const o = (row0 + i) * width;
    for (let j = 0; j < d; j++) {
      const xv = xs[i * d + j];
      out[o + j] = xv;
      out[o + d + j] = (xv + s2 * sc[i * d + j]) * ia;
    }
    timeFeatures(s / schedule.T, F, out, o + 2 * d);
  }
}

/**
 * The control of a trained network, u_theta(x, t) = g(s) N_theta(x, Yhat_0(x, s), s), as a batched `ControlFn`
 * (blocks of 1024 points); the pretrained model's exact score gives the denoised mean Yhat_0.
 */
export function networkControl(model: ControlModel, mixture: GaussianMixture | CompiledMixture, schedule: NoiseSchedule): ControlFn {
  const cm = compileMixture(mixture);
  const net = new Mlp(model.sizes, model.activation, 0);
  if (net.params.length !== model.params.length) throw new Error(`model has ${model.params.length} weights; its layout needs ${net.params.length}`);
  net.params.set(model.params);
  const { dim: d, timeFeatures: F } = model;
  const BLK = 1024;
  const inp = new Float64Array(BLK * (2 * d + F));
  const sc = new Float64Array(BLK * d);
  return (xs, n, s, out) => {
    const g = schedule.g(s);
    for (let i0 = 0; i0 < n; i0 += BLK) {
      const m = Math.min(BLK, n - i0);
      const xb = xs.subarray(i0 * d, (i0 + m) * d);
      gmmScoreBatch(cm, xb, m, s, schedule, sc);
      controlInputs(xb, sc, m, d, s, schedule, F, inp);
      const y = net.forward(inp, m);
      for (let i = 0; i < m * d; i++) out[i0 * d + i] = g * y[i];
    }
  };
}

/** Mean and standard error of a Monte Carlo average. */
interface McEstimate {
  mean: number;
  stdErr: number;
}

function estimate(v: ArrayLike<number>): McEstimate {
  const n = v.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += v[i];
  const mean = s / n;
  let q = 0;
  for (let i = 0; i < n; i++) q += (v[i] - mean) ** 2;
  return { mean, stdErr: Math.sqrt(q / (n - 1) / n) };
}

/** Options of `rewardAndKl`. */
export interface RewardKlOptions {
  mixture: GaussianMixture | CompiledMixture;
  schedule: NoiseSchedule;
  /** Reward direction b (length d): r(x) = b.x. */
  b: number[];
  control: ControlFn;
  /** Monte Carlo paths, in [2, 1e5]. */
  paths: number;
  /** Euler–Maruyama steps over [0, T], in [1, 1e4]. */
  steps: number;
  seed: number;
  /** Start points X_0 (paths rows of d); default p_T drawn from the seed. */
  init?: Float64Array;
}

/** Reward and KL of a control, with the end points. */
export interface RewardKl {
  /** E[r(X_T)] = E[b.X_T]. */
  reward: McEstimate;
  /** KL(P^u || P^pre) = 1/2 E int_0^T |u|^2 dt, left-point sums on the Euler–Maruyama grid. */
  kl: McEstimate;
  /** End points X_T (paths rows of d). */
  final: Float64Array;
}

/**
 * Monte Carlo reward and KL of the control u from X_0 ~ p_T, drawn exactly (the pretrained model's start, as in
 * control.ts; `init` overrides it). The controlled
 * SDE is the pretrained reverse SDE with the score replaced by score + u/g (the drift g^2 score + g u), run by
 * samplers.ts' Euler–Maruyama, which evaluates the score once per step at the left point X_k; the same call adds
 * 1/2 |u(X_k)|^2 h to each path's KL. With u = 0 the end points are exactly the pretrained sampler's (same seed).
 */
export function* rewardAndKl(opts: RewardKlOptions): Chunked<RewardKl> {
  const cm = compileMixture(opts.mixture);
  const { schedule, control, paths: n, steps, seed } = opts;
  const d = cm.d;
  requireInteger('paths', n, 2, 100_000);
  requireInteger('steps', steps, 1, 10_000);
  if (opts.b.length !== d) throw new Error(`b must have ${d} coordinates; got ${opts.b.length}`);
  for (const bj of opts.b) requireFinite('b', bj);
  const score = exactScore(cm, schedule);
  const h = schedule.T / steps;
  const u = new Float64Array(n * d);
  const kl = new Float64Array(n);
  const controlled: ScoreFn = (xs, m, s, out) => {
    score(xs, m, s, out);
    control(xs, m, s, u);
    const ig = 1 / schedule.g(s);
    for (let i = 0; i < m; i++) {
      let q = 0;
      for (let j = 0; j < d; j++) {
        const uj = u[i * d + j];
        q += uj * uj;
        out[i * d + j] += ig * uj;
      }
      kl[i] += 0.5 * h * q;
    }
  };
  const init = opts.init ?? gmmSample(cm, n, new Rng(seed, 1), schedule.T, schedule);
  const res = yield* sampleDiffusion({ schedule, score: controlled, dim: d, particles: n, steps, method: 'sde-em', seed, tMin: 0, init });
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < d; j++) v += opts.b[j] * res.final[i * d + j];
    r[i] = v;
    if (!Number.isFinite(v) || !Number.isFinite(kl[i])) {
      throw new Error('the controlled particles left every finite number: this control makes the sampler blow up');
    }
  }
  return { reward: estimate(r), kl: estimate(kl), final: res.final };
}

/** Options of `fineTune`. */
export interface FineTuneOptions {
  mixture: GaussianMixture | CompiledMixture;
  schedule: NoiseSchedule;
  /** Reward direction b (length d) and temperature lambda > 0: the weights are e^{b.Y_0/lambda}. */
  b: number[];
  lambda: number;
  /** Adam steps, in [1, 1e6]. */
  steps: number;
  /** Batch: `times` forward times per step, each with batch/times noised data points (default 256 and 16). */
  batch?: number;
  times?: number;
  /** Hidden widths (default [32, 32]), activation (default SiLU), even number of time features (default 8). */
  hidden?: number[];
  activation?: Activation;
  timeFeatures?: number;
  /** Peak learning rate (default 1e-2), cosine-decayed to lrMin (default 1e-5) after `warmup` steps (default 50). */
  lr?: number;
  lrMin?: number;
  warmup?: number;
  /** Training times s = sMin + (T - sMin) u^p, u ~ U[0, 1] (defaults 1e-3 and 1). */
  sMin?: number;
  sPower?: number;
  seed: number;
  /** Snapshots of the network after steps round(j steps / (checkpoints - 1)), j = 0..checkpoints - 1 (default 7). */
  checkpoints?: number;
  /**
   * Evaluate every snapshot's reward and KL with these Monte Carlo settings (omit to skip): `paths` paths for the
   * snapshots during training, `finalPaths` (default `paths`) for the last one.
   */
  evaluate?: { paths: number; finalPaths?: number; steps: number; seed: number };
  /** Record the mean loss of every `lossEvery` steps (default 25). */
  lossEvery?: number;
}

/** One snapshot of training. */
interface FineTuneSnapshot {
  step: number;
  model: ControlModel;
  /** Reward and KL estimates (when `evaluate` was given). */
  reward?: McEstimate;
  kl?: McEstimate;
}

/** Result of `fineTune`. */
export interface FineTuneResult {
  model: ControlModel;
  snapshots: FineTuneSnapshot[];
  lossCurve: Float64Array;
  lossEvery: number;
}

/** A loss this many times the first step's means the run has diverged. */
const DIVERGED = 1e4;

/** Validates the options and builds the network, its last layer zero (u = 0: the pretrained model). */
function setUp(opts: FineTuneOptions) {
  const cm = compileMixture(opts.mixture);
  const d = cm.d;
  if (opts.b.length !== d) throw new Error(`b must have ${d} coordinates; got ${opts.b.length}`);
  for (const bj of opts.b) requireFinite('b', bj);
  requireInRange('lambda', opts.lambda, 0.01, 100);
  requireInteger('steps', opts.steps, 1, 1_000_000);
  const B = opts.batch ?? FT_DEFAULTS.batch;
  const G = opts.times ?? FT_DEFAULTS.times;
  requireInteger('batch', B, 1, 8192);
  requireInteger('times', G, 1, B);
  if (B % G) throw new Error(`batch (${B}) must be a multiple of times (${G})`);
  const F = opts.timeFeatures ?? FT_DEFAULTS.timeFeatures;
  if (!Number.isInteger(F) || F < 2 || F > 64 || F % 2) throw new Error(`timeFeatures must be an even integer in [2, 64]; got ${F}`);
  const sMin = opts.sMin ?? FT_DEFAULTS.sMin;
  const sPow = opts.sPower ?? FT_DEFAULTS.sPower;
  requireInRange('sMin', sMin, 0, opts.schedule.T, { open: 'both' });
  requireInRange('sPower', sPow, 0.25, 8);
  const checkpoints = opts.checkpoints ?? 7;
  requireInteger('checkpoints', checkpoints, 1, 101);
  const sizes = [2 * d + F, ...(opts.hidden ?? FT_DEFAULTS.hidden), d];
  const net = new Mlp(sizes, opts.activation ?? FT_DEFAULTS.activation, opts.seed);
  const last = net.weightOffset(net.depth - 1);
  net.params.fill(0, last); // W and b of the last layer
  return { cm, d, B, G, F, sMin, sPow, checkpoints, sizes, net };
}

/**
 * Trains the control network by reward-weighted regression (see the top of this file), chunked: yields progress
 * after ~10 ms of steps. Keeps `checkpoints` snapshots (the first is the zero control) and, with `evaluate`,
 * estimates each one's reward and KL (common random numbers: the same seed for every snapshot). A loss or weight
 * that stops being finite ends the run with an error that says so.
 */
export function* fineTune(opts: FineTuneOptions): Chunked<FineTuneResult> {
  const { cm, d, B, G, F, sMin, sPow, checkpoints, sizes, net } = setUp(opts);
  const { schedule, steps, lambda, seed } = opts;
  const T = schedule.T;
  const c = opts.b.map((bj) => bj / lambda);
  const opt = new Adam(net.params.length);
  const lr = opts.lr ?? FT_DEFAULTS.lr;
  const lrMin = opts.lrMin ?? FT_DEFAULTS.lrMin;
  const warmup = Math.min(opts.warmup ?? FT_DEFAULTS.warmup, steps - 1);
  const lossEvery = opts.lossEvery ?? 25;
  requireInteger('lossEvery', lossEvery, 1, 1_000_000);
  const rng = new Rng(seed, 2);
  const per = B / G;
  const inp = new Float64Array(B * (2 * d + F));
  const z = new Float64Array(B * d);
  const x = new Float64Array(B * d);
  const sc = new Float64Array(B * d);
  const w = new Float64Array(B);
  const sg = new Float64Array(B);
  const dy = new Float64Array(B * d);
  const curve = new Float64Array(Math.ceil(steps / lossEvery));
  const at = Array.from({ length: checkpoints }, (_, j) => (checkpoints === 1 ? steps : Math.round((j * steps) / (checkpoints - 1))));
  const snapshots: FineTuneSnapshot[] = [];
  const keep = (step: number) => {
    while (snapshots.length < checkpoints && at[snapshots.length] === step) {
      snapshots.push({ step, model: { dim: d, timeFeatures: F, sizes, activation: net.activation, params: Float64Array.from(net.params) } });
    }
  };
  keep(0);
  // Training takes half of the progress bar when snapshots are evaluated.
  const trainShare = opts.evaluate ? 0.5 : 1;
  let acc = 0;
  let accN = 0;
  let L0 = Infinity;
  let t0 = Date.now();
  for (let k = 0; k < steps; k++) {
    const y0 = gmmSample(cm, B, rng);
    fillNormals(rng.state, z);
    // Weights e^{c.Y_0}, shifted by their maximum and normalised to mean one over the batch.
    let wMax = -Infinity;
    for (let i = 0; i < B; i++) {
      let e = 0;
      for (let j = 0; j < d; j++) e += c[j] * y0[i * d + j];
      w[i] = e;
      if (e > wMax) wMax = e;
    }
    let wSum = 0;
    for (let i = 0; i < B; i++) wSum += w[i] = Math.exp(w[i] - wMax);
    for (let i = 0; i < B; i++) w[i] *= B / wSum;
    // G forward times, each shared by `per` points: x = alpha Y_0 + sigma Z, and the exact score there.
    for (let q = 0; q < G; q++) {
      const s = sMin + (T - sMin) * Math.pow(rng.uniform(), sPow);
      const a = schedule.alpha(s);
      const sgm = schedule.sigma(s);
      const lo = q * per;
      for (let i = lo; i < lo + per; i++) {
        sg[i] = sgm;
        for (let j = 0; j < d; j++) x[i * d + j] = a * y0[i * d + j] + sgm * z[i * d + j];
      }
      const xg = x.subarray(lo * d, (lo + per) * d);
      const sg2 = sc.subarray(lo * d, (lo + per) * d);
      gmmScoreBatch(cm, xg, per, s, schedule, sg2);
      controlInputs(xg, sg2, per, d, s, schedule, F, inp, lo);
    }
    const v = net.forward(inp, B);
    // Loss w sigma^2 |v + zeta/sigma + score|^2 = w |sigma v + zeta + sigma score|^2, and its gradient in v.
    let L = 0;
    for (let i = 0; i < B; i++) {
      for (let j = 0; j < d; j++) {
        const o = i * d + j;
        const r = sg[i] * (v[o] + sc[o]) + z[o];
        L += w[i] * r * r;
        dy[o] = (2 * w[i] * sg[i] * r) / B;
      }
    }
    L /= B;
    // The loss of the zero control (step 1) is of order one; a loss 10^4 times larger, or not finite, is a divergence.
    if (k === 0) L0 = L;
    if (!(L <= DIVERGED * L0))
      throw new Error(`the control network diverged at step ${k + 1}: its loss grew from ${L0.toPrecision(3)} to ${L.toPrecision(3)}; lower the learning rate`);
    net.zeroGrad();
    net.backward(dy);
    opt.step(net.params, net.grads, cosineLr(k, steps, lr, lrMin, warmup));
    acc += L;
    accN++;
    if (accN === lossEvery || k === steps - 1) {
      curve[Math.floor(k / lossEvery)] = acc / accN;
      acc = 0;
      accN = 0;
    }
    keep(k + 1);
    if (Date.now() - t0 > 10 && k + 1 < steps) {
      yield (trainShare * (k + 1)) / steps;
      t0 = Date.now();
    }
  }
  for (const p of net.params) if (!Number.isFinite(p)) throw new Error('the control network diverged: a weight is not finite; lower the learning rate');
  const ev = opts.evaluate;
  if (ev) {
    // Progress in proportion to the paths evaluated.
    const cost = snapshots.map((_, j) => (j === snapshots.length - 1 ? (ev.finalPaths ?? ev.paths) : ev.paths));
    const total = cost.reduce((a, c) => a + c, 0);
    let done = 0;
    for (let j = 0; j < snapshots.length; j++) {
      const lo = trainShare + ((1 - trainShare) * done) / total;
      done += cost[j];
      const hi = trainShare + ((1 - trainShare) * done) / total;
      const snap = snapshots[j];
      const control = snap.step === 0 ? zeroControl : networkControl(snap.model, cm, schedule);
      const paths = j === snapshots.length - 1 ? (ev.finalPaths ?? ev.paths) : ev.paths;
      const r = yield* within(rewardAndKl({ mixture: cm, schedule, b: opts.b, control, paths, steps: ev.steps, seed: ev.seed }), lo, hi);
      snap.reward = r.reward;
      snap.kl = r.kl;
      yield hi;
    }
  }
  return { model: snapshots[snapshots.length - 1].model, snapshots, lossCurve: curve, lossEvery };
}
