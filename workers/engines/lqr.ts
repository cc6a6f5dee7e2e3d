/**
 * Closed forms for the linear–quadratic regulator, in the book's conventions (rewards maximised):
 * dX = (A X + B a) dt + D dW, reward r(x, a) = -1/2 (x'Qx + a'Ra), discount e^{-rho t}, value V(x) = -1/2 x'Px - c,
 * optimal action a* = -K x with K = R^{-1} B'P, and the discounted algebraic Riccati equation
 *   A'P + PA - rho P - P B R^{-1} B' P + Q = 0,   c = tr(D D' P) / (2 rho).
 * Scalar form: rho P = q + 2 alpha P - beta^2 P^2 / r, c = sigma^2 P / (2 rho), K = beta P / r.
 */
import { add, cholesky, eye, inv, isHurwitz, lyapunov, matmul, maxAbs, type Matrix, scale, shape, solve, sub, symmetrize, trace, transpose } from './linalg';
import { requireFinite, requireInteger, requireNonNegative, requirePositive } from './validate';

/** Parameters of the scalar discounted LQR: dX = (alpha X + beta a) dt + sigma dW, r = -1/2 (q x^2 + r a^2). */
export interface ScalarLqrParams {
  alpha: number;
  beta: number;
  q: number;
  r: number;
  sigma: number;
  rho: number;
}

/**
 * Whether the feedback a = -K x stabilises the discounted scalar LQR: rho > 2 (alpha - beta K), i.e. the closed
 * loop's rate alpha - beta K is below rho/2, so e^{-rho t} E[X_t^2] -> 0 and the discounted quadratic cost of the
 * policy is finite. False for NaN inputs.
 */
export function stabilisesDiscounted({ alpha, beta, rho }: Pick<ScalarLqrParams, 'alpha' | 'beta' | 'rho'>, K: number): boolean {
  return rho - 2 * (alpha - beta * K) > 0;
}

/**
 * The gain where `stabilisesDiscounted` changes: (alpha - rho/2) / beta. For beta > 0 the stabilising gains are
 * K > bound; for beta < 0 they are K < bound (the bound is an upper one); the bound itself never stabilises. For
 * beta = 0 the gain does not act: -Infinity if rho > 2 alpha (every K stabilises, so every K is above the bound),
 * +Infinity otherwise (none does).
 */
export function stableGainBound({ alpha, beta, rho }: Pick<ScalarLqrParams, 'alpha' | 'beta' | 'rho'>): number {
  if (beta === 0) return rho - 2 * alpha > 0 ? -Infinity : Infinity;
  return (alpha - rho / 2) / beta;
}

/** Value V(x) = -1/2 P x^2 - c and optimal feedback a* = -K x. */
export interface ScalarLqrSolution {
  P: number;
  K: number;
  c: number;
}

/**
 * Scalar discounted LQR in closed form. The Riccati equation rho P = q + 2 alpha P - (beta^2/r) P^2 has the
 * stabilising (non-negative) root P = [-(rho - 2 alpha) + sqrt((rho - 2 alpha)^2 + 4 beta^2 q / r)] / (2 beta^2 / r);
 * then K = beta P / r and c = sigma^2 P / (2 rho). With beta = 0 it is P = q / (rho - 2 alpha), which needs
 * rho > 2 alpha (otherwise the uncontrolled state grows faster than the discount and the value is -infinity).
 * Requires q >= 0, r > 0, rho > 0, sigma >= 0.
 */
