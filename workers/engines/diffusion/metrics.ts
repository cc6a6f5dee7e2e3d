/**
 * Sample-quality measures: MMD with a Gaussian kernel and sliced Wasserstein distance in any dimension, exact
 * Kolmogorov–Smirnov and Wasserstein-1 distances in 1-D. Samples are flat arrays of n rows of d (row-major).
 */
import { Rng } from '../random';
import { normalFromState } from '../normal';
import { requireInteger, requirePositive } from '../validate';

function rows(name: string, a: ArrayLike<number>, d: number): number {
  requireInteger('dim', d, 1, 64);
  const n = a.length / d;
  if (!Number.isInteger(n) || n < 2) throw new Error(`${name} must hold at least 2 rows of ${d} numbers; got length ${a.length}`);
  return n;
}

/**
 * Unbiased squared maximum mean discrepancy with the Gaussian kernel k(x, y) = exp(-|x - y|^2 / (2 h^2)):
 * MMD^2 = 1/(n(n-1)) sum_{i != i'} k(x_i, x_i') + 1/(m(m-1)) sum_{j != j'} k(y_j, y_j') - 2/(n m) sum_{i,j} k(x_i, y_j).
 * It can be slightly negative when the two distributions agree. Cost O((n + m)^2 d).
 */
export function mmd2(x: ArrayLike<number>, y: ArrayLike<number>, dim: number, bandwidth: number): number {
  const n = rows('x', x, dim);
  const m = rows('y', y, dim);
  requirePositive('bandwidth', bandwidth);
  const c = -0.5 / (bandwidth * bandwidth);
  const within = (a: ArrayLike<number>, k: number) => {
    let s = 0;
    for (let i = 0; i < k; i++) {
      for (let i2 = i + 1; i2 < k; i2++) {
        let q = 0;
        for (let j = 0; j < dim; j++) {
          const r = a[i * dim + j] - a[i2 * dim + j];
          q += r * r;
        }
        s += Math.exp(c * q);
      }
    }
    return (2 * s) / (k * (k - 1));
  };
  let cross = 0;
  for (let i = 0; i < n; i++) {
    for (let i2 = 0; i2 < m; i2++) {
      let q = 0;
      for (let j = 0; j < dim; j++) {
        const r = x[i * dim + j] - y[i2 * dim + j];
        q += r * r;
      }
      cross += Math.exp(c * q);
    }
  }
  return within(x, n) + within(y, m) - (2 * cross) / (n * m);
}

/**
 * Median heuristic for the kernel bandwidth: the median pairwise distance among (up to) the first 500 rows of x.
 */
export function medianBandwidth(x: ArrayLike<number>, dim: number): number {
  const n = Math.min(500, rows('x', x, dim));
  const dists: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let i2 = i + 1; i2 < n; i2++) {
      let q = 0;
      for (let j = 0; j < dim; j++) {
        const r = x[i * dim + j] - x[i2 * dim + j];
        q += r * r;
      }
      dists.push(Math.sqrt(q));
    }
  }
  dists.sort((a, b) => a - b);
  const h = dists[dists.length >> 1];
  if (!(h > 0)) throw new Error('medianBandwidth: the sample has (almost) no spread');
  return h;
}

/**
 * Exact Wasserstein-1 distance between two 1-D samples of the same size n: W1 = (1/n) sum_i |x_(i) - y_(i)|
 * (sorted order pairs the quantiles). For unequal sizes use `wasserstein1d`.
 */
function w1SameSize(xs: Float64Array, ys: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.abs(xs[i] - ys[i]);
  return s / xs.length;
}

/**
 * Exact Wasserstein-1 distance between two 1-D empirical distributions: W1 = int |F_x(t) - F_y(t)| dt, computed by
 * merging the sorted samples (any sizes).
 */
export function wasserstein1d(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length < 1 || y.length < 1) throw new Error('wasserstein1d needs two non-empty samples');
  const a = Float64Array.from(x).sort();
  const b = Float64Array.from(y).sort();
  if (a.length === b.length) return w1SameSize(a, b);
  let i = 0;
  let j = 0;
  let prev = Math.min(a[0], b[0]);
  let w = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    w += Math.abs(i / a.length - j / b.length) * (next - prev);
    prev = next;
    if (j >= b.length || (i < a.length && a[i] <= b[j])) i++;
    else j++;
  }
  return w;
}

/**
 * Wasserstein-1 distance between a 1-D sample and a distribution with CDF F: W1 = int |F_n(t) - F(t)| dt, by the
 * midpoint rule with `perGap` points between consecutive order statistics and the tails integrated on [lo, x_(1)]
 * and [x_(n), hi] (lo, hi: where F is below 1e-12 / above 1 - 1e-12, found by bracketing).
 */
export function wasserstein1dToCdf(x: ArrayLike<number>, cdf: (t: number) => number, perGap = 8): number {
  if (x.length < 1) throw new Error('wasserstein1dToCdf needs a non-empty sample');
  requireInteger('perGap', perGap, 1, 1000);
  const a = Float64Array.from(x).sort();
  const n = a.length;
  let span = Math.max(1, a[n - 1] - a[0]);
  let lo = a[0] - span;
  while (cdf(lo) > 1e-12 && span < 1e12) lo -= span *= 2;
  span = Math.max(1, a[n - 1] - a[0]);
  let hi = a[n - 1] + span;
  while (1 - cdf(hi) > 1e-12 && span < 1e12) hi += span *= 2;
  const seg = (p: number, q: number, Fn: number, pts: number) => {
    const w = (q - p) / pts;
    let s = 0;
    for (let k = 0; k < pts; k++) s += Math.abs(Fn - cdf(p + (k + 0.5) * w));
    return s * w;
  };
  let w = seg(lo, a[0], 0, 64) + seg(a[n - 1], hi, 1, 64);
  for (let i = 0; i + 1 < n; i++) if (a[i + 1] > a[i]) w += seg(a[i], a[i + 1], (i + 1) / n, perGap);
  return w;
}

/** Two-sample Kolmogorov–Smirnov statistic D = sup_t |F_x(t) - F_y(t)| (exact, by merging sorted samples). */
export function ks2Sample(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length < 1 || y.length < 1) throw new Error('ks2Sample needs two non-empty samples');
  const a = Float64Array.from(x).sort();
  const b = Float64Array.from(y).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const t = Math.min(a[i], b[j]);
    while (i < a.length && a[i] <= t) i++;
    while (j < b.length && b[j] <= t) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/**
 * Sliced Wasserstein-1 distance: the average over `projections` random unit directions theta (seeded) of the exact
 * 1-D W1 between the projected samples <x, theta> and <y, theta>.
 */
export function slicedWasserstein(x: ArrayLike<number>, y: ArrayLike<number>, dim: number, projections = 64, seed = 0): number {
  const n = rows('x', x, dim);
  const m = rows('y', y, dim);
  requireInteger('projections', projections, 1, 10_000);
  const rng = new Rng(seed);
  const th = new Float64Array(dim);
  const px = new Float64Array(n);
  const py = new Float64Array(m);
  let total = 0;
  for (let p = 0; p < projections; p++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += (th[j] = normalFromState(rng.state)) ** 2;
    norm = Math.sqrt(norm);
    for (let j = 0; j < dim; j++) th[j] /= norm;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < dim; j++) v += x[i * dim + j] * th[j];
      px[i] = v;
    }
    for (let i = 0; i < m; i++) {
      let v = 0;
      for (let j = 0; j < dim; j++) v += y[i * dim + j] * th[j];
      py[i] = v;
    }
    total += wasserstein1d(px, py);
  }
  return total / projections;
}
