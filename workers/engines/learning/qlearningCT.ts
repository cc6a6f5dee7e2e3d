/**
 * Continuous-time q-learning (Jia & Zhou, "q-Learning in continuous time", JMLR 2023) on the scalar LQR
 * dX = (alpha X + beta a) dt + sigma dW, reward rate r(x, a) = -1/2 (q x^2 + r a^2), discount rho, with entropy
 * regularisation at temperature gamma.
 *
 * Objects learned from sampled trajectories (model-free: the learner sees only x_k, a_k, r_k, x_{k+1}):
 * - the value J_theta(x) = theta_1 x^2 + theta_2 x + theta_3 (quadratic features), or a small MLP (option
 *   `valueModel: 'mlp'`), and
 * - the q-function q_psi(x, a) = -(e^{-psi_3}/2) (a - psi_1 x - psi_2)^2 - (gamma/2) (ln(2 pi gamma) + psi_3),
 *   which is exactly gamma ln pi_psi for the Gaussian policy pi_psi(.|x) = N(psi_1 x + psi_2, gamma e^{psi_3}): the
 *   policy is the Boltzmann policy pi ~ exp(q/gamma), and the normalisation int exp(q/gamma) da = 1 holds for every psi.
 * Martingale (TD) condition on a grid of step dt, the action held over each step, r a reward *rate*:
 *   delta_k = J(x_{k+1}) - J(x_k) + int_{t_k}^{t_{k+1}} (r - q_psi - rho J)(X_s, a_k) ds,
 * the integral by the trapezoid rule over the two observed ends (default; its error is O(dt^3) per step, so the
 * learned parameters are biased by O(dt^2)) or by the left point times dt as in Jia & Zhou's Euler form (bias O(dt)):
 *   theta += lr_J dJ/dtheta(x_k) delta_k,   psi += lr_q dq/dpsi(x_k, a_k) delta_k,
 * with the test functions dJ/dtheta and dq/dpsi evaluated at the current (past) point only. The signal for psi_3 (the
 * policy's log variance) scales like gamma^2, so it gets its own step size. Updates are averaged over parallel paths.
 * Because q is a *rate*, the mean update per unit of time does not depend on dt, nor does its noise: the learned
 * gain is insensitive to dt, unlike discrete Q-learning (see qlearning.ts).
 *
 * At the optimum pi*(.|x) = N(-K* x, gamma / r) for every gamma, with K* = beta P / r the LQR gain (lqr.ts).
 */
import type { Chunked } from '../chunked';
import { Rng } from '../random';
import { normalFromState } from '../normal';
import type { ScalarLqrParams } from '../lqr';
import { Mlp } from '../nn/mlp';
import { requireFinite, requireInRange, requireInteger } from '../validate';

/** The source post's LQR: alpha -0.5, beta 1, q 1, r 0.1, sigma 0.3, rho 0.1 (K* = 2.6597508). */
export const POST_LQR: ScalarLqrParams = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 };

/**
 * The largest time step at which the book runs the two learners on the post's LQR. Their explicit updates (step
 * sizes tuned at small dt) are stable up to about here; at dt = 0.15 q-learning's parameters already grow without
 * bound on seed 1 (checked in chapter 8's tests).
 */
export const Q_LEARNING_DT_MAX = 0.125;

/** Options shared by the two learners on the LQR. */
export interface LqrLearningOptions {
  /** LQR parameters (default POST_LQR). */
  lqr?: ScalarLqrParams;
  /** Time step dt, in [1e-4, 0.5]. */
  dt: number;
  /** Parallel paths, in [1, 4096] (default 64). */
  paths?: number;
  /** Simulated time per path, in (0, 1e5] (default 400): the data budget, the same for every dt. */
  time?: number;
  /** Episode length: each path restarts from x0 ~ U[-xMax, xMax] every `episode` time units (default 2). */
  episode?: number;
  /** Half-width of the start distribution (default 2). */
  xMax?: number;
  seed: number;
  /** Number of points recorded on the learning curve (default 100). */
  record?: number;
  /**
   * How the environment moves over one step with the action held: 'exact' (default; the exact Gaussian transition
   * of the linear SDE, as a real continuous system sampled every dt) or 'euler' (one Euler–Maruyama step, which
   * turns the problem into the Euler-discretised LQR whose optimal gain is lqrDiscrete's K_h = K* + O(dt)).
   */
  env?: 'exact' | 'euler';
}

