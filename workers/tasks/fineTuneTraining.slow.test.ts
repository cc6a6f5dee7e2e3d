/**
 * Chapter 10's control network trained at the figure's defaults over four seeds, against the exact optimum of tilt.ts:
 * in `npm run test:all` (and CI), not in the quick `npm test`; see vitest.config.ts.
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { tasks } from '../tasks.ts';
import { defaultRequest } from '../../app/figure/defaultRequest.ts';
import { FtTraining } from '../../chapters/10-reward-fine-tuning/FtTraining.tsx';
import { compileMixture } from '../engines/diffusion/gmm.ts';
import { dcRing, dcSchedule } from '../engines/diffusion/dcSetup.ts';
import { exactTradeoff } from '../engines/diffusion/tilt.ts';
import { FT_SETUP } from '../engines/diffusion/fineTune.ts';
import { meanVariance } from '../engines/stats.ts';

/** Mean and sample standard deviation over seeds. */
const m = (v: number[]) => meanVariance(v).mean;
const sd = (v: number[]) => Math.sqrt(meanVariance(v).variance);

const fig = defaultRequest(FtTraining, 'ftTraining');

describe('ftTraining (figure ft-training) over four seeds', () => {
  it('the trained control lands within 5% of the exact reward and KL at the default lambda, on every seed', { timeout: 300_000 }, () => {
    const exact = exactTradeoff(compileMixture(dcRing()), dcSchedule(), FT_SETUP.b, fig.lambda);
    const rs = [1, 2, 3, 4].map((seed) => runToEnd(tasks.ftTraining({ ...fig, seed })));
    const last = rs[0].step.length - 1;
    const rw = rs.map((r) => r.reward[last]);
    const kl = rs.map((r) => r.kl[last]);
    console.log(
      exact,
      rw,
      kl,
      rs.map((r) => r.rewardSe[last]),
      rs.map((r) => r.klSe[last]),
    );
    for (let i = 0; i < rs.length; i++) {
      expect(Math.abs(rw[i] / exact.reward - 1)).toBeLessThan(0.05);
      expect(Math.abs(kl[i] / exact.kl - 1)).toBeLessThan(0.05);
    }
    expect(m(rw)).toBeGreaterThan(0);
    expect(sd(rw)).toBeGreaterThan(0);
  });
});
