/**
 * Diffusion models read as stochastic optimal control (Berner, Richter & Ullrich 2024), computed for Gaussian-mixture
 * data where everything is exact.
 *
 * Controlled reverse process on t in [0, T] (generation time), forward time s = T - t:
 *   dX = (mu + Sigma u) dt + Sigma dW,   mu(x, t) = -f(s) x,   Sigma(t) = g(s),   div mu = -d f(s).
 * Cost J(u; x, 0) = E[ int_0^T (1/2 |u|^2 - div mu) dt - ln p_data(X_T) ].
 * Value V(x, t) = -ln p_{T-t}(x); optimal control u*(x, t) = Sigma(t) grad ln p_{T-t}(x) (one factor of g).
 * Verification, pathwise (Ito's formula on V plus the HJB equation):
 *   cost(u) = V(X_0, 0) + 1/2 int |u - u*|^2 dt - int u* . dW,
 * so J(u) = E V(X_0, 0) + 1/2 E int |u - u*|^2 dt (the gap is KL(P^u || P^{u*}) by Girsanov).
 */
import type { Chunked } from '../chunked';
import { seedState, Rng } from '../random';
import { fillNormals } from '../normal';
import type { NoiseSchedule } from './schedule';
import { compileMixture, gmmLogDensity, gmmSample, gmmScoreBatch, type CompiledMixture, type GaussianMixture } from './gmm';
import { requireInRange, requireInteger } from '../validate';

/** The value function V(x, t) = -ln p_{T-t}(x) of the control problem, at generation time t in [0, T]. */
export function controlValue(mixture: GaussianMixture | CompiledMixture, schedule: NoiseSchedule, x: ArrayLike<number>, t: number): number {
  requireInRange('generation time t', t, 0, schedule.T);
  return -gmmLogDensity(mixture, x, schedule.T - t, schedule);
}

/** The optimal control u*(x, t) = g(T - t) grad ln p_{T-t}(x) at generation time t in [0, T] (a d-vector). */
export function optimalControl(mixture: GaussianMixture | CompiledMixture, schedule: NoiseSchedule, x: ArrayLike<number>, t: number): Float64Array {
  const cm = compileMixture(mixture);
  requireInRange('generation time t', t, 0, schedule.T);
  if (x.length !== cm.d) throw new Error(`point must have ${cm.d} coordinates; got ${x.length}`);
  const s = schedule.T - t;
  const out = new Float64Array(cm.d);
  gmmScoreBatch(cm, Float64Array.from(x), 1, s, schedule, out);
  const g = schedule.g(s);
  for (let j = 0; j < cm.d; j++) out[j] *= g;
  return out;
}

/** Options of `controlCost`. */
export interface ControlCostOptions {
  mixture: GaussianMixture | CompiledMixture;
  schedule: NoiseSchedule;
  /** The control is u = lambda u*; lambda in [-100, 100] (lambda = 1 optimal). */
  lambda: number;
  /** Monte Carlo paths, in [2, 1e6]. */
  particles: number;
  /** Euler–Maruyama steps over [0, T], in [1, 1e5] (~2000 for 1% accuracy: the bias is ~20/steps nats). */
  steps: number;
  seed: number;
  /** Fixed start x (length d); default X_0 ~ p_T drawn exactly (then the optimal process ends in p_data). */
  x0?: number[];
}

/** Mean and standard error of a Monte Carlo average. */
interface McEstimate {
  mean: number;
  stdErr: number;
}

/** Result of `controlCost`: everything per path is averaged with its standard error. */
export interface ControlCostResult {
  lambda: number;
  /** J(u) = E[ int (1/2 |u|^2 - div mu) dt - ln p_data(X_T) ]. */
  cost: McEstimate;
  /** E V(X_0, 0) = E[-ln p_T(X_0)]. */
  value: McEstimate;
  /** 1/2 E int |u - u*|^2 dt (= 1/2 (1 - lambda)^2 E int |u*|^2 dt). */
  gap: McEstimate;
  /** J - (V + gap) from the three averages: zero up to Monte Carlo and time-step error. */
  identity: McEstimate;
  /** The pathwise form cost - V - 1/2 int |u - u*|^2 + int u* . dW averaged: the same identity, far tighter. */
  pathwise: McEstimate;
}

