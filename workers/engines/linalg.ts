/**
 * Small dense linear algebra on `number[][]` (row-major arrays of rows), enough for LQR problems with n <= 4
 * states: products, Gaussian elimination with partial pivoting, inverse, Cholesky, a Kronecker-form Lyapunov
 * solver and a Hurwitz test. Nothing here is clever; everything is O(n^3) on matrices of size at most 16.
 */

export type Matrix = number[][];

/** Checks that `m` is a finite rows x cols matrix (rows of equal length) and returns [rows, cols]. */
export function shape(m: Matrix, name = 'matrix'): [number, number] {
  if (!Array.isArray(m) || m.length === 0 || !Array.isArray(m[0]) || m[0].length === 0) {
    throw new Error(`${name} must be a non-empty array of rows (number[][])`);
  }
  const cols = m[0].length;
  for (let i = 0; i < m.length; i++) {
    if (!Array.isArray(m[i]) || m[i].length !== cols) {
      throw new Error(`${name} must have rows of equal length ${cols}; row ${i} has ${m[i]?.length}`);
    }
    for (let j = 0; j < cols; j++) {
      if (typeof m[i][j] !== 'number' || !Number.isFinite(m[i][j])) {
        throw new Error(`${name}[${i}][${j}] must be a finite number; got ${m[i][j]}`);
      }
    }
  }
  return [m.length, cols];
}

/** n x n identity. */
export function eye(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** rows x cols zero matrix. */
function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/** Transpose A'. */
export function transpose(a: Matrix): Matrix {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

/** Product A B (inner dimensions must agree). */
export function matmul(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const k = b.length;
  const m = b[0].length;
  if (a[0].length !== k) throw new Error(`matmul: inner dimensions differ (${a.length}x${a[0].length} times ${k}x${m})`);
  const c = zeros(n, m);
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < k; l++) {
      const ail = a[i][l];
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) c[i][j] += ail * b[l][j];
    }
  }
  return c;
}

/** alpha A + beta B (same shapes). */
function axpby(alpha: number, a: Matrix, beta: number, b: Matrix): Matrix {
  return a.map((row, i) => row.map((v, j) => alpha * v + beta * b[i][j]));
}

/** A + B. */
export function add(a: Matrix, b: Matrix): Matrix {
  return axpby(1, a, 1, b);
}

/** A - B. */
export function sub(a: Matrix, b: Matrix): Matrix {
  return axpby(1, a, -1, b);
}

/** s A. */
export function scale(a: Matrix, s: number): Matrix {
  return a.map((row) => row.map((v) => s * v));
}

/** Trace of a square matrix. */
export function trace(a: Matrix): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i][i];
  return t;
}

/** (A + A')/2. */
export function symmetrize(a: Matrix): Matrix {
  return a.map((row, i) => row.map((v, j) => 0.5 * (v + a[j][i])));
}

/** Max-abs (entrywise infinity) norm. */
export function maxAbs(a: Matrix): number {
  let m = 0;
  for (const row of a) for (const v of row) m = Math.max(m, Math.abs(v));
  return m;
}

/**
 * Solves A X = B for square A by Gaussian elimination with partial pivoting (B may have several columns).
 * Throws when A is singular to working precision (pivot below 1e-14 times the largest entry).
 */
export function solve(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  if (a[0].length !== n) throw new Error(`solve: A must be square; got ${n}x${a[0].length}`);
  if (b.length !== n) throw new Error(`solve: B must have ${n} rows; got ${b.length}`);
  const m = b[0].length;
  const M = a.map((row, i) => [...row, ...b[i]]);
  const tol = 1e-14 * Math.max(maxAbs(a), 1e-300);
  for (let col = 0; col < n; col++) {
    let p = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r][col]) > Math.abs(M[p][col])) p = r;
    if (!(Math.abs(M[p][col]) > tol)) throw new Error('solve: the matrix is singular to working precision');
    if (p !== col) [M[p], M[col]] = [M[col], M[p]];
    const piv = M[col][col];
    for (let r = col + 1; r < n; r++) {
      const f = M[r][col] / piv;
      if (f === 0) continue;
      for (let c = col; c < n + m; c++) M[r][c] -= f * M[col][c];
    }
  }
  const x = zeros(n, m);
  for (let r = n - 1; r >= 0; r--) {
    for (let c = 0; c < m; c++) {
      let s = M[r][n + c];
      for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k][c];
      x[r][c] = s / M[r][r];
    }
  }
  return x;
}

/** Inverse of a square matrix (via `solve` with the identity). */
export function inv(a: Matrix): Matrix {
  return solve(a, eye(a.length));
}

/** Cholesky factor L (lower, L L' = A) of a symmetric matrix, or null if A is not positive definite. */
export function cholesky(a: Matrix): Matrix | null {
  const n = a.length;
  const L = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i][i] = Math.sqrt(s);
      } else {
        L[i][j] = s / L[j][j];
      }
    }
  }
  return L;
}

/**
 * Solves the continuous Lyapunov equation M' X + X M + C = 0 for X (n <= 8) through its Kronecker form
 * (I kron M' + M' kron I) vec(X) = -vec(C). The solution is unique iff no two eigenvalues of M sum to zero
 * (in particular when M is Hurwitz); for symmetric C the result is symmetrised.
 */
export function lyapunov(m: Matrix, c: Matrix): Matrix {
  const n = m.length;
  if (n > 8) throw new Error(`lyapunov: n must be at most 8; got ${n}`);
  const N = n * n;
  const K = zeros(N, N);
  const rhs = zeros(N, 1);
  // Unknown index of X[i][j] is i * n + j. Row (i, j) of M'X + XM: sum_k M[k][i] X[k][j] + sum_k X[i][k] M[k][j].
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const row = i * n + j;
      for (let k = 0; k < n; k++) {
        K[row][k * n + j] += m[k][i];
        K[row][i * n + k] += m[k][j];
      }
      rhs[row][0] = -c[i][j];
    }
  }
  let v: Matrix;
  try {
    v = solve(K, rhs);
  } catch {
    throw new Error('lyapunov: M has eigenvalues summing to zero (for example an eigenvalue on the imaginary axis); no unique solution');
  }
  const X = zeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) X[i][j] = v[i * n + j][0];
  const sym = c.every((row, i) => row.every((val, j) => val === c[j][i]));
  return sym ? symmetrize(X) : X;
}

/**
 * True iff every eigenvalue of M has negative real part. Test (Lyapunov's theorem): M is Hurwitz iff the solution
 * X of M'X + XM + I = 0 exists and is positive definite.
 */
export function isHurwitz(m: Matrix): boolean {
  try {
    const X = lyapunov(m, eye(m.length));
    return cholesky(X) !== null;
  } catch {
    return false;
  }
}
