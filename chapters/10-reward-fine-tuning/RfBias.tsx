/**
 * Figure: the value-function bias. On one-dimensional two-mode data with the reward r(x) = b x, the optimal control
 * started from the pretrained start p_T ends in p_end, not in the tilted law, unless the schedule forgets its start.
 * First panel: where N simulated controlled paths end (histogram), the exact end law, the tilted law and the data.
 * Second panel: the exact KL(p_end || ptilde) against beta_max, with the current beta_max marked.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { drawHistogram } from '../../app/plots/histogram.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { decadeTicks, formatDecade } from '../../app/plots/logTicks.ts';
import { histogramOnEdges, uniformEdges } from '../../workers/engines/stats.ts';
import endListing from '../../workers/engines/diffusion/tilt.ts?fn=endLaw&code';
import { RF_BIAS } from '../../workers/engines/diffusion/rfSetup.ts';
import { fmt } from './model.ts';
import { seedParam } from '../../app/state/schema.ts';

const BINS = 64;
const X_DOMAIN: [number, number] = [RF_BIAS.x.lo, RF_BIAS.x.hi];

export const RfBias = defineFigure({
  id: 'rf-bias',
  schema: {
    betaMax: { label: 'noise rate at the end', symbol: 'βₘₐₓ', min: 0.5, max: 20, step: 0.1, default: RF_BIAS.betaMax, log: true },
    b: { label: 'reward gradient', symbol: 'b', min: -3, max: 3, step: 0.1, default: RF_BIAS.b },
    lambda: { label: 'temperature', symbol: 'λ', min: 0.3, max: 10, step: 0.01, default: RF_BIAS.lambda, log: true },
    paths: { label: 'paths', symbol: 'N', min: 100, max: 10000, step: 100, default: 4000, integer: true, log: true },
    seed: seedParam(),
  },
  code: [endListing],
  request: (v) => ({ betaMax: v.betaMax, b: v.b, lambda: v.lambda, paths: v.paths, seed: v.seed }),
  useView: ({ shown }) => {
    const r = shown?.result ?? null;
    const view = useMemo(() => {
      if (!r) return null;
      const edges = uniformEdges(X_DOMAIN[0], X_DOMAIN[1], BINS);
      const hist = histogramOnEdges(r.final, edges, { density: true }).values;
      let peak = 0;
      for (const v of hist) peak = Math.max(peak, v);
      for (let i = 0; i < r.xs.length; i++) peak = Math.max(peak, r.data[i], r.tilted[i], r.end[i]);
      let klLo = Infinity;
      let klHi = 0;
      for (const v of r.klGrid) {
        if (v > 0) klLo = Math.min(klLo, v);
        klHi = Math.max(klHi, v);
      }
      return {
        edges,
        hist,
        peak: peak * 1.08,
        klLo: Math.max(klLo / 1.5, 1e-12),
        klHi: klHi * 1.5,
        bm: Float64Array.from(r.betaMaxGrid, Math.log10),
        kl: Float64Array.from(r.klGrid, (v) => Math.log10(Math.max(v, 1e-13))),
      };
    }, [r]);
    const s = shown?.values;

    return {
      readouts:
        r && s
          ? [
              {
                label: 'KL(p_end ‖ tilted law)',
                value: r.kl < 1e-3 ? r.kl.toExponential(2) : fmt(r.kl, 4),
                detail: `nats at βₘₐₓ = ${s.betaMax}; α(T) = ${fmt(r.alphaT, 4)}`,
              },
              { label: 'E[r] at the end', value: fmt(r.reward, 4), detail: `; under the tilted law ${fmt(r.rewardTilted, 4)}` },
              { label: `${r.final.length} optimally controlled paths from p_T, 500 Euler–Maruyama steps, b = ${s.b}, λ = ${s.lambda}`, secondary: true },
            ]
          : [],
      csv: (): Record<string, ArrayLike<number>> => (r ? { x: r.xs, data: r.data, tilted: r.tilted, end: r.end } : {}),
      panels: [
        {
          key: 'ends',
          title: 'where the paths end',
          aspect: 1,
          legend: [
            { label: 'simulated paths', color: 'var(--plot-1)', shape: 'box' },
            { label: 'end law, exact', color: 'var(--plot-3)' },
            { label: 'tilted law', color: 'var(--plot-2)' },
            { label: 'p_data', color: 'var(--plot-fg)', shape: 'dash' },
          ],
          ariaLabel: 'Histogram of where the optimally controlled paths end, with the exact end law, the tilted law and the data density',
          deps: [r, view],
          draw: (svg, _ctx, size, theme) => {
            const sc = plotAxes(svg, size, theme, {
              x: { domain: X_DOMAIN, label: 'x at the end (t = T)' },
              y: { domain: [0, view?.peak ?? 1], label: 'density' },
            });
            if (!r || !view) return;
            drawHistogram(svg, { edges: view.edges, density: view.hist, curve: { x: r.xs, y: r.end } }, sc, { theme, curveColor: seriesColor(2) });
            drawLine(svg, { x: r.xs, y: r.data }, sc, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'Density of the data' });
            drawLine(svg, { x: r.xs, y: r.tilted }, sc, { theme, color: seriesColor(1), ariaLabel: 'Density of the tilted law' });
          },
        },
        {
          key: 'kl',
          title: 'bias against memory',
          aspect: 1,
          legend: [
            { label: 'KL, exact', color: 'var(--plot-1)' },
            { label: 'this βₘₐₓ', color: 'var(--plot-2)', shape: 'dot' },
          ],
          ariaLabel: 'The exact KL divergence from the end law to the tilted law against beta max, both axes logarithmic',
          deps: [r, view],
          draw: (svg, _ctx, size, theme) => {
            const lo = view?.klLo ?? 1e-6;
            const hi = view?.klHi ?? 1;
            const sc = plotAxes(svg, size, theme, {
              x: {
                domain: [Math.log10(RF_BIAS.grid.lo), Math.log10(RF_BIAS.grid.hi)],
                label: 'βₘₐₓ (log)',
                ticks: [0.5, 1, 2, 5, 10, 20].map(Math.log10),
                format: (v) => String(Number((10 ** v).toPrecision(3))),
                log: true,
              },
              y: {
                domain: [Math.log10(lo), Math.log10(hi)],
                label: 'KL, nats (log)',
                ticks: decadeTicks(lo, hi).map(Math.log10),
                format: (v) => formatDecade(10 ** v),
                log: true,
              },
            });
            if (!r || !view || !s) return;
            drawLine(svg, { x: view.bm, y: view.kl }, sc, { theme, color: seriesColor(0), ariaLabel: 'KL from the end law to the tilted law over beta max' });
            drawPoints(svg, { x: [Math.log10(s.betaMax)], y: [Math.log10(Math.max(r.kl, 1e-13))] }, sc, {
              theme,
              color: seriesColor(1),
              radius: 0.45,
              halo: true,
              ariaLabel: `The current beta max: KL = ${fmt(r.kl, 4)}`,
            });
          },
        },
      ],
    };
  },
});