export function lqrDiscounted(p: ScalarLqrParams): ScalarLqrSolution {
  const { alpha, beta, q, r, sigma, rho } = p;
  requireFinite('alpha', alpha);
  requireFinite('beta', beta);
  requireNonNegative('q', q);
  requirePositive('r', r);
  requireNonNegative('sigma', sigma);
  requirePositive('rho', rho);
  const g = (beta * beta) / r;
  const b = rho - 2 * alpha;
  let P: number;
  if (g === 0) {
    if (!stabilisesDiscounted(p, 0)) {
      throw new Error(
        `not stabilisable: with beta = 0 the state is uncontrolled and grows like e^{alpha t}; the discounted cost is ` +
          `finite only if rho > 2 alpha (rho = ${rho}, 2 alpha = ${2 * alpha})`,
      );
    }
    P = q / b;
  } else {
    const disc = Math.sqrt(b * b + 4 * g * q);
    // Stable form of the positive root: for b > 0 use 2q / (b + disc) to avoid cancellation.
    P = b > 0 ? (2 * q) / (b + disc) : (disc - b) / (2 * g);
  }
  return { P, K: (beta * P) / r, c: (sigma * sigma * P) / (2 * rho) };
}

/** Parameters of the finite-horizon scalar LQR (undiscounted), terminal reward -1/2 qT x^2. */
export interface FiniteHorizonLqrParams {
  alpha: number;
  beta: number;
  q: number;
  r: number;
  sigma: number;
  qT: number;
  T: number;
}

/** Value V(t, x) = -1/2 P(t) x^2 - c(t) and feedback a*(t, x) = -K(t) x with K(t) = beta P(t) / r. */
export interface FiniteHorizonLqrSolution {
  P: (t: number) => number;
  c: (t: number) => number;
  K: (t: number) => number;
}

/** tanh(x)/x without 0/0 (series for small |x|). */
function tanhc(x: number): number {
  const ax = Math.abs(x);
  if (ax < 1e-4) return 1 - (x * x) / 3;
  return Math.tanh(x) / x;
}

/** log(cosh x) without overflow: |x| + log1p(e^{-2|x|}) - log 2. */
function logCosh(x: number): number {
  const ax = Math.abs(x);
  return ax + Math.log1p(Math.exp(-2 * ax)) - Math.LN2;
}

/**
 * Finite-horizon scalar LQR from the exact solution of the Riccati ODE. With g = beta^2/r and tau = T - t,
 *   dP/dtau = q + 2 alpha P - g P^2,  P(tau = 0) = qT;   dc/dtau = sigma^2 P / 2,  c(tau = 0) = 0.
 * Linearising P = u'/(g u) gives u'' - 2 alpha u' - g q u = 0, u(0) = 1, u'(0) = g qT, so with
 * delta = sqrt(alpha^2 + g q) and S(tau) = tanh(delta tau)/delta (S = tau when delta = 0):
 *   P = [qT + (alpha qT + q) S] / [1 + (g qT - alpha) S],
 *   c = sigma^2/(2g) log u,  log u = alpha tau + log cosh(delta tau) + log(1 + (g qT - alpha) S)   (g > 0).
 * For g <= 1e-9 (essentially uncontrolled) c is integrated from P by 64-point composite Gauss–Legendre instead,
 * because the formula divides by g. Requires q, qT, sigma >= 0, r > 0, T > 0; the returned functions take
 * t in [0, T].
 */
export function lqrFiniteHorizon(p: FiniteHorizonLqrParams): FiniteHorizonLqrSolution {
  const { alpha, beta, q, r, sigma, qT, T } = p;
  requireFinite('alpha', alpha);
  requireFinite('beta', beta);
  requireNonNegative('q', q);
  requirePositive('r', r);
  requireNonNegative('sigma', sigma);
  requireNonNegative('qT', qT);
  requirePositive('T', T);
  const g = (beta * beta) / r;
  const delta = Math.sqrt(alpha * alpha + g * q);
  const checkT = (t: number): number => {
    if (typeof t !== 'number' || !(t >= 0 && t <= T)) throw new Error(`t must lie in [0, T] = [0, ${T}]; got ${t}`);
    return T - t;
  };
  const Ptau = (tau: number): number => {
    const S = tau * tanhc(delta * tau);
    return (qT + (alpha * qT + q) * S) / (1 + (g * qT - alpha) * S);
  };
  const P = (t: number) => Ptau(checkT(t));
  let c: (t: number) => number;
  if (g > 1e-9) {
    c = (t: number) => {
      const tau = checkT(t);
      const S = tau * tanhc(delta * tau);
      const logU = alpha * tau + logCosh(delta * tau) + Math.log1p((g * qT - alpha) * S);
      return ((sigma * sigma) / (2 * g)) * logU;
    };
  } else {
    c = (t: number) => {
      const tau = checkT(t);
      return ((sigma * sigma) / 2) * gaussLegendre(Ptau, 0, tau, 16);
    };
  }
  return { P, c, K: (t: number) => (beta * P(t)) / r };
}

