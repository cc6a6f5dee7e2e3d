/**
 * Figure: sampled policy iteration on Merton's problem with a neural value model (the engine's `valueModel: 'mlp'`
 * on the input log x), for several seeds, beside the same iteration with the CRRA features (dashed): π_n/π* and
 * k_n/k* per iteration. The market and preferences are the source post's.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { formatValue as fmt } from '../../app/plots/format.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import type { MertonMlpResult } from '../../workers/tasks/merton.ts';
import { post } from './numbers.ts';
import mlpListing from '../../workers/engines/nn/mlpValue.ts?fn=fitMlpValue1d&code';

/** Sample states of the neural run (geometric in [0.5, 2]). */
export const MERTON_MLP_STATES = 16;

function viewOf(r: MertonMlpResult) {
  const n1 = r.iterations + 1;
  const x = Array.from({ length: n1 }, (_, i) => i);
  const J = r.seeds.length;
  const series = (a: Float64Array) => Array.from({ length: J }, (_, j) => Array.from(a.subarray(j * n1, (j + 1) * n1)));
  const pi = series(r.pi);
  const k = series(r.k);
  const last = (s: number[][]) => s.map((u) => u[n1 - 1]);
  return { x, pi, k, piLast: last(pi), kLast: last(k), fPi: Array.from(r.featuresPi), fK: Array.from(r.featuresK) };
}

const pctRange = (v: number[]) => `${fmt(100 * (Math.min(...v) - 1), 3)}% to ${fmt(100 * (Math.max(...v) - 1), 3)}%`;

export const MertonMlp = defineFigure({
  id: 'merton-mlp',
  schema: {
    paths: { label: 'paths per sample state', symbol: 'N', min: 20, max: 1000, step: 10, default: 200, integer: true, log: true },
    seeds: { label: 'number of seeds', symbol: 'S', min: 1, max: 6, step: 1, default: 3, integer: true },
    iterations: { label: 'policy-iteration steps', symbol: 'n', min: 2, max: 10, step: 1, default: 6, integer: true },
    seed: { label: 'first seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
  },
  code: [mlpListing],
  request: (v) => ({ ...post, states: MERTON_MLP_STATES, seeds: v.seeds, seed0: v.seed, paths: v.paths, iterations: v.iterations }),
  useView: ({ shown, status }) => {
    const r = status === 'error' ? null : (shown?.result ?? null);
    const view = useMemo(() => (r ? viewOf(r) : null), [r]);
    const panel = (key: 'pi' | 'k', title: string, sym: string) => ({
      key,
      title,
      aspect: 0.85,
      legend: [
        { label: 'neural value, one line per seed', color: seriesColor(key === 'pi' ? 0 : 1), shape: 'dot' as const },
        { label: 'CRRA features', color: themeColor.fg, shape: 'dash' as const },
      ],
      ariaLabel: `${sym}ₙ divided by its closed form per iteration, neural value model for each seed and CRRA features`,
      deps: [view],
      draw: (svg: Parameters<typeof plotAxes>[0], _ctx: unknown, size: Parameters<typeof plotAxes>[1], theme: Parameters<typeof plotAxes>[2]) => {
        const n = view ? view.x.length - 1 : 6;
        const runs = view ? view[key] : [];
        const all = [...runs.flat(), ...(view ? (key === 'pi' ? view.fPi : view.fK) : [])].filter(Number.isFinite);
        // pi_0 = 0 is far from pi*: the fraction is drawn from n = 1 on (k_0 = rho is on the scale).
        const from = key === 'pi' ? 1 : 0;
        const later = all.length ? runs.flatMap((u) => u.slice(1)).concat(key === 'pi' ? view!.fPi.slice(1) : view!.fK.slice(1)) : [0.8, 1.2];
        const lo = Math.min(0.9, ...later);
        const hi = Math.max(1.1, ...later);
        const s = plotAxes(svg, size, theme, {
          x: { domain: [-0.3, n + 0.3], label: 'iteration n', ticks: Array.from({ length: n + 1 }, (_, i) => i) },
          y: { domain: [lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)], label: `${sym}ₙ / ${sym}*` },
          clamp: true,
        });
        drawLine(svg, { x: [-0.3, n + 0.3], y: [1, 1] }, s, { theme, color: themeColor.fg, weight: 0.6, ariaLabel: 'Closed form (ratio 1)' });
        if (!view || !r) return;
        const xs = view.x.slice(from);
        const f = (key === 'pi' ? view.fPi : view.fK).slice(from);
        drawLine(svg, { x: xs, y: f }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `CRRA features: ${f.map((v) => fmt(v, 4)).join(', ')}` });
        runs.forEach((full, j) => {
          const u = full.slice(from);
          const label = `neural value, seed ${r.seeds[j]}, from n = ${from}: ${u.map((v) => fmt(v, 4)).join(', ')}`;
          drawLine(svg, { x: xs, y: u }, s, { theme, color: seriesColor(key === 'pi' ? 0 : 1), weight: 0.7, ariaLabel: label });
          drawPoints(svg, { x: xs, y: u }, s, { theme, color: seriesColor(key === 'pi' ? 0 : 1), radius: 0.25, ariaLabel: label });
        });
      },
    });
    return {
      readouts:
        r && view
          ? [
              {
                label: `π error after ${r.iterations} steps`,
                value: pctRange(view.piLast),
                detail: `(neural value, seeds ${r.seeds[0]}–${r.seeds[r.seeds.length - 1]}; features: ${Math.abs(view.fPi[r.iterations] - 1) < 1e-9 ? 'exact' : `${fmt(100 * (view.fPi[r.iterations] - 1), 2)}%`})`,
              },
              { label: `k error after ${r.iterations} steps`, value: pctRange(view.kLast), detail: '(neural value)', secondary: true },
            ]
          : [],
      csv: (): Record<string, ArrayLike<number>> => (r ? { pi_over_pistar: r.pi, k_over_kstar: r.k, features_pi: r.featuresPi, features_k: r.featuresK } : {}),
      panels: [panel('pi', 'fraction in the stock', 'π'), panel('k', 'consumption', 'k')],
    };
  },
});
