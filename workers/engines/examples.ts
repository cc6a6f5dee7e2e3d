/**
 * The source post's LQR examples, shared by chapters 4–6 and their worker tasks (chapters do not import each other,
 * and worker tasks do not import chapters): the scalar problem with its Euler step, the double integrator, and
 * Kleinman's iteration on both.
 */
import { kleinmanIteration, lqrCare, lqrDiscounted, lqrPolicyValue, type MatrixLqrParams, type ScalarLqrParams, type ScalarLqrSolution } from './lqr';

/** The post's scalar LQR: alpha -0.5, beta 1, q 1, r 0.1, sigma 0.3, rho 0.1. */
export const POST_LQR: Readonly<ScalarLqrParams> = Object.freeze({ alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 });

/** Its optimal solution: P, K*, c (a closed form). */
export const POST_OPTIMUM: Readonly<ScalarLqrSolution> = Object.freeze(lqrDiscounted(POST_LQR));

/** The post's Euler step. */
export const POST_DT = 0.05;

/** Smallest gain that stabilises the post's discounted closed loop: rho > 2 (alpha - beta K). */
export const POST_K_MIN_STABLE = (POST_LQR.alpha - POST_LQR.rho / 2) / POST_LQR.beta;

/** The post's scalar LQR in matrix form (for the matrix engines: lqrCare, kleinmanIteration). */
function scalarAsMatrix(p: ScalarLqrParams): MatrixLqrParams {
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

/** The post's double integrator: Q = I, R = 0.1, D = diag(0, 0.2), rho = 0.1. */
const POST_DOUBLE_INTEGRATOR: MatrixLqrParams = doubleIntegratorLqr(0.1, 0.2, 0.1);

/** Kleinman's iteration on one of the post's problems, as plain arrays. */
export interface KleinmanRun {
  /** K_n (first entry for the scalar problem; the gain row for the 2-D one). */
  gains: number[][];
  /** Max-abs error |K_n - K*| per iteration (n = 0 .. iterations - 1). */
  errors: number[];
  /** Value matrices P_n (scalar case: P_n[0][0]). */
  P: number[][][];
  /** The reason, when K0 does not stabilise. */
  error?: string;
}

/**
 * Kleinman's iteration from K0 on the post's scalar LQR (K0 scalar) or its double integrator (the row (k0, k0)),
 * with the error against K* from lqrCare. A few Lyapunov solves and one Riccati solve: a worker's job (~1–5 ms).
 */
export function kleinmanRun(model: 'scalar' | 'double', k0: number, iterations: number): KleinmanRun {
  const p = model === 'scalar' ? scalarAsMatrix(POST_LQR) : POST_DOUBLE_INTEGRATOR;
  const K0 = model === 'scalar' ? [[k0]] : [[k0, k0]];
  const star = lqrCare(p).K[0];
  try {
    const steps = kleinmanIteration(p, K0, iterations);
    return {
      gains: steps.map((s) => s.K[0]),
      errors: steps.map((s) => Math.max(...s.K[0].map((v, j) => Math.abs(v - star[j])))),
      P: steps.map((s) => s.P),
    };
  } catch (e) {
    return { gains: [], errors: [], P: [], error: (e as Error).message };
  }
}
