/**
 * Standard normal sampling by the ziggurat method (Marsaglia & Tsang, 2000), 256 layers, driven by one 32-bit
 * xoshiro128** word per attempt with disjoint bits for each role (Doornik, 2005, showed why sharing bits is bad):
 *
 *   bits 0..7   layer i (uniform over the 256 layers of equal area v)
 *   bits 8..31  a signed 24-bit integer h in [-2^23, 2^23); the candidate is x = (h + 1/2) w_i, symmetric about 0,
 *               with |x| = (m + 1/2) w_i where m = h xor (h >> 31) in [0, 2^23) (resolution x_i 2^-23).
 *
 * Fast path (about 98.6% of draws): m < k_i, i.e. |x| < x_{i-1}, the candidate lies in the part of layer i that is
 * entirely under the density, accept. Slow path: the wedge test f(x_i) + U (f(x_{i-1}) - f(x_i)) < e^{-x^2/2};
 * for the base layer i = 0 beyond r, Marsaglia's exact tail: repeat x = -ln(U1)/r, y = -ln(U2) until 2y > x^2,
 * return ±(r + x). A rejection starts a completely new attempt (new layer, new x).
 *
 * Layer i >= 1 is the rectangle [0, x_i] x [f(x_i), f(x_{i-1})] with x_0 = 0, f(x_0) = 1 and x_255 = r; the base
 * layer 0 is [0, r] x [0, f(r)] plus the tail beyond r, stretched to a pseudo-rectangle of width v / f(r). Here
 * f(x) = exp(-x^2/2) (unnormalised); every layer has area v.
 */
import { nextU32 } from './random';
import { normalSf } from './stats';

/** Number of layers (a power of two: the layer index is the low ZIG_BITS bits of a word). */
const ZIG_LAYERS = 256;
const ZIG_BITS = 8;
const M = 8388608; // 2^23: |h| resolution with 32 - 8 - 1 = 23 magnitude bits
const SQRT_2PI = 2.5066282746310002;

/** Area of the layers for a base edge r: v(r) = r f(r) + int_r^inf f = r f(r) + sqrt(2 pi) (1 - Phi(r)). */
function layerArea(r: number): number {
  return r * Math.exp(-0.5 * r * r) + SQRT_2PI * normalSf(r);
}

/** Top of the ziggurat built from base edge r: v/x_1 + f(x_1), which must equal f(0) = 1. */
function topOfZiggurat(r: number): number {
  const v = layerArea(r);
  let x = r;
  for (let i = ZIG_LAYERS - 1; i >= 2; i--) {
    const y = v / x + Math.exp(-0.5 * x * x);
    if (y >= 1) return Infinity; // r too small: the layers overshoot the peak
    x = Math.sqrt(-2 * Math.log(y));
  }
  return v / x + Math.exp(-0.5 * x * x);
}

/**
 * Right edge r of the base rectangle, solved at load time by bisection so that the ZIG_LAYERS layers of equal
 * area close exactly at the peak (for 256 layers r = 3.6541528853610088, Marsaglia & Tsang's constant).
 */
export const ZIG_R = (() => {
  let lo = 3;
  let hi = 4.5;
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (topOfZiggurat(mid) > 1) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
})();
/** Common area of the layers (unnormalised density f(x) = exp(-x^2/2)). */
export const ZIG_V = layerArea(ZIG_R);

/** Fast-accept thresholds k_i = ceil(M x_{i-1}/x_i - 1/2) (base: x_{-1} := r over width v/f(r)). */
const ZIG_K = new Int32Array(ZIG_LAYERS);
/** Scale w_i = x_i / M (base: (v/f(r)) / M). */
export const ZIG_W = new Float64Array(ZIG_LAYERS);
/** f(x_i) = exp(-x_i^2/2), f(x_0) := 1 for the wedge test of the top layer. */
const ZIG_F = new Float64Array(ZIG_LAYERS);

(function buildTables() {
  const r = ZIG_R;
  const L = ZIG_LAYERS - 1;
  const fr = Math.exp(-0.5 * r * r);
  const q = ZIG_V / fr; // pseudo-width of the base layer
  ZIG_K[0] = Math.ceil((r / q) * M - 0.5);
  ZIG_W[0] = q / M;
  ZIG_F[0] = 1;
  ZIG_W[L] = r / M;
  ZIG_F[L] = fr;
  let xi = r; // x_{i+1} as we go down in i
  for (let i = L - 1; i >= 1; i--) {
    const xPrev = Math.sqrt(-2 * Math.log(ZIG_V / xi + Math.exp(-0.5 * xi * xi)));
    ZIG_K[i + 1] = Math.ceil((xPrev / xi) * M - 0.5);
    xi = xPrev;
    ZIG_W[i] = xi / M;
    ZIG_F[i] = Math.exp(-0.5 * xi * xi);
  }
  ZIG_K[1] = 0; // the top layer has no inner rectangle: always the wedge test
})();

/** Largest count handled by one internal pass of `fillNormals` (longer requests are split). */
const NORMAL_BLOCK = 4096;

/**
 * Builds the sampling functions over the given tables. They are created inside a function (not at module top
 * level) on purpose: V8 optimises loops that read module-scope bindings of an ES module noticeably worse (measured
 * ~20% slower for the fused kernels) than loops over a closure's bindings.
 */
