/**
 * Path samplers for scalar and planar SDEs. Each kernel is fused: the xoshiro128** state lives in four local int32
 * variables, the ziggurat fast path is inlined, the state X is a local double, and paths are simulated one after
 * the other (path-major, the layout of the recorded output) so that every write is sequential.
 *
 * All samplers are `Chunked<...>` generators: they yield their progress after each chunk of about
 * `CHUNK_PATH_STEPS` path-steps (a few milliseconds) and return the result; run them with `runToEnd` in Node.
 * The random stream is consumed in path order, so the result does not depend on the chunking.
 */
import type { Chunked } from './chunked';
import { seedState } from './random';
import { fillNormals } from './normal';
import { histogram, meanVariance, quantileBands, type Histogram } from './stats';
import { requireFinite, requireInteger, requirePositive } from './validate';

/** Work per chunk, in path-steps: about 8 ms for the fused linear kernel in V8 (~250 M path-steps/s). */
export const CHUNK_PATH_STEPS = 2_000_000;
/** Largest number of recorded values paths * record (Float32: 256 MB). */
const MAX_RECORDED_VALUES = 64 * 1024 * 1024;
/** Largest number of paths (final states are kept as Float64: 80 MB). */
const MAX_PATHS = 10_000_000;
/** Largest number of time steps per path. */
const MAX_STEPS = 100_000_000;

/** Paths advanced together by the scalar kernels (independent dependency chains for the CPU to overlap). */
const LANES = 4;
/** Time steps per block of pre-drawn normals. */
export const BLOCK = 256;

/** Step kinds of the scalar group kernel. */
const AFFINE = 0; // X <- c1 X + c0 + c2 Z
const QUADMUL = 1; // X <- X (c0 + c1 Z + c2 Z^2)
const EXPMUL = 2; // X <- X exp(c0 + c1 Z)
const GENERIC = 3; // X <- X + f dt + g sqrt(dt) Z [+ 1/2 g g' dt (Z^2 - 1)]

/** A user-supplied scalar SDE dX = f(t, X) dt + g(t, X) dW; gx = dg/dx enables Milstein. */
interface ScalarSdeFunctions {
  f: (t: number, x: number) => number;
  g: (t: number, x: number) => number;
  gx?: (t: number, x: number) => number;
}

/**
 * Advances the LANES paths first, first + 1, ... (those below `paths`) of one group over the whole grid, writing
 * recorded values and final states. Normals come in blocks of LANES x cnt from `fillNormals` (lane k uses
 * zb[k cnt + n], cnt = min(BLOCK, steps left)). The blocks do not depend on the recording, and a group past the
 * last path still draws all its lanes' normals, so path i depends only on (seed, stream, steps, i): not on
 * `record`, nor on the number of paths beyond it. The step kind is fixed per call; each kind has its own
 * four-lane inner loop with no calls and no closures (GENERIC excepted, which calls the user's functions).
 */
