/**
 * Figure: the finite-horizon Riccati solution P(t) on [0, T] for several terminal weights qT, from the closed form
 * of the Riccati ODE (main thread: a few hundred evaluations of a formula), converging backward to the stationary P.
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
import { lqrDiscounted } from '../../workers/engines/lqr.ts';
import { riccatiPath, settleTime } from './lqrCurves.ts';
import fhListing from '../../workers/engines/lqr.ts?fn=lqrFiniteHorizon&code';
import pathListing from './lqrCurves.ts?fn=riccatiPath&code';
import './lqr.css';
import { Legend } from '../../app/components/Legend.tsx';

export const riccatiParams = defineFigureParams('lqr-riccati', {
  alpha: { label: 'drift of the state', symbol: 'α', min: -1, max: 1, step: 0.05, default: -0.5 },
  beta: { label: 'control effect', symbol: 'β', min: 0, max: 2, step: 0.05, default: 1 },
  q: { label: 'state cost', symbol: 'q', min: 0, max: 5, step: 0.1, default: 1 },
  r: { label: 'action cost', symbol: 'r', min: 0.01, max: 2, step: 0.01, default: 0.1, log: true },
  rho: { label: 'discount rate', symbol: 'ρ', min: 0.01, max: 1, step: 0.01, default: 0.1 },
  qT: { label: 'your terminal weight', symbol: 'q_T', min: 0, max: 3, step: 0.05, default: 0.15 },
  T: { label: 'horizon', symbol: 'T', min: 0.2, max: 10, step: 0.1, default: 2 },
});

const FIXED = [0, 1];

export function RiccatiFinite({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const root = useRef<HTMLElement | null>(null);
  const plot = useRef<HTMLDivElement | null>(null);
  const stacked = useMediaQuery('(max-width: 560px)');
  const v = riccatiParams.useValues();
  const model = { alpha: v.alpha, beta: v.beta, q: v.q, r: v.r, rho: v.rho };
  const data = useMemo(() => {
    try {
      const Pinf = lqrDiscounted({ ...model, sigma: 0 }).P;
      const weights = [...FIXED, v.qT];
      const curves = weights.map((qT) => ({ qT, ...riccatiPath(model, qT, v.T, 240) }));
      const rate = Math.sqrt((v.rho - 2 * v.alpha) ** 2 + (4 * v.beta * v.beta * v.q) / v.r);
      return { Pinf, curves, rate, error: null as string | null };
    } catch (e) {
      return { Pinf: NaN, curves: [], rate: NaN, error: `This figure could not be computed: ${(e as Error).message}` };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.alpha, v.beta, v.q, v.r, v.rho, v.qT, v.T]);
  const hi = Math.max(data.Pinf, ...data.curves.map((c) => c.qT), 1e-3) * 1.08;
  const yDomain: [number, number] = [0, hi];
  const colours = [seriesColor(0), seriesColor(2), seriesColor(1)];
  const stats = data.curves.map((c) => {
    const s = settleTime(c.t, c.P, data.Pinf, v.T);
    return `q_T = ${c.qT}: P(0) = ${c.P[0].toFixed(5)}${Number.isFinite(s) ? `, within 1% of P once T − t ≥ ${s.toFixed(2)}` : ', not yet within 1% of P at t = 0'}`;
  });
  const summary = data.error ?? `Stationary P = ${data.Pinf.toFixed(7)}; convergence rate λ = ${data.rate.toFixed(3)}. ${stats.join('; ')}.`;

  return (
    <Figure
      params={riccatiParams}
      number={number}
      anchor={anchor}
      status={data.error ? 'error' : 'ready'}
      error={data.error}
      caption={children}
      rootRef={root}
      plotRef={plot}
      code={[pathListing, fhListing]}
      summary={summary}
      csv={() => (data.curves.length ? { t: data.curves[0].t, ...Object.fromEntries(data.curves.map((c, i) => [`P_qT${i}_${c.qT}`, c.P])) } : {})}
      controls={<Controls params={riccatiParams} />}
    >
      <div ref={plot} className="riccati-plots">
        <Legend items={[
          ...data.curves.map((c, i) => ({ label: i === 2 ? `your q_T = ${c.qT}` : `q_T = ${c.qT}`, color: colours[i] })),
          { label: 'stationary P', color: themeColor.fg, shape: 'dash' as const },
        ]} />
        <PlotSurface
          aspect={stacked ? 0.75 : 0.45}
          ariaLabel="Solutions P(t) of the finite-horizon Riccati equation for several terminal weights, and the stationary P"
          deps={[data, hi]}
          draw={(svg, _ctx, size, theme) => {
            const f = frame(size, { theme, xLabel: 't', yLabel: 'P(t)', yDomain });
            const s = plotScales(f, [0, v.T], yDomain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'time t (the horizon T is on the right)', yLabel: 'P(t)' });
            if (Number.isFinite(data.Pinf)) drawLine(svg, { x: [0, v.T], y: [data.Pinf, data.Pinf] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `Stationary P = ${data.Pinf.toFixed(4)}` });
            data.curves.forEach((c, i) => drawLine(svg, { x: c.t, y: c.P }, s, { theme, color: colours[i], weight: i === 2 ? 1.5 : 1, ariaLabel: `P(t) for terminal weight ${c.qT}` }));
          }}
        />
      </div>
      {!data.error && (
        <p className="figure-stats">
          <span>
            stationary P = <b>{data.Pinf.toFixed(7)}</b>, rate λ = <b>{data.rate.toFixed(3)}</b>
          </span>
          {stats.map((s) => (
            <span key={s}>{s}</span>
          ))}
        </p>
      )}
    </Figure>
  );
}
