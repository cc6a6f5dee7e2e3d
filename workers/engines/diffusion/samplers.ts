/**
 * Samplers from noise to data for a score-based diffusion model, with any score function.
 *
 * Time conventions (the sign trap): the schedule's time s is *forward* (noising) time. Samplers run in
 * *generation* time tau = T - s from tau = 0 (s = T, noise) to tau = T - tMin (s = tMin, data), with a positive
 * step h = (T - tMin)/steps. With the forward SDE dY = f(s) Y ds + g(s) dB, the reversal X_tau = Y_{T - tau} obeys
 *
 *   reverse SDE:        dX = [ -f(s) X + g(s)^2 score(X, s) ] dtau + g(s) dW,      s = T - tau,
 *   probability flow:   dX/dtau = -f(s) X + 1/2 g(s)^2 score(X, s).
 *
 * (Song et al. write the same SDE in forward time with dt = -1/N and drift f - g^2 score; mixing the two
 * conventions makes the samples explode.) For VP, -f = +1/2 beta: the drift pushes outward, the score pulls in.
 */
import type { Chunked } from '../chunked';
import { seedState } from '../random';
import { fillNormals } from '../normal';
import type { NoiseSchedule } from './schedule';
import { compileMixture, gmmScoreBatch, type CompiledMixture, type GaussianMixture } from './gmm';
import { requireInRange, requireInteger } from '../validate';

/**
 * A batched score function: writes grad_x ln p_s(x) for the n points xs (n rows of d, row-major) at forward time s
 * into out (n rows of d). Exact (`exactScore`), learned (dsm.ts) or scaled (`scaledScore`).
 */
export type ScoreFn = (xs: Float64Array, n: number, s: number, out: Float64Array) => void;

/** The exact score of a Gaussian mixture's noised marginal p_s under `schedule` (see gmm.ts), as a `ScoreFn`. */
export function exactScore(mixture: GaussianMixture | CompiledMixture, schedule: NoiseSchedule): ScoreFn {
  const cm = compileMixture(mixture);
  return (xs, n, s, out) => gmmScoreBatch(cm, xs, n, s, schedule, out);
}

/**
 * lambda * score for points of dimension `dim`: the exact score scaled by a factor (lambda = 1 exact, 0 no score,
 * > 1 over-confident). lambda in [-1000, 1000].
 */
export function scaledScore(score: ScoreFn, lambda: number, dim: number): ScoreFn {
  requireInRange('lambda', lambda, -1000, 1000);
  requireInteger('dim', dim, 1, 64);
  return (xs, n, s, out) => {
    score(xs, n, s, out);
    for (let i = 0, m = n * dim; i < m; i++) out[i] *= lambda;
  };
}

/** Integration scheme: Euler–Maruyama on the reverse SDE, or Euler / Heun / RK4 on the probability-flow ODE. */
export type DiffusionSamplerMethod = 'sde-em' | 'ode-euler' | 'ode-heun' | 'ode-rk4';

/** Options of `sampleDiffusion`. */
export interface DiffusionSamplerOptions {
  schedule: NoiseSchedule;
  score: ScoreFn;
  /** Dimension d of the data, in [1, 64]. */
  dim: number;
  /** Number of particles n, in [1, 1e6] (n d <= 2e7). */
  particles: number;
  /** Number of time steps, in [1, 1e5]. */
  steps: number;
  method: DiffusionSamplerMethod;
  /** Seed of the initial noise and of the SDE's Brownian increments (integer in [0, 2^53 - 1]). */
  seed: number;
  /** Forward time at which sampling stops, in [0, T) (default 1e-3). */
  tMin?: number;
  /** Number of snapshots (first and last included), in [1, steps + 1] (default 2). */
  record?: number;
  /** Starting points (n rows of d); default: N(0, schedule.priorVariance() I) from the seed. */
  init?: Float64Array;
  /** Return the Tweedie denoised mean (x + sigma^2 score)/alpha at s = tMin as the final points (default false). */
  denoise?: boolean;
}

/** Result of `sampleDiffusion`. */
export interface DiffusionSamplerResult {
  /** record x particles x dim, Float32 (for animation). */
  snapshots: Float32Array;
  /** Generation times tau of the snapshots. */
  times: Float64Array;
  /** Final particles (n rows of d), denoised if asked. */
  final: Float64Array;
  dim: number;
  particles: number;
}

/** Work per chunk in particle-steps (times score evaluations per step): ~5–15 ms with an 8-component exact score. */
const SAMPLER_CHUNK = 150_000;

/**
 * Runs n particles from noise to data with the chosen scheme over the uniform generation-time grid
 * tau_k = k h, h = (T - tMin)/steps, s_k = T - tau_k:
 *
 *   sde-em:    X += [-f(s) X + g^2(s) S(X, s)] h + g(s) sqrt(h) Z
 *   ode-euler: X += h v(X, tau),   v(x, tau) = -f(s) x + 1/2 g^2(s) S(x, s)
 *   ode-heun:  k1 = v(X, tau), k2 = v(X + h k1, tau + h), X += h (k1 + k2)/2
 *   ode-rk4:   the classical fourth-order Runge–Kutta step on v.
 *
 * Chunked: yields progress after about SAMPLER_CHUNK score evaluations; run with `runToEnd`.
 */
