/** Closed forms beside the Kleinman figure: the scalar Riccati function whose Newton steps Kleinman's iteration takes. */
import { POST_LQR as post } from '../../workers/engines/examples.ts';

/** Errors below this are shown at this floor (machine precision). */
export const FLOOR = 1e-16;

/** The scalar Riccati function F(P) = q + (2 alpha - rho) P - (beta^2 / r) P^2, whose root is P*. */
export function riccatiF(P: number): number {
  return post.q + (2 * post.alpha - post.rho) * P - ((post.beta * post.beta) / post.r) * P * P;
}

/** F'(P). */
export function riccatiDF(P: number): number {
  return 2 * post.alpha - post.rho - ((2 * post.beta * post.beta) / post.r) * P;
}
