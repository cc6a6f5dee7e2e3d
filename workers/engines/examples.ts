/**
 * The source post's LQR examples, shared by chapters 4–6 and their worker tasks (chapters do not import each other,
 * and worker tasks do not import chapters): the scalar problem with its Euler step, and the double integrator.
 */
import { lqrCare, lqrDiscounted, lqrPolicyValue, type MatrixLqrParams, type ScalarLqrParams, type ScalarLqrSolution } from './lqr';

/** The post's scalar LQR: alpha -0.5, beta 1, q 1, r 0.1, sigma 0.3, rho 0.1. */
export const POST_LQR: Readonly<ScalarLqrParams> = Object.freeze({ alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 });

/** Its optimal solution: P, K*, c (a closed form). */
export const POST_OPTIMUM: Readonly<ScalarLqrSolution> = Object.freeze(lqrDiscounted(POST_LQR));

/** The post's Euler step. */
export const POST_DT = 0.05;

/** Smallest gain that stabilises the post's discounted closed loop: rho > 2 (alpha - beta K). */
export const POST_K_MIN_STABLE = (POST_LQR.alpha - POST_LQR.rho / 2) / POST_LQR.beta;

/** The post's scalar LQR in matrix form (for the matrix engines: lqrCare, kleinmanIteration). */
export function scalarAsMatrix(p: ScalarLqrParams): MatrixLqrParams {
  return { A: [[p.alpha]], B: [[p.beta]], Q: [[p.q]], R: p.r, D: [[p.sigma]], rho: p.rho };
}

/**
 * The double integrator of the source post: position and velocity, the action is the acceleration,
 * A = [[0, 1], [0, 0]], B = [[0], [1]], Q = I, control cost R, noise D = diag(0, noise) on the velocity.
 * The post's values are R = 0.1, noise 0.2, rho = 0.1.
 */
export function doubleIntegratorLqr(R: number, noise: number, rho: number): MatrixLqrParams {
  return {
    A: [
      [0, 1],
      [0, 0],
    ],
    B: [[0], [1]],
    Q: [
      [1, 0],
      [0, 1],
    ],
    R,
    D: [
      [0, 0],
      [0, noise],
    ],
    rho,
  };
}

/**
 * Robustness of a design: the gain that is optimal for control cost `designR` (the post's 0.1), used on the
 * system `sys` (whose R may differ). Its value V_K(x) = -1/2 x'P_K x - c_K comes from the Lyapunov equation
 * (lqrPolicyValue); returned at the point x (two components) with the optimal value there.
 */
export function designedGainValue(sys: MatrixLqrParams, x: readonly [number, number], designR = 0.1): { optimal: number; designed: number } {
  const opt = lqrCare(sys);
  const K = lqrCare({ ...sys, R: designR }).K;
  const pv = lqrPolicyValue(sys, K);
  const quad = (P: number[][]) => P[0][0] * x[0] * x[0] + 2 * P[0][1] * x[0] * x[1] + P[1][1] * x[1] * x[1];
  return { optimal: -0.5 * quad(opt.P) - opt.c, designed: -0.5 * quad(pv.P) - pv.c };
}
