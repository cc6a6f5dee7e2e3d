/**
 * Continuous-time q-learning next to discrete Q-learning on the same LQR, the same environment, data budget and
 * seed, for a list of time steps: the book's table "K per dt".
 */
import { within, type Chunked } from '../chunked';
import { lqrDiscounted } from '../lqr';
import { POST_LQR, qLearningCT, type QLearningCTOptions } from './qlearningCT';
import { qLearningDiscrete, type QLearningDiscreteOptions } from './qlearning';

/** One row of the comparison. */
interface LearnerComparisonRow {
  dt: number;
  /** q-learning: final gain and gain averaged over the second half of the run. */
  qK: number;
  qKAveraged: number;
  /** Discrete Q-learning: final greedy gain, averaged-parameter gain, action-gap coefficient and its leading order in dt. */
  QK: number;
  QKAveraged: number;
  Qgap: number;
  QgapLeadingOrder: number;
}

/** Options of `compareLearners`: the shared settings plus per-learner overrides (dt is taken from `dts`). */
export interface CompareLearnersOptions {
  /** Time steps (default [0.1, 0.05, 0.01, 0.005]). */
  dts?: number[];
  seed: number;
  ct?: Omit<QLearningCTOptions, 'dt' | 'seed'>;
  discrete?: Omit<QLearningDiscreteOptions, 'dt' | 'seed'>;
}

/** Result: the rows and the exact optimal gain K* = beta P / r of the LQR. */
export interface LearnerComparison {
  Kstar: number;
  rows: LearnerComparisonRow[];
}

/**
 * Runs both learners at every dt (chunked: yields the overall progress). Both use the same seed, so the start
 * states of the episodes are common.
 */
export function* compareLearners(opts: CompareLearnersOptions): Chunked<LearnerComparison> {
  const dts = opts.dts ?? [0.1, 0.05, 0.01, 0.005];
  if (dts.length < 1 || dts.length > 20) throw new Error(`dts must list 1 to 20 time steps; got ${dts.length}`);
  const lqr = opts.ct?.lqr ?? opts.discrete?.lqr ?? POST_LQR;
  const rows: LearnerComparisonRow[] = [];
  const total = 2 * dts.length;
  let done = 0;
  for (const dt of dts) {
    const q = yield* within(qLearningCT({ ...opts.ct, lqr, dt, seed: opts.seed }), done / total, (done + 1) / total);
    done++;
    const Q = yield* within(qLearningDiscrete({ ...opts.discrete, lqr, dt, seed: opts.seed }), done / total, (done + 1) / total);
    done++;
    rows.push({ dt, qK: q.K, qKAveraged: q.KAveraged, QK: Q.K, QKAveraged: Q.KAveraged, Qgap: Q.gap, QgapLeadingOrder: Q.gapLeadingOrder });
  }
  return { Kstar: lqrDiscounted(lqr).K, rows };
}
