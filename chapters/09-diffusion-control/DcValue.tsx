/**
 * Figure: the value V(x, t) = -ln p_{T-t}(x) of the control problem for one-dimensional two-mode data, as a heat map
 * over generation time and state, with optimally controlled paths from one fixed start; beside it the histogram of
 * where they end against the exact law p(Y_0 | Y_T = x0) and the data's own density. The schedule's beta_max sets how
 * much of the data p_T still remembers.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { frame } from '../../app/plots/frame.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawHeatmapCanvas } from '../../app/plots/heatmap.ts';
import { gridColorScale } from '../../app/plots/grid.ts';
import { colorLegendHeight, drawColorLegend } from '../../app/plots/colorLegend.ts';
import { drawCanvasPaths } from '../../app/plots/canvasPaths.ts';
import { drawHistogram } from '../../app/plots/histogram.ts';
import { histogramOnEdges, uniformEdges } from '../../workers/engines/stats.ts';
import { themeColor } from '../../app/plots/theme.ts';
import { estimateTextWidth } from '../../app/plots/format.ts';
import valueListing from '../../workers/engines/diffusion/control.ts?fn=controlValue&code';
import lawListing from '../../workers/tasks/diffusionControl.ts?fn=conditionalLaw&code';
import { VALUE_GRID } from '../../workers/engines/diffusion/dcSetup.ts';
import { compileMixture, gmmDensity } from '../../workers/engines/diffusion/gmm.ts';
import { dataDensity, fmt, schedule, VALUE_COLOR_RANGE } from './model.ts';
import { seedParam } from '../../app/state/schema.ts';

const BINS = 64;
const X_DOMAIN: [number, number] = [VALUE_GRID.lo, VALUE_GRID.hi];

export const DcValue = defineFigure({
  id: 'dc-value',
  schema: {
    betaMax: { label: 'noise rate at the end', symbol: 'βₘₐₓ', min: 1, max: 20, step: 0.5, default: 4 },
    x0: { label: 'fixed start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 1.5 },
    paths: { label: 'paths', symbol: 'N', min: 100, max: 5000, step: 100, default: 2000, integer: true, log: true },
    seed: seedParam(),
  },
  code: [valueListing, lawListing],
  request: (v) => ({ betaMax: v.betaMax, x0: v.x0, paths: v.paths, seed: v.seed }),
  useView: ({ shown, values }) => {
    const r = shown?.result ?? null;
    const x0 = shown?.values.x0 ?? values.x0;

    const view = useMemo(() => {
      if (!r) return null;
      let lo = Infinity;
      for (const x of r.value) lo = Math.min(lo, x);
      const color = gridColorScale(r.value, { domain: [lo, lo + VALUE_COLOR_RANGE] });
      const clipped = Float64Array.from(r.value, (x) => Math.min(x, lo + VALUE_COLOR_RANGE));
      const edges = uniformEdges(VALUE_GRID.lo, VALUE_GRID.hi, BINS);
      const hist = histogramOnEdges(r.final, edges, { density: true }).values;
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

    return {
      readouts:
        r && shown
          ? [
              {
                label: 'W₁ to p(Y₀ | Y(T) = x₀)',
                value: fmt(r.w1Conditional, 3),
                detail: `(an exact sample of the same size ${fmt(r.w1Reference, 3)}); to the data ${fmt(r.w1Data, 3)}`,
              },
              { label: 'mode weights given x₀', value: `${fmt(r.law.weights[0], 3)}, ${fmt(r.law.weights[1], 3)}`, detail: '(in the data 0.4 and 0.6)' },
              { label: 'V(x₀, 0)', value: fmt(r.valueAtStart, 4) },
              {
                label: `${r.final.length} optimally controlled paths from x₀ = ${shown.values.x0} with βₘₐₓ = ${shown.values.betaMax}; α(T) = ${fmt(r.alphaT, 4)}`,
                secondary: true,
              },
            ]
          : [],
      csv: (): Record<string, ArrayLike<number>> => (view ? { x: view.xs, conditionalDensity: view.cond, dataDensity: view.data } : {}),
      panels: [
        {
          key: 'value',
          title: 'value',
          aspect: 1,
          canvas: true,
          ariaLabel: `Heat map of the value V(x, t) = −log p(T−t)(x) over generation time and state, with optimally controlled paths from x0 = ${x0}`,
          deps: [r, view],
          draw: (svg, ctx, size, theme) => {
            // Room under the axis for the colour legend.
            const below = frame(size, { theme, xLabel: 't' }).margin.bottom;
            const legendH = colorLegendHeight({ title: 'V', theme });
            const s = plotAxes(svg, size, theme, {
              x: { domain: [0, 1], label: 'generation time t' },
              y: { domain: X_DOMAIN, label: 'state x' },
              margin: { bottom: below + legendH + 6 },
            });
            if (!r || !view) return;
            if (ctx) {
              drawHeatmapCanvas(ctx, { values: view.clipped, nx: r.nt, ny: r.nx, x: [0, 1], y: X_DOMAIN }, s, { color: view.color });
              drawCanvasPaths(ctx, { t: r.times, values: r.paths, count: r.shown }, s, theme, { color: '#ffffff', alpha: 0.45, weight: 0.7, clip: s.frame });
            }
            // The long title where it fits beside the plot's left edge, a short one on a narrow panel.
            const title = `V(x, t), clipped at min + ${VALUE_COLOR_RANGE}`;
            const fits = estimateTextWidth(title, theme.fontSize) <= size.width - s.frame.left;
            drawColorLegend(svg, view.color, {
              x: s.frame.left,
              y: s.frame.bottom + below + 2,
              width: Math.min(s.frame.innerWidth, 240),
              title: fits ? title : `V, ≤ min + ${VALUE_COLOR_RANGE}`,
              theme,
            });
          },
        },
        {
          key: 'ends',
          title: 'where they end',
          aspect: 1,
          legend: [
            { label: 'where they end', color: 'var(--plot-1)', shape: 'box' },
            {
              label: (
                <>
                  p(Y₀ | Y<sub>T</sub> = x₀), exact
                </>
              ),
              color: 'var(--plot-2)',
            },
            { label: 'p_data', color: 'var(--plot-fg)', shape: 'dash' },
          ],
          ariaLabel: 'Histogram of where the optimally controlled paths end, with the exact conditional density and the data density',
          deps: [r, view],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, {
              x: { domain: X_DOMAIN, label: 'where the paths end (t = T)' },
              y: { domain: [0, view?.peak ?? 1], label: 'density' },
            });
            if (!r || !view) return;
            drawHistogram(svg, { edges: view.edges, density: view.hist, curve: { x: view.xs, y: view.cond } }, s, { theme });
            drawLine(svg, { x: view.xs, y: view.data }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'Density of the data' });
          },
        },
      ],
    };
  },
});
