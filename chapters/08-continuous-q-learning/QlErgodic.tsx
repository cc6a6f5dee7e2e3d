/**
 * Figure: the ergodic linear–quadratic check case of Jia & Zhou. Online q-learning from psi = 0: the three policy
 * parameters psi_1 (slope), psi_2 (intercept), psi_3 (log variance over gamma) along the run against the closed-form
 * psi*, and the learned long-run average reward against the exact one.
 */
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { clampTo, finiteRange } from '../../app/plots/scales.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import ergodicListing from '../../workers/engines/learning/qlearningErgodic.ts?fn=qLearningErgodic&code';
import solutionListing from '../../workers/engines/learning/qlearningErgodic.ts?fn=ergodicLqSolution&code';
import rootsListing from '../../workers/engines/learning/qlearningErgodic.ts?fn=ergodicRiccatiRoots&code';
import { ergodicLqSolution, JIA_ZHOU_ERGODIC } from '../../workers/engines/learning/qlearningErgodic.ts';
import { fmt, pct } from './model.ts';
import { seedParam } from '../../app/state/schema.ts';

/** The closed-form exploratory optimum (psi*, average reward 0.633374). */
export const ergodicStar = ergodicLqSolution(JIA_ZHOU_ERGODIC);

const NAMES = ['ψ₁ (slope)', 'ψ₂ (intercept)', 'ψ₃ (log variance/γ)'];

export const QlErgodic = defineFigure({
  id: 'ql-ergodic',
  schema: {
    dt: { label: 'time step', symbol: 'Δt', min: 0.01, max: 0.1, step: 0.001, default: 0.1, log: true },
    paths: { label: 'parallel paths', symbol: 'n', min: 200, max: 2000, step: 10, default: 1000, integer: true, log: true },
    time: { label: 'simulated time per path', symbol: 'T', min: 200, max: 3000, step: 100, default: 2000, integer: true },
    seed: seedParam(),
  },
  code: [ergodicListing, solutionListing, rootsListing],
  request: (v) => ({ dt: v.dt, paths: v.paths, time: v.time, seed: v.seed }),
  // While a slider moves, a fifth of the paths (at least 200) answers first, noisier; then all of them.
  preview: (request) => ({ ...request, paths: Math.max(200, Math.round(request.paths / 5)) }),
  useView: ({ shown, values }) => {
    const r = shown?.result ?? null;
    const star = ergodicStar.psi;
    const readouts: Readout[] = [];
    if (r && shown) {
      const q = shown.request;
      readouts.push(
        {
          label: 'ψ averaged over the second half',
          value: [0, 1, 2].map((j) => fmt(r.psiAveraged[j])).join(', '),
          detail: `vs ψ* = ${star.map((p) => fmt(p)).join(', ')} (${[0, 1, 2].map((j) => pct(r.psiAveraged[j] / star[j] - 1)).join(', ')})`,
        },
        { label: 'average reward', value: fmt(r.averageReward), detail: `vs exact ${fmt(ergodicStar.averageReward, 6)}` },
        { label: `At Δt = ${q.dt} with ${q.paths} paths over ${q.time} time units.`, secondary: true },
      );
    }
    return {
      readouts,
      csv: (): Record<string, ArrayLike<number>> =>
        r
          ? {
              time: r.time,
              psi1: r.time.map((_, k) => r.psi[3 * k]),
              psi2: r.time.map((_, k) => r.psi[3 * k + 1]),
              psi3: r.time.map((_, k) => r.psi[3 * k + 2]),
            }
          : {},
      panels: [
        {
          key: 'psi',
          title: 'ψ',
          aspect: 0.5,
          legend: [
            ...NAMES.map((label, j) => ({ label, color: seriesColor(j) })),
            { label: 'exact ψ* (dashed)', color: themeColor.fg, shape: 'dash' as const },
          ],
          ariaLabel: 'The three policy parameters along the run of ergodic q-learning, against their closed-form optimal values',
          deps: [r],
          draw: (svg, _ctx, size, theme) => {
            const T = r ? r.time[r.time.length - 1] : (shown?.request.time ?? values.time);
            const vals = [0, ...star];
            if (r) vals.push(...r.psi);
            const yDomain = finiteRange(vals, [-3, 1.5]);
            const s = plotAxes(svg, size, theme, {
              x: { domain: [0, T], label: 'simulated time per path' },
              y: { domain: yDomain, label: 'policy parameters ψ' },
            });
            for (let j = 0; j < 3; j++) {
              drawLine(svg, { x: [0, T], y: [star[j], star[j]] }, s, {
                theme,
                color: seriesColor(j),
                dash: '6 4',
                weight: 0.8,
                ariaLabel: `${NAMES[j]}, exact ${fmt(star[j])}`,
              });
              if (r) {
                const y = clampTo([0, ...r.time.map((_, k) => r.psi[3 * k + j])], yDomain);
                drawLine(svg, { x: [0, ...r.time], y }, s, { theme, color: seriesColor(j), ariaLabel: `${NAMES[j]} along the run` });
              }
            }
          },
        },
      ],
    };
  },
});