/** Options of `qLearningCT`. */
export interface QLearningCTOptions extends LqrLearningOptions {
  /** Entropy temperature gamma, in (0, 10] (default 0.1): pi* has variance gamma / r. */
  temperature?: number;
  /** Step size of the value parameters theta (default 2 for the quadratic J, 5 for the MLP). */
  lrJ?: number;
  /**
   * Step size of psi_1, psi_2 (default 20) and of psi_3 (default lrQ / gamma). The drift of psi_1 is
   * lrQ gamma r E[x^2] (psi_1* - psi_1) per unit time, hence the large value for gamma r = 0.01.
   */
  lrQ?: number;
  lrQ3?: number;
  /** Initial policy parameters (default [0, 0, 0]: pi = N(0, gamma)). */
  psi0?: [number, number, number];
  /**
   * Quadrature of the running term int (r - q - rho J) ds over a step: 'trapezoid' (default; average of the
   * two ends with the held action, local error O(dt^3), bias of the learned parameters O(dt^2)) or 'euler'
   * (left point times dt, bias O(dt)).
   */
  scheme?: 'trapezoid' | 'euler';
  /**
   * The value model: 'quadratic' (default; J = theta_1 x^2 + theta_2 x + theta_3, which contains the LQR's value)
   * or 'mlp' (a tanh network of the given hidden widths, default [16, 16], on the input x / xMax, trained by the same
   * semi-gradient TD update theta += lr_J grad_theta J(x_k) delta_k averaged over the paths).
   */
  valueModel?: 'quadratic' | 'mlp';
  mlpHidden?: number[];
}

/** Result of `qLearningCT`. */
export interface QLearningCTResult {
  /** Final value parameters: J(x) = theta[0] x^2 + theta[1] x + theta[2]; with the MLP, the network's parameters. */
  theta: Float64Array;
  /** The learned value J(x) (either model). */
  value: (x: number) => number;
  /** Final policy parameters: pi = N(psi[0] x + psi[1], gamma e^{psi[2]}). */
  psi: Float64Array;
  /** Learned mean gain K = -psi_1 at the end (the policy mean is -K x + psi_2). */
  K: number;
  /** K averaged over the second half of the run (Polyak averaging: removes most of the constant-step noise). */
  KAveraged: number;
  /** Learning curve: simulated time, K and psi_3 at `record` points. */
  curveTime: Float64Array;
  curveK: Float64Array;
  curvePsi3: Float64Array;
  dt: number;
}

/** Validates the options common to both LQR learners; returns them with defaults filled in. */
export function lqrLearningDefaults(o: LqrLearningOptions) {
  const lqr = o.lqr ?? POST_LQR;
  for (const [k, v] of Object.entries(lqr)) requireFinite(`LQR parameter ${k}`, v);
  if (!(lqr.r > 0) || !(lqr.rho > 0) || !(lqr.sigma >= 0) || !(lqr.q >= 0)) {
    throw new Error(`LQR needs r > 0, rho > 0, sigma >= 0, q >= 0; got r ${lqr.r}, rho ${lqr.rho}, sigma ${lqr.sigma}, q ${lqr.q}`);
  }
  const dt = o.dt;
  requireInRange('dt', dt, 1e-4, 0.5);
  const paths = o.paths ?? 64;
  requireInteger('paths', paths, 1, 4096);
  const time = o.time ?? 400;
  requireInRange('time', time, 0, 1e5, { open: 'lo' });
  const episode = o.episode ?? 2;
  requireInRange('episode', episode, dt, 1e4);
  const xMax = o.xMax ?? 2;
  requireInRange('xMax', xMax, 0, 100, { open: 'lo' });
  const record = o.record ?? 100;
  requireInteger('record', record, 1, 10_000);
  const steps = Math.round(time / dt);
  if (steps * paths > 2e9) throw new Error(`time/dt * paths must be <= 2e9; got ${steps * paths}`);
  const env = o.env ?? 'exact';
  if (env !== 'exact' && env !== 'euler') throw new Error(`env must be 'exact' or 'euler'; got ${env}`);
  return {
    lqr,
    dt,
    paths,
    time,
    episode,
    xMax,
    record,
    steps,
    stepsPerEpisode: Math.max(1, Math.round(episode / dt)),
    seed: o.seed,
    transition: lqrTransition(lqr, dt, env),
  };
}

