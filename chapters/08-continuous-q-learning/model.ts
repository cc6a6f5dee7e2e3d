/**
 * Closed forms for chapter 8 (continuous-time q-learning): the exact Q-function of the sampled LQR that discrete
 * Q-learning targets, the q-function of the entropy-regularised optimum, and formatting helpers. All of it costs well
 * under a millisecond, so figures and exercises call it on the main thread.
 */
import { lqrDiscounted, type ScalarLqrParams } from '../../workers/engines/lqr.ts';
import { formatPercent } from '../../app/plots/format.ts';
import { lqrTransition, POST_LQR, Q_LEARNING_DT_MAX } from '../../workers/engines/learning/qlearningCT.ts';

export { POST_LQR };

/** The source post's LQR solved: P, K* = beta P / r, c = sigma^2 P / (2 rho). */
export const optimum = lqrDiscounted(POST_LQR);

/** The entropy temperature of the q-learner (the engine's default). */
export const GAMMA = 0.1;

/** The largest time step the learning figure offers: beyond it the learners' explicit updates are unstable. */
export const DT_MAX = Q_LEARNING_DT_MAX;

/** The time steps of the collapse figure (the engine's default list). */
export const DTS = [0.1, 0.05, 0.01, 0.005];

/**
 * The optimal Q-function of the sampled problem that discrete Q-learning with the post's target solves: the state
 * observed every dt, the action held over the step, the environment moved by its exact transition
 * X' = c1 x + c2 a + c3 Z, the reward r(x, a) dt counted at the left point and the discount e^{-rho dt}. Its value is
 * V_dt(x) = -P_dt x^2 / 2 - c_dt, and
 *   Q_dt(x, a) = -(q x^2 + r a^2) dt / 2 + e^{-rho dt} E V_dt(X')
 *             = theta_xx x^2 + theta_xa x a + theta_aa a^2 + const,
 * theta_xx = -(q dt + g P c1^2)/2, theta_xa = -g P c1 c2, theta_aa = -(r dt + g P c2^2)/2 with g = e^{-rho dt}.
 * P_dt is the positive root of the discounted Riccati equation of the sampled system (as lqrDiscrete, with the
 * exact c1, c2 in place of Euler's 1 + alpha dt, beta dt). Greedy gain K_dt = theta_xa / (2 theta_aa).
 * The constant: c_dt = g P_dt c3^2 / (2 (1 - g)), and Q_dt's constant term is -g (c_dt + P_dt c3^2 / 2) = -c_dt.
 */
export function sampledQ(dt: number, p: ScalarLqrParams = POST_LQR) {
  const { c1: A, c2: B, c3 } = lqrTransition(p, dt, 'exact');
  const { q, r, rho } = p;
  const g = Math.exp(-rho * dt);
  // Fixed point of P = q dt + g A^2 P - (g A B P)^2 / (r dt + g B^2 P):
  // g B^2 P^2 + [r dt (1 - g A^2) - q dt g B^2] P - q r dt^2 = 0, positive root.
  const a2 = g * B * B;
  const a1 = r * dt * (1 - g * A * A) - q * dt * g * B * B;
  const a0 = -q * r * dt * dt;
  const disc = Math.sqrt(a1 * a1 - 4 * a2 * a0);
  const P = a1 < 0 ? (disc - a1) / (2 * a2) : (-2 * a0) / (a1 + disc);
  const thetaXX = -(q * dt + g * P * A * A) / 2;
  const thetaXA = -g * P * A * B;
  const thetaAA = -(r * dt + g * P * B * B) / 2;
  const c = (g * P * c3 * c3) / (2 * (1 - g));
  /** The exact Q_dt(x, a) of the sampled problem. */
  const Q = (x: number, a: number) => thetaXX * x * x + thetaXA * x * a + thetaAA * a * a - g * (c + (P * c3 * c3) / 2);
  return { P, c, thetaXX, thetaXA, thetaAA, K: thetaXA / (2 * thetaAA), gapLeading: -(r * dt) / 2, Q };
}

/**
 * The q-function of the entropy-regularised optimum of the LQR at temperature gamma:
 *   q_star(x, a) = -(r/2) (a + K* x)^2 - (gamma/2) ln(2 pi gamma / r),
 * so that exp(q_star / gamma) is the density of N(-K* x, gamma / r) (it integrates to one in a).
 */
export function qStar(x: number, a: number, gamma = GAMMA, p: ScalarLqrParams = POST_LQR): number {
  const K = lqrDiscounted(p).K;
  return -(p.r / 2) * (a + K * x) ** 2 - (gamma / 2) * Math.log((2 * Math.PI * gamma) / p.r);
}

/**
 * The value of the entropy-regularised optimum: J*(x) = -P x^2 / 2 - c_gamma with
 * c_gamma = sigma^2 P / (2 rho) - (gamma / (2 rho)) ln(2 pi gamma / r) (the noise costs, the entropy pays).
 */
export function entropyValueConstant(gamma = GAMMA, p: ScalarLqrParams = POST_LQR): number {
  const { P } = lqrDiscounted(p);
  return (p.sigma ** 2 * P) / (2 * p.rho) - (gamma / (2 * p.rho)) * Math.log((2 * Math.PI * gamma) / p.r);
}

export { formatFixed as fmt } from '../../app/plots/format.ts';

/** A signed percentage with one decimal, e.g. +12.9%. */
export const pct = (v: number, digits = 1) => formatPercent(v, digits, true);
