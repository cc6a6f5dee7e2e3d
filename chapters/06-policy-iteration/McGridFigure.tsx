/**
 * Figure: the Kushner–Dupuis Markov-chain approximation of the LQR's HJB equation on a grid of spacing h, solved in
 * the worker. Left: V_h on [-L, L] against the closed-form V. Right: the sup error on |x| <= 1 against h on log–log
 * axes (first order), with the chosen h marked.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { decadeTicks } from '../../app/plots/logTicks.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { lqrDiscounted } from '../../workers/engines/lqr.ts';
import { POST_LQR as post } from '../../workers/engines/examples.ts';
import mcListing from '../../workers/engines/markovChain.ts?fn=markovChainHjbJob&code';

/** The spacings of the convergence sweep: 0.4, 0.2, ..., 0.00625 (each divides 2L for integer L). */
export const HS = [0.4, 0.2, 0.1, 0.05, 0.025, 0.0125, 0.00625];
/** The sup error is measured on |x| <= WINDOW, away from the reflecting ends. */
export const WINDOW = 1;
/** The h axis (log10 units) and its ticks. */
const H_DOMAIN: [number, number] = [Math.log10(0.005), Math.log10(0.5)];
const H_TICKS = [0.01, 0.1].map(Math.log10);

export const McGridFigure = defineFigure({
  id: 'mc-grid',
  schema: {
    h: { label: 'grid spacing', symbol: 'h', min: 0.00625, max: 0.4, step: 0.001, default: 0.1, log: true },
    L: { label: 'grid half-width', symbol: 'L', min: 2, max: 8, step: 1, default: 4, integer: true },
    sigma: { label: 'noise', symbol: 'σ', min: 0.05, max: 1, step: 0.05, default: 0.3 },
  },
  code: [mcListing],
  request: (v) => ({ params: { ...post, sigma: v.sigma }, L: v.L, h: v.h, hs: HS, window: WINDOW }),
  useView: ({ shown, status, values }) => {
    const r = status === 'error' ? null : (shown?.result ?? null);
    // The closed form at the values the grid was solved for.
    const sigma = shown?.request.params.sigma ?? values.sigma;
    const L = shown?.request.L ?? values.L;
    const exact = useMemo(() => {
      const { P, c } = lqrDiscounted({ ...post, sigma });
      const m = 161;
      const x = new Float64Array(m);
      const y = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        x[i] = -L + (2 * L * i) / (m - 1);
        y[i] = -0.5 * P * x[i] * x[i] - c;
      }
      return { x, y, P, c };
    }, [sigma, L]);
    const ratios = r ? Array.from(r.errors.subarray(1), (e, k) => r.errors[k] / e) : [];

    return {
      readouts: r
        ? [
            { label: `sup error on |x| ≤ ${WINDOW} at h = ${r.h.toPrecision(3)}`, value: r.error.toExponential(2) },
            { label: 'error ratios per halving of h', value: ratios.map((q) => q.toFixed(2)).join(', '), detail: '(first order: 2)' },
          ]
        : [],
      csv: (): Record<string, ArrayLike<number>> => (r ? { x: r.x, Vh: r.V } : {}),
      panels: [
        {
          key: 'value',
          title: 'value',
          aspect: 0.85,
          legend: [
            { label: 'Vₕ on the grid', color: seriesColor(0), shape: 'dot' },
            { label: 'closed-form V', color: themeColor.fg, shape: 'dash' },
          ],
          ariaLabel: 'The Markov-chain value V_h on the grid against the closed-form value',
          deps: [r, exact, L],
          draw: (svg, _ctx, size, theme) => {
            let lo = Math.min(...exact.y);
            if (r) for (const y of r.V) lo = Math.min(lo, y);
            const hi = Math.max(...exact.y);
            const pad = 0.05 * (hi - lo);
            const yDomain: [number, number] = [lo - pad, hi + pad];
            const s = plotAxes(svg, size, theme, { x: { domain: [-L, L], label: 'state x' }, y: { domain: yDomain, label: 'V(x)' } });
            drawLine(svg, { x: [-WINDOW, -WINDOW], y: yDomain }, s, {
              theme,
              color: themeColor.muted,
              weight: 0.5,
              dash: '2 3',
              ariaLabel: 'Left end of the error window',
            });
            drawLine(svg, { x: [WINDOW, WINDOW], y: yDomain }, s, {
              theme,
              color: themeColor.muted,
              weight: 0.5,
              dash: '2 3',
              ariaLabel: 'Right end of the error window',
            });
            if (r && r.x.length <= 81)
              drawPoints(svg, { x: r.x, y: r.V }, s, { theme, color: seriesColor(0), radius: 0.22, ariaLabel: 'V_h at the grid points' });
            else if (r) drawLine(svg, { x: r.x, y: r.V }, s, { theme, color: seriesColor(0), ariaLabel: 'V_h on the grid' });
            drawLine(svg, exact, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'Closed-form value V' });
          },
        },
        {
          key: 'error',
          title: 'error',
          aspect: 0.85,
          legend: [
            { label: 'sup error', color: seriesColor(0), shape: 'dot' },
            { label: 'chosen h', color: 'var(--accent)', shape: 'square' },
            { label: 'slope 1', color: themeColor.muted, shape: 'dash' },
          ],
          ariaLabel: 'Sup error of the Markov-chain approximation against the grid spacing, log–log',
          deps: [r],
          draw: (svg, _ctx, size, theme) => {
            let lo = 1e-3;
            let hi = 1;
            if (r) {
              lo = Math.min(...r.errors, r.error) / 2;
              hi = Math.max(...r.errors, r.error) * 2;
            }
            const s = plotAxes(svg, size, theme, {
              x: { domain: H_DOMAIN, label: 'grid spacing h (log)', log: true, ticks: H_TICKS },
              y: { domain: [Math.log10(lo), Math.log10(hi)], label: `sup error, |x| ≤ ${WINDOW}`, log: true, ticks: decadeTicks(lo, hi, 5).map(Math.log10) },
            });
            if (!r) return;
            // Reference slope 1 through the finest point.
            const k = r.errors.length - 1;
            const C = r.errors[k] / r.hs[k];
            drawLine(svg, { x: H_DOMAIN, y: H_DOMAIN.map((lh) => Math.log10(C * 10 ** lh)) }, s, {
              theme,
              color: themeColor.muted,
              dash: '3 3',
              ariaLabel: 'Reference line of slope 1',
            });
            const lhs = r.hs.map(Math.log10);
            const les = r.errors.map(Math.log10);
            drawLine(svg, { x: lhs, y: les }, s, { theme, color: seriesColor(0), weight: 0.7, ariaLabel: 'Sup error against h' });
            drawPoints(svg, { x: lhs, y: les }, s, { theme, color: seriesColor(0), ariaLabel: 'Sup error per grid' });
            drawPoints(svg, { x: [Math.log10(r.h)], y: [Math.log10(r.error)] }, s, {
              theme,
              color: 'var(--accent)',
              radius: 0.45,
              shape: 'square',
              ariaLabel: `Chosen grid h = ${r.h.toPrecision(3)}`,
            });
          },
        },
      ],
    };
  },
});
