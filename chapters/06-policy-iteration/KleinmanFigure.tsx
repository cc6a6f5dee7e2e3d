/**
 * Figure: Kleinman's iteration (policy iteration for the LQR) from a starting gain K0: the error |K_n - K*| per
 * iteration on a log axis for the scalar LQR and the double integrator, and the scalar iteration drawn as
 * Newton's method on the Riccati function F(P) (tangent steps). The iterations run in the worker (task kleinman:
 * a Riccati solve and a few Lyapunov solves, milliseconds on a phone).
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { decadeTicks } from '../../app/plots/logTicks.ts';
import { MINUS } from '../../app/plots/format.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { POST_K_MIN_STABLE, POST_OPTIMUM as optimum } from '../../workers/engines/examples.ts';
import kleinmanListing from '../../workers/engines/lqr.ts?fn=kleinmanIteration&code';
import { FLOOR, riccatiF } from './kleinman.ts';

/** The first iteration whose error is at the floor (machine precision), or -1. */
const atFloor = (errors: number[]) => errors.findIndex((e) => e < FLOOR * 1.0001);

/** When the errors reach machine precision, as a sentence. */
function reachText(scalar: number[], double: number[] | null): string {
  const when = (errors: number[]) => {
    const k = atFloor(errors);
    return k < 0 ? `not within ${errors.length} iterations (last error ${errors[errors.length - 1].toExponential(1).replace('-', MINUS)})` : `at n = ${k}`;
  };
  return (
    `The error reaches machine precision (below 10⁻¹⁶) ${when(scalar)} for the scalar LQR` + (double ? `, ${when(double)} for the double integrator.` : '.')
  );
}
const scalarNote = (K0: number) =>
  `Scalar LQR: K₀ = ${K0} does not stabilise (need K₀ > −0.55, i.e. ρ > 2(α − βK₀)): its value is −∞ and there is nothing to improve.`;
const doubleNote = (K0: number) => `Double integrator: K₀ = (${K0}, ${K0}) does not stabilise A − BK₀ − (ρ/2)I; start from K₀ ≥ 0.`;

