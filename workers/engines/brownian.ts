/**
 * Brownian motion on [0, 1] built by Lévy's midpoint (Brownian-bridge) construction, with a deterministic normal
 * for every dyadic node, so that one seed is one path at every resolution: asking for a finer grid, or for a
 * small window, refines the same path instead of drawing a new one.
 *
 * Node (k, j) is the time j 2^-k. The root is W(0) = 0, W(1) = Z(0, 1). A node of level k >= 1 with j odd is the
 * midpoint of its two neighbours at level k - 1, at distance 2^-k on each side, and given them
 *   W(j 2^-k) = (W((j - 1) 2^-k) + W((j + 1) 2^-k)) / 2 + sqrt(2^-(k+1)) Z(k, j),
 * because a Brownian bridge over an interval of length L has variance L/4 at its midpoint. Z(k, j) is a standard
 * normal computed from (seed, k, j) alone: the key is mixed by splitmix32 into a xoshiro128** state, whose first
 * ziggurat draw is the variate (a counter-based generator; see random.ts and normal.ts).
 */
import { seedState, splitmix32Mix } from './random';
import { fillNormals, normalFromState } from './normal';
import { requireInteger, requirePositive } from './validate';

/** Deepest dyadic level a path may be refined to (times j 2^-52 are exact doubles). */
const MAX_BRIDGE_LEVEL = 52;

const keyState = new Int32Array(4);

/**
 * The standard normal Z(k, j) of dyadic node (k, j) of the path `seed`: a pure function of its arguments.
 * seed: integer in [0, 2^32); level: integer in [0, 52]; index: integer in [0, 2^52].
 */
export function bridgeNormal(seed: number, level: number, index: number): number {
  const lo = index % 4294967296;
  const hi = Math.floor(index / 4294967296);
  let h = splitmix32Mix((seed + Math.imul(level + 1, 0x9e3779b9)) | 0);
  h = splitmix32Mix((h ^ lo) + 0x6a09e667);
  h = splitmix32Mix((h ^ hi) + 0xbb67ae85);
  keyState[0] = splitmix32Mix(h + 0x3c6ef372);
  keyState[1] = splitmix32Mix(h + 0xa54ff53a);
  keyState[2] = splitmix32Mix(h + 0x510e527f);
  keyState[3] = splitmix32Mix(h + 0x9b05688c);
  if ((keyState[0] | keyState[1] | keyState[2] | keyState[3]) === 0) keyState[0] = 1;
  return normalFromState(keyState);
}

/** Parameters of `brownianWindow`. */
export interface BrownianWindowParams {
  /** The path: an integer in [0, 2^32). */
  seed: number;
  /** Window [from, to] inside [0, 1], from < to. */
  from: number;
  to: number;
  /** Dyadic level of the grid: the result holds W at every multiple of 2^-level that covers [from, to]. */
  level: number;
}

/** W on the dyadic grid of one level over a window. */
export interface BrownianWindow {
  /** Times i 2^-level for i = first, ..., first + values.length - 1. */
  t: Float64Array;
  values: Float64Array;
  /** Index of the first grid point: t[0] = first 2^-level. */
  first: number;
  level: number;
}

function checkWindow(p: BrownianWindowParams): void {
  const { seed, from, to, level } = p;
  requireInteger('seed', seed, 0, 2 ** 32 - 1);
  requireInteger('level', level, 0, MAX_BRIDGE_LEVEL);
  if (!(Number.isFinite(from) && Number.isFinite(to) && from >= 0 && to <= 1 && from < to)) {
    throw new Error(`the window [from, to] must satisfy 0 <= from < to <= 1; got [${from}, ${to}]`);
  }
  const points = (to - from) * 2 ** level + 2;
  if (points > 4_200_000) {
    throw new Error(`a window of width ${to - from} at level ${level} has ${Math.round(points)} grid points; at most 4,200,000 are allowed: lower the level`);
  }
}

/**
 * W(i 2^-level) for the grid indices i from floor(from 2^level) to ceil(to 2^level), by refining level by level
 * only the nodes that cover the window (cost about 2 (to - from) 2^level + 2 level normals). The values at a
 * coarser level are exactly the even-indexed values of a finer one, and a window's values are those of the whole
 * path at the same nodes.
 */