/**
 * One step of dX = (alpha X + beta a) dt + sigma dW with the action a held: X' = c1 x + c2 a + c3 Z. Exact:
 * c1 = e^{alpha dt}, c2 = beta (e^{alpha dt} - 1)/alpha, c3 = sigma sqrt((e^{2 alpha dt} - 1)/(2 alpha)) (limits at
 * alpha = 0: c2 = beta dt, c3 = sigma sqrt(dt)). Euler: c1 = 1 + alpha dt, c2 = beta dt, c3 = sigma sqrt(dt).
 */
export function lqrTransition(lqr: ScalarLqrParams, dt: number, env: 'exact' | 'euler'): { c1: number; c2: number; c3: number } {
  const { alpha, beta, sigma } = lqr;
  if (env === 'euler') return { c1: 1 + alpha * dt, c2: beta * dt, c3: sigma * Math.sqrt(dt) };
  const ad = alpha * dt;
  const phi1 = Math.abs(ad) < 1e-12 ? dt : Math.expm1(ad) / alpha;
  const phi2 = Math.abs(ad) < 1e-12 ? dt : Math.expm1(2 * ad) / (2 * alpha);
  return { c1: Math.exp(ad), c2: beta * phi1, c3: sigma * Math.sqrt(phi2) };
}

/** Work per chunk, in path-steps (~5–10 ms). */
export const LEARNING_CHUNK = 200_000;

/**
 * Online continuous-time q-learning on the LQR with the Gaussian policy parametrisation above (Jia & Zhou 2023,
 * Algorithm "q-learning" with quadratic value features). Chunked; run with `runToEnd`.
 */