const GL_X = [
  -0.9602898564975363, -0.7966664774136267, -0.525532409916329, -0.1834346424956498, 0.1834346424956498, 0.525532409916329, 0.7966664774136267,
  0.9602898564975363,
];
const GL_W = [
  0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.362683783378362, 0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763,
];

/** Composite 8-point Gauss–Legendre quadrature of f over [a, b] with `panels` panels. */
export function gaussLegendre(f: (x: number) => number, a: number, b: number, panels: number): number {
  if (b === a) return 0;
  const h = (b - a) / panels;
  let s = 0;
  for (let k = 0; k < panels; k++) {
    const mid = a + (k + 0.5) * h;
    for (let i = 0; i < 8; i++) s += GL_W[i] * f(mid + 0.5 * h * GL_X[i]);
  }
  return 0.5 * h * s;
}

/** Matrix LQR data: dX = (A X + B a) dt + D dW, reward -1/2 (x'Qx + a'Ra), discount rho. */
export interface MatrixLqrParams {
  A: Matrix;
  B: Matrix;
  Q: Matrix;
  /** Control cost, m x m symmetric positive definite (a number is read as the 1 x 1 matrix [[R]]). */
  R: Matrix | number;
  D: Matrix;
  rho: number;
}

/** Value V(x) = -1/2 x'Px - c, optimal feedback a* = -K x (K is m x n). */
export interface MatrixLqrSolution {
  P: Matrix;
  K: Matrix;
  c: number;
}

interface CheckedLqr {
  A: Matrix;
  B: Matrix;
  Q: Matrix;
  R: Matrix;
  D: Matrix;
  rho: number;
  n: number;
  m: number;
  Rinv: Matrix;
  /** A - rho/2 I: the discounted problem is the undiscounted one for this drift. */
  Ar: Matrix;
  /** G = B R^{-1} B'. */
  G: Matrix;
}

function checkLqr(p: MatrixLqrParams): CheckedLqr {
  const [n, nA] = shape(p.A, 'A');
  if (n !== nA) throw new Error(`A must be square; got ${n}x${nA}`);
  if (n > 4) throw new Error(`the state dimension n must be at most 4; got ${n}`);
  const [nB, m] = shape(p.B, 'B');
  if (nB !== n) throw new Error(`B must have n = ${n} rows; got ${nB}`);
  const Q = p.Q;
  const [nQ, nQ2] = shape(Q, 'Q');
  if (nQ !== n || nQ2 !== n) throw new Error(`Q must be ${n}x${n}; got ${nQ}x${nQ2}`);
  if (maxAbs(sub(Q, transpose(Q))) > 1e-12 * Math.max(1, maxAbs(Q))) throw new Error('Q must be symmetric');
  const R = typeof p.R === 'number' ? [[p.R]] : p.R;
  const [mR, mR2] = shape(R, 'R');
  if (mR !== m || mR2 !== m) throw new Error(`R must be ${m}x${m} (B has ${m} columns); got ${mR}x${mR2}`);
  if (maxAbs(sub(R, transpose(R))) > 1e-12 * maxAbs(R)) throw new Error('R must be symmetric');
  if (!cholesky(R)) throw new Error('R must be positive definite (control must cost something in every direction)');
  const [nD] = shape(p.D, 'D');
  if (nD !== n) throw new Error(`D must have n = ${n} rows; got ${nD}`);
  requirePositive('rho', p.rho);
  // Q must be positive semidefinite: Q + eps I positive definite.
  if (!cholesky(add(Q, scale(eye(n), 1e-12 * Math.max(1, maxAbs(Q)))))) throw new Error('Q must be positive semidefinite');
  const Rinv = inv(R);
  const Ar = sub(p.A, scale(eye(n), p.rho / 2));
  const G = matmul(matmul(p.B, Rinv), transpose(p.B));
  return { A: p.A, B: p.B, Q, R, D: p.D, rho: p.rho, n, m, Rinv, Ar, G };
}

