/**
 * Summary statistics computed in the engine so that a page draws little: moments, quantiles, quantile bands over
 * recorded paths, histograms; plus the normal distribution function and the Kolmogorov–Smirnov test used by tests.
 */
import { requireInRange, requireInteger } from './validate';

/** Options of `histogram`. */
export interface HistogramOptions {
  /** Number of equal-width bins, an integer in [1, 100000]. */
  bins: number;
  /** Left edge of the first bin. */
  min: number;
  /** Right edge of the last bin (> min). */
  max: number;
}

/** A histogram as a density: edges (bins + 1) and density (bins), with sum(density * width) = fraction inside. */
export interface Histogram {
  edges: Float64Array;
  density: Float64Array;
  /** Values below min / above max / not finite: not counted in `density`. */
  below: number;
  above: number;
  nonFinite: number;
}

/**
 * `bins + 1` evenly spaced edges from min to max: edges[j] = min + (max - min) j / bins, with edges[bins] = max
 * exactly (so a value equal to max falls in the last bin). Needs finite min < max and an integer bins in [1, 100000].
 */
export function uniformEdges(min: number, max: number, bins: number): Float64Array {
  requireInteger('histogram bins', bins, 1, 100_000);
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) {
    throw new Error(`histogram range must be finite with max > min; got [${min}, ${max}]`);
  }
  const edges = new Float64Array(bins + 1);
  for (let j = 0; j < bins; j++) edges[j] = min + ((max - min) * j) / bins;
  edges[bins] = max;
  return edges;
}

/** Result of `histogramOnEdges`: one value per bin, and the samples that fell in no bin. */
export interface EdgeHistogram {
  /** Per bin (edges.length - 1 of them): the count, or with `density` count / (finite samples * bin width). */
  values: Float64Array;
  /** Finite samples below edges[0] / above the last edge: in no bin, but in the density's total. */
  below: number;
  above: number;
  /** NaN and ±Infinity samples: in no bin and not in the density's total. */
  nonFinite: number;
}

/**
 * Histogram of `values` on arbitrary non-decreasing `edges` (at least 2, finite). Bin j is [edges[j], edges[j+1]),
 * the last bin is closed on the right; a sample goes to the last bin whose left edge is <= it. With `density`,
 * value_j = count_j / (F * width_j) where F counts the finite samples, in range or not (so the bars' area is the
 * in-range fraction of the finite samples); a bin of zero width has density 0. The figures' density bars are these.
 */
export function histogramOnEdges(values: ArrayLike<number>, edges: ArrayLike<number>, opts: { density?: boolean } = {}): EdgeHistogram {
  const bins = edges.length - 1;
  if (bins < 1) throw new Error(`histogramOnEdges needs at least 2 edges; got ${edges.length}`);
  for (let j = 0; j <= bins; j++) {
    if (!Number.isFinite(edges[j]) || (j > 0 && edges[j] < edges[j - 1])) {
      throw new Error(`histogram edges must be finite and non-decreasing; edges[${j}] = ${edges[j]}`);
    }
  }
  const out = new Float64Array(bins);
  const lo = edges[0];
  const hi = edges[bins];
  let below = 0;
  let above = 0;
  let nonFinite = 0;
  const n = values.length;
  for (let k = 0; k < n; k++) {
    const v = values[k];
    if (!(v === v) || v === Infinity || v === -Infinity) nonFinite++;
    else if (v < lo) below++;
    else if (v > hi) above++;
    else {
      // Binary search for the last edge <= v among edges[0..bins-1].
      let a = 0;
      let b = bins;
      while (b - a > 1) {
        const m = (a + b) >> 1;
        if (edges[m] <= v) a = m;
        else b = m;
      }
      out[a]++;
    }
  }
  if (opts.density) {
    const total = n - nonFinite;
    for (let j = 0; j < bins; j++) {
      const w = edges[j + 1] - edges[j];
      out[j] = total > 0 && w > 0 ? out[j] / (total * w) : 0;
    }
  }
  return { values: out, below, above, nonFinite };
}

/**
 * Histogram of `values` on `bins` equal bins over [min, max] (`uniformEdges`; the last bin is closed on the right),
 * normalised as a density of the whole sample: density_j = count_j / (N * width), N = values.length, so values
 * outside [min, max] or not finite lower the total mass below 1 instead of being hidden (they are counted in
 * `below`/`above`/`nonFinite`). The counts are those of `histogramOnEdges`.
 */
