/**
 * Chapter 2: value iteration converging to a kinked value function. The exit-time problem x' = a, |a| <= 1, on the
 * interval (-1, 1), with a reward of -1 per unit time until the state leaves and a discount rate rho >= 0, has the
 * value
 *   V(x) = -(1 - e^{-rho (1 - |x|)}) / rho   (rho > 0),     V(x) = -(1 - |x|)   (rho = 0),
 * with a corner at x = 0. Its Bellman equation with step h on the grid x_i = -1 + i h, h = 2 / N (the actions
 * -1, 0, +1 move the state by exactly one grid point or none), is
 *   V_i = max_{a in {-1, 0, 1}} { -h + e^{-rho h} V_{i+a} },   V_0 = V_N = 0 (the state has left).
 * Its solution is V_h(x_i) = -h (1 - g^{d_i}) / (1 - g) with g = e^{-rho h} and d_i = min(i, N - i) the number of
 * steps to the nearer end (-h d_i when rho = 0, which is V at the grid points). Value iteration from V = 0 reaches
 * it after N / 2 sweeps: after k sweeps, V_k(x_i) = -h (1 - g^{min(k, d_i)}) / (1 - g).
 */
import { requireInteger, requireNonNegative } from './validate';

/** The closed-form value V(x) of the exit-time problem (|x| <= 1). */
export function exitTimeValue(x: number, rho: number): number {
  const d = 1 - Math.abs(x);
  return rho === 0 ? -d : -(1 - Math.exp(-rho * d)) / rho;
}

/** The closed-form solution of the step-h Bellman equation at a grid point d steps from the nearer end. */
export function exitTimeDiscreteValue(d: number, h: number, rho: number): number {
  if (rho === 0) return -h * d;
  const g = Math.exp(-rho * h);
  return (-h * (1 - g ** d)) / (1 - g);
}

/**
 * The sawtooth W(x) = ||x| - 1/2| - 1/2: slopes +-1 and zero at the ends, so for rho = 0 it solves |W'| = 1 wherever
 * it is differentiable, like V, but with corners of the wrong kind (peaks at 0, valleys at +-1/2).
 */
export function sawtooth(x: number): number {
  return Math.abs(Math.abs(x) - 0.5) - 0.5;
}

export interface ExitTimeViParams {
  /** Number of grid cells N (even, 2..2000); the step is h = 2 / N. */
  cells: number;
  /** Discount rate rho >= 0. */
  rho: number;
  /** Start of value iteration: 0 for V = 0, 1 for the sawtooth W. */
  start: number;
  /** The sweep whose iterate is returned (0..100000). */
  sweeps: number;
}

export interface ExitTimeViResult {
  /** Grid points x_i = -1 + i h, i = 0..N. */
  x: Float64Array;
  h: number;
  /** The start V_0 on the grid. */
  start: Float64Array;
  /** The iterate V_k after `sweeps` sweeps. */
  iterate: Float64Array;
  /** The fixed point V_h of the step-h Bellman equation (what value iteration converges to). */
  fixed: Float64Array;
  /** sup_i |V_k(x_i) - V(x_i)| against the closed form, for k = 0..K (K >= sweeps, and past convergence). */
  errors: Float64Array;
  /** sup_i |V_k(x_i) - V_h(x_i)|, k = 0..K. */
  errorsFixed: Float64Array;
  /** The first sweep after which V_k equals V_h to 1e-12 (-1 if not reached within the run). */
  sweepsToFixed: number;
  /** sup_i |V_h(x_i) - V(x_i)|: the error that remains after convergence. */
  fixedError: number;
}

/** Value iteration on the exit-time problem (see the module comment). Throws on an odd or out-of-range N, rho < 0. */
export function exitTimeVi(p: ExitTimeViParams): ExitTimeViResult {
  requireInteger('cells', p.cells, 2, 2000);
  if (p.cells % 2 !== 0) throw new Error(`cells must be even (so that x = 0 is a grid point); got ${p.cells}`);
  requireNonNegative('rho', p.rho);
  requireInteger('sweeps', p.sweeps, 0, 100_000);
  const N = p.cells;
  const h = 2 / N;
  const g = Math.exp(-p.rho * h);
  const x = new Float64Array(N + 1);
  const exact = new Float64Array(N + 1);
  const fixed = new Float64Array(N + 1);
  const start = new Float64Array(N + 1);
  for (let i = 0; i <= N; i++) {
    x[i] = -1 + i * h;
    exact[i] = exitTimeValue(x[i], p.rho);
    fixed[i] = exitTimeDiscreteValue(Math.min(i, N - i), h, p.rho);
    start[i] = p.start === 1 && i > 0 && i < N ? sawtooth(x[i]) : 0;
  }
  const supDiff = (a: Float64Array, b: Float64Array) => {
    let m = 0;
    for (let i = 0; i <= N; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
    return m;
  };
  // Run past the requested sweep until the iterates reach the fixed point (at most 50 N + 100 sweeps more).
  const cap = Math.max(p.sweeps, 50 * N + 100);
  const errors: number[] = [supDiff(start, exact)];
  const errorsFixed: number[] = [supDiff(start, fixed)];
  let V = start.slice();
  let next = new Float64Array(N + 1);
  let iterate = p.sweeps === 0 ? start.slice() : new Float64Array(0);
  let sweepsToFixed = errorsFixed[0] <= 1e-12 ? 0 : -1;
  for (let k = 1; k <= cap && (k <= p.sweeps || sweepsToFixed < 0); k++) {
    next[0] = 0;
    next[N] = 0;
    for (let i = 1; i < N; i++) next[i] = -h + g * Math.max(V[i - 1], V[i], V[i + 1]);
    [V, next] = [next, V];
    errors.push(supDiff(V, exact));
    errorsFixed.push(supDiff(V, fixed));
    if (sweepsToFixed < 0 && errorsFixed[k] <= 1e-12) sweepsToFixed = k;
    if (k === p.sweeps) iterate = V.slice();
  }
  return {
    x,
    h,
    start,
    iterate,
    fixed,
    errors: Float64Array.from(errors),
    errorsFixed: Float64Array.from(errorsFixed),
    sweepsToFixed,
    fixedError: supDiff(fixed, exact),
  };
}