/**
 * Residual of the discounted algebraic Riccati equation, A'P + PA - rho P - P B R^{-1} B' P + Q (zero at the
 * solution). Returned as a matrix; its max-abs entry is the usual check.
 */
export function careResidual(p: MatrixLqrParams, P: Matrix): Matrix {
  const L = checkLqr(p);
  const At = transpose(L.A);
  return add(sub(add(matmul(At, P), matmul(P, L.A)), add(scale(P, L.rho), matmul(matmul(P, L.G), P))), L.Q);
}

/**
 * Exact value of a stabilising linear policy a = -K x: P_K solves the Lyapunov equation
 *   (A - BK - rho/2 I)' P + P (A - BK - rho/2 I) + Q + K'RK = 0,   c = tr(D D' P) / (2 rho),
 * so that V_K(x) = -1/2 x'P_K x - c. Throws if A - BK - rho/2 I is not Hurwitz (the discounted cost is infinite).
 */
export function lqrPolicyValue(p: MatrixLqrParams, K: Matrix): { P: Matrix; c: number } {
  return policyValue(checkLqr(p), K);
}

function policyValue(L: CheckedLqr, K: Matrix): { P: Matrix; c: number } {
  const [mK, nK] = shape(K, 'K');
  if (mK !== L.m || nK !== L.n) throw new Error(`K must be ${L.m}x${L.n}; got ${mK}x${nK}`);
  const Acl = sub(L.Ar, matmul(L.B, K));
  if (!isHurwitz(Acl)) {
    throw new Error(
      'the gain K does not stabilise the discounted system: every eigenvalue of A - B K - (rho/2) I must have a ' +
        'negative real part (otherwise the expected discounted cost is infinite)',
    );
  }
  const C = symmetrize(add(L.Q, matmul(matmul(transpose(K), L.R), K)));
  const P = lyapunov(Acl, C);
  const c = trace(matmul(matmul(L.D, transpose(L.D)), P)) / (2 * L.rho);
  return { P, c };
}

function gainOf(L: CheckedLqr, P: Matrix): Matrix {
  return matmul(matmul(L.Rinv, transpose(L.B)), P);
}

/**
 * Matrix discounted LQR (n <= 4): solves A'P + PA - rho P - P B R^{-1} B' P + Q = 0 for the stabilising P, i.e.
 * the CARE of the drift A - (rho/2) I, by the matrix sign function of the Hamiltonian
 * H = [[A_r, -G], [-Q, -A_r']] (A_r = A - rho/2 I, G = B R^{-1} B'; Newton iteration Z <- (cZ + (cZ)^{-1})/2 with
 * determinant scaling c = |det Z|^{-1/(2n)}), reading P from [W12; W22 + I] P = -[W11 + I; W21] (W = sign H) by
 * least squares, then two Newton–Kleinman refinement steps. Returns P, K = R^{-1} B'P and c = tr(DD'P)/(2 rho).
 * Throws if no stabilising solution exists ((A - rho/2 I, B) not stabilisable, or an undetectable mode on the
 * imaginary axis).
 */
