/**
 * Path samplers for planar SDEs dX = F(t, X) dt + S(t, X) dW with X, W in R^2: fused kernels for the linear
 * case F = A X + b, S constant (double integrator under LQR feedback, 2-D OU, the VP forward process) and for
 * geometric dynamics dX_j = X_j (m_j dt + V_j . dW) (two correlated assets), and a generic Euler–Maruyama fallback. Paths are simulated one after the other; recorded values are path-major with
 * the two components interleaved: paths[(i * record + j) * 2 + d].
 */
import type { Chunked } from './chunked';
import { seedState } from './random';
import { fillNormals } from './normal';
import { BLOCK, CHUNK_PATH_STEPS, checkGrid, recordIndices } from './sde';

/** Common options of the planar samplers. */
interface Sampler2dOptions {
  /** Initial state [x0, y0]. */
  x0: [number, number];
  T: number;
  steps: number;
  paths: number;
  seed: number;
  /** Time points kept per path, including t = 0 and t = T; an integer in [2, steps + 1]. */
  record: number;
  /** Random stream of `seed` (default 0). */
  stream?: number;
}

/** Result of a planar sampler. */
export interface Paths2dResult {
  /** Recorded times (record). */
  t: Float32Array;
  /** paths * record * 2 values: paths[(i * record + j) * 2 + d]. */
  paths: Float32Array;
  /** Final states, interleaved: final[2 i + d]. */
  final: Float64Array;
  /** Sample mean of X_T. */
  mean: [number, number];
  /** Unbiased sample covariance of X_T as [var x, cov xy, var y]. */
  covariance: [number, number, number];
}

/** Parameters of `sampleLinearSde2d`: dX = (A X + b) dt + S dW. */
export interface LinearSde2dParams extends Sampler2dOptions {
  /** Drift matrix, 2 x 2, row-major number[][]. */
  A: number[][];
  /** Drift offset (length 2); default [0, 0]. */
  b?: [number, number];
  /** Noise matrix, 2 x 2 (W is 2-D). */
  S: number[][];
}

/** A user-supplied planar SDE: drift writes F(t, x, y) into out[0..1], diffusion writes S row-major into out[0..3]. */
interface Sde2dFunctions {
  drift: (t: number, x: number, y: number, out: Float64Array) => void;
  diffusion: (t: number, x: number, y: number, out: Float64Array) => void;
}

/** Parameters of `sampleSde2d` (Euler–Maruyama only: Milstein in 2-D needs Lévy areas unless the noise commutes). */
export interface Sde2dParams extends Sampler2dOptions, Sde2dFunctions {}

function check2(name: string, m: number[][]): void {
  const ok = Array.isArray(m) && m.length === 2 && m.every((r) => Array.isArray(r) && r.length === 2 && r.every(Number.isFinite));
  if (!ok) throw new Error(`${name} must be a 2 x 2 matrix of finite numbers (number[][])`);
}

function checkVec2(name: string, v: readonly number[]): void {
  if (!Array.isArray(v) || v.length !== 2 || !v.every(Number.isFinite)) {
    throw new Error(`${name} must be a pair of finite numbers [x, y]`);
  }
}

/**
 * Euler–Maruyama for the planar linear SDE: X_{n+1} = X_n + (A X_n + b) dt + S sqrt(dt) Z_n, Z_n ~ N(0, I_2),
 * written as X <- M X + c + L Z with M = I + A dt, c = b dt, L = S sqrt(dt), one path at a time (its two
 * components are independent chains within a step). Path i uses its own block of normals, so it depends only on
 * (seed, stream, steps, i).
 */
export function* sampleLinearSde2d(p: LinearSde2dParams): Chunked<Paths2dResult> {
  check2('A', p.A);
  check2('S', p.S);
  const b = p.b ?? [0, 0];
  checkVec2('b', b);
  checkVec2('x0', p.x0);
  const dt = p.T / p.steps;
  const sdt = Math.sqrt(dt);
  const k = {
    m00: 1 + p.A[0][0] * dt,
    m01: p.A[0][1] * dt,
    m10: p.A[1][0] * dt,
    m11: 1 + p.A[1][1] * dt,
    c0: b[0] * dt,
    c1: b[1] * dt,
    l00: p.S[0][0] * sdt,
    l01: p.S[0][1] * sdt,
    l10: p.S[1][0] * sdt,
    l11: p.S[1][1] * sdt,
  };
  return yield* run2d(p, (st, zb, out, final, i, idx) => linearPath2d(st, zb, out, final, i, idx, p.x0, k), 1);
}

