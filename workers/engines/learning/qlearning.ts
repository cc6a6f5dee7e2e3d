/**
 * Discrete-time Q-learning with time step dt on the scalar LQR (the source post's method), to show why it fails as
 * dt -> 0. Q(x, a) = theta . phi(x, a) with quadratic features phi = (x^2, x a, a^2, x, a, 1), semi-gradient updates
 * toward the post's target
 *   y = r(x, a) dt + e^{-rho dt} max_{a'} Q(x', a'),     theta += lr phi(x, a) (y - Q(x, a)) / (1 + |phi|^2),
 * averaged over parallel paths, the same environment, data budget and exploration as the q-learner (qlearningCT.ts).
 *
 * The target's fixed point is Q_dt(x, a) = V(x) + q(x, a) dt + o(dt) with q(x, a) = -(r/2)(a - a*(x))^2 for the
 * LQR: the action gap Q(x, a) - V(x) = theta_aa (a - a_greedy)^2 shrinks like dt (theta_aa -> -(r/2) dt), while the
 * TD noise per step is O(sqrt dt). With a fixed step size the a-dependence of the learned Q drowns in noise as
 * dt -> 0 and the greedy gain K = theta_xa / (2 theta_aa) wanders off.
 */
import type { Chunked } from '../chunked';
import { Rng } from '../random';
import { normalFromState } from '../normal';
import { LEARNING_CHUNK, lqrLearningDefaults, type LqrLearningOptions } from './qlearningCT';
import { requireInRange } from '../validate';

/** Options of `qLearningDiscrete`. */
export interface QLearningDiscreteOptions extends LqrLearningOptions {
  /** Step size of the normalised update (default 0.3). */
  lr?: number;
  /** Behaviour policy: greedy action plus N(0, explore^2) (default 1, the q-learner's optimal spread sqrt(gamma/r)). */
  explore?: number;
  /** Action bound for the max and the greedy action (default 20). */
  aMax?: number;
}

/** Result of `qLearningDiscrete`. */
export interface QLearningDiscreteResult {
  /** theta for phi = (x^2, x a, a^2, x, a, 1). */
  theta: Float64Array;
  /** Greedy gain K = theta_xa / (2 theta_aa) (a_greedy = -K x - theta_a/(2 theta_aa)); NaN if Q is not concave in a. */
  K: number;
  /** K from theta averaged over the second half of the run (NaN if that average is not concave in a). */
  KAveraged: number;
  /** Learned action-gap coefficient theta_aa: Q(x, a) - max Q(x, .) = theta_aa (a - a_greedy)^2. */
  gap: number;
  /** Its leading order in dt, -(r/2) dt (r the action weight); the exact theta_aa(dt) has an O(dt^2) correction. */
  gapLeadingOrder: number;
  /** Learning curve: simulated time, K and theta_aa at `record` points. */
  curveTime: Float64Array;
  curveK: Float64Array;
  curveGap: Float64Array;
  dt: number;
}

/** max over |a| <= aMax of the concave-or-not quadratic c2 a^2 + c1 a + c0; returns the maximiser. */
function argmaxQuadratic(c2: number, c1: number, aMax: number): number {
  if (c2 < 0) {
    const a = -c1 / (2 * c2);
    return a > aMax ? aMax : a < -aMax ? -aMax : a;
  }
  // Convex or linear in a: the maximum is at an end of the interval.
  return c2 * aMax * aMax + c1 * aMax >= c2 * aMax * aMax - c1 * aMax ? aMax : -aMax;
}

/**
 * Online semi-gradient Q-learning with the post's target on the LQR, chunked. Reports the greedy gain and the action
 * gap; compare with `qLearningCT` at the same dt.
 */
