/**
 * Figure: Ornstein–Uhlenbeck paths sampled in a worker (seeded), drawn on canvas, with the exact mean and a
 * two-standard-deviation band, and the histogram of X_T against the exact Gaussian density.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawCanvasPaths } from '../../app/plots/canvasPaths.ts';
import { drawHistogram } from '../../app/plots/histogram.ts';
import { histogramOnEdges } from '../../workers/engines/stats.ts';
import { usePlayback } from '../../app/sim/usePlayback.ts';
import { PlaybackControls } from '../../app/components/PlaybackControls.tsx';
import { ouBandCurves, ouEmMoments, ouMoments } from '../../workers/engines/ou.ts';
import sampleListing from '../../workers/engines/sde.ts?fn=sampleLinearSde1d&code';
import stepListing from '../../workers/engines/sde.ts?fn=affineRunReference&code';
import { seedParam, formatGrouped } from '../../app/state/schema.ts';

const MU = 0;
const STEPS = 500;
const RECORD = 201;
const BINS = 40;
const HIGHLIGHTED = [0, 1, 2];

/** Exact mean and variance of X_t on a grid of times, and a y-range that holds the band at every t. */
function exactCurves(theta: number, sigma: number, x0: number, T: number) {
  const { t, mean, lower, upper, domain } = ouBandCurves({ theta, mu: MU, sigma, x0, T, n: 121 });
  const end = ouMoments({ theta, mu: MU, sigma, x0, t: T });
  // What the simulation estimates: the moments of the Euler–Maruyama chain itself (they differ from the
  // continuous ones by O(dt); chapter 3 is about that difference).
  const endEm = ouEmMoments({ theta, mu: MU, sigma, x0, t: T, steps: STEPS });
  return { t, mean, lower, upper, domain, end, endEm };
}

