/**
 * The check case of continuous-time q-learning: the ergodic (long-run average) linear–quadratic problem of Jia &
 * Zhou's papers, where the control also drives the noise:
 *   dX = (A X + B a) dt + (C X + D a) dW,   reward r(x, a) = -(M/2 x^2 + R x a + N/2 a^2 + P x + Q a),
 * maximising the long-run average of r - gamma ln pi(a | X) (entropy regularisation at temperature gamma).
 * Their example: A = -1, B = C = 0, D = 1, M = N = Q = 2, R = P = 1, gamma = 0.1.
 *
 * Closed form (C = 0). With J(x) = 1/2 k2 x^2 + k1 x, the Hamiltonian is quadratic in a with curvature
 * -(N - D^2 k2), so the optimal exploratory policy is Gaussian:
 *   pi*(. | x) = N( ((B k2 - R) x + B k1 - Q) / (N - D^2 k2),  gamma / (N - D^2 k2) ),
 * where k2 is the root of  -M/2 + A k2 + (B k2 - R)^2 / (2 (N - D^2 k2)) = 0  with N - D^2 k2 > 0 (the Hamiltonian
 * is concave in a) whose feedback slope s = (B k2 - R) / (N - D^2 k2) is mean-square stable, 2 (A + B s) + D^2 s^2 < 0
 * (otherwise E[X^2] grows without bound and the average reward is -infinity; concavity alone does not pick the
 * root: on the example both roots have N - D^2 k2 > 0),
 * k1 solves  -P + A k1 + (B k2 - R)(B k1 - Q) / (N - D^2 k2) = 0, and the optimal average reward is
 *   Vbar* = (B k1 - Q)^2 / (2 (N - D^2 k2)) + (gamma / 2) ln(2 pi gamma / (N - D^2 k2)).
 * In the q-function parametrisation below, psi* = (slope, intercept, ln(variance / gamma)); on the example
 * psi* = (-0.3542, -0.7085, -1.0378) and k2 = (1 - sqrt 7)/2.
 *
 * The learner (Jia & Zhou 2023, ergodic q-learning): J_theta(x) = theta_1 x^2 + theta_2 x, the average reward Vbar,
 * and q_psi(x, a) = -(e^{-psi_3}/2)(a - psi_1 x - psi_2)^2 - (gamma/2)(ln(2 pi gamma) + psi_3) (exactly
 * gamma ln pi_psi), updated along 'paths' parallel trajectories with the martingale increment
 *   delta_k = J(x_{k+1}) - J(x_k) + int_{t_k}^{t_{k+1}} (r - q_psi - Vbar) ds   (trapezoid rule, action held),
 *   theta += lr_J grad_theta J(x_k) delta_k,  psi += lr_q grad_psi q(x_k, a_k) delta_k,  Vbar += lr_V delta_k,
 * averaged over paths. The environment moves by the exact transition with the action held over the step (C = 0:
 * X' = e^{A dt} x + B a (e^{A dt} - 1)/A + D a sqrt((e^{2 A dt} - 1)/(2 A)) Z).
 */
import type { Chunked } from '../chunked';
import { Rng } from '../random';
import { normalFromState } from '../normal';
import { requireFinite, requireInRange, requireInteger, requirePositive } from '../validate';

/** Parameters of the ergodic LQ problem (C must be 0 here). */
export interface ErgodicLqParams {
  A: number;
  B: number;
  C: number;
  D: number;
  M: number;
  R: number;
  N: number;
  P: number;
  Q: number;
  /** Temperature gamma > 0. */
  gamma: number;
}

/** Jia & Zhou's example: A = -1, B = C = 0, D = 1, M = N = Q = 2, R = P = 1, gamma = 0.1. */
export const JIA_ZHOU_ERGODIC: ErgodicLqParams = { A: -1, B: 0, C: 0, D: 1, M: 2, R: 1, N: 2, P: 1, Q: 2, gamma: 0.1 };

/** The exploratory optimum of the ergodic LQ problem (see the module comment). */
export interface ErgodicLqSolution {
  k2: number;
  k1: number;
  /** Optimal policy: mean slope * x + intercept, the given variance; psi = [slope, intercept, ln(variance/gamma)]. */
  slope: number;
  intercept: number;
  variance: number;
  psi: [number, number, number];
  /** Optimal long-run average of r - gamma ln pi. */
  averageReward: number;
}

function checkParams(p: ErgodicLqParams): void {
  for (const [k, v] of Object.entries(p)) requireFinite(k, v);
  if (p.C !== 0) throw new Error(`only C = 0 (noise independent of the state) is supported; got C = ${p.C}`);
  requirePositive('the temperature gamma', p.gamma);
  if (!(p.A < 0)) throw new Error(`A must be < 0 for the uncontrolled state to be ergodic; got ${p.A}`);
}

