/**
 * Figure: sampled policy iteration on the scalar LQR (Monte Carlo evaluation at 12 states, least-squares fit on
 * 1, x, x^2, closed-form improvement), in the worker with progress. Left: the gain per iteration against exact
 * Kleinman iteration and K*. Right: per iteration, the RMS error of the fitted value against the evaluated policy's
 * exact value, the RMS HJB residual of the fit, and the mean Monte Carlo standard error (log axis).
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
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { drawPoints, logScale } from '../../app/plots/points.ts';
import { decadeTicks, formatDecade } from '../../app/plots/logTicks.ts';
import piListing from '../../workers/engines/policyIteration.ts?fn=policyIterationSampled&code';
import type { PiSampledParams } from '../../workers/tasks/policyIteration.ts';
import { optimum, post } from '../05-feynman-kac/model.ts';
import { kleinmanRun } from './kleinman.ts';
import './policyIteration.css';
import { Legend } from '../../app/components/Legend.tsx';

export const piSampledParams = defineFigureParams('pi-sampled', {
  K0: { label: 'starting gain', symbol: 'K₀', min: -1, max: 12, step: 0.1, default: 0 },
  paths: { label: 'paths per state', symbol: 'N', min: 20, max: 1000, step: 10, default: 400, integer: true, log: true },
  dt: { label: 'time step', symbol: 'Δt', min: 0.01, max: 0.1, step: 0.005, default: 0.02 },
  iterations: { label: 'iterations', symbol: 'n', min: 2, max: 12, step: 1, default: 8, integer: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

export function PiSampledFigure({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const stacked = useMediaQuery('(max-width: 560px)');
  const v = piSampledParams.useValues();
  const request: PiSampledParams = { params: post, K0: v.K0, iterations: v.iterations, paths: v.paths, dt: v.dt, seed: v.seed };
  const { sim, figure } = useFigureSimulation('piSampled', request);
  const r = sim.status === 'error' ? null : sim.result;
  const shown = sim.resultParams ?? request;
  const exact = useMemo(() => kleinmanRun('scalar', shown.K0, shown.iterations + 1), [shown.K0, shown.iterations]);

  const view = useMemo(() => {
    if (!r) return null;
    const it = r.K.length;
    const n = Array.from({ length: it + 1 }, (_, i) => i);
    const K = [r.K[0], ...r.improved];
    const m = Array.from({ length: it }, (_, i) => i + 1);
    const Kmax = Math.max(...K, ...exact.gains.map((g) => g[0]), optimum.K);
    const Kmin = Math.min(...K, ...exact.gains.map((g) => g[0]), optimum.K);
    const all = [...r.valueError, ...r.hjbResidual, ...r.mcStderr].filter((x) => x > 0);
    const lo = Math.max(1e-8, Math.min(...all) / 2);
    const hi = Math.max(...all) * 2;
    return { n, K, m, K0: [Kmin - 0.05 * (Kmax - Kmin), Kmax + 0.05 * (Kmax - Kmin)] as [number, number], e: [lo, hi] as [number, number] };
  }, [r, exact]);

  const last = r ? r.improved.length - 1 : 0;
  const stats = r
    ? `After ${r.improved.length} iterations the sampled gain is ${r.improved[last].toFixed(4)} against K* = ${optimum.K.toFixed(4)} (${((100 * (r.improved[last] - optimum.K)) / optimum.K).toFixed(2)}%); ` +
      `the RMS HJB residual of the last fit is ${r.hjbResidual[last].toExponential(2)}, its value error ${r.valueError[last].toExponential(2)}, the mean Monte Carlo standard error ${r.mcStderr[last].toExponential(2)}.`
    : '';

  return (
    <Figure
      params={piSampledParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[piListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> =>
        r ? { evaluatedK: r.K, improvedK: r.improved, offsetU0: r.u0, valueError: r.valueError, hjbResidual: r.hjbResidual, mcStderr: r.mcStderr } : {}
      }
      controls={<Controls params={piSampledParams} />}
    >
      <div ref={figure.plotRef} className="pi-wrap">
        <div className="pi-plots">
        <PlotSurface
          aspect={stacked ? 0.75 : 0.85}
          ariaLabel="Gain per iteration of sampled policy iteration, exact Kleinman iteration and the optimal gain"
          deps={[view, exact]}
          draw={(svg, _ctx, size, theme) => {
            const yDomain = view?.K0 ?? [0, 10];
            const f = frame(size, { theme, xLabel: 'iteration n', yLabel: 'gain', yDomain });
            const s = plotScales(f, [0, view ? view.n.length - 1 : 8], yDomain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'iteration n', yLabel: 'gain Kₙ', xTicks: view?.n });
            if (!view) return;
            drawLine(svg, { x: [0, view.n.length - 1], y: [optimum.K, optimum.K] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `Optimal gain K* = ${optimum.K.toFixed(4)}` });
            if (!exact.error) drawLine(svg, { x: view.n, y: exact.gains.map((g) => g[0]) }, s, { theme, color: seriesColor(1), ariaLabel: 'Exact Kleinman iteration from the same K0' });
            drawLine(svg, { x: view.n, y: view.K }, s, { theme, color: seriesColor(0), weight: 0.7, ariaLabel: 'Sampled policy iteration' });
            drawPoints(svg, { x: view.n, y: view.K }, s, { theme, color: seriesColor(0), ariaLabel: 'Sampled gains per iteration' });
          }}
        />
        <PlotSurface
          aspect={stacked ? 0.75 : 0.85}
          ariaLabel="Diagnostics per iteration on a logarithmic axis: value-fit error, HJB residual and Monte Carlo standard error"
          deps={[view, r]}
          draw={(svg, _ctx, size, theme) => {
            const yDomain = view?.e ?? [1e-4, 10];
            const f = frame(size, { theme, xLabel: 'iteration n', yLabel: 'RMS', yDomain: [0.001, 0.01] });
            const s = { x: plotScales(f, [0.7, (view?.m.length ?? 8) + 0.3], [0, 1], { nice: false }).x, y: logScale(yDomain, [f.bottom, f.top]) };
            drawAxes(svg, s, f, { theme, xLabel: 'iteration n', yLabel: 'RMS over states', yTicks: decadeTicks(yDomain[0], yDomain[1], 6), yFormat: formatDecade, xTicks: view?.m });
            if (!view || !r) return;
            const series: [Float64Array, number, 'dot' | 'square', string][] = [
              [r.hjbResidual, 3, 'dot', 'HJB residual of the fit'],
              [r.valueError, 0, 'square', 'Fit minus exact value of the evaluated policy'],
              [r.mcStderr, 4, 'dot', 'Mean Monte Carlo standard error'],
            ];
            for (const [y, c, shape, label] of series) {
              drawLine(svg, { x: view.m, y }, s, { theme, color: seriesColor(c), weight: 0.7, dash: c === 4 ? '4 3' : undefined, ariaLabel: label });
              drawPoints(svg, { x: view.m, y }, s, { theme, color: seriesColor(c), shape, ariaLabel: label });
            }
          }}
        />
        </div>
      </div>
      <Legend className="pi-legend" items={[
        { label: 'sampled Kₙ', color: 'var(--plot-1)', shape: 'dot' },
        { label: 'exact Kleinman', color: 'var(--plot-2)' },
        { label: 'K*', color: 'var(--plot-fg)', shape: 'dash' },
        { label: 'HJB residual', color: 'var(--plot-4)', shape: 'dot' },
        { label: 'value-fit error', color: 'var(--plot-1)', shape: 'square' },
        { label: 'MC standard error', color: 'var(--plot-5)' },
      ]} />
      {r && (
        <p className="figure-stats">
          <span>
            K after {r.improved.length} iterations: <b>{r.improved[last].toFixed(4)}</b> (K* = {optimum.K.toFixed(4)})
          </span>
          <span>
            residual {r.hjbResidual[last].toExponential(1)}; value error {r.valueError[last].toExponential(1)}
          </span>
        </p>
      )}
    </Figure>
  );
}
