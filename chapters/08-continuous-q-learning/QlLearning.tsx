/**
 * Figure: one learning run of each learner at a chosen time step. Left: the gain along the run (the q-learner's
 * policy mean gain and discrete Q-learning's greedy gain) against K* and K_dt. Right: what each has learned about
 * actions at x = 1, as an advantage rate (per unit time, zero at the best action): the q-learner's q_psi(1, a) - max,
 * discrete Q-learning's (Q(1, a) - max_a Q(1, .)) / dt, and the exact -(r/2)(a + K*)^2.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { clampTo, finiteRange } from '../../app/plots/scales.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import ctListing from '../../workers/engines/learning/qlearningCT.ts?fn=qLearningCT&code';
import type { QlLearningResult } from '../../workers/tasks/continuousQLearning.ts';
import { DT_MAX, GAMMA, POST_LQR, fmt, optimum, pct, sampledQ } from './model.ts';
import { seedParam } from '../../app/state/schema.ts';

/** The state at which the action profiles are drawn. */
export const X_PROFILE = 1;

/**
 * Advantage rates at x on a grid of actions: exact -(r/2)(a + K* x)^2, the q-learner's q_psi(x, a) - max_a q_psi, and
 * discrete Q-learning's (Q(x, a) - max_a Q(x, .)) / dt (null when its Q is not concave in a).
 */
export function actionProfiles(r: QlLearningResult, x = X_PROFILE, n = 121) {
  const center = -optimum.K * x;
  const a = Float64Array.from({ length: n }, (_, i) => center - 3 + (6 * i) / (n - 1));
  const exact = a.map((ai) => -(POST_LQR.r / 2) * (ai - center) ** 2);
  const [p1, p2, p3] = r.psi;
  const learned = a.map((ai) => -(Math.exp(-p3) / 2) * (ai - (p1 * x + p2)) ** 2);
  const th = r.Qtheta;
  const aGreedy = -(th[1] * x + th[4]) / (2 * th[2]);
  const discrete = th[2] < 0 ? a.map((ai) => (th[2] * (ai - aGreedy) ** 2) / r.dt) : null;
  return { a, exact, learned, discrete, aGreedy, curvature: th[2] / r.dt };
}

const Ks = optimum.K;

