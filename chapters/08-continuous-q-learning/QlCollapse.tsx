/**
 * Figure: why discrete Q-learning collapses as dt -> 0 and continuous-time q-learning does not. Left: the learned gain
 * per time step (log axis) for both learners on the same data, beside K* and the greedy gain K_dt of the sampled
 * problem discrete Q-learning targets. Right, log–log: the learned action-gap coefficient of discrete Q-learning
 * against its exact value theta_aa(dt) and the leading order w_a dt / 2 (slope one; w_a is the action-cost
 * weight, POST_LQR.r in the engine).
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { decadeTicks, formatDecade } from '../../app/plots/logTicks.ts';
import { formatScientific } from '../../app/plots/format.ts';
import { clampTo, finiteRange } from '../../app/plots/scales.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import compareListing from '../../workers/engines/learning/compare.ts?fn=compareLearners&code';
import discreteListing from '../../workers/engines/learning/qlearning.ts?fn=qLearningDiscrete&code';
import { DTS, POST_LQR, fmt, optimum, pct, sampledQ } from './model.ts';
import { seedParam } from '../../app/state/schema.ts';

/** "−2.53 × 10⁻⁴" with a true minus sign. */
const sci = (v: number) => formatScientific(v, { plain: null }).replace('-', '−');

const DT_DOMAIN: [number, number] = [0.0035, 0.14];
const DT_TICKS = [0.005, 0.01, 0.02, 0.05, 0.1];
/** The time-step axis: log10 of Δt, ticked and labelled at the steps themselves. */
const DT_AXIS = {
  domain: [Math.log10(DT_DOMAIN[0]), Math.log10(DT_DOMAIN[1])] as [number, number],
  label: 'time step Δt (log)',
  ticks: DT_TICKS.map(Math.log10),
  log: true,
};
const log10All = (a: ArrayLike<number>) => Float64Array.from(a, Math.log10);

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

const Ks = optimum.K;
const exactGap = DTS.map((dt) => sampledQ(dt).thetaAA);