function scalarGroup(
  kind: number,
  st: Int32Array,
  zb: Float64Array,
  out: Float32Array,
  final: Float64Array,
  paths: number,
  first: number,
  idx: Int32Array,
  x0: number,
  c0: number,
  c1: number,
  c2: number,
  fns: ScalarSdeFunctions | null,
  dt: number,
): void {
  const record = idx.length;
  const steps = idx[record - 1];
  let xa = x0;
  let xb = x0;
  let xc = x0;
  let xd = x0;
  const live = Math.min(LANES, paths - first);
  for (let k = 0; k < live; k++) out[(first + k) * record] = x0;
  const lanes = laneScratch;
  let j = 1;
  for (let n0 = 0; n0 < steps; n0 += BLOCK) {
    const cnt = Math.min(BLOCK, steps - n0);
    fillNormals(st, zb, 0, LANES * cnt);
    let n = 0;
    while (n < cnt) {
      const stop = Math.min(cnt, idx[j] - n0);
      if (kind === AFFINE) {
        lanes[0] = xa;
        lanes[1] = xb;
        lanes[2] = xc;
        lanes[3] = xd;
        affineRun(lanes, zb, cnt, n, stop, c0, c1, c2);
        xa = lanes[0];
        xb = lanes[1];
        xc = lanes[2];
        xd = lanes[3];
        n = stop;
      } else if (kind === QUADMUL) {
        lanes[0] = xa;
        lanes[1] = xb;
        lanes[2] = xc;
        lanes[3] = xd;
        quadmulRun(lanes, zb, cnt, n, stop, c0, c1, c2);
        xa = lanes[0];
        xb = lanes[1];
        xc = lanes[2];
        xd = lanes[3];
        n = stop;
      } else if (kind === EXPMUL) {
        for (; n < stop; n++) {
          xa *= Math.exp(c0 + c1 * zb[n]);
          xb *= Math.exp(c0 + c1 * zb[cnt + n]);
          xc *= Math.exp(c0 + c1 * zb[2 * cnt + n]);
          xd *= Math.exp(c0 + c1 * zb[3 * cnt + n]);
        }
      } else {
        const { f, g, gx } = fns!;
        const sdt = Math.sqrt(dt);
        for (; n < stop; n++) {
          const t = (n0 + n) * dt;
          for (let k = 0; k < 4; k++) {
            const x = k === 0 ? xa : k === 1 ? xb : k === 2 ? xc : xd;
            const z = zb[k * cnt + n];
            const gv = g(t, x);
            let y = x + f(t, x) * dt + gv * sdt * z;
            if (gx) y += 0.5 * gv * gx(t, x) * dt * (z * z - 1);
            if (k === 0) xa = y;
            else if (k === 1) xb = y;
            else if (k === 2) xc = y;
            else xd = y;
          }
        }
      }
      if (n0 + n === idx[j]) {
        const o = first * record + j;
        out[o] = xa;
        if (live > 1) out[o + record] = xb;
        if (live > 2) out[o + 2 * record] = xc;
        if (live > 3) out[o + 3 * record] = xd;
        j++;
      }
    }
  }
  final[first] = xa;
  if (live > 1) final[first + 1] = xb;
  if (live > 2) final[first + 2] = xc;
  if (live > 3) final[first + 3] = xd;
}

const laneScratch = new Float64Array(LANES);

/**
 * Four-lane affine steps X <- c1 X + c0 + c2 Z for n in [n, stop) of a block of cnt normals per lane (lane k uses
 * zb[k cnt + n]); lane states in and out through `lanes`. A separate small function: V8 compiles such a loop
 * better than the same loop inside the larger group function.
 */
function affineRun(lanes: Float64Array, zb: Float64Array, cnt: number, from: number, stop: number, c0: number, c1: number, c2: number): void {
  let xa = lanes[0];
  let xb = lanes[1];
  let xc = lanes[2];
  let xd = lanes[3];
  for (let n = from; n < stop; n++) {
    xa = c1 * xa + (c0 + c2 * zb[n]);
    xb = c1 * xb + (c0 + c2 * zb[cnt + n]);
    xc = c1 * xc + (c0 + c2 * zb[2 * cnt + n]);
    xd = c1 * xd + (c0 + c2 * zb[3 * cnt + n]);
  }
  lanes[0] = xa;
  lanes[1] = xb;
  lanes[2] = xc;
  lanes[3] = xd;
}

/** Four-lane multiplicative steps X <- X (c0 + c1 Z + c2 Z^2) (EM and Milstein for geometric dynamics). */
function quadmulRun(lanes: Float64Array, zb: Float64Array, cnt: number, from: number, stop: number, c0: number, c1: number, c2: number): void {
  let xa = lanes[0];
  let xb = lanes[1];
  let xc = lanes[2];
  let xd = lanes[3];
  for (let n = from; n < stop; n++) {
    const za = zb[n];
    const zbb = zb[cnt + n];
    const zc = zb[2 * cnt + n];
    const zd = zb[3 * cnt + n];
    xa *= c0 + za * (c1 + c2 * za);
    xb *= c0 + zbb * (c1 + c2 * zbb);
    xc *= c0 + zc * (c1 + c2 * zc);
    xd *= c0 + zd * (c1 + c2 * zd);
  }
  lanes[0] = xa;
  lanes[1] = xb;
  lanes[2] = xc;
  lanes[3] = xd;
}

/** Common options of every sampler: grid, paths, seed, recording, and optional summaries. */
interface SamplerOptions {
  x0: number;
  T: number;
  steps: number;
  paths: number;
  seed: number;
  /** Time points kept per path, including t = 0 and t = T; an integer in [2, steps + 1]. */
  record: number;
  /** Random stream of `seed` (default 0): give each parallel worker its own. */
  stream?: number;
  /** If given, quantile bands across paths at each recorded time for these probabilities (e.g. [0.05, 0.5, 0.95]). */
  bands?: number[];
  /** If given, a histogram (density) of X_T; min/max default to the sample range. */
  histogram?: { bins: number; min?: number; max?: number };
}

/**
 * Runs the scalar group kernel over all paths as a chunked job and assembles the result (times, paths, finals,
 * moments, optional bands and histogram).
 */
