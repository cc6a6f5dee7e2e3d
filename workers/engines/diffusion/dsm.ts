/**
 * Denoising score matching (Vincent 2011; Song et al. 2021) for the VP/VE schedules with a small MLP.
 *
 * The network eps_theta(x, t) predicts the noise: with x_t = alpha_t x_0 + sigma_t z, the loss
 *   L(theta) = E_{t, x_0, z} | eps_theta(x_t, t) - z |^2,   t = eps + (1 - eps) u^p, u ~ U[0, 1],
 * is DSM with weight lambda(t) = sigma_t^2 (|sigma_t s_theta + z|^2 with s_theta = -eps_theta/sigma_t). The learned
 * score is s_theta(x, t) = -eps_theta(x, t)/sigma_t. Inputs: x and F sinusoidal time features
 * (sin w_k t, cos w_k t), w_k geometric from 1 to 100. Adam with warm-up and cosine decay; the returned weights are
 * an exponential moving average of the iterates. p = 2 samples more small t (sharp modes need it).
 */
import type { Chunked } from '../chunked';
import { Rng } from '../random';
import { fillNormals } from '../normal';
import { Mlp, type Activation } from '../nn/mlp';
import { Adam, cosineLr, Ema } from '../nn/adam';
import type { NoiseSchedule } from './schedule';
import { compileMixture, gmmLogDensity, gmmSample, gmmScoreBatch, type CompiledMixture, type GaussianMixture } from './gmm';
import type { ScoreFn } from './samplers';
import { requireInRange, requireInteger } from '../validate';

/** A trained score model: the layout and (EMA) weights of the noise-prediction MLP. */
export interface ScoreModel {
  dim: number;
  timeFeatures: number;
  sizes: number[];
  activation: Activation;
  params: Float64Array;
}

/** Options of `trainDsm`. */
export interface DsmOptions {
  mixture: GaussianMixture | CompiledMixture;
  schedule: NoiseSchedule;
  /** Optimisation steps, in [1, 1e6]. */
  steps: number;
  /** Batch size, in [1, 8192] (default 512). */
  batch?: number;
  /** Hidden widths (default [64, 64]). */
  hidden?: number[];
  activation?: Activation;
  /** Number of sinusoidal time features, even, in [2, 64] (default 16). */
  timeFeatures?: number;
  /** Peak learning rate (default 5e-3), cosine-decayed to lrMin (default 1e-5) after `warmup` steps (default 100). */
  lr?: number;
  lrMin?: number;
  warmup?: number;
  /** EMA decay of the returned weights, in [0, 1) (default 0.995). */
  emaDecay?: number;
  /** Smallest training time eps (default 1e-5) and exponent p of t = eps + (1 - eps) u^p (default 2). */
  tEps?: number;
  tPower?: number;
  seed: number;
  /** Record the mean loss of every `lossEvery` steps (default 50). */
  lossEvery?: number;
}

/** Result of `trainDsm`. */
export interface DsmResult {
  model: ScoreModel;
  /** Mean loss over each block of `lossEvery` steps. */
  lossCurve: Float64Array;
  lossEvery: number;
}

/** Writes the F time features of t into row (offset o): sin(w_k t), cos(w_k t), w_k = 100^(k/(F/2 - 1)). */
export function timeFeatures(t: number, F: number, out: Float64Array, o: number): void {
  const half = F / 2;
  for (let k = 0; k < half; k++) {
    const w = half === 1 ? 1 : Math.pow(100, k / (half - 1));
    out[o + 2 * k] = Math.sin(w * t);
    out[o + 2 * k + 1] = Math.cos(w * t);
  }
}

/**
 * Trains eps_theta by denoising score matching on samples of `mixture` (fresh samples every step), chunked: yields
 * progress after ~10 ms of steps. Returns the EMA weights and the loss curve.
 */
export function* trainDsm(opts: DsmOptions): Chunked<DsmResult> {
  const cm = compileMixture(opts.mixture);
  const { schedule, steps, seed } = opts;
  const d = cm.d;
  const B = opts.batch ?? 512;
  const F = opts.timeFeatures ?? 16;
  const hidden = opts.hidden ?? [64, 64];
  const lossEvery = opts.lossEvery ?? 50;
  const tEps = opts.tEps ?? 1e-5;
  const tPow = opts.tPower ?? 2;
  requireInteger('steps', steps, 1, 1_000_000);
  requireInteger('batch', B, 1, 8192);
  requireInteger('lossEvery', lossEvery, 1, 1_000_000);
  if (!Number.isInteger(F) || F < 2 || F > 64 || F % 2) throw new Error(`timeFeatures must be an even integer in [2, 64]; got ${F}`);
  requireInRange('tEps', tEps, 0, schedule.T, { open: 'both' });
  requireInRange('tPower', tPow, 0.25, 8);
  const sizes = [d + F, ...hidden, d];
  const net = new Mlp(sizes, opts.activation ?? 'silu', seed);
  const opt = new Adam(net.params.length);
  const ema = new Ema(net.params, opts.emaDecay ?? 0.995);
  const lr = opts.lr ?? 5e-3;
  const lrMin = opts.lrMin ?? 1e-5;
  const warmup = Math.min(opts.warmup ?? 100, steps - 1);
  const rng = new Rng(seed, 1);
  const inp = new Float64Array(B * (d + F));
  const z = new Float64Array(B * d);
  const dy = new Float64Array(B * d);
  const curve = new Float64Array(Math.ceil(steps / lossEvery));
  let acc = 0;
  let accN = 0;
  let t0 = Date.now();
  for (let k = 0; k < steps; k++) {
    const x0 = gmmSample(cm, B, rng);
    fillNormals(rng.state, z);
    for (let i = 0; i < B; i++) {
      const t = tEps + (schedule.T - tEps) * Math.pow(rng.uniform(), tPow);
      const a = schedule.alpha(t);
      const sg = schedule.sigma(t);
      const o = i * (d + F);
      for (let j = 0; j < d; j++) inp[o + j] = a * x0[i * d + j] + sg * z[i * d + j];
      timeFeatures(t / schedule.T, F, inp, o + d);
    }
    const y = net.forward(inp, B);
    let L = 0;
    for (let i = 0; i < B * d; i++) {
      const r = y[i] - z[i];
      L += r * r;
      dy[i] = (2 * r) / B;
    }
    net.zeroGrad();
    net.backward(dy);
    opt.step(net.params, net.grads, cosineLr(k, steps, lr, lrMin, warmup));
    ema.update(net.params);
    acc += L / B;
    accN++;
    if (accN === lossEvery || k === steps - 1) {
      curve[Math.floor(k / lossEvery)] = acc / accN;
      acc = 0;
      accN = 0;
    }
    if (Date.now() - t0 > 10 && k + 1 < steps) {
      yield (k + 1) / steps;
      t0 = Date.now();
    }
  }
  return {
    model: { dim: d, timeFeatures: F, sizes, activation: net.activation, params: Float64Array.from(ema.shadow) },
    lossCurve: curve,
    lossEvery,
  };
}