function createZiggurat(K: Int32Array, W: Float64Array, F: Float64Array, r: number) {
  const failAt = new Int32Array(NORMAL_BLOCK);
  const failWord = new Int32Array(NORMAL_BLOCK);
  const TWO_M32 = 2.3283064365386963e-10;

  /**
   * The slow path of one ziggurat attempt that failed the fast test, given its layer `i` and signed integer `h`.
   * Draws further words from `st` as needed and returns a standard normal variate (wedge test or exact tail,
   * restarting on rejection).
   */
  function zigguratSlow(st: Int32Array, i: number, h: number): number {
    for (;;) {
      if (i === 0) {
        // Tail beyond r (exact, Marsaglia 1964).
        let x: number;
        let y: number;
        do {
          x = -Math.log((nextU32(st) + 0.5) * TWO_M32) / r;
          y = -Math.log((nextU32(st) + 0.5) * TWO_M32);
        } while (y + y < x * x);
        return h < 0 ? -(r + x) : r + x;
      }
      const x = (h + 0.5) * W[i];
      const u = (nextU32(st) + 0.5) * TWO_M32;
      if (F[i] + u * (F[i - 1] - F[i]) < Math.exp(-0.5 * x * x)) return x;
      // Rejected: a whole new attempt.
      const w = nextU32(st) | 0;
      i = w & (ZIG_LAYERS - 1);
      h = w >> ZIG_BITS;
      if ((h ^ (h >> 31)) < K[i]) return (h + 0.5) * W[i];
    }
  }

  /** One standard normal variate N(0, 1) from the xoshiro128** state `st` (ziggurat, see the module comment). */
  function normalFromState(st: Int32Array): number {
    const w = nextU32(st) | 0;
    const i = w & (ZIG_LAYERS - 1);
    const h = w >> ZIG_BITS;
    if ((h ^ (h >> 31)) < K[i]) return (h + 0.5) * W[i];
    return zigguratSlow(st, i, h);
  }

  /**
   * Writes `count` independent N(0, 1) variates to out[offset .. offset + count), drawn from the generator state `st`.
   * Two passes per block of at most NORMAL_BLOCK values: a tight pass runs xoshiro128** and the ziggurat fast path
   * for every slot (one word per slot) and remembers the ~1.5% of slots that failed it; a second pass finishes those
   * slots by `zigguratSlow`, in slot order, with words drawn after the block's fast words. Every variate is a function
   * of its own disjoint set of words, so the values are independent and exactly N(0, 1); keeping calls and
   * transcendental functions out of the first pass makes it several times faster in V8.
   */
  function fillNormals(st: Int32Array, out: Float64Array, offset = 0, count = out.length - offset): void {
    if (!Number.isInteger(offset) || !Number.isInteger(count) || offset < 0 || count < 0 || offset + count > out.length) {
      throw new Error(`fillNormals: [offset, offset + count) = [${offset}, ${offset + count}) must lie within [0, ${out.length}]`);
    }
    const mask = ZIG_LAYERS - 1;
    for (let b0 = offset, bEnd = offset + count; b0 < bEnd; b0 += NORMAL_BLOCK) {
      const b1 = Math.min(bEnd, b0 + NORMAL_BLOCK);
      const nf = fastPass(st, out, b0, b1);
      for (let f = 0; f < nf; f++) {
        const w = failWord[f];
        out[failAt[f]] = zigguratSlow(st, w & mask, w >> ZIG_BITS);
      }
    }
  }

  /**
   * The tight first pass of `fillNormals` over out[b0 .. b1): xoshiro128** and the ziggurat fast path inlined, the
   * generator state in locals; slots that fail the fast test are recorded in failAt/failWord. Returns their count.
   * Kept as its own small function: V8 optimises this loop markedly better (~25%) when the slow path's code is
   * not compiled into the same function.
   */
  function fastPass(st: Int32Array, out: Float64Array, b0: number, b1: number): number {
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    let nf = 0;
    for (let n = b0; n < b1; n++) {
      const m5 = Math.imul(s1, 5);
      const w = Math.imul((m5 << 7) | (m5 >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      // Literal shift and mask (8 bits, 256 layers).
      const i = w & 255;
      const h = w >> 8;
      if ((h ^ (h >> 31)) < K[i]) {
        out[n] = (h + 0.5) * W[i];
      } else {
        failAt[nf] = n;
        failWord[nf] = w;
        nf++;
      }
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    return nf;
  }

  return { normalFromState, fillNormals };
}

const zig = createZiggurat(ZIG_K, ZIG_W, ZIG_F, ZIG_R);

/** One standard normal variate N(0, 1) from the xoshiro128** state `st` (ziggurat, see the module comment). */
export const normalFromState: (st: Int32Array) => number = zig.normalFromState;
/**
 * Writes `count` (default: to the end) independent N(0, 1) variates to out[offset .. offset + count) from the
 * generator state `st`: a fast pass (one word per slot, inlined xoshiro128** and ziggurat fast path), then the
 * ~1.5% of slots that failed it are finished by `zigguratSlow` in slot order with words drawn after the block's.
 */
export const fillNormals: (st: Int32Array, out: Float64Array, offset?: number, count?: number) => void = zig.fillNormals;
