/**
 * Figure: strong and weak errors of Euler–Maruyama and Milstein on geometric Brownian motion against the step
 * size, log–log, with Monte Carlo error bars, the exact weak error, reference slopes and fitted slopes.
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
import { Legend } from '../../app/components/Legend.tsx';
import convergenceListing from '../../workers/engines/convergence.ts?fn=gbmConvergence&code';
import { convergenceView } from './convergenceView.ts';
import { convergenceRequest, convergenceSchema, HORIZON, STEPS_LIST } from './schemas.ts';
import { drawPoints } from '../../app/plots/points.ts';
import './noise.css';
import { superscript } from '../../app/plots/format.ts';

export const convergenceParams = defineFigureParams('em-milstein-convergence', convergenceSchema);

const SERIES = [
  { key: 'strongEm', label: 'strong, Euler–Maruyama', color: 'var(--plot-1)' },
  { key: 'strongMilstein', label: 'strong, Milstein', color: 'var(--plot-2)' },
  { key: 'weakEm', label: 'weak, Euler–Maruyama', color: 'var(--plot-3)' },
  { key: 'weakMilstein', label: 'weak, Milstein', color: 'var(--plot-4)' },
] as const;

const power = (k: number) => `10${superscript(k)}`;

export function Convergence({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const narrow = useMediaQuery('(max-width: 560px)');
  const v = convergenceParams.useValues();
  const request = convergenceRequest(v);
  const { sim, figure } = useFigureSimulation('noiseConvergence', request);
  const r = sim.result;
  const shown = sim.resultParams ?? request;
  const view = useMemo(() => (r ? convergenceView(r, { m: shown.m, v: shown.v, x0: shown.x0, T: shown.T }) : null), [r, shown.m, shown.v, shown.x0, shown.T]);

  const lx = r ? r.dt.map(Math.log10) : STEPS_LIST.map((N) => Math.log10(HORIZON / N));
  let yLo = -4;
  let yHi = 0;
  if (r && view) {
    const all = [...r.strongEm, ...r.strongMilstein, ...r.weakEm, ...r.weakMilstein, ...view.weakExact].filter((e) => e > 0).map(Math.log10);
    yLo = Math.floor(Math.min(...all) - 0.15);
    yHi = Math.ceil(Math.max(...all) + 0.35);
  }
  const s = r?.slopes;
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
  const stats =
    r && s && view
      ? `Fitted slopes of log error against log h over h = 1/8 … 1/256 with ${shown.paths} paths: strong Euler–Maruyama ${fmt(s.strongEm)} (theory 1/2), strong Milstein ${fmt(s.strongMilstein)} (theory 1), weak Euler–Maruyama ${fmt(s.weakEm)}, weak Milstein ${fmt(s.weakMilstein)} (theory 1; the exact weak errors have slope ${fmt(view.weakExactSlope)} over these steps). At h = 1/8: strong errors ${r.strongEm[0].toExponential(2)} and ${r.strongMilstein[0].toExponential(2)}, weak error ${r.weakEm[0].toExponential(2)} ± ${r.weakEmSe[0].toExponential(1)} (exact ${view.weakExact[0].toExponential(2)}).`
      : '';

  return (
    <Figure
      params={convergenceParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[convergenceListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> =>
        r
          ? { h: r.dt, strongEm: r.strongEm, strongEmSe: r.strongEmSe, strongMilstein: r.strongMilstein, strongMilsteinSe: r.strongMilsteinSe, weakEm: r.weakEm, weakEmSe: r.weakEmSe, weakMilstein: r.weakMilstein, weakMilsteinSe: r.weakMilsteinSe, weakExact: view?.weakExact ?? [] }
          : {}
      }
      controls={<Controls params={convergenceParams} />}
    >
      <div ref={figure.plotRef}>
        <PlotSurface
          aspect={narrow ? 0.95 : 0.6}
          ariaLabel="Strong and weak errors of Euler–Maruyama and Milstein against the step size, on log–log axes"
          deps={[r, view, yLo, yHi]}
          draw={(svg, _ctx, size, theme) => {
            const xDomain: [number, number] = [lx[lx.length - 1] - 0.12, lx[0] + 0.12];
            const f = frame(size, { theme, xLabel: 'step size h', yLabel: 'error', yDomain: [yLo, yHi], margin: { left: Math.ceil(theme.fontSize * 4.2) } });
            const sc = plotScales(f, xDomain, [yLo, yHi], { nice: false });
            const yTicks = Array.from({ length: yHi - yLo + 1 }, (_, i) => yLo + i);
            drawAxes(svg, sc, f, { theme, xLabel: 'step size h', yLabel: 'error', xTicks: lx, xFormat: (x) => `1/${Math.round(10 ** -x)}`, yTicks, yFormat: (y) => power(Math.round(y)) });
            if (!r || !view) return;
            // Reference slopes through the largest-h strong points, lifted by a factor 1.6 so they do not hide them.
            const lift = Math.log10(1.6);
            const xs = [lx[lx.length - 1], lx[0]];
            const ref = (slope: number, y0: number) => xs.map((x) => y0 + lift + slope * (x - lx[0]));
            drawLine(svg, { x: xs, y: ref(0.5, Math.log10(r.strongEm[0])) }, sc, { theme, color: 'var(--plot-muted)', dash: '2 4', ariaLabel: 'Reference slope 1/2' });
            drawLine(svg, { x: xs, y: ref(1, Math.log10(r.strongMilstein[0])) }, sc, { theme, color: 'var(--plot-muted)', dash: '8 4', ariaLabel: 'Reference slope 1' });
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
              drawPoints(svg, { x, y, lo, hi }, sc, { theme, color: q.color, radius: rad / theme.fontSize, hollow: q.noisy, ariaLabel: `${q.label}, with two standard errors` });
            }
          }}
        />
        <Legend
          items={[
            ...SERIES.map((q) => ({ label: q.label, color: q.color, shape: 'dot' as const })),
            { label: 'exact weak error', color: 'var(--plot-fg)' },
            { label: 'reference slopes ½ (dotted) and 1 (dashed)', color: 'var(--plot-muted)', shape: 'dash' },
          ]}
        />
      </div>
      {view?.notice && (
        <p className="notice noise-notice" role="status">
          {view.notice}
        </p>
      )}
      {r && s && view && (
        <p className="figure-stats">
          <span>
            strong slopes: EM <b>{fmt(s.strongEm)}</b> (½), Milstein <b>{fmt(s.strongMilstein)}</b> (1)
          </span>
          <span>
            weak slopes: EM <b>{fmt(s.weakEm)}</b>, Milstein <b>{fmt(s.weakMilstein)}</b> (1; exact weak errors: {fmt(view.weakExactSlope)})
          </span>
        </p>
      )}
    </Figure>
  );
}