function* runScalar(o: SamplerOptions, kind: number, c0: number, c1: number, c2: number, fns: ScalarSdeFunctions | null): Chunked<PathsResult> {
  const { x0, T, steps, paths, seed, record } = o;
  requireFinite('x0', x0);
  checkGrid(T, steps, paths, record);
  if (o.bands) for (const q of o.bands) if (!(q >= 0 && q <= 1)) throw new Error(`bands probabilities must lie in [0, 1]; got ${q}`);
  const st = seedState(seed, o.stream ?? 0);
  const dt = T / steps;
  const idx = recordIndices(steps, record);
  const t = new Float32Array(record);
  for (let j = 0; j < record; j++) t[j] = (T * idx[j]) / steps;
  const out = new Float32Array(paths * record);
  const final = new Float64Array(paths);
  const zb = new Float64Array(LANES * BLOCK);
  const groups = Math.ceil(paths / LANES);
  const work = kind === GENERIC ? CHUNK_PATH_STEPS / 10 : kind === EXPMUL ? CHUNK_PATH_STEPS / 4 : CHUNK_PATH_STEPS;
  const chunk = Math.max(1, Math.floor(work / (LANES * steps)));
  for (let g0 = 0; g0 < groups; g0 += chunk) {
    const g1 = Math.min(groups, g0 + chunk);
    for (let g = g0; g < g1; g++) scalarGroup(kind, st, zb, out, final, paths, g * LANES, idx, x0, c0, c1, c2, fns, dt);
    yield Math.min(paths, g1 * LANES) / paths;
  }
  const { mean, variance } = meanVariance(final);
  const result: PathsResult = { t, paths: out, final, mean, variance };
  if (o.bands) result.bands = quantileBands(out, paths, record, o.bands).bands;
  if (o.histogram) {
    let lo = o.histogram.min;
    let hi = o.histogram.max;
    if (lo === undefined || hi === undefined) {
      let mn = Infinity;
      let mx = -Infinity;
      for (let i = 0; i < paths; i++) {
        const v = final[i];
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      if (!(mx > mn)) mx = mn + 1e-9 * Math.max(1, Math.abs(mn)) + 1e-300;
      lo ??= mn;
      hi ??= mx;
    }
    result.histogram = histogram(final, { bins: o.histogram.bins, min: lo, max: hi });
  }
  return result;
}

/** Parameters of `sampleLinearSde1d`: dX = (a X + b) dt + s dW on [0, T], X_0 = x0. */
export interface LinearSde1dParams extends SamplerOptions {
  a: number;
  b: number;
  s: number;
  x0: number;
  T: number;
  steps: number;
  paths: number;
  seed: number;
  /** Time points kept per path, including t = 0 and t = T; an integer in [2, steps + 1]. */
  record: number;
  /**
   * 'em' (default): Euler–Maruyama X_{n+1} = X_n + (a X_n + b) dt + s sqrt(dt) Z_n (Milstein is identical for
   * additive noise). 'exact': the exact Gaussian transition X_{n+1} = e^{a dt} X_n + b (e^{a dt} - 1)/a
   * + s sqrt((e^{2 a dt} - 1)/(2 a)) Z_n (with the a -> 0 limits b dt and s sqrt(dt)).
   */
  scheme?: 'em' | 'exact';
}

/** Sampled paths: recorded times, decimated paths, final states and the sample moments of X_T. */
export interface PathsResult {
  /** The `record` recorded times t_j = T idx_j / steps, idx_j = round(j steps / (record - 1)). */
  t: Float32Array;
  /** paths * record values, path-major: paths[i * record + j] = X^{(i)}(t_j). */
  paths: Float32Array;
  /** X_T of every path, in double precision. */
  final: Float64Array;
  /** Sample mean of X_T. */
  mean: number;
  /** Unbiased sample variance of X_T. */
  variance: number;
  /** With `bands` requested: bands[k * record + j] = quantile bands[k] across paths at time t_j. */
  bands?: Float32Array;
  /** With `histogram` requested: density histogram of X_T. */
  histogram?: Histogram;
}

/** Validates the time grid / path count / recording request shared by every sampler. */
export function checkGrid(T: number, steps: number, paths: number, record: number): void {
  requirePositive('T', T);
  requireInteger('steps', steps, 1, MAX_STEPS);
  requireInteger('paths', paths, 1, MAX_PATHS);
  requireInteger('record', record, 2, steps + 1);
  if (paths * record > MAX_RECORDED_VALUES) {
    throw new Error(
      `paths * record = ${paths * record} recorded values would need ${Math.round((paths * record * 4) / 2 ** 20)} MB; ` +
        `at most ${MAX_RECORDED_VALUES} (256 MB) are allowed: record fewer time points or fewer paths`,
    );
  }
}

/** Recording indices idx_j = round(j * steps / (record - 1)), j = 0..record-1 (strictly increasing, 0 and steps). */
export function recordIndices(steps: number, record: number): Int32Array {
  const idx = new Int32Array(record);
  for (let j = 0; j < record; j++) idx[j] = Math.round((j * steps) / (record - 1));
  return idx;
}

/**
 * Euler–Maruyama (or exact) sampler of the scalar linear SDE dX = (a X + b) dt + s dW, which covers the
 * Ornstein–Uhlenbeck process (a = -theta, b = theta mu, s = sigma) and the closed-loop LQR (a = alpha - beta K,
 * b = 0, s = sigma). One step is the affine map X <- c1 X + c0 + c2 Z with dt = T / steps and
 *   EM:    c1 = 1 + a dt,   c0 = b dt,                 c2 = s sqrt(dt);
 *   exact: c1 = e^{a dt},   c0 = b (e^{a dt} - 1)/a,   c2 = s sqrt((e^{2 a dt} - 1)/(2 a)).
 * The algorithm, step by step:
 *   for every path i:            X = x0, record X at t = 0
 *     for n = 0, ..., steps - 1:  Z ~ N(0, 1)            (xoshiro128** + ziggurat, see normal.ts)
 *                                 X = c1 X + c0 + c2 Z   (affineRun: four paths at a time)
 *                                 record X if n + 1 is one of the `record` kept steps
 *     final[i] = X
 *   mean and variance of the finals (and quantile bands / a histogram if asked).
 * Yields its progress every CHUNK_PATH_STEPS path-steps; the numbers drawn do not depend on the chunking.
 */
export function* sampleLinearSde1d(p: LinearSde1dParams): Chunked<PathsResult> {
  const { a, b, s, T, steps } = p;
  requireFinite('a', a);
  requireFinite('b', b);
  requireFinite('s', s);
  checkGrid(T, steps, p.paths, p.record);
  const scheme = p.scheme ?? 'em';
  if (scheme !== 'em' && scheme !== 'exact') throw new Error(`scheme must be 'em' or 'exact'; got ${String(scheme)}`);

  const { c0, c1, c2 } = linearSdeStep(p);
  return yield* runScalar(p, AFFINE, c0, c1, c2, null);
}

/** The coefficients of one step X <- c1 X + c0 + c2 Z of `sampleLinearSde1d` (EM or exact, see there). */
function linearSdeStep({ a, b, s, T, steps, scheme }: LinearSde1dParams): { c0: number; c1: number; c2: number } {
  const dt = T / steps;
  if ((scheme ?? 'em') === 'em') return { c1: 1 + a * dt, c0: b * dt, c2: s * Math.sqrt(dt) };
  const ad = a * dt;
  // (e^{ad} - 1)/a and (e^{2ad} - 1)/(2a), accurate for small |a dt| via expm1.
  const g1 = Math.abs(ad) < 1e-300 ? dt : Math.expm1(ad) / a;
  const g2 = Math.abs(ad) < 1e-300 ? dt : Math.expm1(2 * ad) / (2 * a);
  return { c1: Math.exp(ad), c0: b * g1, c2: s * Math.sqrt(g2) };
}

/**
 * The readable version of what `sampleLinearSde1d` runs (`scalarGroup` with the hand-unrolled four-lane
 * `affineRun`): plain loops over paths and steps, X <- c1 X + c0 + c2 Z, on the same normals in the same order, so
 * it gives the same recorded paths and final states, bit for bit (tested). The order of the draws is the fast
 * kernel's: paths go in groups of LANES; for each block of at most BLOCK steps a group draws LANES x cnt normals
 * with `fillNormals`, path k of the group taking the k-th run of cnt; a group past the last path still draws for
 * all its lanes. No validation (the fast sampler does it).
 */
export function affineRunReference(p: LinearSde1dParams): { paths: Float32Array; final: Float64Array } {
  const { x0, steps, paths, record } = p;
  const { c0, c1, c2 } = linearSdeStep(p);
  const slot = new Int32Array(steps + 1).fill(-1); // slot[n] = j if step n is the j-th recorded one
  recordIndices(steps, record).forEach((n, j) => (slot[n] = j));
  const st = seedState(p.seed, p.stream ?? 0);
  const z = new Float64Array(LANES * BLOCK);
  const out = new Float32Array(paths * record);
  const final = new Float64Array(paths);
  for (let first = 0; first < paths; first += LANES) {
    const x = new Float64Array(LANES).fill(x0); // the group's paths first, first + 1, ...
    for (let n0 = 0; n0 < steps; n0 += BLOCK) {
      const cnt = Math.min(BLOCK, steps - n0);
      fillNormals(st, z, 0, LANES * cnt);
      for (let k = 0; k < LANES && first + k < paths; k++) {
        for (let n = 0; n < cnt; n++) {
          x[k] = c1 * x[k] + (c0 + c2 * z[k * cnt + n]);
          const j = slot[n0 + n + 1];
          if (j >= 0) out[(first + k) * record + j] = x[k];
        }
      }
    }
    for (let k = 0; k < LANES && first + k < paths; k++) {
      out[(first + k) * record] = x0;
      final[first + k] = x[k];
    }
  }
  return { paths: out, final };
}

/** Parameters of `sampleGeometricSde1d`: dX = X (m dt + v dW) (GBM; Merton wealth with m, v from the policy). */
export interface GeometricSde1dParams extends SamplerOptions {
  m: number;
  v: number;
  /**
   * 'em' (default): X_{n+1} = X_n (1 + m dt + v dW_n);
   * 'milstein': X_{n+1} = X_n (1 + m dt + v dW_n + 1/2 v^2 (dW_n^2 - dt));
   * 'exact': X_{n+1} = X_n exp((m - v^2/2) dt + v dW_n). dW_n = sqrt(dt) Z_n.
   */
  scheme?: 'em' | 'milstein' | 'exact';
}

/**
 * Sampler of geometric dynamics dX = X (m dt + v dW), with the per-step multiplier of `scheme` (see
 * GeometricSde1dParams) fused into a four-lane kernel. Strong orders: EM 1/2, Milstein 1; weak order 1 for both.
 */
export function* sampleGeometricSde1d(p: GeometricSde1dParams): Chunked<PathsResult> {
  const { m, v, T, steps } = p;
  requireFinite('m', m);
  requireFinite('v', v);
  checkGrid(T, steps, p.paths, p.record);
  const scheme = p.scheme ?? 'em';
  const dt = T / steps;
  const sdt = Math.sqrt(dt);
  if (scheme === 'em') return yield* runScalar(p, QUADMUL, 1 + m * dt, v * sdt, 0, null);
  if (scheme === 'milstein') {
    return yield* runScalar(p, QUADMUL, 1 + m * dt - 0.5 * v * v * dt, v * sdt, 0.5 * v * v * dt, null);
  }
  if (scheme === 'exact') return yield* runScalar(p, EXPMUL, (m - 0.5 * v * v) * dt, v * sdt, 0, null);
  throw new Error(`scheme must be 'em', 'milstein' or 'exact'; got ${String(scheme)}`);
}

/** Parameters of `sampleSde1d`: any scalar SDE dX = f(t, X) dt + g(t, X) dW. */
export interface Sde1dParams extends SamplerOptions, ScalarSdeFunctions {
  /** 'em' (default) or 'milstein' (needs gx = dg/dx). */
  scheme?: 'em' | 'milstein';
}

/**
 * Generic scalar sampler (the fallback when no fused kernel applies): Euler–Maruyama
 * X_{n+1} = X_n + f(t_n, X_n) dt + g(t_n, X_n) dW_n, or Milstein, which adds 1/2 g g_x (dW_n^2 - dt).
 * About ten times slower than the fused kernels because it calls f and g at every step.
 */
export function* sampleSde1d(p: Sde1dParams): Chunked<PathsResult> {
  if (typeof p.f !== 'function' || typeof p.g !== 'function') throw new Error('f and g must be functions (t, x) => number');
  const scheme = p.scheme ?? 'em';
  if (scheme !== 'em' && scheme !== 'milstein') throw new Error(`scheme must be 'em' or 'milstein'; got ${String(scheme)}`);
  if (scheme === 'milstein' && typeof p.gx !== 'function') {
    throw new Error("scheme 'milstein' needs gx = dg/dx, a function (t, x) => number");
  }
  checkGrid(p.T, p.steps, p.paths, p.record);
  const fns: ScalarSdeFunctions = { f: p.f, g: p.g, gx: scheme === 'milstein' ? p.gx : undefined };
  return yield* runScalar(p, GENERIC, 0, 0, 0, fns);
}
