/**
 * Worker tasks for chapter 8 (continuous-time q-learning): discrete Q-learning against continuous-time q-learning on
 * the source post's LQR for a list of time steps (the "K per dt" table), one learning run of each at a chosen step,
 * and the ergodic linear–quadratic check case of Jia & Zhou. The numerics are the engines' (workers/engines/learning);
 * these adapters choose the options, turn the rows into columns and say in a sentence when a run has failed.
 */
import { within, type Chunked } from '../engines/chunked.ts';
import { compareLearners } from '../engines/learning/compare.ts';
import { Q_LEARNING_DT_MAX, qLearningCT } from '../engines/learning/qlearningCT.ts';
import { qLearningDiscrete } from '../engines/learning/qlearning.ts';
import { ergodicLqSolution, JIA_ZHOU_ERGODIC, qLearningErgodic, type ErgodicLqSolution } from '../engines/learning/qlearningErgodic.ts';

/** Runs a chunked engine call inside another, scaling its progress to [from, from + width]. */
function checkBudget(time: number, seed: number): void {
  if (!(time >= 10 && time <= 5000)) throw new Error(`the simulated time per path must be between 10 and 5000; got ${time}`);
  if (!Number.isInteger(seed) || seed < 1) throw new Error(`the seed must be a positive whole number; got ${seed}`);
}

interface QlCollapseParams {
  /** Time steps. */
  dts: number[];
  /** Simulated time per path (the data budget, the same at every dt). */
  time: number;
  seed: number;
}

interface QlCollapseResult {
  Kstar: number;
  dt: Float64Array;
  /** q-learning: final mean gain and its average over the second half of the run. */
  qK: Float64Array;
  qKAveraged: Float64Array;
  /** Discrete Q-learning: final greedy gain, gain of the averaged parameters, learned action-gap coefficient. */
  QK: Float64Array;
  QKAveraged: Float64Array;
  Qgap: Float64Array;
}

/** Both learners at every dt with the same seed and budget (compareLearners), as columns. */
function* qlCollapse(p: QlCollapseParams): Chunked<QlCollapseResult> {
  checkBudget(p.time, p.seed);
  const t = yield* compareLearners({ dts: p.dts, seed: p.seed, ct: { time: p.time }, discrete: { time: p.time } });
  const col = (f: (r: (typeof t.rows)[number]) => number) => Float64Array.from(t.rows, f);
  const out = {
    Kstar: t.Kstar,
    dt: col((r) => r.dt),
    qK: col((r) => r.qK),
    qKAveraged: col((r) => r.qKAveraged),
    QK: col((r) => r.QK),
    QKAveraged: col((r) => r.QKAveraged),
    Qgap: col((r) => r.Qgap),
  };
  if (![...out.qK, ...out.qKAveraged].every(Number.isFinite)) throw new Error('q-learning diverged on this seed and budget; try another seed');
  return out;
}

interface QlLearningParams {
  dt: number;
  time: number;
  seed: number;
}

export interface QlLearningResult {
  dt: number;
  /** Simulated time at the recorded points (the same grid for both learners). */
  time: Float64Array;
  /** q-learning: mean gain and log-variance parameter psi_3 along the run; final parameters. */
  qK: Float64Array;
  psi3: Float64Array;
  psi: Float64Array;
  /** J(x) = theta[0] x^2 + theta[1] x + theta[2]. */
  theta: Float64Array;
  qKAveraged: number;
  /** Discrete Q-learning: greedy gain along the run (NaN where Q is not concave in a); final theta for
   * phi = (x^2, x a, a^2, x, a, 1). */
  QK: Float64Array;
  Qtheta: Float64Array;
  QKAveraged: number;
}