export function histogram(values: ArrayLike<number>, { bins, min, max }: HistogramOptions): Histogram {
  const edges = uniformEdges(min, max, bins);
  const { values: counts, below, above, nonFinite } = histogramOnEdges(values, edges);
  const n = values.length;
  const width = (max - min) / bins;
  const density = new Float64Array(bins);
  if (n > 0) for (let j = 0; j < bins; j++) density[j] = counts[j] / (n * width);
  return { edges, density, below, above, nonFinite };
}

/** Sample mean and unbiased sample variance (two-pass: mean, then sum of squared deviations / (N - 1)). */
export function meanVariance(values: ArrayLike<number>): { mean: number; variance: number } {
  const n = values.length;
  if (n === 0) throw new Error('meanVariance needs at least one value; got none');
  let s = 0;
  for (let k = 0; k < n; k++) s += values[k];
  const mean = s / n;
  if (n === 1) return { mean, variance: 0 };
  let ss = 0;
  let comp = 0;
  for (let k = 0; k < n; k++) {
    const d = values[k] - mean;
    ss += d * d;
    comp += d;
  }
  // Corrected two-pass formula (Chan, Golub & LeVeque): subtract the rounding error of the mean.
  return { mean, variance: (ss - (comp * comp) / n) / (n - 1) };
}

/**
 * Quantile of sorted data at probability p in [0, 1], linear interpolation between order statistics
 * (Hyndman & Fan type 7, numpy's default): h = (N - 1) p, Q = x_floor(h) + (h - floor(h)) (x_ceil(h) - x_floor(h)).
 */
function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('quantile of an empty sample is undefined');
  requireInRange('quantile probability', p, 0, 1);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Quantiles of unsorted data at each probability in `ps` (type 7; sorts a Float64Array copy once). */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): Float64Array {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const out = new Float64Array(ps.length);
  for (let k = 0; k < ps.length; k++) out[k] = quantileSorted(sorted, ps[k]);
  return out;
}

/**
 * Puts the k-th smallest of a[left..right] at a[k], smaller-or-equal ones before it and larger-or-equal ones after
 * (Hoare's selection, median-of-three pivot): O(n) on average, where sorting the column is O(n log n). NaN-free input.
 */
function selectKth(a: Float64Array, k: number, left: number, right: number): void {
  while (left < right) {
    const x = a[left];
    const y = a[(left + right) >> 1];
    const z = a[right];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return; // j < k < i: a[k] equals the pivot
  }
}

/**
 * Puts each rank ks[lo..hi) (sorted) of a[left..right] in its place: the middle rank first, then the lower ranks in
 * the part below it and the upper ranks in the part above, so each search runs over a shrinking part. Five
 * quantiles of 1,000 values cost about 40% less than selecting them one after another over everything above the last.
 */
function selectRanks(a: Float64Array, ks: Int32Array, lo: number, hi: number, left: number, right: number): void {
  if (lo >= hi) return;
  const mid = (lo + hi) >> 1;
  const k = ks[mid];
  selectKth(a, k, left, right);
  selectRanks(a, ks, lo, mid, left, k - 1);
  selectRanks(a, ks, mid + 1, hi, k + 1, right);
}

/** The order statistics (0-based ranks, sorted, distinct) that type-7 quantiles at `ps` of n values interpolate. */
function quantileRanks(n: number, ps: readonly number[]): Int32Array {
  const ranks = new Set<number>();
  for (const p of ps) {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    ranks.add(lo);
    if (h > lo && lo + 1 < n) ranks.add(lo + 1);
  }
  return Int32Array.from([...ranks].sort((x, y) => x - y));
}

/**
 * Type-7 quantiles of `column` at the probabilities `ps`, written to out[offset + k * stride], by selecting the
 * order statistics they need (`ranks`, from quantileRanks). Reorders `column`. A column holding NaN (`hasNaN`) is
 * sorted instead (NaN last, as Float64Array.prototype.sort places it).
 */
function columnQuantiles(
  column: Float64Array,
  hasNaN: boolean,
  ps: readonly number[],
  ranks: Int32Array,
  out: Float32Array,
  offset: number,
  stride: number,
): void {
  if (hasNaN) column.sort();
  else selectRanks(column, ranks, 0, ranks.length, 0, column.length - 1);
  for (let k = 0; k < ps.length; k++) out[offset + k * stride] = quantileSorted(column, ps[k]);
}

/**
 * Quantile bands across paths at each recorded time: for path-major data `paths[i * record + j]` (i < nPaths,
 * j < record) returns `bands[k * record + j]` = type-7 quantile `ps[k]` of {paths[i * record + j]}_i, plus the
 * pointwise mean. Cost O(record * nPaths * ps.length), by selection rather than a sort per recorded time.
 */
