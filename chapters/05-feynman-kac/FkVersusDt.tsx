/**
 * Figure: the Euler–Maruyama bias of Monte Carlo policy evaluation. For each time step dt, an estimate of V^K(x0)
 * with its 95% interval, beside the exact value of the time-discretised chain (a curve in dt, closed form) and the
 * continuous value it tends to as dt -> 0. The source post's dt = 0.05 is marked with its relative bias.
 */
import { useMemo, type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { drawPoints } from '../../app/plots/points.ts';
import chainListing from '../../workers/engines/feynmanKac.ts?fn=lqrChainValue&code';
import contListing from '../../workers/engines/feynmanKac.ts?fn=lqrContinuousPolicyValue&code';
import type { FkVersusDtParams } from '../../workers/tasks/feynmanKac.ts';
import { HORIZON, POST_DT, chainValue, continuousValue, fmt, optimum, pct, post } from './model.ts';
import './feynmanKac.css';
import { Legend } from '../../app/components/Legend.tsx';

export const fkDtParams = defineFigureParams('fk-dt', {
  K: { label: 'feedback gain', symbol: 'K', min: -1, max: 10, step: 0.01, default: optimum.K },
  x0: { label: 'start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 1 },
  paths: { label: 'paths per time step', symbol: 'N', min: 100, max: 20000, step: 10, default: 2000, integer: true, log: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

/** The time steps estimated by Monte Carlo. */
export const DTS = [0.2, 0.1, 0.05, 0.025, 0.0125, 0.00625];
const DT_MAX = 0.2;
const Z95 = 1.96;

/** The chain's exact value on a fine grid of dt in (0, DT_MAX] (NaN where the discounted chain diverges). */
export function chainCurve(K: number, x0: number, n = 161): { dt: Float64Array; value: Float64Array } {
  const dt = new Float64Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dt[i] = (DT_MAX * (i + 1)) / n;
    value[i] = chainValue(K, x0, dt[i]);
  }
  return { dt, value };
}

export function FkVersusDt({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const v = fkDtParams.useValues();
  const request: FkVersusDtParams = { params: post, K: v.K, x0: v.x0, dts: DTS, T: HORIZON, paths: v.paths, seed: v.seed };
  const cont = continuousValue(v.K, v.x0);
  const { sim, figure } = useFigureSimulation('fkVersusDt', request, {
    blocked: 'error' in cont ? `This gain gives no finite value: ${cont.error}.` : null,
  });
  const shown = sim.resultParams ?? request;
  const r = figure.status === 'error' ? null : sim.result;

  const curve = useMemo(() => chainCurve(shown.K, shown.x0), [shown.K, shown.x0]);
  const atPost = chainValue(shown.K, shown.x0, POST_DT);
  const contShown = continuousValue(shown.K, shown.x0);
  const cv = 'value' in contShown ? contShown.value : NaN;
  const relPost = (atPost - cv) / Math.abs(cv);
  const iPost = DTS.indexOf(POST_DT);
  const diverging = r ? DTS.filter((_, i) => !Number.isFinite(r.chain[i])) : [];

  const yDomain = useMemo((): [number, number] => {
    let lo = cv;
    let hi = cv;
    for (const y of curve.value) if (Number.isFinite(y)) (lo = Math.min(lo, y)), (hi = Math.max(hi, y));
    if (r) for (let i = 0; i < DTS.length; i++) if (Number.isFinite(r.mean[i])) (lo = Math.min(lo, r.mean[i] - Z95 * r.stderr[i])), (hi = Math.max(hi, r.mean[i] + Z95 * r.stderr[i]));
    const pad = 0.08 * (hi - lo || 1e-3);
    return [lo - pad, hi + pad];
  }, [curve, cv, r]);

  const postOk = r !== null && Number.isFinite(atPost) && Number.isFinite(r.mean[iPost]);
  const stats = r
    ? (postOk
        ? `At the source post's dt = ${POST_DT}: the Euler chain's exact value is ${fmt(atPost)} against the continuous ${fmt(cv)}, a bias of ${pct(relPost)}; ` +
          `the Monte Carlo estimate there is ${fmt(r.mean[iPost])} ± ${fmt(Z95 * r.stderr[iPost])} (95%).`
        : `The continuous value is ${fmt(cv)}.`) + (diverging.length ? ` For dt = ${diverging.join(', ')} the Euler chain diverges at this gain.` : '')
    : '';

  return (
    <Figure
      params={fkDtParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[chainListing, contListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> => (r ? { dt: r.dt, estimate: r.mean, stderr: r.stderr, chain: r.chain } : {})}
      controls={<Controls params={fkDtParams} />}
    >
      <div ref={figure.plotRef}>
        <PlotSurface
          aspect={0.62}
          ariaLabel="Monte Carlo estimates of the policy's value against the time step, with the exact chain value and the continuous value"
          deps={[r, curve, yDomain, cv]}
          draw={(svg, _ctx, size, theme) => {
            const f = frame(size, { theme, xLabel: 'time step Δt', yLabel: 'value', yDomain });
            const s = plotScales(f, [0, DT_MAX * 1.04], yDomain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'time step Δt', yLabel: 'V(x₀)' });
            if (!r || !Number.isFinite(cv)) return;
            drawLine(svg, { x: [0, DT_MAX * 1.04], y: [cv, cv] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `Exact continuous value, ${fmt(cv)}` });
            drawLine(svg, { x: [0, ...curve.dt], y: [cv, ...curve.value] }, s, { theme, color: seriesColor(1), ariaLabel: 'Exact value of the Euler chain as a function of the time step' });
            if (Number.isFinite(atPost) && Number.isFinite(relPost)) {
              const g = svg.append('g').attr('class', 'fk-annotation').style('color', 'var(--accent)');
              const x = s.x(POST_DT);
              g.append('line').attr('x1', x).attr('x2', x).attr('y1', s.y(cv)).attr('y2', s.y(atPost)).attr('stroke', 'currentColor').attr('stroke-width', theme.strokeWidth * 1.5);
              g.append('text')
                .attr('x', x + theme.fontSize * 0.5)
                .attr('y', (s.y(cv) + s.y(atPost)) / 2)
                .attr('dy', '0.32em')
                .attr('font-size', theme.fontSize)
                .style('fill', 'currentColor')
                .text(`Δt = ${POST_DT}: ${pct(relPost)}`);
            }
            drawPoints(svg, { x: r.dt, y: r.mean, err: r.stderr.map((e) => Z95 * e) }, s, { theme, color: seriesColor(0), ariaLabel: 'Estimates with 95% confidence intervals' });
          }}
        />
      </div>
      <Legend className="fk-legend" items={[
        { label: 'estimate ± 1.96 SE', color: 'var(--plot-1)', shape: 'dot' },
        { label: 'Euler chain, exact', color: 'var(--plot-2)' },
        { label: <>continuous V<sup>K</sup>, exact</>, color: 'var(--plot-fg)', shape: 'dash' },
      ]} />
      {r && (
        <p className="figure-stats">
          {postOk ? (
            <>
              <span>
                Δt = {POST_DT}: chain <b>{fmt(atPost)}</b> vs continuous <b>{fmt(cv)}</b> ({pct(relPost)})
              </span>
              <span>
                estimate at Δt = {POST_DT}: {fmt(r.mean[iPost])} ± {fmt(Z95 * r.stderr[iPost])}
              </span>
            </>
          ) : (
            <span>
              continuous <b>{fmt(cv)}</b>
            </span>
          )}
          {diverging.length > 0 && <span>the Euler chain diverges at Δt = {diverging.join(', ')} for this gain</span>}
        </p>
      )}
    </Figure>
  );
}