export const KleinmanFigure = defineFigure({
  id: 'kleinman',
  schema: {
    K0: { label: 'starting gain', symbol: 'K₀', min: -1, max: 12, step: 0.1, default: 0 },
    iterations: { label: 'iterations', symbol: 'n', min: 2, max: 24, step: 1, default: 20, integer: true },
  },
  code: [kleinmanListing],
  request: (v) => ({ K0: v.K0, iterations: v.iterations }),
  // Below K* = −0.55 neither problem is stabilised (the double integrator needs K₀ > −0.0024): nothing to iterate.
  blocked: (v) => (v.K0 <= POST_K_MIN_STABLE ? `${scalarNote(v.K0)} ${doubleNote(v.K0)}` : null),
  useView: ({ shown }) => {
    const scalar = shown?.result.scalar ?? null;
    const double = shown?.result.double ?? null;
    const K0 = shown?.values.K0 ?? 0;
    const iterations = shown?.values.iterations ?? 0;
    const n = useMemo(() => Array.from({ length: iterations }, (_, i) => i), [iterations]);
    const scalarOk = scalar !== null && !scalar.error;
    const doubleOk = double !== null && !double.error;
    const err1 = scalarOk ? scalar.errors.map((e) => Math.max(e, FLOOR)) : [];
    const err2 = doubleOk ? double.errors.map((e) => Math.max(e, FLOOR)) : [];
    const top = Math.max(100, ...err1.map((e) => e * 3), ...err2.map((e) => e * 3));

    // Newton tangents on F for the scalar run: from P_n the tangent meets zero at P_{n+1}.
    const newton = useMemo(() => {
      if (!scalar || scalar.error) return null;
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

    const notes: string[] = [];
    if (scalar?.error) notes.push(scalarNote(K0));
    if (double?.error) notes.push(doubleNote(K0));

    return {
      notice: notes.length ? notes.join(' ') : null,
      readouts: scalarOk
        ? [
            {
              label: 'Kₙ',
              value: scalar.gains
                .slice(0, 7)
                .map((g) => g[0].toFixed(7))
                .join(' → '),
            },
            { label: 'K*', value: optimum.K.toFixed(7) },
            { label: reachText(scalar.errors, double && !double.error ? double.errors : null), secondary: true },
          ]
        : [],
      csv: (): Record<string, ArrayLike<number>> => ({
        n,
        scalarK: scalar?.gains.map((g) => g[0]) ?? [],
        scalarError: scalar?.errors ?? [],
        doubleError: double?.errors ?? [],
      }),
      panels: [
        {
          key: 'errors',
          title: 'errors',
          aspect: 0.85,
          legend: [
            { label: 'scalar LQR', color: seriesColor(0) },
            { label: 'double integrator, K₀ = (k, k)', color: seriesColor(2), shape: 'dash' },
          ],
          ariaLabel: "Error of Kleinman's iteration against the iteration number, on a logarithmic axis",
          deps: [err1, err2, n, top],
          draw: (svg, _ctx, size, theme) => {
            const ticks = decadeTicks(1e-16, top, 7).map(Math.log10);
            const s = plotAxes(svg, size, theme, {
              x: {
                domain: [0, Math.max(1, iterations - 1)],
                label: 'iteration n',
                ticks: n.filter((i) => iterations <= 10 || i % (iterations <= 16 ? 2 : 4) === 0),
              },
              y: { domain: [Math.log10(FLOOR / 3), Math.log10(top)], label: '|Kₙ − K*|', log: true, ticks },
            });
            const log = (a: number[]) => a.map(Math.log10);
            if (scalarOk) {
              drawLine(svg, { x: n, y: log(err1) }, s, { theme, color: seriesColor(0), ariaLabel: 'Scalar LQR error' });
              drawPoints(svg, { x: n, y: log(err1) }, s, { theme, color: seriesColor(0), ariaLabel: 'Scalar LQR error per iteration' });
            }
            if (doubleOk) {
              drawLine(svg, { x: n, y: log(err2) }, s, { theme, color: seriesColor(2), dash: '5 3', ariaLabel: 'Double integrator error' });
              drawPoints(svg, { x: n, y: log(err2) }, s, { theme, color: seriesColor(2), shape: 'square', ariaLabel: 'Double integrator error per iteration' });
            }
          },
        },
        {
          key: 'newton',
          title: 'Newton',
          aspect: 0.85,
          legend: [
            { label: 'F(P) = q + (2α − ρ)P − β²P²/r', color: seriesColor(1) },
            { label: 'Newton steps from Pₙ', color: seriesColor(0) },
          ],
          ariaLabel: "Newton's method on the scalar Riccati function: each policy iteration is a tangent step",
          deps: [newton],
          draw: (svg, _ctx, size, theme) => {
            const hi = newton?.hi ?? 1;
            const s = plotAxes(svg, size, theme, { x: { domain: [0, hi], label: 'P' }, y: { domain: [Math.min(riccatiF(hi), -0.5), 1.2], label: 'F(P)' } });
            if (!newton) return;
            drawLine(svg, { x: [0, hi], y: [0, 0] }, s, { theme, color: themeColor.fg, weight: 0.6, ariaLabel: 'Zero line' });
            drawLine(svg, newton, s, { theme, color: seriesColor(1), ariaLabel: 'Riccati function F(P)' });
            const show = newton.Ps.slice(0, 4);
            for (let i = 0; i + 1 < show.length; i++) {
              const P0 = show[i];
              const P1 = show[i + 1];
              drawLine(svg, { x: [P0, P0, P1], y: [0, riccatiF(P0), 0] }, s, {
                theme,
                color: seriesColor(0),
                weight: 0.8,
                ariaLabel: `Newton step ${i + 1}: from P = ${P0.toFixed(4)} to ${P1.toFixed(4)}`,
              });
            }
            drawPoints(svg, { x: show, y: show.map(() => 0) }, s, { theme, color: seriesColor(0), ariaLabel: 'Iterates P_n' });
            drawPoints(svg, { x: [optimum.P], y: [0] }, s, { theme, color: themeColor.fg, shape: 'square', ariaLabel: `Root P* = ${optimum.P.toFixed(7)}` });
          },
        },
      ],
    };
  },
});