export const OuPaths = defineFigure({
  id: 'ou-paths',
  task: 'sdeLaws',
  schema: {
    theta: { label: 'pull rate', symbol: 'θ', min: 0.1, max: 5, step: 0.1, default: 1 },
    sigma: { label: 'noise', symbol: 'σ', min: 0.1, max: 2, step: 0.1, default: 0.5 },
    x0: { label: 'start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 2 },
    T: { label: 'horizon', symbol: 'T', min: 0.5, max: 10, step: 0.5, default: 5 },
    paths: { label: 'number of paths', symbol: 'N', min: 10, max: 5000, step: 10, default: 1000, integer: true, log: true },
    seed: seedParam(),
  },
  code: [sampleListing, stepListing],
  // The histogram's range comes from the exact law at the sliders' values, so it is part of the request. The OU
  // model of the shared task pulls to 0 (MU here); its `mu` is GBM's drift and unused for OU.
  request: (v) => {
    const [histMin, histMax] = exactCurves(v.theta, v.sigma, v.x0, v.T).domain;
    return {
      model: 'ou',
      scheme: 'em',
      theta: v.theta,
      mu: 0,
      sigma: v.sigma,
      x0: v.x0,
      T: v.T,
      steps: STEPS,
      paths: v.paths,
      seed: v.seed,
      record: RECORD,
      bins: BINS,
      histMin,
      histMax,
    };
  },
  useView: ({ shown, values, inView }) => {
    const r = shown?.result ?? null;
    // Everything drawn beside the paths belongs to the values the paths were simulated with.
    const s = shown?.values ?? values;
    const exact = useMemo(() => exactCurves(s.theta, s.sigma, s.x0, s.T), [s.theta, s.sigma, s.x0, s.T]);
    const T = s.T;

    // A time cursor: play (or step) through [0, T]; the histogram shows X at the cursor. It starts at T.
    const playback = usePlayback({ frames: RECORD, fps: 50, visible: inView });
    const j = playback.frame;
    const atEnd = j === RECORD - 1;
    const tCursor = (T * j) / (RECORD - 1);

    // Paths up to the cursor (a compact copy: the plot draws whole rows), and X at the cursor.
    const cut = useMemo(() => {
      if (!r || r.t.length !== RECORD) return null;
      if (atEnd) return { t: r.t, values: r.paths, column: r.final, histogram: r.density };
      const n = r.final.length;
      const len = j + 1;
      const paths = new Float32Array(n * len);
      const column = new Float64Array(n);
      for (let p = 0; p < n; p++) {
        paths.set(r.paths.subarray(p * RECORD, p * RECORD + len), p * len);
        column[p] = r.paths[p * RECORD + j];
      }
      return { t: r.t.subarray(0, len), values: paths, column, histogram: histogramOnEdges(column, r.edges, { density: true }).values };
    }, [r, j, atEnd]);

    // The exact density of X at the cursor on the histogram's range.
    const density = useMemo(() => {
      const n = 161;
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      const { mean, variance } = atEnd ? exact.end : ouMoments({ theta: s.theta, mu: MU, sigma: s.sigma, x0: s.x0, t: Math.max(tCursor, 1e-9) });
      for (let i = 0; i < n; i++) {
        x[i] = exact.domain[0] + ((exact.domain[1] - exact.domain[0]) * i) / (n - 1);
        y[i] = Math.exp(-((x[i] - mean) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
      }
      return { x, y };
    }, [exact, atEnd, tCursor, s.theta, s.sigma, s.x0]);

    // Standard errors of the sample mean and variance of N Gaussian samples: sqrt(v/N) and v sqrt(2/(N-1)).
    const n = r?.final.length ?? 0;
    const seMean = Math.sqrt(exact.endEm.variance / Math.max(1, n));
    const seVar = exact.endEm.variance * Math.sqrt(2 / Math.max(1, n - 1));

    return {
      readouts: r
        ? [
            {
              label: 'mean of X(T)',
              value: r.mean.toFixed(3),
              detail: `± ${seMean.toFixed(3)} (exact ${exact.end.mean.toFixed(3)}; ${formatGrouped(n, 0)} paths)`,
            },
            {
              label: 'variance',
              value: r.variance.toFixed(4),
              detail: `± ${seVar.toFixed(4)} (exact ${exact.end.variance.toFixed(4)}; Euler–Maruyama ${exact.endEm.variance.toFixed(4)})`,
            },
          ]
        : [],
      playback: <PlaybackControls playback={playback} label="time" format={(f) => `t = ${((T * f) / (RECORD - 1)).toFixed(2)}`} />,
      csv: () =>
        r
          ? {
              t: r.t,
              ...Object.fromEntries(HIGHLIGHTED.filter((i) => i < r.final.length).map((i) => [`path${i + 1}`, r.paths.subarray(i * RECORD, (i + 1) * RECORD)])),
            }
          : {},
      panels: [
        {
          key: 'paths',
          title: 'paths',
          aspect: 0.5,
          weight: 2,
          canvas: true,
          ariaLabel: `Paths of the Ornstein–Uhlenbeck process from x0 = ${s.x0} over [0, ${T}]`,
          deps: [cut, exact, tCursor],
          draw: (svg, ctx, size, theme) => {
            const sc = plotAxes(svg, size, theme, { x: { domain: [0, T], label: 'time t' }, y: { domain: exact.domain, label: 'Xₜ' } });
            drawBand(svg, { x: exact.t, lower: exact.lower, upper: exact.upper }, sc, { ariaLabel: 'Exact mean plus and minus two standard deviations' });
            if (ctx && cut)
              drawCanvasPaths(ctx, { t: cut.t, values: cut.values }, sc, theme, {
                highlight: HIGHLIGHTED.filter((i) => i < cut.column.length),
                clip: sc.frame,
              });
            drawLine(svg, { x: exact.t, y: exact.mean }, sc, { theme, color: 'var(--plot-fg)', dash: '6 4', ariaLabel: 'Exact mean' });
            if (!atEnd)
              drawLine(svg, { x: [tCursor, tCursor], y: exact.domain }, sc, {
                theme,
                color: 'var(--accent)',
                ariaLabel: `Time cursor at t = ${tCursor.toFixed(2)}`,
              });
          },
        },
        {
          key: 'histogram',
          title: 'histogram',
          aspect: 1,
          ariaLabel: 'Histogram of X_T with the exact density',
          deps: [cut, density],
          draw: (svg, _ctx, size, theme) => {
            const peak = Math.max(...density.y, ...(cut ? Array.from(cut.histogram) : [0]));
            const sc = plotAxes(svg, size, theme, {
              x: { domain: exact.domain, label: atEnd ? `X(T) at T = ${T}` : `X(t) at t = ${tCursor.toFixed(2)}` },
              y: { domain: [0, peak * 1.08] },
            });
            if (r && cut && r.edges.length === BINS + 1) drawHistogram(svg, { edges: r.edges, density: cut.histogram, curve: density }, sc, { theme });
          },
        },
      ],
    };
  },
});