/** The sentence for a learner whose parameters grew without bound at the step dt: too large a step, or an unlucky seed. */
function divergedMessage(learner: string, dt: number): string {
  return dt > Q_LEARNING_DT_MAX
    ? `${learner} diverged at Δt = ${dt}: its explicit updates are unstable at time steps beyond about ${Q_LEARNING_DT_MAX}; choose a smaller Δt.`
    : `${learner} diverged at Δt = ${dt} on this seed and budget (its parameters grew without bound); try another seed or a smaller Δt.`;
}

/** One run of each learner at the step dt, same seed, same data budget. */
function* qlLearning(p: QlLearningParams): Chunked<QlLearningResult> {
  checkBudget(p.time, p.seed);
  const ct = yield* within(qLearningCT({ dt: p.dt, time: p.time, seed: p.seed }), 0, 0.35);
  const dq = yield* within(qLearningDiscrete({ dt: p.dt, time: p.time, seed: p.seed }), 0.35, 1);
  const ctDiverged = !Number.isFinite(ct.KAveraged) || !ct.psi.every(Number.isFinite) || !ct.curveK.every(Number.isFinite);
  // Discrete Q-learning's gain is NaN by design where its Q is not concave in a; its parameters must stay finite.
  const dqDiverged = !dq.theta.every(Number.isFinite);
  if (ctDiverged || dqDiverged) throw new Error(divergedMessage(ctDiverged ? 'q-learning' : 'discrete Q-learning', p.dt));
  return {
    dt: p.dt,
    time: ct.curveTime,
    qK: ct.curveK,
    psi3: ct.curvePsi3,
    psi: ct.psi,
    theta: ct.theta,
    qKAveraged: ct.KAveraged,
    QK: dq.curveK,
    Qtheta: dq.theta,
    QKAveraged: dq.KAveraged,
  };
}

interface QlErgodicParams {
  dt: number;
  paths: number;
  time: number;
  seed: number;
}

interface QlErgodicResult {
  exact: ErgodicLqSolution;
  time: Float64Array;
  /** psi_1, psi_2, psi_3 along the run (rows of 3). */
  psi: Float64Array;
  psiAveraged: Float64Array;
  averageReward: number;
  /** J(x) = theta[0] x^2 + theta[1] x. */
  theta: Float64Array;
}

/** Most path-steps one run may take (about 15 s in a browser on a small machine). */
export const ERGODIC_MAX_WORK = 3e8;

/** Online ergodic q-learning on Jia & Zhou's example from psi = 0, beside the closed-form optimum. */
function* qlErgodic(p: QlErgodicParams): Chunked<QlErgodicResult> {
  checkBudget(p.time, p.seed);
  const work = (p.paths * p.time) / p.dt;
  if (work > ERGODIC_MAX_WORK) {
    throw new Error(
      `${p.paths} paths over ${p.time} time units at Δt = ${p.dt} is ${(work / 1e6).toFixed(0)} million path-steps, more than the ${ERGODIC_MAX_WORK / 1e6} million one run may take; lower the paths or the time, or raise Δt`,
    );
  }
  const exact = ergodicLqSolution(JIA_ZHOU_ERGODIC);
  const r = yield* qLearningErgodic({ dt: p.dt, paths: p.paths, time: p.time, seed: p.seed });
  if (!r.psi.every(Number.isFinite) || !Number.isFinite(r.averageReward)) {
    let t = NaN;
    for (let k = 0; k < r.curveTime.length; k++)
      if (!Number.isFinite(r.curvePsi[3 * k])) {
        t = r.curveTime[k];
        break;
      }
    throw new Error(
      `the learner diverged${Number.isFinite(t) ? ` before t = ${Math.round(t)}` : ''}: with ${p.paths} paths the averaged updates were too noisy for this seed; more paths steady them`,
    );
  }
  return { exact, time: r.curveTime, psi: r.curvePsi, psiAveraged: r.psiAveraged, averageReward: r.averageReward, theta: r.theta };
}

export const continuousQLearningTasks = { qlCollapse, qlLearning, qlErgodic };