export function lqrCare(p: MatrixLqrParams): MatrixLqrSolution {
  const L = checkLqr(p);
  const n = L.n;
  const notStabilisable = new Error(
    'not stabilisable: no gain K makes every eigenvalue of A - B K - (rho/2) I have negative real part (or Q leaves ' +
      'a mode on the imaginary axis undetectable); the discounted LQR has no finite stabilising solution',
  );
  const H = zerosSq(2 * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i][j] = L.Ar[i][j];
      H[i][n + j] = -L.G[i][j];
      H[n + i][j] = -L.Q[i][j];
      H[n + i][n + j] = -L.Ar[j][i];
    }
  }
  let Z = H;
  let converged = false;
  for (let it = 0; it < 100; it++) {
    let Zi: Matrix;
    let det: number;
    try {
      ({ inverse: Zi, det } = inverseAndDet(Z));
    } catch {
      throw notStabilisable; // H has an eigenvalue at 0 or on the imaginary axis
    }
    const cs = it < 20 ? Math.pow(Math.abs(det), -1 / (2 * n)) : 1;
    const Zn = scale(add(scale(Z, cs), scale(Zi, 1 / cs)), 0.5);
    const diff = maxAbs(sub(Zn, Z));
    Z = Zn;
    if (!Number.isFinite(diff)) throw notStabilisable;
    if (diff <= 1e-13 * Math.max(1, maxAbs(Z))) {
      converged = true;
      break;
    }
  }
  if (!converged) throw notStabilisable;
  // Least squares for [W12; W22 + I] P = -[W11 + I; W21].
  const Nm = zerosRect(2 * n, n);
  const Rm = zerosRect(2 * n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      Nm[i][j] = Z[i][n + j];
      Nm[n + i][j] = Z[n + i][n + j] + (i === j ? 1 : 0);
      Rm[i][j] = -(Z[i][j] + (i === j ? 1 : 0));
      Rm[n + i][j] = -Z[n + i][j];
    }
  }
  let P: Matrix;
  try {
    const Nt = transpose(Nm);
    P = symmetrize(solve(matmul(Nt, Nm), matmul(Nt, Rm)));
  } catch {
    throw notStabilisable;
  }
  // Newton–Kleinman refinement (each step is an exact policy evaluation of the current gain).
  for (let k = 0; k < 2; k++) {
    const K = gainOf(L, P);
    if (!isHurwitz(sub(L.Ar, matmul(L.B, K)))) throw notStabilisable;
    P = policyValue(L, K).P;
  }
  const K = gainOf(L, P);
  if (!isHurwitz(sub(L.Ar, matmul(L.B, K)))) throw notStabilisable;
  const c = trace(matmul(matmul(L.D, transpose(L.D)), P)) / (2 * L.rho);
  return { P, K, c };
}

function zerosSq(n: number): Matrix {
  return zerosRect(n, n);
}
function zerosRect(r: number, c: number): Matrix {
  return Array.from({ length: r }, () => new Array<number>(c).fill(0));
}

/** Inverse and determinant by Gauss–Jordan with partial pivoting (throws if singular). */
function inverseAndDet(a: Matrix): { inverse: Matrix; det: number } {
  const n = a.length;
  const M = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  let det = 1;
  const tol = 1e-14 * Math.max(maxAbs(a), 1e-300);
  for (let col = 0; col < n; col++) {
    let p = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r][col]) > Math.abs(M[p][col])) p = r;
    if (!(Math.abs(M[p][col]) > tol)) throw new Error('singular');
    if (p !== col) {
      [M[p], M[col]] = [M[col], M[p]];
      det = -det;
    }
    const piv = M[col][col];
    det *= piv;
    for (let c = 0; c < 2 * n; c++) M[col][c] /= piv;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = M[r][col];
      if (f === 0) continue;
      for (let c = 0; c < 2 * n; c++) M[r][c] -= f * M[col][c];
    }
  }
  return { inverse: M.map((row) => row.slice(n)), det };
}

/** One Kleinman (policy iteration) step: the gain, its exact value, and its constant. */
export interface KleinmanStep {
  K: Matrix;
  P: Matrix;
  c: number;
}

/**
 * Kleinman's iteration (1968) = policy iteration for the discounted LQR. Starting from a stabilising K_0, for
 * i = 0, 1, ...: evaluate K_i exactly by the Lyapunov equation
 *   (A - B K_i - rho/2 I)' P_i + P_i (A - B K_i - rho/2 I) + Q + K_i' R K_i = 0,   c_i = tr(DD'P_i)/(2 rho),
 * then improve K_{i+1} = R^{-1} B' P_i. Returns `iterations` entries {K_i, P_i, c_i} (i = 0 .. iterations-1).
 * P_i decreases monotonically to the Riccati solution, quadratically near it (Newton's method on the CARE).
 * Throws if K_0 does not stabilise A - rho/2 I.
 */