/**
 * The learned score s_theta(x, s) = -eps_theta(x, s)/sigma(s) of a trained model as a batched `ScoreFn`
 * (evaluated in blocks of 1024 points).
 */
export function learnedScore(model: ScoreModel, schedule: NoiseSchedule): ScoreFn {
  const net = new Mlp(model.sizes, model.activation, 0);
  if (net.params.length !== model.params.length) throw new Error(`model has ${model.params.length} weights; its layout needs ${net.params.length}`);
  net.params.set(model.params);
  const { dim: d, timeFeatures: F } = model;
  const BLK = 1024;
  const inp = new Float64Array(BLK * (d + F));
  const feats = new Float64Array(F);
  return (xs, n, s, out) => {
    const sg = schedule.sigma(s);
    if (!(sg > 0)) throw new Error(`the learned score needs sigma(s) > 0; got s = ${s}`);
    timeFeatures(s / schedule.T, F, feats, 0);
    for (let i0 = 0; i0 < n; i0 += BLK) {
      const m = Math.min(BLK, n - i0);
      for (let i = 0; i < m; i++) {
        const o = i * (d + F);
        for (let j = 0; j < d; j++) inp[o + j] = xs[(i0 + i) * d + j];
        for (let f = 0; f < F; f++) inp[o + d + f] = feats[f];
      }
      const y = net.forward(inp, m);
      for (let i = 0; i < m * d; i++) out[i0 * d + i] = -y[i] / sg;
    }
  };
}

/** Result of `scoreGridError`. */
export interface ScoreGridError {
  /** Grid coordinates along each axis (points per axis). */
  axis: Float64Array;
  /** Scores on the grid (points^2 rows of 2, row-major with x fastest): exact and learned. */
  exact: Float32Array;
  learned: Float32Array;
  /** Density-weighted relative error sqrt( sum p |s_hat - s|^2 / sum p |s|^2 ) at forward time s. */
  relError: number;
  /** Density-weighted root mean square error sqrt( sum p |s_hat - s|^2 / sum p ). */
  rmse: number;
}

/**
 * Compares a score function with the exact mixture score on a points x points grid over [lo, hi]^2 (2-D mixtures)
 * at forward time s; errors are weighted by the noised density p_s so that empty regions do not dominate.
 */
export function scoreGridError(
  score: ScoreFn,
  mixture: GaussianMixture | CompiledMixture,
  schedule: NoiseSchedule,
  s: number,
  { lo = -3, hi = 3, points = 41 }: { lo?: number; hi?: number; points?: number } = {},
): ScoreGridError {
  const cm = compileMixture(mixture);
  if (cm.d !== 2) throw new Error(`scoreGridError needs a 2-D mixture; got dimension ${cm.d}`);
  requireInteger('points', points, 2, 1000);
  if (!(hi > lo)) throw new Error(`grid needs hi > lo; got [${lo}, ${hi}]`);
  requireInRange('time', s, 0, schedule.T);
  const n = points * points;
  const axis = Float64Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
  const xs = new Float64Array(2 * n);
  for (let r = 0; r < points; r++) {
    for (let c = 0; c < points; c++) {
      xs[2 * (r * points + c)] = axis[c];
      xs[2 * (r * points + c) + 1] = axis[r];
    }
  }
  const ex = new Float64Array(2 * n);
  const le = new Float64Array(2 * n);
  gmmScoreBatch(cm, xs, n, s, schedule, ex);
  score(xs, n, s, le);
  let num = 0;
  let den = 0;
  let wsum = 0;
  const pt = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    pt[0] = xs[2 * i];
    pt[1] = xs[2 * i + 1];
    const w = Math.exp(gmmLogDensity(cm, pt, s, schedule));
    const e0 = le[2 * i] - ex[2 * i];
    const e1 = le[2 * i + 1] - ex[2 * i + 1];
    num += w * (e0 * e0 + e1 * e1);
    den += w * (ex[2 * i] ** 2 + ex[2 * i + 1] ** 2);
    wsum += w;
  }
  return {
    axis,
    exact: Float32Array.from(ex),
    learned: Float32Array.from(le),
    relError: Math.sqrt(num / den),
    rmse: Math.sqrt(num / wsum),
  };
}
