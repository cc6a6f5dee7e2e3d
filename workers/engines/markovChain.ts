/**
 * The Kushner–Dupuis Markov-chain approximation of the scalar LQR's HJB equation
 *   rho V = max_a { -1/2 (q x^2 + r a^2) + b(x, a) V' + 1/2 sigma^2 V'' },   b(x, a) = alpha x + beta a,
 * on the grid x_i = xMin + i h. For action a at x_i the chain moves to x_{i+1} or x_{i-1} with the upwind
 * probabilities
 *   p+ = (sigma^2/2 + h b^+) / Q,   p- = (sigma^2/2 + h b^-) / Q,   Q = sigma^2 + h |b|,
 * over the interpolation interval dt_h = h^2 / Q (so the chain's local mean and variance match b dt_h and
 * sigma^2 dt_h up to O(h)). With Kushner & Dupuis' discount factor 1/(1 + rho dt_h) (first-order equal to
 * e^{-rho dt_h}) the dynamic programming equation
 *   V_i = max_a { (r(x_i, a) dt_h + p+ V_{i+1} + p- V_{i-1}) / (1 + rho dt_h) }
 * is, multiplied out, the upwind finite-difference scheme
 *   rho V_i = max_a { r + b^+ (V_{i+1} - V_i)/h - b^- (V_i - V_{i-1})/h + sigma^2/2 (V_{i+1} - 2 V_i + V_{i-1})/h^2 }.
 * The ends reflect: a move out of the grid stays at the end point (V_{-1} := V_0, V_{N+1} := V_N).
 * Solved by policy iteration: exact evaluation of the current policy (a tridiagonal M-matrix solve), then
 * improvement by maximising over a in closed form (the bracket is a concave quadratic on each side of b = 0).
 * V_h converges to the closed form at first order in h away from the reflecting ends.
 */
import { runToEnd, type Chunked } from './chunked';
import { lqrDiscounted, type ScalarLqrParams } from './lqr';
import { requireInteger, requirePositive } from './validate';

/** Parameters: the scalar LQR plus the grid. */
export interface MarkovChainHjbParams extends ScalarLqrParams {
  /** Grid spacing h > 0. */
  h: number;
  xMin: number;
  xMax: number;
  /** Maximum policy-iteration steps (default 100). */
  maxIterations?: number;
}

/** Grid, value, policy, and how policy iteration went. */
export interface MarkovChainHjbResult {
  x: Float64Array;
  V: Float64Array;
  action: Float64Array;
  /** Policy-iteration steps taken until the policy stopped changing (max |Delta a| < 1e-10 (1 + max |a|)). */
  iterations: number;
  /** Largest interpolation interval dt_h = h^2 / (sigma^2 + h |b|) on the grid under the final policy. */
  maxDt: number;
}

/**
 * Solves the Markov-chain approximation (see the module comment) by policy iteration from a = 0, synchronously
 * (fine up to ~100,000 grid points; use `markovChainHjbJob` in a worker for finer grids). Throws if h <= 0, the
 * grid has fewer than 3 or more than 1,000,000 points, or the LQR parameters are invalid.
 */
export function markovChainHjb(p: MarkovChainHjbParams): MarkovChainHjbResult {
  return runToEnd(markovChainHjbJob(p));
}

