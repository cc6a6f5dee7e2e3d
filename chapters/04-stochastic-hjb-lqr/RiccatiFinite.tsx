/**
 * Figure: the finite-horizon Riccati solution P(t) on [0, T] for several terminal weights qT, from the closed form
 * of the Riccati ODE (main thread: a few hundred evaluations of a formula), converging backward to the stationary P.
 */
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { lqrDiscounted } from '../../workers/engines/lqr.ts';
import { riccatiPath, settleTime } from './lqrCurves.ts';
import fhListing from '../../workers/engines/lqr.ts?fn=lqrFiniteHorizon&code';
import pathListing from './lqrCurves.ts?fn=riccatiPath&code';

/** The two fixed terminal weights; the reader's is the third curve. */
const FIXED = [0, 1];
const POINTS = 240;
const COLOURS = [seriesColor(0), seriesColor(2), seriesColor(1)];

export const RiccatiFinite = defineFigure({
  id: 'lqr-riccati',
  schema: {
    alpha: { label: 'drift of the state', symbol: 'α', min: -1, max: 1, step: 0.05, default: -0.5 },
    beta: { label: 'control effect', symbol: 'β', min: 0, max: 2, step: 0.05, default: 1 },
    q: { label: 'state cost', symbol: 'q', min: 0, max: 5, step: 0.1, default: 1 },
    r: { label: 'action cost', symbol: 'R', min: 0.01, max: 2, step: 0.01, default: 0.1, log: true },
    rho: { label: 'discount rate', symbol: 'ρ', min: 0.01, max: 1, step: 0.01, default: 0.1 },
    qT: { label: 'your terminal weight', symbol: 'q_T', min: 0, max: 3, step: 0.05, default: 0.15 },
    T: { label: 'horizon', symbol: 'T', min: 0.2, max: 10, step: 0.1, default: 2 },
  },
  code: [pathListing, fhListing],
  compute: (v) => {
    const model = { alpha: v.alpha, beta: v.beta, q: v.q, r: v.r, rho: v.rho };
    const Pinf = lqrDiscounted({ ...model, sigma: 0 }).P;
    const curves = [...FIXED, v.qT].map((qT) => ({ qT, ...riccatiPath(model, qT, v.T, POINTS) }));
    const rate = Math.sqrt((v.rho - 2 * v.alpha) ** 2 + (4 * v.beta * v.beta * v.q) / v.r);
    return { Pinf, curves, rate };
  },
  useView: ({ shown }) => {
    if (!shown) return { panels: [] };
    const { result: data, values: v } = shown;
    const hi = Math.max(data.Pinf, ...data.curves.map((c) => c.qT), 1e-3) * 1.08;
    const readouts: Readout[] = [
      { label: 'stationary P', value: data.Pinf.toFixed(7) },
      { label: 'rate λ', value: data.rate.toFixed(3) },
      // The reader's curve first; the fixed weights' fold away on a projector.
      ...[2, 0, 1].map((i): Readout => {
        const c = data.curves[i];
        const s = settleTime(c.t, c.P, data.Pinf, v.T);
        return {
          label: 'P(0)',
          value: c.P[0].toFixed(5),
          detail: `for q_T = ${c.qT}` + (Number.isFinite(s) ? `, within 1% of P once T − t ≥ ${s.toFixed(2)}` : ', not yet within 1% of P at t = 0'),
          secondary: i < FIXED.length,
        };
      }),
    ];
    return {
      readouts,
      csv: () => ({ t: data.curves[0].t, ...Object.fromEntries(data.curves.map((c, i) => [`P_qT${i}_${c.qT}`, c.P])) }),
      panels: [
        {
          key: 'riccati',
          title: 'P(t)',
          aspect: 0.45,
          legend: [
            ...data.curves.map((c, i) => ({ label: i === 2 ? `your q_T = ${c.qT}` : `q_T = ${c.qT}`, color: COLOURS[i] })),
            { label: 'stationary P', color: themeColor.fg, shape: 'dash' as const },
          ],
          ariaLabel: 'Solutions P(t) of the finite-horizon Riccati equation for several terminal weights, and the stationary P',
          deps: [data, hi, v.T],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, {
              x: { domain: [0, v.T], label: 'time t (the horizon T is on the right)' },
              y: { domain: [0, hi], label: 'P(t)' },
            });
            if (Number.isFinite(data.Pinf))
              drawLine(svg, { x: [0, v.T], y: [data.Pinf, data.Pinf] }, s, {
                theme,
                color: themeColor.fg,
                dash: '6 4',
                ariaLabel: `Stationary P = ${data.Pinf.toFixed(4)}`,
              });
            data.curves.forEach((c, i) =>
              drawLine(svg, { x: c.t, y: c.P }, s, { theme, color: COLOURS[i], weight: i === 2 ? 1.5 : 1, ariaLabel: `P(t) for terminal weight ${c.qT}` }),
            );
          },
        },
      ],
    };
  },
});
