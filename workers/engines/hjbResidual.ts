/**
 * The HJB residual of a quadratic candidate value function for the scalar LQR. For V(x) = -1/2 P x^2 - c,
 * V' = -P x and V'' = -P; the Hamiltonian r(x, a) + L^a V(x) = -1/2 (q x^2 + r a^2) + (alpha x + beta a) V'
 * + 1/2 sigma^2 V'' is a concave quadratic in a, maximised at a = beta V' / r = -(beta P / r) x, where
 *   max_a { r + L^a V } = -1/2 q x^2 + alpha x V' + beta^2 V'^2 / (2 r) + 1/2 sigma^2 V''.
 * The residual R(x) = rho V(x) - max_a { r + L^a V }(x) is therefore the quadratic
 *   R(x) = 1/2 (q + 2 alpha P - rho P - beta^2 P^2 / r) x^2 + (1/2 sigma^2 P - rho c),
 * zero for every x exactly when P solves the Riccati equation and c = sigma^2 P / (2 rho).
 */
import { lqrDiscounted, type ScalarLqrParams } from './lqr';
import { requireFinite } from './validate';

/** R(x) = rho V(x) - max_a { r(x, a) + L^a V(x) } for V(x) = -1/2 P x^2 - c, and the maximising action. */
export function scalarLqrHjbResidual(p: ScalarLqrParams, P: number, c: number, x: number): { residual: number; action: number } {
  lqrDiscounted(p); // validates the parameters
  requireFinite('P', P);
  requireFinite('c', c);
  requireFinite('x', x);
  const { alpha, beta, q, r, sigma, rho } = p;
  const V = -0.5 * P * x * x - c;
  const V1 = -P * x;
  const V2 = -P;
  const ham = -0.5 * q * x * x + alpha * x * V1 + (beta * beta * V1 * V1) / (2 * r) + 0.5 * sigma * sigma * V2;
  return { residual: rho * V - ham, action: (beta * V1) / r };
}
