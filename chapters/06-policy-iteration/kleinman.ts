/** Closed-form data for the Kleinman figure (main thread: a few 1x1 and 2x2 Lyapunov solves, well under 1 ms). */
import { kleinmanIteration, lqrCare, type MatrixLqrParams } from '../../workers/engines/lqr.ts';
import { post } from '../05-feynman-kac/model.ts';

/** The scalar LQR of the source post in matrix form. */
export const scalarLqr: MatrixLqrParams = { A: [[post.alpha]], B: [[post.beta]], Q: [[post.q]], R: post.r, D: [[post.sigma]], rho: post.rho };

/** The source post's 2-D preset: the double integrator, Q = I, R = 0.1, D = diag(0, 0.2), rho = 0.1. */
export const doubleIntegrator: MatrixLqrParams = { A: [[0, 1], [0, 0]], B: [[0], [1]], Q: [[1, 0], [0, 1]], R: 0.1, D: [[0, 0], [0, 0.2]], rho: 0.1 };

/** Errors below this are shown at this floor (machine precision). */
export const FLOOR = 1e-16;

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

/** Kleinman's iteration from K0 (scalar K0, or the row (k, k) for the double integrator). */
export function kleinmanRun(model: 'scalar' | 'double', k0: number, iterations: number): KleinmanRun {
  const p = model === 'scalar' ? scalarLqr : doubleIntegrator;
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

/** The scalar Riccati function F(P) = q + (2 alpha - rho) P - (beta^2 / r) P^2, whose root is P*. */
export function riccatiF(P: number): number {
  return post.q + (2 * post.alpha - post.rho) * P - ((post.beta * post.beta) / post.r) * P * P;
}

/** F'(P). */
export function riccatiDF(P: number): number {
  return 2 * post.alpha - post.rho - ((2 * post.beta * post.beta) / post.r) * P;
}