export function* sampleDiffusion(opts: DiffusionSamplerOptions): Chunked<DiffusionSamplerResult> {
  const { schedule, score, dim: d, particles: n, steps, method, seed } = opts;
  requireInteger('dim', d, 1, 64);
  requireInteger('particles', n, 1, 1_000_000);
  if (n * d > 20_000_000) throw new Error(`particles * dim must be <= 2e7; got ${n * d}`);
  requireInteger('steps', steps, 1, 100_000);
  const record = opts.record ?? 2;
  requireInteger('record', record, 1, steps + 1);
  if (n * d * record > 64 * 1024 * 1024) throw new Error(`particles * dim * record must be <= 2^26; got ${n * d * record}`);
  const tMin = opts.tMin ?? 1e-3;
  const T = schedule.T;
  requireInRange('tMin', tMin, 0, T, { open: 'hi' });
  if (!['sde-em', 'ode-euler', 'ode-heun', 'ode-rk4'].includes(method)) {
    throw new Error(`method must be one of sde-em, ode-euler, ode-heun, ode-rk4; got ${method}`);
  }
  const st = seedState(seed);
  const m = n * d;
  const x = new Float64Array(m);
  if (opts.init) {
    if (opts.init.length !== m) throw new Error(`init must hold particles * dim = ${m} numbers; got ${opts.init.length}`);
    x.set(opts.init);
  } else {
    fillNormals(st, x);
    const sd = Math.sqrt(schedule.priorVariance());
    for (let i = 0; i < m; i++) x[i] *= sd;
  }
  const h = (T - tMin) / steps;
  const sh = Math.sqrt(h);
  const snapshots = new Float32Array(record * m);
  const times = new Float64Array(record);
  const recAt = new Int32Array(record);
  for (let j = 0; j < record; j++) recAt[j] = record === 1 ? steps : Math.round((j * steps) / (record - 1));
  let nextRec = 0;
  const snap = (k: number) => {
    while (nextRec < record && recAt[nextRec] === k) {
      snapshots.set(x, nextRec * m);
      times[nextRec] = k * h;
      nextRec++;
    }
  };
  snap(0);
  const sc = new Float64Array(m);
  const evalsPerStep = method === 'ode-rk4' ? 4 : method === 'ode-heun' ? 2 : 1;
  const stepsPerChunk = Math.max(1, Math.floor(SAMPLER_CHUNK / (n * evalsPerStep)));
  // Scratch for the ODE stages.
  const k1 = method === 'ode-heun' || method === 'ode-rk4' ? new Float64Array(m) : sc;
  const k2 = method === 'ode-rk4' || method === 'ode-heun' ? new Float64Array(m) : sc;
  const k3 = method === 'ode-rk4' ? new Float64Array(m) : sc;
  const xt = method === 'ode-heun' || method === 'ode-rk4' ? new Float64Array(m) : sc;
  const z = method === 'sde-em' ? new Float64Array(m) : sc;

  /** v(y, s) into out: -f(s) y + 1/2 g^2(s) S(y, s). */
  const velocity = (y: Float64Array, s: number, out: Float64Array) => {
    score(y, n, s, out);
    const a = -schedule.f(s);
    const b = 0.5 * schedule.beta(s);
    for (let i = 0; i < m; i++) out[i] = a * y[i] + b * out[i];
  };

  for (let k = 0; k < steps; k++) {
    const s = T - k * h;
    if (method === 'sde-em') {
      score(x, n, s, sc);
      fillNormals(st, z);
      const a = 1 - schedule.f(s) * h;
      const b = schedule.beta(s) * h;
      const c = schedule.g(s) * sh;
      for (let i = 0; i < m; i++) x[i] = a * x[i] + b * sc[i] + c * z[i];
    } else if (method === 'ode-euler') {
      velocity(x, s, sc);
      for (let i = 0; i < m; i++) x[i] += h * sc[i];
    } else if (method === 'ode-heun') {
      velocity(x, s, k1);
      for (let i = 0; i < m; i++) xt[i] = x[i] + h * k1[i];
      velocity(xt, Math.max(s - h, 0), k2);
      for (let i = 0; i < m; i++) x[i] += 0.5 * h * (k1[i] + k2[i]);
    } else {
      const sMid = s - 0.5 * h;
      velocity(x, s, k1);
      for (let i = 0; i < m; i++) xt[i] = x[i] + 0.5 * h * k1[i];
      velocity(xt, sMid, k2);
      for (let i = 0; i < m; i++) xt[i] = x[i] + 0.5 * h * k2[i];
      velocity(xt, sMid, k3);
      for (let i = 0; i < m; i++) xt[i] = x[i] + h * k3[i];
      velocity(xt, Math.max(s - h, 0), sc);
      for (let i = 0; i < m; i++) x[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + sc[i]);
    }
    if (nextRec < record && recAt[nextRec] === k + 1) snap(k + 1);
    if ((k + 1) % stepsPerChunk === 0 && k + 1 < steps) yield (k + 1) / steps;
  }
  if (opts.denoise) {
    // Tweedie: E[Y_0 | Y_s = x] = (x + sigma(s)^2 grad ln p_s(x)) / alpha(s).
    const s = tMin;
    score(x, n, s, sc);
    const s2 = schedule.sigma2(s);
    const ia = 1 / schedule.alpha(s);
    for (let i = 0; i < m; i++) x[i] = (x[i] + s2 * sc[i]) * ia;
    snapshots.set(x, (record - 1) * m);
  }
  return { snapshots, times, final: x, dim: d, particles: n };
}