/** Closed-form exploratory optimum of the ergodic LQ problem with C = 0. */
export function ergodicLqSolution(p: ErgodicLqParams): ErgodicLqSolution {
  // The optimum is the root whose Hamiltonian is concave in a AND whose feedback keeps E[X^2] bounded; concavity
  // alone does not decide (on Jia & Zhou's example both roots are concave, and the other one has 2A + D^2 s^2 = +29.9).
  const ok = ergodicRiccatiRoots(p).filter((c) => c.concave && c.meanSquareRate < 0);
  if (ok.length !== 1) {
    throw new Error(`expected one root of the ergodic Riccati equation with a concave Hamiltonian and a mean-square stable closed loop; found ${ok.length}`);
  }
  const { A, B, D, R, N, P, Q, gamma } = p;
  const k2 = ok[0].k2;
  const w = N - D * D * k2;
  // -P + A k1 + (B k2 - R)(B k1 - Q)/w = 0  ->  k1 (A + B (B k2 - R)/w) = P + Q (B k2 - R)/w.
  const k1 = (P + (Q * (B * k2 - R)) / w) / (A + (B * (B * k2 - R)) / w);
  const slope = (B * k2 - R) / w;
  const intercept = (B * k1 - Q) / w;
  const variance = gamma / w;
  const averageReward = (B * k1 - Q) ** 2 / (2 * w) + 0.5 * gamma * Math.log((2 * Math.PI * gamma) / w);
  return { k2, k1, slope, intercept, variance, psi: [slope, intercept, Math.log(variance / gamma)], averageReward };
}

/** A root of the ergodic Riccati equation with the two properties that decide whether it is the optimum. */
export interface ErgodicRiccatiRoot {
  k2: number;
  /** w = N - D^2 k2 > 0: the Hamiltonian is concave in the action. */
  concave: boolean;
  /** 2 (A + B s) + D^2 s^2 with s = (B k2 - R) / w: the growth rate of E[X^2] under the feedback; < 0 is stable. */
  meanSquareRate: number;
}

/** The real roots of  -M/2 + A k + (B k - R)^2 / (2 (N - D^2 k)) = 0  (C = 0), with concavity and stability. */
export function ergodicRiccatiRoots(p: ErgodicLqParams): ErgodicRiccatiRoot[] {
  checkParams(p);
  const { A, B, D, M, R, N } = p;
  // Times 2 (N - D^2 k): (B^2 - 2 A D^2) k^2 + (2 A N - 2 B R + M D^2) k + R^2 - M N = 0.
  const a2 = B * B - 2 * A * D * D;
  const a1 = 2 * A * N - 2 * B * R + M * D * D;
  const a0 = R * R - M * N;
  const roots: number[] = [];
  if (Math.abs(a2) < 1e-14) roots.push(-a0 / a1);
  else {
    const disc = a1 * a1 - 4 * a2 * a0;
    if (disc < 0) throw new Error('the Riccati equation of this ergodic LQ problem has no real root');
    const s = Math.sqrt(disc);
    roots.push((-a1 - s) / (2 * a2), (-a1 + s) / (2 * a2));
  }
  return roots.map((k2) => {
    const w = N - D * D * k2;
    const slope = (B * k2 - R) / w;
    return { k2, concave: w > 0, meanSquareRate: 2 * (A + B * slope) + D * D * slope * slope };
  });
}

/** Options of `qLearningErgodic`. */
export interface QLearningErgodicOptions {
  params?: ErgodicLqParams;
  /** Time step, in [1e-3, 0.5]. */
  dt: number;
  /** Parallel paths, in [1, 10000] (default 1000). */
  paths?: number;
  /** Simulated time per path, in (0, 1e4] (default 2000: from psi = 0 all three parameters are near psi* after about
   *  200 time units and then fluctuate around it; the rest of the run feeds the second-half average). */
  time?: number;
  seed: number;
  /** Step sizes (defaults 0.05 for theta and Vbar, 0.5 for psi_1 and psi_2, lrQ / gamma for psi_3). */
  lrJ?: number;
  lrV?: number;
  lrQ?: number;
  lrQ3?: number;
  /** Initial policy parameters (default [0, 0, 0]). */
  psi0?: [number, number, number];
  /** Points on the learning curve (default 100). */
  record?: number;
}

/** Result of `qLearningErgodic`. */
export interface QLearningErgodicResult {
  theta: Float64Array;
  psi: Float64Array;
  /** psi averaged over the second half of the run (Polyak averaging). */
  psiAveraged: Float64Array;
  averageReward: number;
  curveTime: Float64Array;
  /** psi_1, psi_2, psi_3 on the learning curve (record rows of 3). */
  curvePsi: Float64Array;
}

