/**
 * Figure: the value V(x, t) = -ln p_{T-t}(x) of the control problem for one-dimensional two-mode data, as a heat map
 * over generation time and state, with optimally controlled paths from one fixed start; beside it the histogram of
 * where they end against the exact law p(Y_0 | Y_T = x0) and the data's own density. The schedule's beta_max sets how
 * much of the data p_T still remembers.
 */
import { useMemo, type ReactNode } from 'react';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { Legend } from '../../app/components/Legend.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { useMediaQuery } from '../../app/state/settings.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawHeatmapCanvas } from '../../app/plots/heatmap.ts';
import { gridColorScale } from '../../app/plots/grid.ts';
import { colorLegendHeight, drawColorLegend } from '../../app/plots/colorLegend.ts';
import { drawCanvasPaths } from '../../app/plots/canvasPaths.ts';
import { densityHistogram, drawHistogram, uniformEdges } from '../../app/plots/histogram.ts';
import { themeColor } from '../../app/plots/theme.ts';
import valueListing from '../../workers/engines/diffusion/control.ts?fn=controlValue&code';
import lawListing from '../../workers/tasks/diffusionControl.ts?fn=conditionalLaw&code';
import { VALUE_GRID } from '../../workers/tasks/diffusionControl.ts';
import { valueParams, valueRequest } from './params.ts';
import { dataDensity, fmt, schedule, VALUE_COLOR_RANGE } from './model.ts';
import { compileMixture, gmmDensity } from '../../workers/engines/diffusion/gmm.ts';
import './diffusionControl.css';

const BINS = 64;

export function DcValue({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const stacked = useMediaQuery('(max-width: 700px)');
  const v = valueParams.useValues();
  const request = valueRequest(v);
  const { sim, figure } = useFigureSimulation('dcValue', request);
  const r = sim.status === 'error' ? null : sim.result;
  const shown = sim.resultParams ?? request;

  const view = useMemo(() => {
    if (!r) return null;
    let lo = Infinity;
    for (const x of r.value) lo = Math.min(lo, x);
    const color = gridColorScale(r.value, { domain: [lo, lo + VALUE_COLOR_RANGE] });
    const clipped = Float64Array.from(r.value, (x) => Math.min(x, lo + VALUE_COLOR_RANGE));
    const edges = uniformEdges(VALUE_GRID.lo, VALUE_GRID.hi, BINS);
    const hist = densityHistogram(r.final, edges);
    const n = 241;
    const xs = Float64Array.from({ length: n }, (_, i) => VALUE_GRID.lo + ((VALUE_GRID.hi - VALUE_GRID.lo) * i) / (n - 1));
    const law = compileMixture(r.law);
    const cond = Float64Array.from(xs, (x) => gmmDensity(law, [x], 0, schedule));
    const data = Float64Array.from(xs, (x) => dataDensity(x));
    let peak = 0;
    for (let i = 0; i < BINS; i++) peak = Math.max(peak, hist[i]);
    for (let i = 0; i < n; i++) peak = Math.max(peak, cond[i], data[i]);
    return { color, clipped, edges, hist, xs, cond, data, peak: peak * 1.08 };
  }, [r]);

  const stats = r
    ? `From x₀ = ${shown.x0} with βₘₐₓ = ${shown.betaMax} (α(T) = ${fmt(r.alphaT, 4)}), ${r.final.length} optimally controlled paths end with W₁ = ${fmt(r.w1Conditional, 3)} to the exact law p(Y₀ | Y(T) = x₀) ` +
      `(an exact sample of the same size: ${fmt(r.w1Reference, 3)}) and W₁ = ${fmt(r.w1Data, 3)} to the data. Given x₀ the modes have weights ${fmt(r.law.weights[0], 3)} and ${fmt(r.law.weights[1], 3)} ` +
      `(in the data 0.4 and 0.6). The value at the start is V(x₀, 0) = ${fmt(r.valueAtStart, 4)}.`
    : '';

  return (
    <Figure
      params={valueParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[valueListing, lawListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> => (view && r ? { x: view.xs, conditionalDensity: view.cond, dataDensity: view.data } : {})}
      controls={<Controls params={valueParams} />}
    >
      <div ref={figure.plotRef} className="dc-pair">
        <PlotSurface
          aspect={stacked ? 0.85 : 1}
          canvas
          ariaLabel={`Heat map of the value V(x, t) = −log p(T−t)(x) over generation time and state, with optimally controlled paths from x0 = ${shown.x0}`}
          deps={[r, view]}
          draw={(svg, ctx, size, theme) => {
            const yDomain: [number, number] = [VALUE_GRID.lo, VALUE_GRID.hi];
            const opts = { theme, xLabel: 't', yLabel: 'x', yDomain };
            const f0 = frame(size, opts);
            const legendH = colorLegendHeight({ title: 'V', theme });
            const f = frame(size, { ...opts, margin: { bottom: f0.margin.bottom + legendH + 6 } });
            const s = plotScales(f, [0, 1], yDomain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'generation time t', yLabel: 'state x' });
            if (!r || !view) return;
            if (ctx) {
              drawHeatmapCanvas(ctx, { values: view.clipped, nx: r.nt, ny: r.nx, x: [0, 1], y: yDomain }, s, { color: view.color });
              drawCanvasPaths(ctx, { t: r.times, values: r.paths, count: r.shown }, s, theme, { color: '#ffffff', alpha: 0.45, weight: 0.7, clip: f });
            }
            drawColorLegend(svg, view.color, { x: f.left, y: f.bottom + f0.margin.bottom + 2, width: Math.min(f.innerWidth, 240), title: `V(x, t), clipped at min + ${VALUE_COLOR_RANGE}`, theme });
          }}
        />
        <PlotSurface
          aspect={stacked ? 0.75 : 1}
          ariaLabel="Histogram of where the optimally controlled paths end, with the exact conditional density and the data density"
          deps={[r, view]}
          draw={(svg, _ctx, size, theme) => {
            const yDomain: [number, number] = [0, view?.peak ?? 1];
            const f = frame(size, { theme, xLabel: 'x', yLabel: 'density', yDomain });
            const s = plotScales(f, [VALUE_GRID.lo, VALUE_GRID.hi], yDomain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'where the paths end (t = T)', yLabel: 'density' });
            if (!r || !view) return;
            drawHistogram(svg, { edges: view.edges, density: view.hist, curve: { x: view.xs, y: view.cond } }, s, { theme });
            drawLine(svg, { x: view.xs, y: view.data }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'Density of the data' });
          }}
        />
      </div>
      <Legend items={[
        { label: 'where they end', color: 'var(--plot-1)', shape: 'box' },
        { label: <>p(Y₀ | Y<sub>T</sub> = x₀), exact</>, color: 'var(--plot-2)' },
        { label: 'p_data', color: 'var(--plot-fg)', shape: 'dash' },
      ]} />
      {r && (
        <p className="figure-stats">
          <span>
            W₁ to p(Y₀ | Y<sub>T</sub> = x₀) <b>{fmt(r.w1Conditional, 3)}</b> (exact sample {fmt(r.w1Reference, 3)}); to the data {fmt(r.w1Data, 3)}
          </span>
          <span>
            mode weights given x₀: {fmt(r.law.weights[0], 3)}, {fmt(r.law.weights[1], 3)}
          </span>
          <span>V(x₀, 0) = {fmt(r.valueAtStart, 4)}</span>
        </p>
      )}
    </Figure>
  );
}