export function* qLearningCT(opts: QLearningCTOptions): Chunked<QLearningCTResult> {
  const c = lqrLearningDefaults(opts);
  const { q: qc, r: rc, rho } = c.lqr;
  const { c1, c2, c3 } = c.transition;
  const scheme = opts.scheme ?? 'trapezoid';
  if (scheme !== 'trapezoid' && scheme !== 'euler') throw new Error(`scheme must be 'trapezoid' or 'euler'; got ${scheme}`);
  const wL = scheme === 'trapezoid' ? 0.5 * c.dt : c.dt; // weight of the left point
  const wR = scheme === 'trapezoid' ? 0.5 * c.dt : 0; // weight of the right point
  const { dt, paths: M, steps, stepsPerEpisode, xMax, record } = c;
  const gamma = opts.temperature ?? 0.1;
  requireInRange('temperature', gamma, 0, 10, { open: 'lo' });
  const lrJ = opts.lrJ ?? (opts.valueModel === 'mlp' ? 5 : 2);
  const lrQ = opts.lrQ ?? 20;
  const lrQ3 = opts.lrQ3 ?? lrQ / gamma;
  for (const [k, v] of [
    ['lrJ', lrJ],
    ['lrQ', lrQ],
    ['lrQ3', lrQ3],
  ] as const)
    requireInRange(k, v, 0, 1e4, { open: 'lo' });
  const valueModel = opts.valueModel ?? 'quadratic';
  if (valueModel !== 'quadratic' && valueModel !== 'mlp') throw new Error(`valueModel must be 'quadratic' or 'mlp'; got ${String(valueModel)}`);
  if (valueModel === 'mlp') return yield* qLearningCTMlp(opts, c, gamma, lrJ, lrQ, lrQ3, wL, wR);
  const rng = new Rng(c.seed);
  const st = rng.state;
  const uniform = () => rng.uniform();
  const theta = new Float64Array(3);
  const psi = Float64Array.from(opts.psi0 ?? [0, 0, 0]);
  const x = new Float64Array(M);
  for (let i = 0; i < M; i++) x[i] = xMax * (2 * uniform() - 1);
  const lnNorm = 0.5 * gamma * Math.log(2 * Math.PI * gamma);
  const curveTime = new Float64Array(record);
  const curveK = new Float64Array(record);
  const curvePsi3 = new Float64Array(record);
  let nextRec = 0;
  const chunk = Math.max(1, Math.floor(LEARNING_CHUNK / M));
  const g = new Float64Array(6);
  let kSum = 0;
  let kCount = 0;
  for (let k = 0; k < steps; k++) {
    const e3 = Math.exp(-psi[2]);
    const sdPol = Math.sqrt(gamma / e3);
    g.fill(0);
    for (let i = 0; i < M; i++) {
      const xi = x[i];
      const m = psi[0] * xi + psi[1];
      const a = m + sdPol * normalFromState(st);
      const x1 = c1 * xi + c2 * a + c3 * normalFromState(st);
      const d = a - m;
      const d1 = a - (psi[0] * x1 + psi[1]); // the held action seen from the end point
      const q0 = -0.5 * e3 * d * d - lnNorm - 0.5 * gamma * psi[2];
      const q1 = -0.5 * e3 * d1 * d1 - lnNorm - 0.5 * gamma * psi[2];
      const r0 = -0.5 * (qc * xi * xi + rc * a * a);
      const r1 = -0.5 * (qc * x1 * x1 + rc * a * a);
      const J0 = theta[0] * xi * xi + theta[1] * xi + theta[2];
      const J1 = theta[0] * x1 * x1 + theta[1] * x1 + theta[2];
      const delta = J1 - J0 + (r0 - q0 - rho * J0) * wL + (r1 - q1 - rho * J1) * wR;
      g[0] += xi * xi * delta;
      g[1] += xi * delta;
      g[2] += delta;
      g[3] += e3 * d * xi * delta;
      g[4] += e3 * d * delta;
      g[5] += (0.5 * e3 * d * d - 0.5 * gamma) * delta;
      x[i] = x1;
    }
    const inv = 1 / M;
    theta[0] += lrJ * g[0] * inv;
    theta[1] += lrJ * g[1] * inv;
    theta[2] += lrJ * g[2] * inv;
    psi[0] += lrQ * g[3] * inv;
    psi[1] += lrQ * g[4] * inv;
    psi[2] += lrQ3 * g[5] * inv;
    if (2 * k >= steps) {
      kSum -= psi[0];
      kCount++;
    }
    if ((k + 1) % stepsPerEpisode === 0) for (let i = 0; i < M; i++) x[i] = xMax * (2 * uniform() - 1);
    while (nextRec < record && k + 1 >= Math.round(((nextRec + 1) * steps) / record)) {
      curveTime[nextRec] = (k + 1) * dt;
      curveK[nextRec] = -psi[0];
      curvePsi3[nextRec] = psi[2];
      nextRec++;
    }
    if ((k + 1) % chunk === 0 && k + 1 < steps) yield (k + 1) / steps;
  }
  const value = (xv: number) => theta[0] * xv * xv + theta[1] * xv + theta[2];
  return { theta, psi, value, K: -psi[0], KAveraged: kSum / kCount, curveTime, curveK, curvePsi3, dt };
}

/**
 * q-learning with an MLP value J: the same simulation, q-function and psi updates as the quadratic learner, but J and
 * its parameter gradient come from a network. Per step, all paths move first; then two batched forward passes give
 * J(x_k) and J(x_{k+1}), and one backward pass with dOut_i = -delta_i / M gives minus the averaged semi-gradient,
 * so that theta -= lr_J * grads is theta += lr_J mean_i(grad J(x_i) delta_i).
 */