/** Online ergodic q-learning on parallel paths (see the module comment). Chunked; run with `runToEnd`. */
export function* qLearningErgodic(o: QLearningErgodicOptions): Chunked<QLearningErgodicResult> {
  const p = o.params ?? JIA_ZHOU_ERGODIC;
  checkParams(p);
  const { A, B, D, M: Mc, R: Rc, N: Nc, P: Pc, Q: Qc, gamma } = p;
  const dt = o.dt;
  requireInRange('dt', dt, 1e-3, 0.5);
  const paths = o.paths ?? 1000;
  requireInteger('paths', paths, 1, 10_000);
  const time = o.time ?? 2000;
  requireInRange('time', time, 0, 1e4, { open: 'lo' });
  const steps = Math.round(time / dt);
  if (steps * paths > 1e9) throw new Error(`time/dt * paths must be <= 1e9; got ${steps * paths}`);
  const record = o.record ?? 100;
  requireInteger('record', record, 1, 10_000);
  const lrJ = o.lrJ ?? 0.05;
  const lrV = o.lrV ?? 0.05;
  const lrQ = o.lrQ ?? 0.5;
  const lrQ3 = o.lrQ3 ?? lrQ / gamma;
  for (const [k, v] of [
    ['lrJ', lrJ],
    ['lrV', lrV],
    ['lrQ', lrQ],
    ['lrQ3', lrQ3],
  ] as const)
    requireInRange(k, v, 0, 1e3, { open: 'lo' });
  // Exact transition with the action held: X' = e1 x + bB a + sD a Z.
  const e1 = Math.exp(A * dt);
  const bB = (B * Math.expm1(A * dt)) / A;
  const sD = D * Math.sqrt(Math.expm1(2 * A * dt) / (2 * A));
  const rng = new Rng(o.seed);
  const st = rng.state;
  const theta = new Float64Array(2);
  const psi = Float64Array.from(o.psi0 ?? [0, 0, 0]);
  let vbar = 0;
  const x = new Float64Array(paths);
  const lnNorm = 0.5 * gamma * Math.log(2 * Math.PI * gamma);
  const reward = (xv: number, a: number) => -(0.5 * Mc * xv * xv + Rc * xv * a + 0.5 * Nc * a * a + Pc * xv + Qc * a);
  const curveTime = new Float64Array(record);
  const curvePsi = new Float64Array(3 * record);
  const psiSum = new Float64Array(3);
  let avgCount = 0;
  let nextRec = 0;
  const chunk = Math.max(1, Math.floor(200_000 / paths));
  const half = 0.5 * dt;
  const inv = 1 / paths;
  for (let k = 0; k < steps; k++) {
    const e3 = Math.exp(-psi[2]);
    const sdPol = Math.sqrt(gamma / e3);
    const qConst = -lnNorm - 0.5 * gamma * psi[2];
    let g0 = 0;
    let g1 = 0;
    let g3 = 0;
    let g4 = 0;
    let g5 = 0;
    let gv = 0;
    for (let i = 0; i < paths; i++) {
      const xi = x[i];
      const m = psi[0] * xi + psi[1];
      const a = m + sdPol * normalFromState(st);
      const x1 = e1 * xi + bB * a + sD * a * normalFromState(st);
      const d = a - m;
      const d1 = a - (psi[0] * x1 + psi[1]);
      const q0 = -0.5 * e3 * d * d + qConst;
      const q1 = -0.5 * e3 * d1 * d1 + qConst;
      const J0 = theta[0] * xi * xi + theta[1] * xi;
      const J1 = theta[0] * x1 * x1 + theta[1] * x1;
      const delta = J1 - J0 + (reward(xi, a) - q0 - vbar) * half + (reward(x1, a) - q1 - vbar) * half;
      g0 += xi * xi * delta;
      g1 += xi * delta;
      g3 += e3 * d * xi * delta;
      g4 += e3 * d * delta;
      g5 += (0.5 * e3 * d * d - 0.5 * gamma) * delta;
      gv += delta;
      x[i] = x1;
    }
    theta[0] += lrJ * g0 * inv;
    theta[1] += lrJ * g1 * inv;
    psi[0] += lrQ * g3 * inv;
    psi[1] += lrQ * g4 * inv;
    psi[2] += lrQ3 * g5 * inv;
    vbar += lrV * gv * inv;
    if (2 * k >= steps) {
      for (let j = 0; j < 3; j++) psiSum[j] += psi[j];
      avgCount++;
    }
    while (nextRec < record && k + 1 >= Math.round(((nextRec + 1) * steps) / record)) {
      curveTime[nextRec] = (k + 1) * dt;
      curvePsi.set(psi, 3 * nextRec);
      nextRec++;
    }
    if ((k + 1) % chunk === 0 && k + 1 < steps) yield (k + 1) / steps;
  }
  const psiAveraged = psiSum.map((s) => s / avgCount);
  return { theta, psi, psiAveraged, averageReward: vbar, curveTime, curvePsi };
}