export function quantileBands(paths: ArrayLike<number>, nPaths: number, record: number, ps: readonly number[]): { bands: Float32Array; mean: Float32Array } {
  requireInteger('nPaths', nPaths, 1);
  requireInteger('record', record, 1);
  if (paths.length < nPaths * record) {
    throw new Error(`paths has ${paths.length} values, fewer than nPaths * record = ${nPaths * record}`);
  }
  for (const p of ps) requireInRange('quantile probability', p, 0, 1);
  const ranks = quantileRanks(nPaths, ps);
  const bands = new Float32Array(ps.length * record);
  const mean = new Float32Array(record);
  const column = new Float64Array(nPaths);
  for (let j = 0; j < record; j++) {
    let s = 0;
    let hasNaN = false;
    for (let i = 0; i < nPaths; i++) {
      const v = paths[i * record + j];
      column[i] = v;
      s += v;
      if (v !== v) hasNaN = true;
    }
    mean[j] = s / nPaths;
    columnQuantiles(column, hasNaN, ps, ranks, bands, j, record);
  }
  return { bands, mean };
}

const INV_SQRT_2PI = 0.3989422804014327;

/** Standard normal density phi(x) = exp(-x^2/2) / sqrt(2 pi). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * Standard normal distribution function Phi(x), to about 1e-15 relative accuracy in both tails:
 * for |x| < 3 the series Phi(x) = 1/2 + phi(x) sum_{n>=0} x^{2n+1} / (1*3*...*(2n+1));
 * for |x| >= 3 the upper tail 1 - Phi(|x|) = phi(x) / (x + 1/(x + 2/(x + 3/(x + ...)))) (Laplace's continued
 * fraction, evaluated by the modified Lentz method).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 3) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= x2 / (2 * n + 1);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    return 0.5 + normalPdf(x) * sum;
  }
  if (ax > 40) return x > 0 ? 1 : 0;
  // Continued fraction for the Mills ratio R(a) = 1/(a + 1/(a + 2/(a + ...))): evaluate g = a + 1/(a + 2/(a + ...))
  // by Lentz: b_0 = a, a_n = n, b_n = a.
  const tiny = 1e-300;
  let f = ax;
  let C = f;
  let D = 0;
  for (let n = 1; n < 500; n++) {
    D = ax + n * D;
    D = D === 0 ? tiny : 1 / D;
    C = ax + n / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const upper = normalPdf(ax) / f;
  return x > 0 ? 1 - upper : upper;
}

/** Upper tail 1 - Phi(x) without cancellation for large x. */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

/**
 * One-sample Kolmogorov–Smirnov statistic D = sup_x |F_N(x) - F(x)| of `values` against the distribution
 * function `cdf` (sorts a copy): D = max_i max(i/N - F(x_(i)), F(x_(i)) - (i-1)/N).
 */
export function ksStatistic(values: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const n = sorted.length;
  if (n === 0) throw new Error('Kolmogorov–Smirnov statistic of an empty sample is undefined');
  let d = 0;
  for (let i = 0; i < n; i++) {
    const F = cdf(sorted[i]);
    const dPlus = (i + 1) / n - F;
    const dMinus = F - i / n;
    if (dPlus > d) d = dPlus;
    if (dMinus > d) d = dMinus;
  }
  return d;
}

/**
 * Asymptotic p-value of the KS statistic: P(K > t) = 2 sum_{k>=1} (-1)^{k-1} e^{-2 k^2 t^2} with
 * t = D (sqrt N + 0.12 + 0.11/sqrt N) (Stephens' small-sample correction).
 */
export function ksPValue(d: number, n: number): number {
  const sn = Math.sqrt(n);
  const t = d * (sn + 0.12 + 0.11 / sn);
  if (t < 0.2) return 1;
  let s = 0;
  for (let k = 1; k < 100; k++) {
    const term = Math.exp(-2 * k * k * t * t);
    s += k % 2 === 1 ? term : -term;
    if (term < 1e-18) break;
  }
  return Math.max(0, Math.min(1, 2 * s));
}

/** Least-squares slope and intercept of y on x (used for log–log convergence orders). */
export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>): { slope: number; intercept: number } {
  const n = x.length;
  if (n < 2 || y.length !== n) throw new Error(`linearFit needs two equal-length arrays of >= 2 points; got ${n}, ${y.length}`);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
  }
  if (sxx === 0) throw new Error('linearFit: all x values are equal; the slope is undefined');
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
