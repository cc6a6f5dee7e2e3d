/** Worker tasks for chapter 3 (noise): Brownian zoom, quadratic variation, convergence orders (its OU/GBM laws figure uses sdeLaws.ts). */
import { brownianWindow, gbmConvergence, partitionSums, QV_MAX_K, type GbmConvergenceParams, type GbmConvergenceResult } from '../engines/index.ts';
import type { Chunked } from '../engines/chunked.ts';

/** Grid points per zoom window: 2^ZOOM_DETAIL intervals. */
const ZOOM_DETAIL = 10;
/** Level of the overview path on [0, 1]. */
const OVERVIEW_LEVEL = 11;

export interface BrownianZoomParams {
  seed: number;
  /** Centre of the zoom window in (0, 1). */
  center: number;
  /** Zoom depth z: window width w = 2^-z. */
  zoom: number;
}

interface BrownianZoomResult {
  overviewT: Float64Array;
  overview: Float64Array;
  /** The window [t0, t0 + w] on the grid of level zoom + ZOOM_DETAIL, t0 a node of that grid. */
  t0: number;
  w: number;
  windowT: Float64Array;
  window: Float64Array;
  /** max - min of W over the window, and |W(t0 + w) - W(t0)|. */
  range: number;
  chord: number;
}

/**
 * One Brownian path (Lévy construction, see brownian.ts) on [0, 1] at level 11, and the window of width
 * w = 2^-zoom around `center` at level zoom + 10: 1,024 intervals of the same path at every zoom.
 */
function noiseBrownianZoom(p: BrownianZoomParams): BrownianZoomResult {
  const { seed, center, zoom } = p;
  if (!Number.isInteger(zoom) || zoom < 0 || zoom > 40) throw new Error(`zoom must be an integer in [0, 40]; got ${zoom}`);
  if (!(center >= 0 && center <= 1)) throw new Error(`center must lie in [0, 1]; got ${center}`);
  const over = brownianWindow({ seed, from: 0, to: 1, level: OVERVIEW_LEVEL });
  const w = 2 ** -zoom;
  const level = zoom + ZOOM_DETAIL;
  const cells = 2 ** level;
  // Snap the left end to the window's grid, keep the window inside [0, 1].
  const startIndex = Math.min(cells - 2 ** ZOOM_DETAIL, Math.max(0, Math.round((center - w / 2) * cells)));
  const t0 = startIndex / cells;
  const win = brownianWindow({ seed, from: t0, to: Math.min(1, t0 + w), level });
  const a = startIndex - win.first;
  const n = 2 ** ZOOM_DETAIL + 1;
  const windowT = win.t.slice(a, a + n);
  const window = win.values.slice(a, a + n);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of window) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { overviewT: over.t, overview: over.values, t0, w, windowT, window, range: hi - lo, chord: Math.abs(window[n - 1] - window[0]) };
}

/** Level of the fine grid the quadratic-variation partitions are taken from. */
const QV_LEVEL = 18;
/** Points kept for drawing the path. */
const QV_DRAW = 2049;

export interface QuadraticVariationParams {
  seed: number;
  /** End of the interval [0, t], t in [0.1, 1] (snapped to the grid of level 18). */
  t: number;
  /** The partition drawn on the path: 2^k intervals, k in [0, 14]. */
  k: number;
}

interface QuadraticVariationResult {
  /** The end time actually used (a node of the level-18 grid). */
  t: number;
  /** The path on [0, t] for drawing. */
  pathT: Float64Array;
  path: Float64Array;
  /** The smooth comparison f(s) = 0.6 sin(2 pi s) on the same times. */
  smooth: Float64Array;
  /** The partition with 2^k intervals: its times and the path's values there. */
  partitionT: Float64Array;
  partition: Float64Array;
  /** For k = 0..14: 2^k, sum (dW)^2, sum |dW|, and the same sums for the smooth function. */
  n: Float64Array;
  qvBrownian: Float64Array;
  tvBrownian: Float64Array;
  qvSmooth: Float64Array;
  tvSmooth: Float64Array;
}

/** The smooth comparison function of the quadratic-variation figure. */
function smoothComparison(s: number): number {
  return 0.6 * Math.sin(2 * Math.PI * s);
}

/** Quadratic and total variation sums over partitions of [0, t] with 1, 2, 4, ..., 2^14 intervals. */
function noiseQuadraticVariation(p: QuadraticVariationParams): QuadraticVariationResult {
  const { seed, k } = p;
  if (!(p.t >= 0.1 && p.t <= 1)) throw new Error(`t must lie in [0.1, 1]; got ${p.t}`);
  if (!Number.isInteger(k) || k < 0 || k > QV_MAX_K) throw new Error(`k must be an integer in [0, ${QV_MAX_K}]; got ${k}`);
  const cells = 2 ** QV_LEVEL;
  const end = Math.round(p.t * cells);
  const t = end / cells;
  const full = brownianWindow({ seed, from: 0, to: t, level: QV_LEVEL });
  const values = full.values.subarray(0, end + 1);
  const times = full.t.subarray(0, end + 1);
  const smoothValues = Float64Array.from(times, smoothComparison);
  const counts = Array.from({ length: QV_MAX_K + 1 }, (_, j) => 2 ** j);
  const b = partitionSums(values, counts);
  const s = partitionSums(smoothValues, counts);
  const draw = Array.from({ length: QV_DRAW }, (_, i) => Math.round((i * end) / (QV_DRAW - 1)));
  const nk = 2 ** k;
  const part = Array.from({ length: nk + 1 }, (_, j) => Math.round((j * end) / nk));
  return {
    t,
    pathT: Float64Array.from(draw, (i) => times[i]),
    path: Float64Array.from(draw, (i) => values[i]),
    smooth: Float64Array.from(draw, (i) => smoothValues[i]),
    partitionT: Float64Array.from(part, (i) => times[i]),
    partition: Float64Array.from(part, (i) => values[i]),
    n: Float64Array.from(counts),
    qvBrownian: Float64Array.from(b.quadratic),
    tvBrownian: Float64Array.from(b.total),
    qvSmooth: Float64Array.from(s.quadratic),
    tvSmooth: Float64Array.from(s.total),
  };
}

/** Strong and weak errors of Euler–Maruyama and Milstein on GBM (convergence.ts). */
function noiseConvergence(p: GbmConvergenceParams): Chunked<GbmConvergenceResult> {
  return gbmConvergence(p);
}

export const noiseTasks = { noiseBrownianZoom, noiseQuadraticVariation, noiseConvergence };
