/** The ergodic q-learner at a fine step (a few seconds): in `npm run test:all` (and CI), not in the quick `npm test`. */
import { describe, it } from 'vitest';
import { runToEnd } from '../chunked';
import { qLearningErgodic } from './qlearningErgodic';
import { expectNearOptimum } from './qlearningErgodic.testing';

describe('the ergodic LQ check case of Jia & Zhou', () => {
  it('online q-learning from psi = 0 reaches psi* at dt = 0.01 (seed 1)', () => {
    // Measured (Polyak average over the second half): dt 0.01, 200 paths, T 3000: (-0.3585, -0.7143, -1.0301).
    expectNearOptimum(runToEnd(qLearningErgodic({ dt: 0.01, seed: 1, paths: 200, time: 3000 })));
  });
});
