/**
 * Figure: Ornstein–Uhlenbeck paths sampled in a worker (seeded), drawn on canvas, with the exact mean and a
 * two-standard-deviation band, and the histogram of X_T against the exact Gaussian density.
 */
import { useMemo, type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { useMediaQuery } from '../../app/state/settings.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawCanvasPaths } from '../../app/plots/canvasPaths.ts';
import { densityHistogram, drawHistogram } from '../../app/plots/histogram.ts';
import { usePlayback } from '../../app/sim/usePlayback.ts';
import { PlaybackControls } from '../../app/components/PlaybackControls.tsx';
import { ouEmMoments, ouMoments } from '../../workers/engines/ou.ts';
import sampleListing from '../../workers/engines/sde.ts?fn=sampleLinearSde1d&code';
import stepListing from '../../workers/engines/sde.ts?fn=affineRun&code';
import type { SdeLawsParams } from '../../workers/tasks/sdeLaws.ts';

export const ouParams = defineFigureParams('ou-paths', {
  theta: { label: 'pull rate', symbol: 'θ', min: 0.1, max: 5, step: 0.1, default: 1 },
  sigma: { label: 'noise', symbol: 'σ', min: 0.1, max: 2, step: 0.1, default: 0.5 },
  x0: { label: 'start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 2 },
  T: { label: 'horizon', symbol: 'T', min: 0.5, max: 10, step: 0.5, default: 5 },
  paths: { label: 'number of paths', symbol: 'N', min: 10, max: 5000, step: 10, default: 1000, integer: true, log: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

const MU = 0;
const STEPS = 500;
const RECORD = 201;
const BINS = 40;
const HIGHLIGHTED = [0, 1, 2];

/** Exact mean and variance of X_t on a grid of times, and a y-range that holds the band at every t. */
function exactCurves(theta: number, sigma: number, x0: number, T: number) {
  const n = 121;
  const t = new Float64Array(n);
  const mean = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  let lo = Math.min(x0, MU);
  let hi = Math.max(x0, MU);
  for (let i = 0; i < n; i++) {
    t[i] = (T * i) / (n - 1);
    const m = ouMoments({ theta, mu: MU, sigma, x0, t: t[i] });
    const sd = Math.sqrt(m.variance);
    mean[i] = m.mean;
    lower[i] = m.mean - 2 * sd;
    upper[i] = m.mean + 2 * sd;
    lo = Math.min(lo, m.mean - 3.5 * sd);
    hi = Math.max(hi, m.mean + 3.5 * sd);
  }
  const end = ouMoments({ theta, mu: MU, sigma, x0, t: T });
  // What the simulation estimates: the moments of the Euler–Maruyama chain itself (they differ from the
  // continuous ones by O(dt); chapter 3 is about that difference).
  const endEm = ouEmMoments({ theta, mu: MU, sigma, x0, t: T, steps: STEPS });
  return { t, mean, lower, upper, domain: [lo, hi] as [number, number], end, endEm };
}

export function OuPaths({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  // Side by side the two plots share a height; stacked on a phone each gets a comfortable shape.
  const stacked = useMediaQuery('(max-width: 560px)');
  const v = ouParams.useValues();
  // The histogram's range comes from the exact law at the sliders' values, so it is part of the request.
  const wanted = useMemo(() => exactCurves(v.theta, v.sigma, v.x0, v.T), [v.theta, v.sigma, v.x0, v.T]);
  // The OU model of the shared task pulls to 0 (MU here); its `mu` is GBM's drift and unused for OU.
  const request: SdeLawsParams = {
    model: 'ou', scheme: 'em', theta: v.theta, mu: 0, sigma: v.sigma, x0: v.x0, T: v.T, steps: STEPS, paths: v.paths, seed: v.seed,
    record: RECORD, bins: BINS, histMin: wanted.domain[0], histMax: wanted.domain[1],
  };
  const { sim, figure, inView } = useFigureSimulation('sdeLaws', request);
  const r = sim.result;
  // Everything drawn beside the paths (band, mean, density, exact values) belongs to the parameters the paths were
  // simulated with: while a new run computes, the figure stays consistent and is not redrawn twice.
  const shownParams = sim.resultParams ?? request;
  const exact = useMemo(
    () => exactCurves(shownParams.theta, shownParams.sigma, shownParams.x0, shownParams.T),
    [shownParams.theta, shownParams.sigma, shownParams.x0, shownParams.T],
  );
  const T = shownParams.T;

  // A time cursor: play (or step) through [0, T]; the histogram shows X at the cursor. It starts at T.
  const playback = usePlayback({ frames: RECORD, fps: 50, visible: inView });
  const j = playback.frame;
  const atEnd = j === RECORD - 1;
  const tCursor = (T * j) / (RECORD - 1);

  // Paths up to the cursor (a compact copy: the plot draws whole rows), and X at the cursor.
  const shown = useMemo(() => {
    if (!r || r.t.length !== RECORD) return null;
    if (atEnd) return { t: r.t, values: r.paths, column: r.final, histogram: r.density };
    const n = r.final.length;
    const len = j + 1;
    const values = new Float32Array(n * len);
    const column = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      values.set(r.paths.subarray(p * RECORD, p * RECORD + len), p * len);
      column[p] = r.paths[p * RECORD + j];
    }
    return { t: r.t.subarray(0, len), values, column, histogram: densityHistogram(column, r.edges) };
  }, [r, j, atEnd]);

  // The exact density of X at the cursor on the histogram's range.
  const density = useMemo(() => {
    const n = 161;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const { mean, variance } = atEnd ? exact.end : ouMoments({ theta: shownParams.theta, mu: MU, sigma: shownParams.sigma, x0: shownParams.x0, t: Math.max(tCursor, 1e-9) });
    for (let i = 0; i < n; i++) {
      x[i] = exact.domain[0] + ((exact.domain[1] - exact.domain[0]) * i) / (n - 1);
      y[i] = Math.exp(-((x[i] - mean) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
    }
    return { x, y };
  }, [exact, atEnd, tCursor, shownParams.theta, shownParams.sigma, shownParams.x0]);

  // Standard errors of the sample mean and variance of N Gaussian samples: sqrt(v/N) and v sqrt(2/(N-1)).
  const n = r?.final.length ?? 0;
  const seMean = Math.sqrt(exact.endEm.variance / Math.max(1, n));
  const seVar = exact.endEm.variance * Math.sqrt(2 / Math.max(1, n - 1));
  const stats = r
    ? `Over ${n.toLocaleString('en-US')} paths: sample mean of X(T) ${r.mean.toFixed(3)} ± ${seMean.toFixed(3)} (exact ${exact.end.mean.toFixed(3)}); sample variance ${r.variance.toFixed(4)} ± ${seVar.toFixed(4)} (exact ${exact.end.variance.toFixed(4)}; for the Euler–Maruyama chain ${exact.endEm.variance.toFixed(4)}).`
    : '';

  return (
    <Figure
      params={ouParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[sampleListing, stepListing]}
      summary={stats}
      csv={() => (r ? { t: r.t, ...Object.fromEntries(HIGHLIGHTED.filter((i) => i < r.final.length).map((i) => [`path${i + 1}`, r.paths.subarray(i * RECORD, (i + 1) * RECORD)])) } : {})}
      controls={<Controls params={ouParams} />}
    >
      <div ref={figure.plotRef} className="ou-plots">
        <PlotSurface
          className="ou-paths-plot"
          aspect={stacked ? 0.7 : 0.5}
          canvas
          ariaLabel={`Paths of the Ornstein–Uhlenbeck process from x0 = ${shownParams.x0} over [0, ${T}]`}
          deps={[shown, exact, tCursor]}
          draw={(svg, ctx, size, theme) => {
            const f = frame(size, { theme, xLabel: 'time t', yLabel: 'X_t', yDomain: exact.domain });
            const s = plotScales(f, [0, T], exact.domain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'time t', yLabel: 'Xₜ' });
            drawBand(svg, { x: exact.t, lower: exact.lower, upper: exact.upper }, s, { ariaLabel: 'Exact mean plus and minus two standard deviations' });
            if (ctx && shown) drawCanvasPaths(ctx, { t: shown.t, values: shown.values }, s, theme, { highlight: HIGHLIGHTED.filter((i) => i < shown.column.length), clip: f });
            drawLine(svg, { x: exact.t, y: exact.mean }, s, { theme, color: 'var(--plot-fg)', dash: '6 4', ariaLabel: 'Exact mean' });
            if (!atEnd) drawLine(svg, { x: [tCursor, tCursor], y: exact.domain }, s, { theme, color: 'var(--accent)', ariaLabel: `Time cursor at t = ${tCursor.toFixed(2)}` });
          }}
        />
        <PlotSurface
          className="ou-hist-plot"
          aspect={stacked ? 0.6 : 1}
          ariaLabel="Histogram of X_T with the exact density"
          deps={[shown, density]}
          draw={(svg, _ctx, size, theme) => {
            const peak = Math.max(...density.y, ...(shown ? Array.from(shown.histogram) : [0]));
            const f = frame(size, { theme, xLabel: 'X(T)', yDomain: [0, peak * 1.08] });
            const s = plotScales(f, exact.domain, [0, peak * 1.08], { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: atEnd ? `X(T) at T = ${T}` : `X(t) at t = ${tCursor.toFixed(2)}` });
            if (r && shown && r.edges.length === BINS + 1) drawHistogram(svg, { edges: r.edges, density: shown.histogram, curve: density }, s, { theme });
          }}
        />
      </div>
      <PlaybackControls playback={playback} label="time" format={(f) => `t = ${((T * f) / (RECORD - 1)).toFixed(2)}`} />
      {r && (
        <p className="figure-stats">
          <span>
            mean of X(T): <b>{r.mean.toFixed(3)}</b> ± {seMean.toFixed(3)} (exact {exact.end.mean.toFixed(3)})
          </span>
          <span>
            variance: <b>{r.variance.toFixed(4)}</b> ± {seVar.toFixed(4)} (exact {exact.end.variance.toFixed(4)}; Euler–Maruyama {exact.endEm.variance.toFixed(4)})
          </span>
        </p>
      )}
    </Figure>
  );
}
