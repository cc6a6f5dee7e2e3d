/**
 * Figure: why discrete Q-learning collapses as dt -> 0 and continuous-time q-learning does not. Left: the learned gain
 * per time step (log axis) for both learners on the same data, beside K* and the greedy gain K_dt of the sampled
 * problem discrete Q-learning targets. Right, log–log: the learned action-gap coefficient of discrete Q-learning
 * against its exact value theta_aa(dt) and the leading order r dt / 2 (slope one).
 */
import { useMemo, type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { Legend } from '../../app/components/Legend.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { drawPoints, logScale } from '../../app/plots/points.ts';
import { decadeTicks, formatDecade } from '../../app/plots/logTicks.ts';
import { plotScales } from '../../app/plots/setup.ts';
import compareListing from '../../workers/engines/learning/compare.ts?fn=compareLearners&code';
import discreteListing from '../../workers/engines/learning/qlearning.ts?fn=qLearningDiscrete&code';
import type { QlCollapseParams } from '../../workers/tasks/continuousQLearning.ts';
import { DTS, POST_LQR, fmt, optimum, pct, sampledQ } from './model.ts';
import { clampTo, finiteRange } from './plotHelpers.ts';
import { formatScientific } from '../../app/plots/format.ts';

/** "−2.53 × 10⁻⁴" with a true minus sign. */
const sci = (v: number) => formatScientific(v, { plain: null }).replace('-', '−');
import './qlearning.css';

export const collapseParams = defineFigureParams('ql-collapse', {
  time: { label: 'simulated time per path', symbol: 'T', min: 100, max: 1600, step: 10, default: 400, integer: true, log: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

const DT_DOMAIN: [number, number] = [0.0035, 0.14];
const DT_TICKS = [0.005, 0.01, 0.02, 0.05, 0.1];

/** K_dt and theta_aa(dt) of the sampled problem on a log grid of dt (closed form, about 0.1 ms). */
export function sampledCurves(n = 60) {
  const dt = new Float64Array(n);
  const K = new Float64Array(n);
  const gap = new Float64Array(n);
  const lead = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dt[i] = DT_DOMAIN[0] * (DT_DOMAIN[1] / DT_DOMAIN[0]) ** (i / (n - 1));
    const s = sampledQ(dt[i]);
    K[i] = s.K;
    gap[i] = -s.thetaAA;
    lead[i] = -s.gapLeading;
  }
  return { dt, K, gap, lead };
}

export function QlCollapse({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const v = collapseParams.useValues();
  const request: QlCollapseParams = { dts: DTS, time: v.time, seed: v.seed };
  const { sim, figure } = useFigureSimulation('qlCollapse', request);
  const r = sim.status === 'error' ? null : sim.result;
  const curves = useMemo(() => sampledCurves(), []);
  const Ks = optimum.K;
  const last = DTS.length - 1;
  const exactGap = DTS.map((dt) => sampledQ(dt).thetaAA);

  const stats = r
    ? `K* = ${fmt(Ks)}. q-learning (averaged over the second half): ${DTS.map((dt, k) => `Δt = ${dt}: ${fmt(r.qKAveraged[k], 3)}`).join(', ')}. ` +
      `Discrete Q-learning (greedy gain of the parameters averaged over the second half): ${DTS.map((dt, k) => `Δt = ${dt}: ${Number.isFinite(r.QKAveraged[k]) ? fmt(r.QKAveraged[k], 3) : 'no concave Q'}`).join(', ')}; ` +
      `its action-gap coefficient ${DTS.map((dt, k) => `${sci(r.Qgap[k])} (exact ${sci(exactGap[k])})`).join(', ')}.`
    : '';

  return (
    <Figure
      params={collapseParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[discreteListing, compareListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> =>
        r ? { dt: r.dt, q_K: r.qK, q_K_averaged: r.qKAveraged, Q_K: r.QK, Q_K_averaged: r.QKAveraged, Q_gap: r.Qgap, Q_gap_exact: exactGap, K_dt_exact: DTS.map((dt) => sampledQ(dt).K) } : {}
      }
      controls={<Controls params={collapseParams} />}
    >
      <div ref={figure.plotRef} className="ql-wrap">
        <div className="ql-plots">
          <PlotSurface
            aspect={0.85}
            ariaLabel="Learned feedback gain against the time step for continuous-time q-learning and discrete Q-learning, with the optimal gain"
            deps={[r, curves]}
            draw={(svg, _ctx, size, theme) => {
              const vals = [Ks, ...curves.K];
              if (r) vals.push(...r.qK, ...r.qKAveraged, ...r.QK, ...r.QKAveraged);
              const yDomain = finiteRange(vals, [0, 3 * Ks]);
              const f = frame(size, { theme, xLabel: 'Δt', yLabel: 'K', yDomain });
              const s = { ...plotScales(f, [0, 1], yDomain, { nice: false }), x: logScale(DT_DOMAIN, [f.left, f.right]) };
              drawAxes(svg, s, f, { theme, xLabel: 'time step Δt (log)', yLabel: 'learned gain K', xTicks: DT_TICKS, xFormat: (x) => String(x) });
              drawLine(svg, { x: DT_DOMAIN, y: [Ks, Ks] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `Optimal gain K* = ${fmt(Ks)}` });
              drawLine(svg, { x: curves.dt, y: curves.K }, s, { theme, color: seriesColor(1), weight: 0.6, dash: '2 3', ariaLabel: 'Greedy gain K_dt of the sampled problem, exact' });
              if (!r) return;
              const clip = (a: ArrayLike<number>) => clampTo(a, yDomain);
              const xl = r.dt.map((d) => d / 1.06);
              const xr = r.dt.map((d) => d * 1.06);
              drawPoints(svg, { x: xl, y: clip(r.qK) }, s, { theme, color: seriesColor(0), hollow: DTS.map(() => true), radius: 0.25, ariaLabel: 'q-learning, final gain' });
              drawPoints(svg, { x: xl, y: clip(r.qKAveraged) }, s, { theme, color: seriesColor(0), halo: true, ariaLabel: 'q-learning, gain averaged over the second half' });
              drawPoints(svg, { x: xr, y: clip(r.QK) }, s, { theme, color: seriesColor(1), hollow: DTS.map(() => true), radius: 0.25, shape: 'square', ariaLabel: 'discrete Q-learning, final greedy gain' });
              drawPoints(svg, { x: xr, y: clip(r.QKAveraged) }, s, { theme, color: seriesColor(1), shape: 'square', halo: true, ariaLabel: 'discrete Q-learning, greedy gain of the averaged parameters' });
            }}
          />
          <PlotSurface
            aspect={0.85}
            ariaLabel="Action-gap coefficient of discrete Q-learning against the time step, log–log, with its exact value"
            deps={[r, curves]}
            draw={(svg, _ctx, size, theme) => {
              let lo = Math.min(...curves.gap, ...curves.lead);
              let hi = Math.max(...curves.gap, ...curves.lead);
              if (r) for (const g of r.Qgap) if (g < 0) (lo = Math.min(lo, -g)), (hi = Math.max(hi, -g));
              const yDomain: [number, number] = [lo / 1.5, hi * 1.5];
              const ticks = decadeTicks(yDomain[0], yDomain[1], 5);
              const f = frame(size, { theme, xLabel: 'Δt', yLabel: 'gap', yTickLabels: ticks.map(formatDecade) });
              const s = { x: logScale(DT_DOMAIN, [f.left, f.right]), y: logScale(yDomain, [f.bottom, f.top]) };
              drawAxes(svg, s, f, { theme, xLabel: 'time step Δt (log)', yLabel: 'action gap |θₐₐ| (log)', xTicks: DT_TICKS, xFormat: (x) => String(x), yTicks: ticks, yFormat: formatDecade });
              drawLine(svg, { x: curves.dt, y: curves.lead }, s, { theme, color: themeColor.muted, dash: '3 3', ariaLabel: 'Leading order r Δt / 2, slope one' });
              drawLine(svg, { x: curves.dt, y: curves.gap }, s, { theme, color: themeColor.fg, weight: 0.8, ariaLabel: 'Exact action-gap coefficient of Q_dt' });
              if (!r) return;
              drawPoints(svg, { x: r.dt, y: r.Qgap.map((g) => (g < 0 ? -g : NaN)) }, s, { theme, color: seriesColor(1), shape: 'square', halo: true, ariaLabel: 'Learned action-gap coefficient of discrete Q-learning' });
            }}
          />
        </div>
      </div>
      <Legend
        items={[
          { label: 'q-learning (averaged; hollow: final)', color: 'var(--plot-1)', shape: 'dot' },
          { label: 'discrete Q (averaged; hollow: final)', color: 'var(--plot-2)', shape: 'square' },
          { label: 'K*', color: 'var(--plot-fg)', shape: 'dash' },
          { label: <>K<sub>Δt</sub> of the sampled problem</>, color: 'var(--plot-2)', shape: 'dotted' },
          { label: <>exact |θ<sub>aa</sub>|</>, color: 'var(--plot-fg)' },
          { label: 'r Δt / 2', color: 'var(--plot-muted)', shape: 'dash' },
        ]}
      />
      {r && (
        <p className="figure-stats">
          <span>
            Δt = {DTS[last]}: q-learning <b>{fmt(r.qKAveraged[last], 3)}</b> ({pct(r.qKAveraged[last] / Ks - 1)}), discrete Q{' '}
            <b>{Number.isFinite(r.QKAveraged[last]) ? fmt(r.QKAveraged[last], 3) : 'no concave Q'}</b>
            {Number.isFinite(r.QKAveraged[last]) && <> ({pct(r.QKAveraged[last] / Ks - 1)})</>} against K* = {fmt(Ks)}
          </span>
          <span>
            Δt = {DTS[0]}: discrete Q {Number.isFinite(r.QKAveraged[0]) ? fmt(r.QKAveraged[0], 3) : 'no concave Q'} near its K<sub>Δt</sub> ={' '}
            {fmt(sampledQ(DTS[0]).K, 3)}
          </span>
          <span>
            gap at Δt = {DTS[last]}: {sci(r.Qgap[last])} (exact {sci(exactGap[last])}, r Δt/2 = {sci((POST_LQR.r * DTS[last]) / 2)})
          </span>
        </p>
      )}
    </Figure>
  );
}