function estimate(sum: number, sumSq: number, n: number): McEstimate {
  const mean = sum / n;
  const v = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  return { mean, stdErr: Math.sqrt(v / n) };
}

/**
 * Monte Carlo cost of the scaled control u = lambda u* by Euler–Maruyama on the controlled reverse process
 * X += (mu + Sigma u) h + Sigma sqrt(h) Z, with left-point sums for int 1/2 |u|^2 dt, int |u - u*|^2 dt and the Ito
 * sum int u* . dW = sum u*(X_k) . sqrt(h) Z_k; the deterministic int div mu dt = -d ln alpha(T) is exact.
 * Chunked (yields after ~150k particle-steps).
 */
export function* controlCost(opts: ControlCostOptions): Chunked<ControlCostResult> {
  const cm = compileMixture(opts.mixture);
  const { schedule, lambda, particles: n, steps, seed } = opts;
  const d = cm.d;
  requireInRange('lambda', lambda, -100, 100);
  requireInteger('particles', n, 2, 1e6);
  requireInteger('steps', steps, 1, 1e5);
  const T = schedule.T;
  const m = n * d;
  let x: Float64Array;
  if (opts.x0) {
    if (opts.x0.length !== d) throw new Error(`x0 must have ${d} coordinates; got ${opts.x0.length}`);
    x = new Float64Array(m);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = opts.x0[j];
  } else {
    x = gmmSample(cm, n, new Rng(seed, 1), T, schedule);
  }
  // V(X_0, 0) per path.
  const v0 = new Float64Array(n);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = x[i * d + j];
    v0[i] = -gmmLogDensity(cm, row, T, schedule);
  }
  const st = seedState(seed);
  const h = T / steps;
  const sh = Math.sqrt(h);
  const sc = new Float64Array(m);
  const z = new Float64Array(m);
  const uu = new Float64Array(n); // int 1/2 |u|^2 dt
  const gapI = new Float64Array(n); // int 1/2 |u - u*|^2 dt
  const mart = new Float64Array(n); // int u* . dW
  const chunkSteps = Math.max(1, Math.floor(150_000 / n));
  const half = 0.5 * h;
  const c2 = (1 - lambda) * (1 - lambda);
  for (let k = 0; k < steps; k++) {
    const s = T - k * h;
    const g = schedule.g(s);
    gmmScoreBatch(cm, x, n, s, schedule, sc);
    fillNormals(st, z);
    const a = 1 - schedule.f(s) * h; // mu = -f x
    const lg2h = lambda * g * g * h; // Sigma u h = lambda g^2 score h
    const gs = g * sh;
    for (let i = 0; i < n; i++) {
      let q = 0;
      let w = 0;
      for (let j = 0; j < d; j++) {
        const o = i * d + j;
        const us = g * sc[o];
        q += us * us;
        w += us * z[o];
        x[o] = a * x[o] + lg2h * sc[o] + gs * z[o];
      }
      uu[i] += half * lambda * lambda * q;
      gapI[i] += half * c2 * q;
      mart[i] += sh * w;
    }
    if ((k + 1) % chunkSteps === 0 && k + 1 < steps) yield (k + 1) / steps;
  }
  const divInt = -d * schedule.logAlpha(T); // int_0^T div mu dt = int_0^T (d/2) beta = -d ln alpha(T) (VP)
  const sums = new Float64Array(10);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = x[i * d + j];
    const term = -gmmLogDensity(cm, row, 0, schedule);
    const cost = uu[i] - divInt + term;
    const idn = cost - v0[i] - gapI[i];
    const pw = idn + mart[i];
    sums[0] += cost;
    sums[1] += cost * cost;
    sums[2] += v0[i];
    sums[3] += v0[i] * v0[i];
    sums[4] += gapI[i];
    sums[5] += gapI[i] * gapI[i];
    sums[6] += idn;
    sums[7] += idn * idn;
    sums[8] += pw;
    sums[9] += pw * pw;
  }
  return {
    lambda,
    cost: estimate(sums[0], sums[1], n),
    value: estimate(sums[2], sums[3], n),
    gap: estimate(sums[4], sums[5], n),
    identity: estimate(sums[6], sums[7], n),
    pathwise: estimate(sums[8], sums[9], n),
  };
}