export function kleinmanIteration(p: MatrixLqrParams, K0: Matrix, iterations: number): KleinmanStep[] {
  const L = checkLqr(p);
  requireInteger('iterations', iterations, 1, 100);
  const out: KleinmanStep[] = [];
  let K = K0;
  for (let i = 0; i < iterations; i++) {
    let v: { P: Matrix; c: number };
    try {
      v = policyValue(L, K);
    } catch (e) {
      if (i === 0) throw new Error(`K0 ${(e as Error).message.replace(/^the gain K /, '')}`);
      throw e;
    }
    out.push({ K, P: v.P, c: v.c });
    K = gainOf(L, v.P);
  }
  return out;
}

/** Discrete-time scalar LQR with step h: the chapter-2 bridge from Bellman's recursion to the Riccati ODE. */
export interface DiscreteLqrParams extends ScalarLqrParams {
  /** Time step h > 0. */
  h: number;
}

/** Solution of the discrete LQR: V_h(x) = -1/2 P x^2 - c, a = -K x, and the Riccati map itself. */
export interface DiscreteLqrSolution {
  P: number;
  K: number;
  c: number;
  /** One Bellman (Riccati difference) step P -> F(P); iterating from any P >= 0 converges to P. */
  riccatiStep: (P: number) => number;
}

/**
 * Discrete-time LQR obtained by Euler-discretising the scalar problem with step h:
 *   x_{n+1} = A x_n + B a_n + sigma sqrt(h) Z_n,  A = 1 + alpha h,  B = beta h,
 *   reward per step -1/2 (q x^2 + r a^2) h,  discount gamma = e^{-rho h}.
 * Bellman's equation with V = -1/2 P x^2 - c gives the Riccati difference map
 *   F(P) = q h + gamma A^2 P - (gamma A B P)^2 / (r h + gamma B^2 P),   a = -K x,  K = gamma A B P / (r h + gamma B^2 P),
 * and c = gamma sigma^2 h P / (2 (1 - gamma)). The fixed point P = F(P) is the positive root of
 *   gamma B^2 P^2 + [r h (1 - gamma A^2) - q h gamma B^2] P - q r h^2 = 0,
 * and P_h = P + O(h) as h -> 0 (expand F: rho P = q + 2 alpha P - beta^2 P^2 / r + O(h)).
 */
export function lqrDiscrete(p: DiscreteLqrParams): DiscreteLqrSolution {
  const { alpha, beta, q, r, sigma, rho, h } = p;
  requireFinite('alpha', alpha);
  requireFinite('beta', beta);
  requireNonNegative('q', q);
  requirePositive('r', r);
  requireNonNegative('sigma', sigma);
  requirePositive('rho', rho);
  requirePositive('h', h);
  const gamma = Math.exp(-rho * h);
  const A = 1 + alpha * h;
  const B = beta * h;
  const riccatiStep = (P: number) => q * h + gamma * A * A * P - (gamma * A * B * P) ** 2 / (r * h + gamma * B * B * P);
  let P: number;
  if (B === 0) {
    if (!(gamma * A * A < 1)) {
      throw new Error(`not stabilisable: with beta = 0 the discounted chain needs e^{-rho h} (1 + alpha h)^2 < 1; got ${gamma * A * A}`);
    }
    P = (q * h) / (1 - gamma * A * A);
  } else {
    const a2 = gamma * B * B;
    const a1 = r * h * (1 - gamma * A * A) - q * h * gamma * B * B;
    const a0 = -q * r * h * h;
    const disc = Math.sqrt(a1 * a1 - 4 * a2 * a0);
    P = a1 < 0 ? (disc - a1) / (2 * a2) : (-2 * a0) / (a1 + disc);
  }
  const K = (gamma * A * B * P) / (r * h + gamma * B * B * P);
  const c = (gamma * sigma * sigma * h * P) / (2 * -Math.expm1(-rho * h));
  return { P, K, c, riccatiStep };
}