function* qLearningCTMlp(
  opts: QLearningCTOptions,
  c: ReturnType<typeof lqrLearningDefaults>,
  gamma: number,
  lrJ: number,
  lrQ: number,
  lrQ3: number,
  wL: number,
  wR: number,
): Chunked<QLearningCTResult> {
  const { q: qc, r: rc, rho } = c.lqr;
  const { c1, c2, c3 } = c.transition;
  const { dt, paths: M, steps, stepsPerEpisode, xMax, record } = c;
  const hidden = opts.mlpHidden ?? [16, 16];
  const net = new Mlp([1, ...hidden, 1], 'tanh', c.seed);
  const rng = new Rng(c.seed);
  const st = rng.state;
  const psi = Float64Array.from(opts.psi0 ?? [0, 0, 0]);
  const x = new Float64Array(M);
  const x1 = new Float64Array(M);
  const act = new Float64Array(M);
  const u = new Float64Array(M);
  const J1 = new Float64Array(M);
  const dOut = new Float64Array(M);
  for (let i = 0; i < M; i++) x[i] = xMax * (2 * rng.uniform() - 1);
  const lnNorm = 0.5 * gamma * Math.log(2 * Math.PI * gamma);
  const curveTime = new Float64Array(record);
  const curveK = new Float64Array(record);
  const curvePsi3 = new Float64Array(record);
  let nextRec = 0;
  const chunk = Math.max(1, Math.floor(LEARNING_CHUNK / (M * (hidden.reduce((s, h) => s + h, 0) / 4 + 1))));
  let kSum = 0;
  let kCount = 0;
  const inv = 1 / M;
  for (let k = 0; k < steps; k++) {
    const e3 = Math.exp(-psi[2]);
    const sdPol = Math.sqrt(gamma / e3);
    for (let i = 0; i < M; i++) {
      act[i] = psi[0] * x[i] + psi[1] + sdPol * normalFromState(st);
      x1[i] = c1 * x[i] + c2 * act[i] + c3 * normalFromState(st);
      u[i] = x1[i] / xMax;
    }
    J1.set(net.forward(u, M));
    for (let i = 0; i < M; i++) u[i] = x[i] / xMax;
    const J0 = net.forward(u, M); // the cache now holds x_k, whose gradient the update needs
    let g3 = 0;
    let g4 = 0;
    let g5 = 0;
    for (let i = 0; i < M; i++) {
      const xi = x[i];
      const a = act[i];
      const d = a - (psi[0] * xi + psi[1]);
      const d1 = a - (psi[0] * x1[i] + psi[1]);
      const q0 = -0.5 * e3 * d * d - lnNorm - 0.5 * gamma * psi[2];
      const q1 = -0.5 * e3 * d1 * d1 - lnNorm - 0.5 * gamma * psi[2];
      const r0 = -0.5 * (qc * xi * xi + rc * a * a);
      const r1 = -0.5 * (qc * x1[i] * x1[i] + rc * a * a);
      const delta = J1[i] - J0[i] + (r0 - q0 - rho * J0[i]) * wL + (r1 - q1 - rho * J1[i]) * wR;
      dOut[i] = -delta * inv;
      g3 += e3 * d * xi * delta;
      g4 += e3 * d * delta;
      g5 += (0.5 * e3 * d * d - 0.5 * gamma) * delta;
    }
    net.zeroGrad();
    net.backward(dOut);
    const p = net.params;
    const gr = net.grads;
    for (let j = 0; j < p.length; j++) p[j] -= lrJ * gr[j];
    psi[0] += lrQ * g3 * inv;
    psi[1] += lrQ * g4 * inv;
    psi[2] += lrQ3 * g5 * inv;
    x.set(x1);
    if (2 * k >= steps) {
      kSum -= psi[0];
      kCount++;
    }
    if ((k + 1) % stepsPerEpisode === 0) for (let i = 0; i < M; i++) x[i] = xMax * (2 * rng.uniform() - 1);
    while (nextRec < record && k + 1 >= Math.round(((nextRec + 1) * steps) / record)) {
      curveTime[nextRec] = (k + 1) * dt;
      curveK[nextRec] = -psi[0];
      curvePsi3[nextRec] = psi[2];
      nextRec++;
    }
    if ((k + 1) % chunk === 0 && k + 1 < steps) yield (k + 1) / steps;
  }
  const one = new Float64Array(1);
  const value = (xv: number) => {
    one[0] = xv / xMax;
    return net.forward(one, 1)[0];
  };
  return { theta: Float64Array.from(net.params), psi, value, K: -psi[0], KAveraged: kSum / kCount, curveTime, curveK, curvePsi3, dt };
}
