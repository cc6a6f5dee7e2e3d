/**
 * Figure: sampled policy iteration on the scalar LQR (Monte Carlo evaluation at 12 states, least-squares fit on
 * 1, x, x^2, closed-form improvement), in the worker with progress. Left: the gain per iteration against exact
 * Kleinman iteration (computed by the same task) and K*. Right: per iteration, the RMS error of the fitted value
 * against the evaluated policy's exact value, the RMS HJB residual of the fit, and the mean Monte Carlo standard
 * error (log axis).
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { decadeTicks } from '../../app/plots/logTicks.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { POST_LQR as post, POST_OPTIMUM as optimum } from '../../workers/engines/examples.ts';
import type { PiSampledResult } from '../../workers/tasks/policyIteration.ts';
import piListing from '../../workers/engines/policyIteration.ts?fn=policyIterationSampledReference&code';
import { seedParam } from '../../app/state/schema.ts';

/** Iteration numbers, the gains, and the plots' ranges (the diagnostics' range in log10 units). */
function viewOf(r: PiSampledResult) {
  const it = r.K.length;
  const n = Array.from({ length: it + 1 }, (_, i) => i);
  const K = [r.K[0], ...r.improved];
  const m = Array.from({ length: it }, (_, i) => i + 1);
  const Kmax = Math.max(...K, ...r.exact, optimum.K);
  const Kmin = Math.min(...K, ...r.exact, optimum.K);
  const all = [...r.valueError, ...r.hjbResidual, ...r.mcStderr].filter((x) => x > 0);
  const lo = Math.max(1e-8, Math.min(...all) / 2);
  const hi = Math.max(...all) * 2;
  return { n, K, m, K0: [Kmin - 0.05 * (Kmax - Kmin), Kmax + 0.05 * (Kmax - Kmin)] as [number, number], e: [lo, hi] as [number, number] };
}

export const PiSampledFigure = defineFigure({
  id: 'pi-sampled',
  schema: {
    K0: { label: 'starting gain', symbol: 'K₀', min: -1, max: 12, step: 0.1, default: 0 },
    paths: { label: 'paths per state', symbol: 'N', min: 20, max: 1000, step: 10, default: 400, integer: true, log: true },
    dt: { label: 'time step', symbol: 'Δt', min: 0.01, max: 0.1, step: 0.005, default: 0.02 },
    iterations: { label: 'iterations', symbol: 'n', min: 2, max: 12, step: 1, default: 8, integer: true },
    seed: seedParam(),
  },
  code: [piListing],
  request: (v) => ({ params: post, K0: v.K0, iterations: v.iterations, paths: v.paths, dt: v.dt, seed: v.seed }),
  useView: ({ shown, status }) => {
    const r = status === 'error' ? null : (shown?.result ?? null);
    const view = useMemo(() => (r ? viewOf(r) : null), [r]);
    const last = r ? r.improved.length - 1 : 0;
    return {
      readouts: r
        ? [
            {
              label: `K after ${r.improved.length} iterations`,
              value: r.improved[last].toFixed(4),
              detail: `(K* = ${optimum.K.toFixed(4)}; ${((100 * (r.improved[last] - optimum.K)) / optimum.K).toFixed(2)}%)`,
            },
            { label: 'RMS HJB residual of the last fit', value: r.hjbResidual[last].toExponential(2) },
            { label: 'its value error', value: r.valueError[last].toExponential(2), secondary: true },
            { label: 'mean Monte Carlo standard error', value: r.mcStderr[last].toExponential(2), secondary: true },
          ]
        : [],
      csv: (): Record<string, ArrayLike<number>> =>
        r ? { evaluatedK: r.K, improvedK: r.improved, offsetU0: r.u0, valueError: r.valueError, hjbResidual: r.hjbResidual, mcStderr: r.mcStderr } : {},
      panels: [
        {
          key: 'gains',
          title: 'gains',
          aspect: 0.85,
          legend: [
            { label: 'sampled Kₙ', color: seriesColor(0), shape: 'dot' },
            { label: 'exact Kleinman', color: seriesColor(1) },
            { label: 'K*', color: themeColor.fg, shape: 'dash' },
          ],
          ariaLabel: 'Gain per iteration of sampled policy iteration, exact Kleinman iteration and the optimal gain',
          deps: [view, r],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, {
              x: { domain: [0, view ? view.n.length - 1 : 8], label: 'iteration n', ticks: view?.n },
              y: { domain: view?.K0 ?? [0, 10], label: 'gain Kₙ' },
            });
            if (!view || !r) return;
            drawLine(svg, { x: [0, view.n.length - 1], y: [optimum.K, optimum.K] }, s, {
              theme,
              color: themeColor.fg,
              dash: '6 4',
              ariaLabel: `Optimal gain K* = ${optimum.K.toFixed(4)}`,
            });
            if (r.exact.length)
              drawLine(svg, { x: view.n, y: r.exact }, s, { theme, color: seriesColor(1), ariaLabel: 'Exact Kleinman iteration from the same K0' });
            drawLine(svg, { x: view.n, y: view.K }, s, { theme, color: seriesColor(0), weight: 0.7, ariaLabel: 'Sampled policy iteration' });
            drawPoints(svg, { x: view.n, y: view.K }, s, { theme, color: seriesColor(0), ariaLabel: 'Sampled gains per iteration' });
          },
        },
        {
          key: 'diagnostics',
          title: 'diagnostics',
          aspect: 0.85,
          legend: [
            { label: 'HJB residual', color: seriesColor(3), shape: 'dot' },
            { label: 'value-fit error', color: seriesColor(0), shape: 'square' },
            { label: 'MC standard error', color: seriesColor(4), shape: 'dash' },
          ],
          ariaLabel: 'Diagnostics per iteration on a logarithmic axis: value-fit error, HJB residual and Monte Carlo standard error',
          deps: [view, r],
          draw: (svg, _ctx, size, theme) => {
            const [lo, hi] = view?.e ?? [1e-4, 10];
            const s = plotAxes(svg, size, theme, {
              x: { domain: [0.7, (view?.m.length ?? 8) + 0.3], label: 'iteration n', ticks: view?.m },
              y: { domain: [Math.log10(lo), Math.log10(hi)], label: 'RMS over states', log: true, ticks: decadeTicks(lo, hi, 6).map(Math.log10) },
            });
            if (!view || !r) return;
            const series: [Float64Array, number, 'dot' | 'square', string][] = [
              [r.hjbResidual, 3, 'dot', 'HJB residual of the fit'],
              [r.valueError, 0, 'square', 'Fit minus exact value of the evaluated policy'],
              [r.mcStderr, 4, 'dot', 'Mean Monte Carlo standard error'],
            ];
            for (const [values, c, shape, label] of series) {
              const y = values.map(Math.log10);
              drawLine(svg, { x: view.m, y }, s, { theme, color: seriesColor(c), weight: 0.7, dash: c === 4 ? '4 3' : undefined, ariaLabel: label });
              drawPoints(svg, { x: view.m, y }, s, { theme, color: seriesColor(c), shape, ariaLabel: label });
            }
          },
        },
      ],
    };
  },
});
