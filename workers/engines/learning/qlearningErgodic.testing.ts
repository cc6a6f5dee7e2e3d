/** What "q-learning reached the optimum" means for the ergodic LQ check case, shared by its quick and slow tests. */
import { expect } from 'vitest';
import { ergodicLqSolution, JIA_ZHOU_ERGODIC, type QLearningErgodicResult } from './qlearningErgodic';

const star = ergodicLqSolution(JIA_ZHOU_ERGODIC);

/** psi within 4% of psi*, the policy's gains and the average reward within a few hundredths. */
export function expectNearOptimum(r: QLearningErgodicResult): void {
  for (let j = 0; j < 3; j++) expect(Math.abs(r.psiAveraged[j] / star.psi[j] - 1)).toBeLessThan(0.04);
  expect(Math.abs(r.theta[0] - star.k2 / 2)).toBeLessThan(0.05);
  expect(Math.abs(r.theta[1] - star.k1)).toBeLessThan(0.03);
  expect(Math.abs(r.averageReward - star.averageReward)).toBeLessThan(0.02);
}
