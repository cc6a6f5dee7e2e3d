/**
 * Figure: one learning run of each learner at a chosen time step. Left: the gain along the run (the q-learner's
 * policy mean gain and discrete Q-learning's greedy gain) against K* and K_dt. Right: what each has learned about
 * actions at x = 1, as an advantage rate (per unit time, zero at the best action): the q-learner's q_psi(1, a) - max,
 * discrete Q-learning's (Q(1, a) - max_a Q(1, .)) / dt, and the exact -(r/2)(a + K*)^2.
 */
import { useMemo, type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { Legend } from '../../app/components/Legend.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import ctListing from '../../workers/engines/learning/qlearningCT.ts?fn=qLearningCT&code';
import type { QlLearningParams, QlLearningResult } from '../../workers/tasks/continuousQLearning.ts';
import { GAMMA, POST_LQR, fmt, optimum, pct, sampledQ } from './model.ts';
import { clampTo, finiteRange } from './plotHelpers.ts';
import './qlearning.css';

export const learningParams = defineFigureParams('ql-learning', {
  dt: { label: 'time step', symbol: 'Δt', min: 0.002, max: 0.2, step: 0.001, default: 0.01, log: true },
  time: { label: 'simulated time per path', symbol: 'T', min: 50, max: 2000, step: 10, default: 400, integer: true, log: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

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

export function QlLearning({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const v = learningParams.useValues();
  const request: QlLearningParams = { dt: v.dt, time: v.time, seed: v.seed };
  const { sim, figure } = useFigureSimulation('qlLearning', request);
  const r = sim.status === 'error' ? null : sim.result;
  const Ks = optimum.K;
  const Kdt = r ? sampledQ(r.dt).K : NaN;
  const prof = useMemo(() => (r ? actionProfiles(r) : null), [r]);
  const variance = r ? GAMMA * Math.exp(r.psi[2]) : NaN;

  const stats = r
    ? `At Δt = ${r.dt} after ${Math.round(r.time[r.time.length - 1])} time units per path: q-learning's gain ${fmt(r.qKAveraged, 3)} (averaged over the second half) against K* = ${fmt(Ks)}, ` +
      `its policy variance ${fmt(variance, 3)} against γ/r = ${fmt(GAMMA / POST_LQR.r, 3)}; ` +
      `discrete Q-learning's greedy gain ${Number.isFinite(r.QKAveraged) ? fmt(r.QKAveraged, 3) : 'undefined (its Q is not concave in a)'} (of its parameters averaged over the second half) against K_Δt = ${fmt(Kdt, 3)}` +
      (prof ? `, its final action curvature θ_aa/Δt = ${fmt(prof.curvature, 4)} against −r/2 = ${fmt(-POST_LQR.r / 2, 4)}.` : '.')
    : '';

  return (
    <Figure
      params={learningParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[ctListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> => (r ? { time: r.time, q_K: r.qK, q_psi3: r.psi3, Q_K: r.QK } : {})}
      controls={<Controls params={learningParams} />}
    >
      <div ref={figure.plotRef} className="ql-wrap">
        <div className="ql-plots">
          <PlotSurface
            aspect={0.85}
            ariaLabel="Learned gain along the run for q-learning and discrete Q-learning, with the optimal gain"
            deps={[r, Kdt]}
            draw={(svg, _ctx, size, theme) => {
              const T = r ? r.time[r.time.length - 1] : v.time;
              const vals = [Ks, 0];
              if (r) vals.push(...r.qK, ...r.QK, Kdt);
              const yDomain = finiteRange(vals, [-0.5, 2.5 * Ks]);
              const f = frame(size, { theme, xLabel: 't', yLabel: 'K', yDomain });
              const s = plotScales(f, [0, T], yDomain, { nice: false });
              drawAxes(svg, s, f, { theme, xLabel: 'simulated time per path', yLabel: 'gain K' });
              drawLine(svg, { x: [0, T], y: [Ks, Ks] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `Optimal gain K* = ${fmt(Ks)}` });
              if (!r) return;
              drawLine(svg, { x: [0, T], y: [Kdt, Kdt] }, s, { theme, color: seriesColor(1), weight: 0.6, dash: '2 3', ariaLabel: `Greedy gain of the sampled problem, ${fmt(Kdt)}` });
              drawLine(svg, { x: [0, ...r.time], y: clampTo([NaN, ...r.QK], yDomain) }, s, { theme, color: seriesColor(1), weight: 0.8, ariaLabel: 'Discrete Q-learning, greedy gain along the run' });
              drawLine(svg, { x: [0, ...r.time], y: clampTo([0, ...r.qK], yDomain) }, s, { theme, color: seriesColor(0), ariaLabel: 'q-learning, policy mean gain along the run' });
            }}
          />
          <PlotSurface
            aspect={0.85}
            ariaLabel="Advantage rate at x = 1 against the action: exact, learned by q-learning, and discrete Q-learning's gap divided by the time step"
            deps={[prof]}
            draw={(svg, _ctx, size, theme) => {
              const lo = -(POST_LQR.r / 2) * 9 * 1.6;
              const yDomain: [number, number] = [lo, -0.08 * lo];
              const xDomain: [number, number] = [-Ks * X_PROFILE - 3, -Ks * X_PROFILE + 3];
              const f = frame(size, { theme, xLabel: 'a', yLabel: 'rate', yDomain });
              const s = plotScales(f, xDomain, yDomain, { nice: false });
              drawAxes(svg, s, f, { theme, xLabel: `action a at x = ${X_PROFILE}`, yLabel: 'advantage rate' });
              if (!prof) return;
              drawLine(svg, { x: prof.a, y: prof.exact }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'Exact advantage rate -(r/2)(a + K* x)^2' });
              if (prof.discrete) drawLine(svg, { x: prof.a, y: clampTo(prof.discrete, yDomain) }, s, { theme, color: seriesColor(1), weight: 0.8, ariaLabel: 'Discrete Q-learning: (Q(x, a) - max Q(x, .)) / Δt' });
              drawLine(svg, { x: prof.a, y: clampTo(prof.learned, yDomain) }, s, { theme, color: seriesColor(0), ariaLabel: 'q-learning: q(x, a) - max q(x, .)' });
            }}
          />
        </div>
      </div>
      <Legend
        items={[
          { label: 'q-learning', color: 'var(--plot-1)' },
          { label: 'discrete Q (right: gap / Δt)', color: 'var(--plot-2)' },
          { label: 'K* / exact rate', color: 'var(--plot-fg)', shape: 'dash' },
          { label: <>K<sub>Δt</sub></>, color: 'var(--plot-2)', shape: 'dotted' },
        ]}
      />
      {r && (
        <p className="figure-stats">
          <span>
            q-learning <b>{fmt(r.qKAveraged, 3)}</b> ({pct(r.qKAveraged / Ks - 1)} from K*), policy variance {fmt(variance, 3)} (γ/r = {fmt(GAMMA / POST_LQR.r, 2)})
          </span>
          <span>
            discrete Q <b>{Number.isFinite(r.QKAveraged) ? fmt(r.QKAveraged, 3) : 'undefined'}</b> (K<sub>Δt</sub> = {fmt(Kdt, 3)})
            {prof && <>, θ<sub>aa</sub>/Δt = {fmt(prof.curvature, 4)} (−r/2 = {fmt(-POST_LQR.r / 2, 2)})</>}
          </span>
        </p>
      )}
    </Figure>
  );
}