export const QlLearning = defineFigure({
  id: 'ql-learning',
  schema: {
    dt: { label: 'time step', symbol: 'Δt', min: 0.002, max: DT_MAX, step: 0.001, default: 0.01, log: true },
    time: { label: 'simulated time per path', symbol: 'T', min: 50, max: 2000, step: 10, default: 400, integer: true, log: true },
    seed: seedParam(),
  },
  code: [ctListing],
  request: (v) => ({ dt: v.dt, time: v.time, seed: v.seed }),
  useView: ({ shown, values }) => {
    const r = shown?.result ?? null;
    const Kdt = r ? sampledQ(r.dt).K : NaN;
    const prof = useMemo(() => (r ? actionProfiles(r) : null), [r]);

    const readouts: Readout[] = [];
    if (r) {
      const variance = GAMMA * Math.exp(r.psi[2]);
      const T = Math.round(r.time[r.time.length - 1]);
      const concave = Number.isFinite(r.QKAveraged);
      readouts.push(
        {
          label: 'q-learning gain',
          value: fmt(r.qKAveraged, 3),
          detail: `(${pct(r.qKAveraged / Ks - 1)} from K* = ${fmt(Ks)}; averaged over the second half of ${T} time units at Δt = ${r.dt})`,
        },
        { label: 'its policy variance', value: fmt(variance, 3), detail: `(γ/w_a = ${fmt(GAMMA / POST_LQR.r, 3)})`, secondary: true },
        {
          label: 'discrete Q gain',
          value: concave ? fmt(r.QKAveraged, 3) : 'undefined',
          detail: `(K_Δt = ${fmt(Kdt, 3)})${concave ? ', the greedy gain of its parameters averaged over the second half' : ': its Q is not concave in a'}`,
        },
      );
      if (prof)
        readouts.push({
          label: 'its action curvature θ_aa/Δt',
          value: fmt(prof.curvature, 4),
          detail: `(−w_a/2 = ${fmt(-POST_LQR.r / 2, 4)})`,
          secondary: true,
        });
    }

    return {
      readouts,
      csv: (): Record<string, ArrayLike<number>> => (r ? { time: r.time, q_K: r.qK, q_psi3: r.psi3, Q_K: r.QK } : {}),
      panels: [
        {
          key: 'gain',
          title: 'gain',
          aspect: 0.85,
          legend: [
            { label: 'q-learning', color: seriesColor(0) },
            { label: 'discrete Q', color: seriesColor(1) },
            { label: 'K*', color: themeColor.fg, shape: 'dash' },
            { label: 'K_Δt', color: seriesColor(1), shape: 'dotted' },
          ],
          ariaLabel: 'Learned gain along the run for q-learning and discrete Q-learning, with the optimal gain',
          deps: [r, Kdt],
          draw: (svg, _ctx, size, theme) => {
            const T = r ? r.time[r.time.length - 1] : values.time;
            const vals = [Ks, 0];
            if (r) vals.push(...r.qK, ...r.QK, Kdt);
            const yDomain = finiteRange(vals, [-0.5, 2.5 * Ks]);
            const s = plotAxes(svg, size, theme, { x: { domain: [0, T], label: 'simulated time per path' }, y: { domain: yDomain, label: 'gain K' } });
            drawLine(svg, { x: [0, T], y: [Ks, Ks] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `Optimal gain K* = ${fmt(Ks)}` });
            if (!r) return;
            drawLine(svg, { x: [0, T], y: [Kdt, Kdt] }, s, {
              theme,
              color: seriesColor(1),
              weight: 0.6,
              dash: '2 3',
              ariaLabel: `Greedy gain of the sampled problem, ${fmt(Kdt)}`,
            });
            drawLine(svg, { x: [0, ...r.time], y: clampTo([NaN, ...r.QK], yDomain) }, s, {
              theme,
              color: seriesColor(1),
              weight: 0.8,
              ariaLabel: 'Discrete Q-learning, greedy gain along the run',
            });
            drawLine(svg, { x: [0, ...r.time], y: clampTo([0, ...r.qK], yDomain) }, s, {
              theme,
              color: seriesColor(0),
              ariaLabel: 'q-learning, policy mean gain along the run',
            });
          },
        },
        {
          key: 'actions',
          title: 'actions',
          aspect: 0.85,
          legend: [
            { label: 'q-learning', color: seriesColor(0) },
            { label: 'discrete Q: gap / Δt', color: seriesColor(1) },
            { label: 'exact rate', color: themeColor.fg, shape: 'dash' },
          ],
          ariaLabel: "Advantage rate at x = 1 against the action: exact, learned by q-learning, and discrete Q-learning's gap divided by the time step",
          deps: [prof],
          draw: (svg, _ctx, size, theme) => {
            const lo = -(POST_LQR.r / 2) * 9 * 1.6;
            const yDomain: [number, number] = [lo, -0.08 * lo];
            const xDomain: [number, number] = [-Ks * X_PROFILE - 3, -Ks * X_PROFILE + 3];
            const s = plotAxes(svg, size, theme, {
              x: { domain: xDomain, label: `action a at x = ${X_PROFILE}` },
              y: { domain: yDomain, label: 'advantage rate' },
            });
            if (!prof) return;
            drawLine(svg, { x: prof.a, y: prof.exact }, s, {
              theme,
              color: themeColor.fg,
              dash: '6 4',
              ariaLabel: 'Exact advantage rate -(w_a/2)(a + K* x)^2',
            });
            if (prof.discrete)
              drawLine(svg, { x: prof.a, y: clampTo(prof.discrete, yDomain) }, s, {
                theme,
                color: seriesColor(1),
                weight: 0.8,
                ariaLabel: 'Discrete Q-learning: (Q(x, a) - max Q(x, .)) / Δt',
              });
            drawLine(svg, { x: prof.a, y: clampTo(prof.learned, yDomain) }, s, {
              theme,
              color: seriesColor(0),
              ariaLabel: 'q-learning: q(x, a) - max q(x, .)',
            });
          },
        },
      ],
    };
  },
});