export const QlCollapse = defineFigure({
  id: 'ql-collapse',
  schema: {
    time: { label: 'simulated time per path', symbol: 'T', min: 100, max: 1600, step: 10, default: 400, integer: true, log: true },
    seed: seedParam(),
  },
  code: [discreteListing, compareListing],
  request: (v) => ({ dts: DTS, time: v.time, seed: v.seed }),
  useView: ({ shown }) => {
    const r = shown?.result ?? null;
    const curves = useMemo(() => sampledCurves(), []);
    const last = DTS.length - 1;
    const gainText = (K: number) => (Number.isFinite(K) ? fmt(K, 3) : 'no concave Q');

    const readouts: Readout[] = r
      ? [
          {
            label: `q-learning gain at Δt = ${DTS[last]}`,
            value: fmt(r.qKAveraged[last], 3),
            detail: `(${pct(r.qKAveraged[last] / Ks - 1)} from K* = ${fmt(Ks)})`,
          },
          {
            label: `discrete Q gain at Δt = ${DTS[last]}`,
            value: gainText(r.QKAveraged[last]),
            detail: Number.isFinite(r.QKAveraged[last]) ? `(${pct(r.QKAveraged[last] / Ks - 1)})` : undefined,
          },
          {
            label: `discrete Q gain at Δt = ${DTS[0]}`,
            value: gainText(r.QKAveraged[0]),
            detail: `near its K_Δt = ${fmt(sampledQ(DTS[0]).K, 3)}`,
            secondary: true,
          },
          {
            label: `action gap at Δt = ${DTS[last]}`,
            value: sci(r.Qgap[last]),
            detail: `(exact ${sci(exactGap[last])}, w_a Δt/2 = ${sci((POST_LQR.r * DTS[last]) / 2)})`,
            secondary: true,
          },
          {
            label: 'Averaged over the second half, by Δt',
            value: DTS.map((dt, k) => `${dt}: ${fmt(r.qKAveraged[k], 3)}`).join(', '),
            detail: `(q-learning); discrete Q ${DTS.map((dt, k) => `${dt}: ${gainText(r.QKAveraged[k])}`).join(', ')}; its gaps ${DTS.map((_, k) => `${sci(r.Qgap[k])} (exact ${sci(exactGap[k])})`).join(', ')}`,
            secondary: true,
          },
        ]
      : [];

    return {
      readouts,
      csv: (): Record<string, ArrayLike<number>> =>
        r
          ? {
              dt: r.dt,
              q_K: r.qK,
              q_K_averaged: r.qKAveraged,
              Q_K: r.QK,
              Q_K_averaged: r.QKAveraged,
              Q_gap: r.Qgap,
              Q_gap_exact: exactGap,
              K_dt_exact: DTS.map((dt) => sampledQ(dt).K),
            }
          : {},
      panels: [
        {
          key: 'gain',
          title: 'gain',
          aspect: 0.85,
          legend: [
            { label: 'q-learning (averaged; hollow: final)', color: seriesColor(0), shape: 'dot' },
            { label: 'discrete Q (averaged; hollow: final)', color: seriesColor(1), shape: 'square' },
            { label: 'K*', color: themeColor.fg, shape: 'dash' },
            { label: 'K_Δt of the sampled problem', color: seriesColor(1), shape: 'dotted' },
          ],
          ariaLabel: 'Learned feedback gain against the time step for continuous-time q-learning and discrete Q-learning, with the optimal gain',
          deps: [r, curves],
          draw: (svg, _ctx, size, theme) => {
            const vals = [Ks, ...curves.K];
            if (r) vals.push(...r.qK, ...r.qKAveraged, ...r.QK, ...r.QKAveraged);
            const yDomain = finiteRange(vals, [0, 3 * Ks]);
            const s = plotAxes(svg, size, theme, { x: DT_AXIS, y: { domain: yDomain, label: 'learned gain K' } });
            drawLine(svg, { x: DT_AXIS.domain, y: [Ks, Ks] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `Optimal gain K* = ${fmt(Ks)}` });
            drawLine(svg, { x: log10All(curves.dt), y: curves.K }, s, {
              theme,
              color: seriesColor(1),
              weight: 0.6,
              dash: '2 3',
              ariaLabel: 'Greedy gain K_dt of the sampled problem, exact',
            });
            if (!r) return;
            const clip = (a: ArrayLike<number>) => clampTo(a, yDomain);
            const xl = r.dt.map((d) => Math.log10(d / 1.06));
            const xr = r.dt.map((d) => Math.log10(d * 1.06));
            drawPoints(svg, { x: xl, y: clip(r.qK) }, s, {
              theme,
              color: seriesColor(0),
              hollow: DTS.map(() => true),
              radius: 0.25,
              ariaLabel: 'q-learning, final gain',
            });
            drawPoints(svg, { x: xl, y: clip(r.qKAveraged) }, s, {
              theme,
              color: seriesColor(0),
              halo: true,
              ariaLabel: 'q-learning, gain averaged over the second half',
            });
            drawPoints(svg, { x: xr, y: clip(r.QK) }, s, {
              theme,
              color: seriesColor(1),
              hollow: DTS.map(() => true),
              radius: 0.25,
              shape: 'square',
              ariaLabel: 'discrete Q-learning, final greedy gain',
            });
            drawPoints(svg, { x: xr, y: clip(r.QKAveraged) }, s, {
              theme,
              color: seriesColor(1),
              shape: 'square',
              halo: true,
              ariaLabel: 'discrete Q-learning, greedy gain of the averaged parameters',
            });
          },
        },
        {
          key: 'gap',
          title: 'action gap',
          aspect: 0.85,
          legend: [
            { label: 'discrete Q, learned', color: seriesColor(1), shape: 'square' },
            { label: 'exact |θ_aa|', color: themeColor.fg },
            { label: 'w_a Δt / 2', color: themeColor.muted, shape: 'dash' },
          ],
          ariaLabel: 'Action-gap coefficient of discrete Q-learning against the time step, log–log, with its exact value',
          deps: [r, curves],
          draw: (svg, _ctx, size, theme) => {
            let lo = Math.min(...curves.gap, ...curves.lead);
            let hi = Math.max(...curves.gap, ...curves.lead);
            if (r)
              for (const g of r.Qgap)
                if (g < 0) {
                  lo = Math.min(lo, -g);
                  hi = Math.max(hi, -g);
                }
            const yDomain: [number, number] = [lo / 1.5, hi * 1.5];
            const s = plotAxes(svg, size, theme, {
              x: DT_AXIS,
              y: {
                domain: [Math.log10(yDomain[0]), Math.log10(yDomain[1])],
                label: 'action gap |θₐₐ| (log)',
                log: true,
                ticks: decadeTicks(yDomain[0], yDomain[1], 5).map(Math.log10),
                format: (v) => formatDecade(10 ** v),
              },
            });
            drawLine(svg, { x: log10All(curves.dt), y: log10All(curves.lead) }, s, {
              theme,
              color: themeColor.muted,
              dash: '3 3',
              ariaLabel: 'Leading order w_a Δt / 2, slope one',
            });
            drawLine(svg, { x: log10All(curves.dt), y: log10All(curves.gap) }, s, {
              theme,
              color: themeColor.fg,
              weight: 0.8,
              ariaLabel: 'Exact action-gap coefficient of Q_dt',
            });
            if (!r) return;
            drawPoints(svg, { x: log10All(r.dt), y: r.Qgap.map((g) => (g < 0 ? Math.log10(-g) : NaN)) }, s, {
              theme,
              color: seriesColor(1),
              shape: 'square',
              halo: true,
              ariaLabel: 'Learned action-gap coefficient of discrete Q-learning',
            });
          },
        },
      ],
    };
  },
});