/** Parameters of `sampleGeometricSde2d`: dX_j = X_j (m_j dt + sum_k V_jk dW_k), j = 1, 2. */
export interface GeometricSde2dParams extends Sampler2dOptions {
  /** Drift rates [m_1, m_2]. */
  m: [number, number];
  /** Volatility matrix V, 2 x 2 (row j: the loadings of X_j on the two Brownian motions). */
  V: number[][];
  /**
   * 'em' (default): X_j <- X_j (1 + m_j dt + V_j . dW);
   * 'exact': X_j <- X_j exp((m_j - |V_j|^2 / 2) dt + V_j . dW), the exact law of the SDE on the grid.
   */
  scheme?: 'em' | 'exact';
}

/**
 * Planar geometric dynamics (two assets with correlated noise), fused per path. Under 'em' the mean is
 * E[X_j(T)] = x0_j (1 + m_j dt)^steps; under 'exact' it is x0_j e^{m_j T} and log X(T) is Gaussian with covariance
 * V V' T.
 */
export function* sampleGeometricSde2d(p: GeometricSde2dParams): Chunked<Paths2dResult> {
  checkVec2('m', p.m);
  check2('V', p.V);
  checkVec2('x0', p.x0);
  const scheme = p.scheme ?? 'em';
  if (scheme !== 'em' && scheme !== 'exact') throw new Error(`scheme must be 'em' or 'exact'; got ${String(scheme)}`);
  const dt = p.T / p.steps;
  const sdt = Math.sqrt(dt);
  const [[v00, v01], [v10, v11]] = p.V;
  const exact = scheme === 'exact';
  // Per step: X_j <- X_j * (a_j + L_j . Z) (em) or X_j * exp(a_j + L_j . Z) (exact), with L = V sqrt(dt).
  const a0 = exact ? (p.m[0] - 0.5 * (v00 * v00 + v01 * v01)) * dt : 1 + p.m[0] * dt;
  const a1 = exact ? (p.m[1] - 0.5 * (v10 * v10 + v11 * v11)) * dt : 1 + p.m[1] * dt;
  const l00 = v00 * sdt;
  const l01 = v01 * sdt;
  const l10 = v10 * sdt;
  const l11 = v11 * sdt;
  return yield* run2d(
    p,
    (st, zb, out, final, i, idx) => {
      const record = idx.length;
      const steps = idx[record - 1];
      let x = p.x0[0];
      let y = p.x0[1];
      out[i * record * 2] = x;
      out[i * record * 2 + 1] = y;
      let j = 1;
      for (let n0 = 0; n0 < steps; n0 += BLOCK) {
        const cnt = Math.min(BLOCK, steps - n0);
        fillNormals(st, zb, 0, 2 * cnt);
        let n = 0;
        while (n < cnt) {
          const stop = Math.min(cnt, idx[j] - n0);
          if (exact) {
            for (; n < stop; n++) {
              x *= Math.exp(a0 + l00 * zb[n] + l01 * zb[cnt + n]);
              y *= Math.exp(a1 + l10 * zb[n] + l11 * zb[cnt + n]);
            }
          } else {
            for (; n < stop; n++) {
              x *= a0 + l00 * zb[n] + l01 * zb[cnt + n];
              y *= a1 + l10 * zb[n] + l11 * zb[cnt + n];
            }
          }
          if (n0 + n === idx[j]) {
            const o = (i * record + j) * 2;
            out[o] = x;
            out[o + 1] = y;
            j++;
          }
        }
      }
      final[2 * i] = x;
      final[2 * i + 1] = y;
    },
    exact ? 4 : 1,
  );
}

