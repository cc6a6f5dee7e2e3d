/**
 * Figure: the ergodic linear–quadratic check case of Jia & Zhou. Online q-learning from psi = 0: the three policy
 * parameters psi_1 (slope), psi_2 (intercept), psi_3 (log variance over gamma) along the run against the closed-form
 * psi*, and the learned long-run average reward against the exact one.
 */
import { type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { Legend } from '../../app/components/Legend.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { useMediaQuery } from '../../app/state/settings.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor } from '../../app/plots/theme.ts';
import ergodicListing from '../../workers/engines/learning/qlearningErgodic.ts?fn=qLearningErgodic&code';
import solutionListing from '../../workers/engines/learning/qlearningErgodic.ts?fn=ergodicLqSolution&code';
import rootsListing from '../../workers/engines/learning/qlearningErgodic.ts?fn=ergodicRiccatiRoots&code';
import type { QlErgodicParams } from '../../workers/tasks/continuousQLearning.ts';
import { ergodicLqSolution, JIA_ZHOU_ERGODIC } from '../../workers/engines/learning/qlearningErgodic.ts';
import { fmt, pct } from './model.ts';
import { clampTo, finiteRange } from './plotHelpers.ts';
import './qlearning.css';

export const ergodicParams = defineFigureParams('ql-ergodic', {
  dt: { label: 'time step', symbol: 'Δt', min: 0.01, max: 0.1, step: 0.001, default: 0.1, log: true },
  paths: { label: 'parallel paths', symbol: 'n', min: 200, max: 2000, step: 10, default: 1000, integer: true, log: true },
  time: { label: 'simulated time per path', symbol: 'T', min: 200, max: 3000, step: 100, default: 2000, integer: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

/** The closed-form exploratory optimum (psi*, average reward 0.633374). */
export const ergodicStar = ergodicLqSolution(JIA_ZHOU_ERGODIC);

const NAMES = ['ψ₁ (slope)', 'ψ₂ (intercept)', 'ψ₃ (log variance/γ)'];

export function QlErgodic({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const v = ergodicParams.useValues();
  const request: QlErgodicParams = { dt: v.dt, paths: v.paths, time: v.time, seed: v.seed };
  // While a slider moves, a fifth of the paths (at least 200) answers first, noisier; then all of them.
  const { sim, figure } = useFigureSimulation('qlErgodic', request, { preview: { ...request, paths: Math.max(200, Math.round(request.paths / 5)) } });
  const r = sim.status === 'error' ? null : sim.result;
  const star = ergodicStar.psi;
  const shown = sim.resultParams ?? request;
  const narrow = useMediaQuery('(max-width: 560px)');

  const stats = r
    ? `At Δt = ${shown.dt} with ${shown.paths} paths over ${shown.time} time units, the parameters averaged over the second half are ` +
      `${[0, 1, 2].map((j) => `${fmt(r.psiAveraged[j])} (exact ${fmt(star[j])}, ${pct(r.psiAveraged[j] / star[j] - 1)})`).join(', ')}; ` +
      `the learned average reward is ${fmt(r.averageReward)} against the exact ${fmt(ergodicStar.averageReward, 6)}.`
    : '';

  return (
    <Figure
      params={ergodicParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[ergodicListing, solutionListing, rootsListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> =>
        r ? { time: r.time, psi1: r.time.map((_, k) => r.psi[3 * k]), psi2: r.time.map((_, k) => r.psi[3 * k + 1]), psi3: r.time.map((_, k) => r.psi[3 * k + 2]) } : {}
      }
      controls={<Controls params={ergodicParams} />}
    >
      <div ref={figure.plotRef}>
        <PlotSurface
          aspect={narrow ? 0.8 : 0.5}
          ariaLabel="The three policy parameters along the run of ergodic q-learning, against their closed-form optimal values"
          deps={[r]}
          draw={(svg, _ctx, size, theme) => {
            const T = r ? r.time[r.time.length - 1] : shown.time;
            const vals = [0, ...star];
            if (r) vals.push(...r.psi);
            const yDomain = finiteRange(vals, [-3, 1.5]);
            const f = frame(size, { theme, xLabel: 't', yLabel: 'ψ', yDomain });
            const s = plotScales(f, [0, T], yDomain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'simulated time per path', yLabel: 'policy parameters ψ' });
            for (let j = 0; j < 3; j++) {
              drawLine(svg, { x: [0, T], y: [star[j], star[j]] }, s, { theme, color: seriesColor(j), dash: '6 4', weight: 0.8, ariaLabel: `${NAMES[j]}, exact ${fmt(star[j])}` });
              if (r) {
                const y = clampTo([0, ...r.time.map((_, k) => r.psi[3 * k + j])], yDomain);
                drawLine(svg, { x: [0, ...r.time], y }, s, { theme, color: seriesColor(j), ariaLabel: `${NAMES[j]} along the run` });
              }
            }
          }}
        />
      </div>
      <Legend
        items={[
          ...NAMES.map((label, j) => ({ label, color: `var(--plot-${j + 1})` })),
          { label: 'exact ψ* (dashed)', color: 'var(--plot-fg)', shape: 'dash' as const },
        ]}
      />
      {r && (
        <p className="figure-stats">
          <span>
            ψ averaged: {[0, 1, 2].map((j) => fmt(r.psiAveraged[j])).join(', ')} vs ψ* = {star.map((p) => fmt(p)).join(', ')}
          </span>
          <span>
            average reward <b>{fmt(r.averageReward)}</b> vs exact {fmt(ergodicStar.averageReward, 6)}
          </span>
        </p>
      )}
    </Figure>
  );
}
