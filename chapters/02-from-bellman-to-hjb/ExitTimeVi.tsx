/**
 * Figure: value iteration on the exit-time problem x' = a, |a| <= 1, on (-1, 1), whose value has a corner at 0.
 * Left: the start, the iterate after k sweeps and the closed-form (viscosity) value. Right: the sup error against
 * the closed form and against the step-h fixed point, sweep by sweep. The iteration runs in the worker.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { choice } from '../../app/state/schema.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { formatScientific } from '../../app/plots/format.ts';
import { exitTimeValue } from '../../workers/engines/exitTimeVi.ts';
import viListing from '../../workers/engines/exitTimeVi.ts?fn=exitTimeVi&code';

const e3 = (x: number) => (x < 1e-12 ? '0' : formatScientific(x, { plain: [1e-3, 1e3] }));

export const ExitTimeVi = defineFigure({
  id: 'exit-time-vi',
  schema: {
    sweeps: { label: 'sweeps', symbol: 'k', min: 0, max: 200, step: 1, default: 8, integer: true },
    cells: { label: 'grid cells (h = 2/N)', symbol: 'N', min: 4, max: 200, step: 2, default: 40, integer: true },
    rho: { label: 'discount rate', symbol: 'ρ', min: 0, max: 2, step: 0.05, default: 0 },
    start: choice('start of the iteration', 'V₀', ['V₀ = 0', 'sawtooth']),
  },
  code: [viListing],
  request: (v) => ({ cells: v.cells, rho: v.rho, start: v.start, sweeps: v.sweeps }),
  useView: ({ shown }) => {
    const r = shown?.result ?? null;
    const rho = shown?.request.rho ?? 0;
    const k = shown?.request.sweeps ?? 0;
    const exact = useMemo(() => {
      const m = 201;
      const x = new Float64Array(m);
      const y = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        x[i] = -1 + (2 * i) / (m - 1);
        y[i] = exitTimeValue(x[i], rho);
      }
      return { x, y };
    }, [rho]);

    const readouts: Readout[] = [];
    if (r) {
      readouts.push(
        { label: `sup |Vₖ − V| after k = ${k}`, value: e3(r.errors[Math.min(k, r.errors.length - 1)]), detail: `(h = ${r.h.toPrecision(3)})` },
        {
          label: 'sweeps to the fixed point Vₕ',
          value: r.sweepsToFixed >= 0 ? String(r.sweepsToFixed) : '–',
          detail: `(1/h = ${(1 / r.h).toPrecision(3)})`,
        },
        { label: 'sup |Vₕ − V| (what remains)', value: e3(r.fixedError) },
      );
    }

    return {
      readouts,
      csv: (): Record<string, ArrayLike<number>> => (r ? { x: r.x, V0: r.start, Vk: r.iterate, Vh: r.fixed } : {}),
      panels: [
        {
          key: 'value',
          title: 'value',
          aspect: 0.85,
          legend: [
            { label: 'start V₀', color: themeColor.muted, shape: 'dash' as const },
            { label: 'iterate Vₖ', color: seriesColor(0), shape: 'dot' as const },
            { label: 'value V (closed form)', color: themeColor.fg, shape: 'dash' as const },
          ],
          ariaLabel: 'The value-iteration iterate on the grid against the kinked closed-form value',
          deps: [r, exact],
          draw: (svg, _ctx, size, theme) => {
            const lo = Math.min(-1.05, ...exact.y) - 0.05;
            const s = plotAxes(svg, size, theme, { x: { domain: [-1, 1], label: 'state x' }, y: { domain: [lo, 0.1], label: 'V(x)' } });
            if (!r) return;
            drawLine(svg, { x: r.x, y: r.start }, s, { theme, color: themeColor.muted, dash: '2 3', ariaLabel: 'Start of value iteration' });
            drawLine(svg, exact, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'Closed-form value V' });
            drawLine(svg, { x: r.x, y: r.iterate }, s, { theme, color: seriesColor(0), weight: 0.8, ariaLabel: 'Iterate V_k' });
            if (r.x.length <= 81)
              drawPoints(svg, { x: r.x, y: r.iterate }, s, { theme, color: seriesColor(0), radius: 0.22, ariaLabel: 'Iterate V_k at the grid points' });
          },
        },
        {
          key: 'error',
          title: 'error',
          aspect: 0.85,
          legend: [
            { label: 'sup |Vₖ − V|', color: seriesColor(0) },
            { label: 'sup |Vₖ − Vₕ|', color: seriesColor(1), shape: 'dash' as const },
            { label: 'sweep k', color: 'var(--accent)', shape: 'square' as const },
          ],
          ariaLabel: 'Sup error of the value-iteration iterates against the closed form and against the fixed point, per sweep',
          deps: [r, k],
          draw: (svg, _ctx, size, theme) => {
            const K = r ? Math.max(r.errors.length - 1, k, 1) : 1;
            let hi = 1;
            if (r) for (const e of r.errors) hi = Math.max(hi, e);
            const s = plotAxes(svg, size, theme, {
              x: { domain: [0, K], label: 'sweeps k' },
              y: { domain: [0, hi * 1.05], label: 'sup error on the grid' },
            });
            if (!r) return;
            const ks = Float64Array.from(r.errors, (_, i) => i);
            drawLine(svg, { x: ks, y: r.errorsFixed }, s, { theme, color: seriesColor(1), dash: '6 4', ariaLabel: 'Sup distance to the fixed point V_h' });
            drawLine(svg, { x: ks, y: r.errors }, s, { theme, color: seriesColor(0), ariaLabel: 'Sup error against the closed form' });
            const kk = Math.min(k, r.errors.length - 1);
            drawPoints(svg, { x: [kk], y: [r.errors[kk]] }, s, { theme, color: 'var(--accent)', radius: 0.45, shape: 'square', ariaLabel: `Sweep ${kk}` });
          },
        },
      ],
    };
  },
});