/** `markovChainHjb` as a chunked job: yields after every policy-iteration step (progress = step / maxIterations). */
function* markovChainHjbJob(p: MarkovChainHjbParams): Chunked<MarkovChainHjbResult> {
  const { alpha, beta, q, r, sigma, rho, h, xMin, xMax } = p;
  lqrDiscounted(p); // validates alpha, beta, q, r, sigma, rho (and stabilisability)
  requirePositive('h', h);
  if (!(Number.isFinite(xMin) && Number.isFinite(xMax) && xMax > xMin)) {
    throw new Error(`need finite xMin < xMax; got [${xMin}, ${xMax}]`);
  }
  const N = Math.round((xMax - xMin) / h) + 1;
  if (Math.abs((N - 1) * h - (xMax - xMin)) > 1e-9 * (xMax - xMin)) {
    throw new Error(`(xMax - xMin) / h must be a whole number; got ${(xMax - xMin) / h}`);
  }
  if (N < 3 || N > 1_000_000) throw new Error(`the grid must have between 3 and 1,000,000 points; got ${N}`);
  const maxIt = p.maxIterations ?? 100;
  requireInteger('maxIterations', maxIt, 1);

  const x = new Float64Array(N);
  for (let i = 0; i < N; i++) x[i] = xMin + i * h;
  const a = new Float64Array(N); // start from a = 0
  const V = new Float64Array(N);
  const lo = new Float64Array(N); // sub-diagonal
  const di = new Float64Array(N); // diagonal
  const up = new Float64Array(N); // super-diagonal
  const rhs = new Float64Array(N);
  const s2 = (0.5 * sigma * sigma) / (h * h);
  let iterations = 0;
  for (let it = 0; it < maxIt; it++) {
    iterations = it + 1;
    // Evaluation: (rho + wUp + wDn) V_i - wUp V_{i+1} - wDn V_{i-1} = r_i with wUp = b+/h + s2, wDn = b-/h + s2;
    // reflecting ends drop the outward weight (its V_{i+-1} is V_i itself).
    for (let i = 0; i < N; i++) {
      const b = alpha * x[i] + beta * a[i];
      const wUp = (b > 0 ? b / h : 0) + s2;
      const wDn = (b < 0 ? -b / h : 0) + s2;
      const hasUp = i < N - 1;
      const hasDn = i > 0;
      di[i] = rho + (hasUp ? wUp : 0) + (hasDn ? wDn : 0);
      up[i] = hasUp ? -wUp : 0;
      lo[i] = hasDn ? -wDn : 0;
      rhs[i] = -0.5 * (q * x[i] * x[i] + r * a[i] * a[i]);
    }
    thomas(lo, di, up, rhs, V);
    // Improvement: maximise G(a) = -1/2 r a^2 + b(a) D(b), D = D+ if b >= 0 else D-.
    let change = 0;
    for (let i = 0; i < N; i++) {
      const Dp = i < N - 1 ? (V[i + 1] - V[i]) / h : 0;
      const Dm = i > 0 ? (V[i] - V[i - 1]) / h : 0;
      const best = bestAction(alpha * x[i], beta, r, Dp, Dm);
      change = Math.max(change, Math.abs(best - a[i]));
      a[i] = best;
    }
    if (change < 1e-10 * (1 + maxAbsAction(a))) break;
    yield iterations / maxIt;
  }
  let maxDt = 0;
  for (let i = 0; i < N; i++) {
    const b = alpha * x[i] + beta * a[i];
    maxDt = Math.max(maxDt, (h * h) / (sigma * sigma + h * Math.abs(b)));
  }
  return { x, V, action: a, iterations, maxDt };
}

/** argmax_a -1/2 r a^2 + b D(b), b = ax + beta a, D = Dp for b >= 0 and Dm for b < 0 (concave on each side). */
function bestAction(ax: number, beta: number, r: number, Dp: number, Dm: number): number {
  const G = (act: number) => {
    const b = ax + beta * act;
    return -0.5 * r * act * act + b * (b >= 0 ? Dp : Dm);
  };
  if (beta === 0) return 0;
  const cands: number[] = [-ax / beta]; // the kink b = 0
  const aPlus = (beta * Dp) / r;
  if (ax + beta * aPlus >= 0) cands.push(aPlus);
  const aMinus = (beta * Dm) / r;
  if (ax + beta * aMinus <= 0) cands.push(aMinus);
  let best = cands[0];
  let gBest = G(best);
  for (let k = 1; k < cands.length; k++) {
    const g = G(cands[k]);
    if (g > gBest) {
      gBest = g;
      best = cands[k];
    }
  }
  return best;
}

/** Thomas algorithm for a tridiagonal system (stable here: the matrix is a strictly diagonally dominant M-matrix). */
function thomas(lo: Float64Array, di: Float64Array, up: Float64Array, rhs: Float64Array, out: Float64Array): void {
  const n = di.length;
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  c[0] = up[0] / di[0];
  d[0] = rhs[0] / di[0];
  for (let i = 1; i < n; i++) {
    const m = di[i] - lo[i] * c[i - 1];
    c[i] = up[i] / m;
    d[i] = (rhs[i] - lo[i] * d[i - 1]) / m;
  }
  out[n - 1] = d[n - 1];
  for (let i = n - 2; i >= 0; i--) out[i] = d[i] - c[i] * out[i + 1];
}

function maxAbsAction(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** Sup over grid points with |x| <= window of |V_h(x) - V(x)|, V(x) = -1/2 P x^2 - c. */
export function supError(x: ArrayLike<number>, V: ArrayLike<number>, P: number, c: number, window: number): number {
  let e = 0;
  for (let i = 0; i < x.length; i++) {
    if (Math.abs(x[i]) > window + 1e-9) continue;
    e = Math.max(e, Math.abs(V[i] - (-0.5 * P * x[i] * x[i] - c)));
  }
  return e;
}