export function brownianWindow(p: BrownianWindowParams): BrownianWindow {
  checkWindow(p);
  const { seed, from, to, level } = p;
  let lo = 0;
  let vals = new Float64Array([0, bridgeNormal(seed, 0, 1)]);
  for (let k = 1; k <= level; k++) {
    const scale = 2 ** k;
    const nlo = Math.floor(from * scale);
    const nhi = Math.min(scale, Math.ceil(to * scale));
    const next = new Float64Array(nhi - nlo + 1);
    const s = Math.sqrt(2 ** -(k + 1));
    for (let i = nlo; i <= nhi; i++) {
      if (i % 2 === 0) next[i - nlo] = vals[i / 2 - lo];
      else next[i - nlo] = 0.5 * (vals[(i - 1) / 2 - lo] + vals[(i + 1) / 2 - lo]) + s * bridgeNormal(seed, k, i);
    }
    vals = next;
    lo = nlo;
  }
  const t = new Float64Array(vals.length);
  const dt = 2 ** -level;
  for (let i = 0; i < vals.length; i++) t[i] = (lo + i) * dt;
  return { t, values: vals, first: lo, level };
}

/** Sums over a partition: quadratic variation sum (dX)^2 and total variation sum |dX|. */
export interface PartitionSums {
  /** Number of intervals n of each partition. */
  n: number[];
  quadratic: number[];
  total: number[];
}

/** Finest partition of the quadratic-variation figure (chapter 3): 2^QV_MAX_K intervals, k = 0..QV_MAX_K. */
export const QV_MAX_K = 14;

/**
 * For sampled values x_0..x_M on an evenly spaced grid and each interval count n in `counts` (each dividing into
 * the grid: indices round(j M / n), j = 0..n, must be distinct), the sums over the partition's intervals of the
 * squared increments (the quadratic variation sum) and of their absolute values (the total variation sum).
 */
export function partitionSums(values: ArrayLike<number>, counts: readonly number[]): PartitionSums {
  const M = values.length - 1;
  if (M < 1) throw new Error(`partitionSums needs at least two values; got ${values.length}`);
  const out: PartitionSums = { n: [], quadratic: [], total: [] };
  for (const n of counts) {
    requireInteger('each interval count', n, 1, M);
    let q = 0;
    let a = 0;
    let prev = values[0];
    for (let j = 1; j <= n; j++) {
      const x = values[Math.round((j * M) / n)];
      const d = x - prev;
      q += d * d;
      a += Math.abs(d);
      prev = x;
    }
    out.n.push(n);
    out.quadratic.push(q);
    out.total.push(a);
  }
  return out;
}

/** Cov(W_s, W_t) = min(s, t) for s, t >= 0 (independent increments). */
export function brownianCovariance(s: number, t: number): number {
  if (!(Number.isFinite(s) && Number.isFinite(t) && s >= 0 && t >= 0)) throw new Error(`times must be finite and >= 0; got ${s}, ${t}`);
  return Math.min(s, t);
}

/**
 * Rounding against discretisation: the sum W_N = dW_1 + ... + dW_N of N increments N(0, T/N) (stream `seed`),
 * added left to right in double precision, in single precision (every partial sum rounded to float32), and with
 * Neumaier's compensated summation (error of order 1e-16 |W|, independent of N): returns the three sums, so the
 * rounding error of plain double summation is |plain - compensated|.
 */
export function roundingOfSum(N: number, T: number, seed: number): { plain: number; single: number; compensated: number } {
  requireInteger('N', N, 1, 1e8);
  requirePositive('T', T);
  const state = seedState(seed);
  const block = new Float64Array(Math.min(N, 65536));
  const sq = Math.sqrt(T / N);
  let plain = 0;
  let single = 0;
  let sum = 0;
  let comp = 0;
  for (let done = 0; done < N; done += block.length) {
    const cnt = Math.min(block.length, N - done);
    fillNormals(state, block);
    for (let i = 0; i < cnt; i++) {
      const x = block[i] * sq;
      plain += x;
      single = Math.fround(single + Math.fround(x));
      const s = sum + x;
      comp += Math.abs(sum) >= Math.abs(x) ? sum - s + x : x - s + sum;
      sum = s;
    }
  }
  return { plain, single, compensated: sum + comp };
}