export function* qLearningDiscrete(opts: QLearningDiscreteOptions): Chunked<QLearningDiscreteResult> {
  const c = lqrLearningDefaults(opts);
  const { q: qc, r: rc, rho } = c.lqr;
  const { c1, c2, c3 } = c.transition;
  const { dt, paths: M, steps, stepsPerEpisode, xMax, record } = c;
  const lr = opts.lr ?? 0.3;
  const explore = opts.explore ?? 1;
  const aMax = opts.aMax ?? 20;
  requireInRange('lr', lr, 0, 10, { open: 'lo' });
  requireInRange('explore', explore, 0, 100);
  requireInRange('aMax', aMax, 0, 1e4, { open: 'lo' });
  const rng = new Rng(c.seed);
  const st = rng.state;
  const disc = Math.exp(-rho * dt);
  const th = new Float64Array(6);
  const thSum = new Float64Array(6);
  let thCount = 0;
  const x = new Float64Array(M);
  for (let i = 0; i < M; i++) x[i] = xMax * (2 * rng.uniform() - 1);
  const g = new Float64Array(6);
  const curveTime = new Float64Array(record);
  const curveK = new Float64Array(record);
  const curveGap = new Float64Array(record);
  let nextRec = 0;
  const chunk = Math.max(1, Math.floor(LEARNING_CHUNK / M));
  const gain = (t: Float64Array) => (t[2] < 0 ? t[1] / (2 * t[2]) : NaN);
  for (let k = 0; k < steps; k++) {
    g.fill(0);
    for (let i = 0; i < M; i++) {
      const xi = x[i];
      // Q(x, a) as a quadratic in a: th2 a^2 + (th1 x + th4) a + (th0 x^2 + th3 x + th5).
      const a = argmaxQuadratic(th[2], th[1] * xi + th[4], aMax) + explore * normalFromState(st);
      const x1 = c1 * xi + c2 * a + c3 * normalFromState(st);
      const a1 = argmaxQuadratic(th[2], th[1] * x1 + th[4], aMax);
      const qNext = th[0] * x1 * x1 + th[1] * x1 * a1 + th[2] * a1 * a1 + th[3] * x1 + th[4] * a1 + th[5];
      const qNow = th[0] * xi * xi + th[1] * xi * a + th[2] * a * a + th[3] * xi + th[4] * a + th[5];
      const y = -0.5 * (qc * xi * xi + rc * a * a) * dt + disc * qNext;
      // Normalised step (NLMS): divide by 1 + |phi|^2 so that large features (a^2 ~ 100) cannot make it unstable.
      const p0 = xi * xi;
      const p1 = xi * a;
      const p2 = a * a;
      const w = (y - qNow) / (1 + p0 * p0 + p1 * p1 + p2 * p2 + p0 + p2 + 1);
      g[0] += p0 * w;
      g[1] += p1 * w;
      g[2] += p2 * w;
      g[3] += xi * w;
      g[4] += a * w;
      g[5] += w;
      x[i] = x1;
    }
    for (let j = 0; j < 6; j++) th[j] += (lr * g[j]) / M;
    if (2 * k >= steps) {
      for (let j = 0; j < 6; j++) thSum[j] += th[j];
      thCount++;
    }
    if ((k + 1) % stepsPerEpisode === 0) for (let i = 0; i < M; i++) x[i] = xMax * (2 * rng.uniform() - 1);
    while (nextRec < record && k + 1 >= Math.round(((nextRec + 1) * steps) / record)) {
      curveTime[nextRec] = (k + 1) * dt;
      curveK[nextRec] = gain(th);
      curveGap[nextRec] = th[2];
      nextRec++;
    }
    if ((k + 1) % chunk === 0 && k + 1 < steps) yield (k + 1) / steps;
  }
  for (let j = 0; j < 6; j++) thSum[j] /= thCount;
  return {
    theta: th,
    K: gain(th),
    KAveraged: gain(thSum),
    gap: th[2],
    gapLeadingOrder: -0.5 * rc * dt,
    curveTime,
    curveK,
    curveGap,
    dt,
  };
}
