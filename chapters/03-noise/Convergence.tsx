/**
 * Figure: strong and weak errors of Euler–Maruyama and Milstein on geometric Brownian motion against the step
 * size, log–log, with Monte Carlo error bars, the exact weak error, reference slopes and fitted slopes.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { superscript } from '../../app/plots/format.ts';
import convergenceListing from '../../workers/engines/convergence.ts?fn=gbmConvergence&code';
import { convergenceView } from './convergenceView.ts';
import { convergenceRequest, convergenceSchema, HORIZON, STEPS_LIST } from './schemas.ts';
import { formatGrouped } from '../../app/state/schema.ts';

const SERIES = [
  { key: 'strongEm', label: 'strong, Euler–Maruyama', color: 'var(--plot-1)' },
  { key: 'strongMilstein', label: 'strong, Milstein', color: 'var(--plot-2)' },
  { key: 'weakEm', label: 'weak, Euler–Maruyama', color: 'var(--plot-3)' },
  { key: 'weakMilstein', label: 'weak, Milstein', color: 'var(--plot-4)' },
] as const;

const power = (k: number) => `10${superscript(k)}`;
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export const Convergence = defineFigure({
  id: 'em-milstein-convergence',
  task: 'noiseConvergence',
  schema: convergenceSchema,
  code: [convergenceListing],
  request: convergenceRequest,
  useView: ({ shown }) => {
    const r = shown?.result ?? null;
    const p = shown?.request ?? null;
    const view = useMemo(() => (r && p ? convergenceView(r, p) : null), [r, p]);

    const lx = useMemo(() => (r ? r.dt.map(Math.log10) : STEPS_LIST.map((N) => Math.log10(HORIZON / N))), [r]);
    let yLo = -4;
    let yHi = 0;
    if (r && view) {
      const all = [...r.strongEm, ...r.strongMilstein, ...r.weakEm, ...r.weakMilstein, ...view.weakExact].filter((e) => e > 0).map(Math.log10);
      yLo = Math.floor(Math.min(...all) - 0.15);
      yHi = Math.ceil(Math.max(...all) + 0.35);
    }

    const readouts: Readout[] = [];
    if (r && p && view) {
      const s = r.slopes;
      readouts.push(
        { label: 'strong slope, Euler–Maruyama', value: fmt(s.strongEm), detail: '(theory ½)' },
        { label: 'strong slope, Milstein', value: fmt(s.strongMilstein), detail: '(theory 1)' },
        { label: 'weak slope, Euler–Maruyama', value: fmt(s.weakEm), detail: '(theory 1)' },
        { label: 'weak slope, Milstein', value: fmt(s.weakMilstein), detail: '(theory 1)' },
        { label: 'slope of the exact weak errors over these steps', value: fmt(view.weakExactSlope), secondary: true },
        { label: `Slopes of log error against log h fitted over h = 1/8 … 1/256 with ${formatGrouped(p.paths, 0)} paths.`, secondary: true },
        {
          label: 'at h = 1/8, strong errors',
          value: `${r.strongEm[0].toExponential(2)} and ${r.strongMilstein[0].toExponential(2)}`,
          detail: '(Euler–Maruyama and Milstein)',
          secondary: true,
        },
        {
          label: 'weak error of Euler–Maruyama',
          value: r.weakEm[0].toExponential(2),
          detail: `± ${r.weakEmSe[0].toExponential(1)} (exact ${view.weakExact[0].toExponential(2)})`,
          secondary: true,
        },
      );
    }

    return {
      readouts,
      notice: view?.notice ?? null,
      csv: (): Record<string, ArrayLike<number>> =>
        r
          ? {
              h: r.dt,
              strongEm: r.strongEm,
              strongEmSe: r.strongEmSe,
              strongMilstein: r.strongMilstein,
              strongMilsteinSe: r.strongMilsteinSe,
              weakEm: r.weakEm,
              weakEmSe: r.weakEmSe,
              weakMilstein: r.weakMilstein,
              weakMilsteinSe: r.weakMilsteinSe,
              weakExact: view?.weakExact ?? [],
            }
          : {},
      panels: [
        {
          key: 'errors',
          title: 'errors',
          aspect: 0.6,
          legend: [
            ...SERIES.map((q) => ({ label: q.label, color: q.color, shape: 'dot' as const })),
            { label: 'exact weak error', color: 'var(--plot-fg)' },
            { label: 'reference slopes ½ (dotted) and 1 (dashed)', color: 'var(--plot-muted)', shape: 'dash' },
          ],
          ariaLabel: 'Strong and weak errors of Euler–Maruyama and Milstein against the step size, on log–log axes',
          deps: [r, view, lx, yLo, yHi],
          draw: (svg, _ctx, size, theme) => {
            const yTicks = Array.from({ length: yHi - yLo + 1 }, (_, i) => yLo + i);
            const sc = plotAxes(svg, size, theme, {
              x: { domain: [lx[lx.length - 1] - 0.12, lx[0] + 0.12], label: 'step size h', ticks: lx, format: (x) => `1/${Math.round(10 ** -x)}` },
              y: { domain: [yLo, yHi], label: 'error', ticks: yTicks, format: (y) => power(Math.round(y)) },
              margin: { left: Math.ceil(theme.fontSize * 4.2) },
            });
            if (!r || !view) return;
            // Reference slopes through the largest-h strong points, lifted by a factor 1.6 so they do not hide them.
            const lift = Math.log10(1.6);
            const xs = [lx[lx.length - 1], lx[0]];
            const ref = (slope: number, y0: number) => xs.map((x) => y0 + lift + slope * (x - lx[0]));
            drawLine(svg, { x: xs, y: ref(0.5, Math.log10(r.strongEm[0])) }, sc, {
              theme,
              color: 'var(--plot-muted)',
              dash: '2 4',
              ariaLabel: 'Reference slope 1/2',
            });
            drawLine(svg, { x: xs, y: ref(1, Math.log10(r.strongMilstein[0])) }, sc, {
              theme,
              color: 'var(--plot-muted)',
              dash: '8 4',
              ariaLabel: 'Reference slope 1',
            });
            // The exact weak error (the same for both schemes).
            if (view.weakExact.every((e) => e > 0)) {
              drawLine(svg, { x: lx, y: view.weakExact.map(Math.log10) }, sc, { theme, color: 'var(--plot-fg)', weight: 0.7, ariaLabel: 'Exact weak error' });
            }
            const series = [
              { e: r.strongEm, se: r.strongEmSe, noisy: r.strongEm.map(() => false), dx: -0.012, ...SERIES[0] },
              { e: r.strongMilstein, se: r.strongMilsteinSe, noisy: r.strongMilstein.map(() => false), dx: -0.004, ...SERIES[1] },
              { e: r.weakEm, se: r.weakEmSe, noisy: view.weakEmNoisy, dx: 0.004, ...SERIES[2] },
              { e: r.weakMilstein, se: r.weakMilsteinSe, noisy: view.weakMilsteinNoisy, dx: 0.012, ...SERIES[3] },
            ];
            const rad = Math.max(2.5, theme.strokeWidth * 2);
            for (const q of series) {
              const x = lx.map((x) => x + q.dx);
              const y = q.e.map((e) => (e > 0 ? Math.log10(e) : NaN));
              drawLine(svg, { x, y }, sc, { theme, color: q.color, weight: 0.6, ariaLabel: q.label });
              const lo = q.e.map((e, i) => Math.log10(e - 2 * q.se[i]));
              const hi = q.e.map((e, i) => Math.log10(e + 2 * q.se[i]));
              drawPoints(svg, { x, y, lo, hi }, sc, {
                theme,
                color: q.color,
                radius: rad / theme.fontSize,
                hollow: q.noisy,
                ariaLabel: `${q.label}, with two standard errors`,
              });
            }
          },
        },
      ],
    };
  },
});
