/**
 * Figure: Kleinman's iteration (policy iteration for the LQR) from a starting gain K0: the error |K_n - K*| per
 * iteration on a log axis for the scalar LQR and the double integrator, and the scalar iteration drawn as
 * Newton's method on the Riccati function F(P) (tangent steps). Closed form, on the main thread.
 */
import { useMemo, useRef, type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { useMediaQuery } from '../../app/state/settings.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { drawPoints, logScale } from '../../app/plots/points.ts';
import { decadeTicks, formatDecade } from '../../app/plots/logTicks.ts';
import kleinmanListing from '../../workers/engines/lqr.ts?fn=kleinmanIteration&code';
import { optimum } from '../05-feynman-kac/model.ts';
import { FLOOR, kleinmanRun, riccatiF } from './kleinman.ts';
import './policyIteration.css';
import { Legend } from '../../app/components/Legend.tsx';

export const kleinmanParams = defineFigureParams('kleinman', {
  K0: { label: 'starting gain', symbol: 'K₀', min: -1, max: 12, step: 0.1, default: 0 },
  iterations: { label: 'iterations', symbol: 'n', min: 2, max: 24, step: 1, default: 20, integer: true },
});

const sci = (v: number) => (v < FLOOR * 1.0001 ? '< 1e-16' : v.toExponential(1).replace('-', '−'));

export function KleinmanFigure({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const root = useRef<HTMLElement | null>(null);
  const plot = useRef<HTMLDivElement | null>(null);
  const stacked = useMediaQuery('(max-width: 560px)');
  const v = kleinmanParams.useValues();
  const scalar = useMemo(() => kleinmanRun('scalar', v.K0, v.iterations), [v.K0, v.iterations]);
  const double = useMemo(() => kleinmanRun('double', v.K0, v.iterations), [v.K0, v.iterations]);
  const n = Array.from({ length: v.iterations }, (_, i) => i);
  const err1 = scalar.errors.map((e) => Math.max(e, FLOOR));
  const err2 = double.errors.map((e) => Math.max(e, FLOOR));

  const notes: string[] = [];
  if (scalar.error) notes.push(`Scalar LQR: K₀ = ${v.K0} does not stabilise (need K₀ > −0.55, i.e. ρ > 2(α − βK₀)): its value is −∞ and there is nothing to improve.`);
  if (double.error) notes.push(`Double integrator: K₀ = (${v.K0}, ${v.K0}) does not stabilise A − BK₀ − (ρ/2)I; start from K₀ ≥ 0.`);
  const error = scalar.error && double.error ? notes.join(' ') : null;

  const stats = scalar.error
    ? notes.join(' ')
    : `Scalar LQR from K0 = ${v.K0}: K_n = ${scalar.gains.map((g) => g[0].toPrecision(8)).join(', ')}; K* = ${optimum.K.toPrecision(8)}; errors ${scalar.errors.map(sci).join(', ')}.` +
      (double.error ? ` ${notes[notes.length - 1]}` : ` Double integrator errors: ${double.errors.map(sci).join(', ')}.`);

  // Newton tangents on F for the scalar run: from P_n the tangent meets zero at P_{n+1}.
  const newton = useMemo(() => {
    if (scalar.error) return null;
    const Ps = scalar.P.map((m) => m[0][0]);
    const hi = Math.min(Math.max(...Ps.slice(0, 3), optimum.P) * 1.15, 6);
    const m = 120;
    const x = new Float64Array(m);
    const y = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      x[i] = (hi * i) / (m - 1);
      y[i] = riccatiF(x[i]);
    }
    return { Ps, hi, x, y };
  }, [scalar]);

  return (
    <Figure
      params={kleinmanParams}
      number={number}
      anchor={anchor}
      status={error ? 'error' : 'ready'}
      error={error}
      caption={children}
      rootRef={root}
      plotRef={plot}
      code={[kleinmanListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> => ({ n, scalarK: scalar.gains.map((g) => g[0]), scalarError: scalar.errors, doubleError: double.errors })}
      controls={<Controls params={kleinmanParams} />}
    >
      <div ref={plot} className="pi-wrap">
        <div className="pi-plots">
        <PlotSurface
          aspect={stacked ? 0.75 : 0.85}
          ariaLabel="Error of Kleinman's iteration against the iteration number, on a logarithmic axis"
          deps={[scalar, double]}
          draw={(svg, _ctx, size, theme) => {
            const top = Math.max(100, ...err1.map((e) => e * 3), ...err2.map((e) => e * 3));
            const yDomain: [number, number] = [FLOOR / 3, top];
            const f = frame(size, { theme, xLabel: 'iteration n', yLabel: 'error', yDomain: [0.001, 0.01] });
            const s = { x: plotScales(f, [0, v.iterations - 1], [0, 1], { nice: false }).x, y: logScale(yDomain, [f.bottom, f.top]) };
            drawAxes(svg, s, f, { theme, xLabel: 'iteration n', yLabel: '|Kₙ − K*|', yTicks: decadeTicks(1e-16, top, 7), yFormat: formatDecade, xTicks: n.filter((i) => v.iterations <= 10 || i % (v.iterations <= 16 ? 2 : 4) === 0) });
            if (!scalar.error) {
              drawLine(svg, { x: n, y: err1 }, s, { theme, color: seriesColor(0), ariaLabel: 'Scalar LQR error' });
              drawPoints(svg, { x: n, y: err1 }, s, { theme, color: seriesColor(0), ariaLabel: 'Scalar LQR error per iteration' });
            }
            if (!double.error) {
              drawLine(svg, { x: n, y: err2 }, s, { theme, color: seriesColor(2), dash: '5 3', ariaLabel: 'Double integrator error' });
              drawPoints(svg, { x: n, y: err2 }, s, { theme, color: seriesColor(2), shape: 'square', ariaLabel: 'Double integrator error per iteration' });
            }
          }}
        />
        <PlotSurface
          aspect={stacked ? 0.75 : 0.85}
          ariaLabel="Newton's method on the scalar Riccati function: each policy iteration is a tangent step"
          deps={[newton]}
          draw={(svg, _ctx, size, theme) => {
            const hi = newton?.hi ?? 1;
            const yDomain: [number, number] = [Math.min(riccatiF(hi), -0.5), 1.2];
            const f = frame(size, { theme, xLabel: 'P', yLabel: 'F(P)', yDomain });
            const s = plotScales(f, [0, hi], yDomain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'P', yLabel: 'F(P)' });
            if (!newton) return;
            drawLine(svg, { x: [0, hi], y: [0, 0] }, s, { theme, color: themeColor.fg, weight: 0.6, ariaLabel: 'Zero line' });
            drawLine(svg, newton, s, { theme, color: seriesColor(1), ariaLabel: 'Riccati function F(P)' });
            const show = newton.Ps.slice(0, 4);
            for (let i = 0; i + 1 < show.length; i++) {
              const P0 = show[i];
              const P1 = show[i + 1];
              drawLine(svg, { x: [P0, P0, P1], y: [0, riccatiF(P0), 0] }, s, { theme, color: seriesColor(0), weight: 0.8, ariaLabel: `Newton step ${i + 1}: from P = ${P0.toFixed(4)} to ${P1.toFixed(4)}` });
            }
            drawPoints(svg, { x: show, y: show.map(() => 0) }, s, { theme, color: seriesColor(0), ariaLabel: 'Iterates P_n' });
            drawPoints(svg, { x: [optimum.P], y: [0] }, s, { theme, color: themeColor.fg, shape: 'square', ariaLabel: `Root P* = ${optimum.P.toFixed(7)}` });
          }}
        />
        </div>
      </div>
      <Legend className="pi-legend" items={[
        { label: 'scalar LQR', color: 'var(--plot-1)' },
        { label: 'double integrator, K₀ = (k, k)', color: 'var(--plot-3)', shape: 'dash' },
        { label: 'F(P) = q + (2α − ρ)P − β²P²/r', color: 'var(--plot-2)' },
      ]} />
      {notes.length > 0 && !error && <p className="notice pi-note" role="status">{notes.join(' ')}</p>}
      {!scalar.error && (
        <p className="figure-stats">
          <span>
            Kₙ: {scalar.gains.slice(0, 7).map((g) => g[0].toFixed(7)).join(' → ')}
          </span>
          <span>
            K* = <b>{optimum.K.toFixed(7)}</b>
          </span>
        </p>
      )}
    </Figure>
  );
}
