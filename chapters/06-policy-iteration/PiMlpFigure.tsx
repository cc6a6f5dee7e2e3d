/**
 * Figure: sampled policy iteration on the scalar LQR with a neural value model (the engine's `valueModel: 'mlp'`,
 * a 16×16 tanh network that knows nothing of the quadratic form), in the worker with progress, for 8, 12 and 25
 * sample states and several seeds. Left: the gain error K_n/K* − 1 per iteration, one line per run, coloured by the
 * number of states. Right: the error after the last iteration against the number of states, one dot per seed.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { POST_LQR as post } from '../../workers/engines/examples.ts';
import type { PiMlpResult } from '../../workers/tasks/policyIteration.ts';
import mlpListing from '../../workers/engines/nn/mlpValue.ts?fn=fitMlpValue1d&code';

/** The numbers of sample states the figure compares (evenly spaced in [−2, 2]). */
export const PI_MLP_STATES = [8, 12, 25];

/** Per run (states index s, seed index j): the error in percent after each improvement, and the plot ranges. */
function viewOf(r: PiMlpResult) {
  const S = r.stateCounts.length;
  const J = r.seeds.length;
  const n = r.iterations;
  // The first two improvements overshoot as exact Kleinman does (+242%, +81% from K0 = 0): drawn from the third on.
  const first = Math.min(3, n);
  const it = Array.from({ length: n - first + 1 }, (_, i) => i + first);
  const runs: { s: number; j: number; pct: number[] }[] = [];
  for (let s = 0; s < S; s++)
    for (let j = 0; j < J; j++) runs.push({ s, j, pct: Array.from(r.relError.subarray((s * J + j) * n, (s * J + j + 1) * n), (e) => 100 * e) });
  const later = runs.flatMap((u) => u.pct.slice(first - 1));
  const lo = Math.min(-5, ...later);
  const hi = Math.max(5, ...later);
  const pad = 0.08 * (hi - lo);
  return { it, first, runs, y: [lo - pad, hi + pad] as [number, number], final: runs.map((u) => u.pct[n - 1]) };
}

export const PiMlpFigure = defineFigure({
  id: 'pi-mlp',
  schema: {
    paths: { label: 'paths per state', symbol: 'N', min: 20, max: 1000, step: 10, default: 100, integer: true, log: true },
    seeds: { label: 'number of seeds', symbol: 'S', min: 1, max: 6, step: 1, default: 3, integer: true },
    iterations: { label: 'iterations', symbol: 'n', min: 3, max: 12, step: 1, default: 6, integer: true },
    seed: { label: 'first seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
  },
  code: [mlpListing],
  request: (v) => ({ params: post, stateCounts: PI_MLP_STATES, seeds: v.seeds, seed0: v.seed, paths: v.paths, iterations: v.iterations }),
  useView: ({ shown, status }) => {
    const r = status === 'error' ? null : (shown?.result ?? null);
    const view = useMemo(() => (r ? viewOf(r) : null), [r]);
    const S = r ? r.stateCounts.length : PI_MLP_STATES.length;
    const J = r ? r.seeds.length : 0;
    const range = (s: number) => {
      const f = view ? view.final.slice(s * J, (s + 1) * J) : [];
      return `${Math.min(...f).toFixed(1)}% to ${Math.max(...f).toFixed(1)}%`;
    };
    return {
      readouts:
        r && view
          ? Array.from({ length: S }, (_, s) => ({
              label: `K error after ${r.iterations} iterations, ${r.stateCounts[s]} states`,
              value: range(s),
              detail: `(seeds ${r.seeds[0]}–${r.seeds[J - 1]})`,
              secondary: s !== 1,
            }))
          : [],
      csv: (): Record<string, ArrayLike<number>> => (r ? { relError: r.relError, stateCounts: r.stateCounts, seeds: r.seeds } : {}),
      panels: [
        {
          key: 'runs',
          title: 'gain error per iteration',
          aspect: 0.85,
          legend: PI_MLP_STATES.map((n, s) => ({ label: `${n} states`, color: seriesColor(s), shape: 'dot' as const })),
          ariaLabel: 'Relative gain error per iteration of sampled policy iteration with a neural value model, one line per seed and number of states',
          deps: [view],
          draw: (svg, _ctx, size, theme) => {
            const x0 = view ? view.first : 3;
            const x1 = view ? view.it[view.it.length - 1] : 6;
            const s = plotAxes(svg, size, theme, {
              x: { domain: [x0 - 0.3, x1 + 0.3], label: 'iteration n', ticks: view?.it },
              y: { domain: view?.y ?? [-20, 10], label: 'Kₙ / K* − 1 (%)' },
              clamp: true,
            });
            drawLine(svg, { x: [x0 - 0.3, x1 + 0.3], y: [0, 0] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'K* (zero error)' });
            if (!view || !r) return;
            for (const u of view.runs) {
              const shown = u.pct.slice(view.first - 1);
              const label = `${r.stateCounts[u.s]} states, seed ${r.seeds[u.j]}, iterations ${view.first} to ${u.pct.length}: ${shown.map((v) => v.toFixed(1)).join(', ')} %`;
              drawLine(svg, { x: view.it, y: shown }, s, { theme, color: seriesColor(u.s), weight: 0.7, ariaLabel: label });
              drawPoints(svg, { x: view.it, y: shown }, s, { theme, color: seriesColor(u.s), radius: 0.25, ariaLabel: label });
            }
          },
        },
        {
          key: 'final',
          title: 'after the last iteration',
          aspect: 0.85,
          legend: PI_MLP_STATES.map((n, s) => ({ label: `${n} states`, color: seriesColor(s), shape: 'dot' as const })),
          ariaLabel: 'Relative gain error after the last iteration against the number of sample states, one dot per seed',
          deps: [view],
          draw: (svg, _ctx, size, theme) => {
            const lx = PI_MLP_STATES.map(Math.log10);
            const ys = view?.final ?? [];
            const lo = Math.min(-5, ...ys);
            const hi = Math.max(2, ...ys);
            const s = plotAxes(svg, size, theme, {
              x: { domain: [lx[0] - 0.08, lx[lx.length - 1] + 0.08], label: 'sample states', log: true, ticks: lx, format: (v) => String(Math.round(10 ** v)) },
              y: { domain: [lo - 0.08 * (hi - lo), hi + 0.08 * (hi - lo)], label: 'K / K* − 1 (%)' },
            });
            drawLine(svg, { x: [lx[0] - 0.08, lx[lx.length - 1] + 0.08], y: [0, 0] }, s, {
              theme,
              color: themeColor.fg,
              dash: '6 4',
              ariaLabel: 'K* (zero error)',
            });
            if (!view || !r) return;
            for (let st = 0; st < S; st++) {
              const f = view.final.slice(st * J, (st + 1) * J);
              drawPoints(svg, { x: f.map(() => Math.log10(r.stateCounts[st])), y: f }, s, {
                theme,
                color: seriesColor(st),
                halo: true,
                ariaLabel: `${r.stateCounts[st]} states: ${f.map((v) => v.toFixed(2)).join(', ')} %`,
              });
            }
          },
        },
      ],
    };
  },
});