/** Generic planar Euler–Maruyama: X_{n+1} = X_n + F(t_n, X_n) dt + S(t_n, X_n) sqrt(dt) Z_n. */
export function* sampleSde2d(p: Sde2dParams): Chunked<Paths2dResult> {
  if (typeof p.drift !== 'function' || typeof p.diffusion !== 'function') {
    throw new Error('drift and diffusion must be functions (t, x, y, out) => void');
  }
  checkVec2('x0', p.x0);
  const F = new Float64Array(2);
  const S = new Float64Array(4);
  const dt = p.T / p.steps;
  const sdt = Math.sqrt(dt);
  return yield* run2d(
    p,
    (st, zb, out, final, i, idx) => {
      const record = idx.length;
      const steps = idx[record - 1];
      let x = p.x0[0];
      let y = p.x0[1];
      out[i * record * 2] = x;
      out[i * record * 2 + 1] = y;
      let j = 1;
      for (let n0 = 0; n0 < steps; n0 += BLOCK) {
        const cnt = Math.min(BLOCK, steps - n0);
        fillNormals(st, zb, 0, 2 * cnt);
        for (let n = 0; n < cnt; n++) {
          const t = (n0 + n) * dt;
          p.drift(t, x, y, F);
          p.diffusion(t, x, y, S);
          const z1 = zb[n] * sdt;
          const z2 = zb[cnt + n] * sdt;
          const xn = x + F[0] * dt + S[0] * z1 + S[1] * z2;
          y = y + F[1] * dt + S[2] * z1 + S[3] * z2;
          x = xn;
          if (n0 + n + 1 === idx[j]) {
            const o = (i * record + j) * 2;
            out[o] = x;
            out[o + 1] = y;
            j++;
          }
        }
      }
      final[2 * i] = x;
      final[2 * i + 1] = y;
    },
    10,
  );
}

interface Lin2 {
  m00: number;
  m01: number;
  m10: number;
  m11: number;
  c0: number;
  c1: number;
  l00: number;
  l01: number;
  l10: number;
  l11: number;
}

function linearPath2d(
  st: Int32Array,
  zb: Float64Array,
  out: Float32Array,
  final: Float64Array,
  i: number,
  idx: Int32Array,
  x0: [number, number],
  k: Lin2,
): void {
  const { m00, m01, m10, m11, c0, c1, l00, l01, l10, l11 } = k;
  const record = idx.length;
  const steps = idx[record - 1];
  let x = x0[0];
  let y = x0[1];
  out[i * record * 2] = x;
  out[i * record * 2 + 1] = y;
  let j = 1;
  for (let n0 = 0; n0 < steps; n0 += BLOCK) {
    const cnt = Math.min(BLOCK, steps - n0);
    fillNormals(st, zb, 0, 2 * cnt);
    let n = 0;
    while (n < cnt) {
      const stop = Math.min(cnt, idx[j] - n0);
      for (; n < stop; n++) {
        const z1 = zb[n];
        const z2 = zb[cnt + n];
        const xn = m00 * x + m01 * y + (c0 + l00 * z1 + l01 * z2);
        y = m10 * x + m11 * y + (c1 + l10 * z1 + l11 * z2);
        x = xn;
      }
      if (n0 + n === idx[j]) {
        const o = (i * record + j) * 2;
        out[o] = x;
        out[o + 1] = y;
        j++;
      }
    }
  }
  final[2 * i] = x;
  final[2 * i + 1] = y;
}

type PathKernel2d = (st: Int32Array, zb: Float64Array, out: Float32Array, final: Float64Array, i: number, idx: Int32Array) => void;

function* run2d(o: Sampler2dOptions, kernel: PathKernel2d, costFactor: number): Chunked<Paths2dResult> {
  const { T, steps, paths, seed, record } = o;
  checkGrid(T, steps, paths, record);
  if (paths * record * 2 > 64 * 1024 * 1024) {
    throw new Error(`paths * record * 2 = ${paths * record * 2} recorded values exceed the limit of ${64 * 1024 * 1024} (256 MB)`);
  }
  const st = seedState(seed, o.stream ?? 0);
  const idx = recordIndices(steps, record);
  const t = new Float32Array(record);
  for (let j = 0; j < record; j++) t[j] = (T * idx[j]) / steps;
  const out = new Float32Array(paths * record * 2);
  const final = new Float64Array(paths * 2);
  const zb = new Float64Array(2 * BLOCK);
  const chunk = Math.max(1, Math.floor(CHUNK_PATH_STEPS / (2 * costFactor * steps)));
  for (let i0 = 0; i0 < paths; i0 += chunk) {
    const i1 = Math.min(paths, i0 + chunk);
    for (let i = i0; i < i1; i++) kernel(st, zb, out, final, i, idx);
    yield i1 / paths;
  }
  let mx = 0;
  let my = 0;
  for (let i = 0; i < paths; i++) {
    mx += final[2 * i];
    my += final[2 * i + 1];
  }
  mx /= paths;
  my /= paths;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < paths; i++) {
    const dx = final[2 * i] - mx;
    const dy = final[2 * i + 1] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const d = Math.max(1, paths - 1);
  return { t, paths: out, final, mean: [mx, my], covariance: [sxx / d, sxy / d, syy / d] };
}
