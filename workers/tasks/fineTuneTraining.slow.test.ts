/**
 * Chapter 10's control network trained at the figure's defaults over four seeds, against the exact trade-off of
 * tilt.ts: in `npm run test:all` (and CI), not in the quick `npm test`; see vitest.config.ts.
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
const ring = compileMixture(dcRing());
const schedule = dcSchedule();

/** The exact curve's reward at relative entropy kl: the temperature with that KL by bisection in log lambda (KL falls as lambda grows). */
function curveReward(kl: number): number {
  let lo = Math.log(0.05);
  let hi = Math.log(50);
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (exactTradeoff(ring, schedule, FT_SETUP.b, Math.exp(mid), undefined, 8).kl > kl) lo = mid;
    else hi = mid;
  }
  return exactTradeoff(ring, schedule, FT_SETUP.b, Math.exp(0.5 * (lo + hi)), undefined, 8).reward;
}

describe('ftTraining (figure ft-training) over four seeds', () => {
  const exact = exactTradeoff(ring, schedule, FT_SETUP.b, fig.lambda);
  const rs = [1, 2, 3, 4].map((seed) => runToEnd(tasks.ftTraining({ ...fig, seed })));
  const last = rs[0].step.length - 1;
  const rw = rs.map((r) => r.reward[last]);
  const kl = rs.map((r) => r.kl[last]);
  const gap = rs.map((r, i) => rw[i] / curveReward(kl[i]) - 1);

  it('every seed lands within 5% of the exact curve: its reward against the curve’s at its own KL', { timeout: 300_000 }, () => {
    for (const g of gap) expect(Math.abs(g)).toBeLessThan(0.05);
    expect(m(gap)).toBeCloseTo(-0.03, 3);
    expect(sd(gap)).toBeCloseTo(0.015, 3);
    expect(Math.min(...gap)).toBeCloseTo(-0.045, 3);
  });

  it('the numbers of the prose: reward 1.339 +- 0.006 at KL 0.547 +- 0.015 nats, against the exact 1.418 and 0.583', () => {
    expect(exact.reward).toBeCloseTo(1.418, 3);
    expect(exact.kl).toBeCloseTo(0.583, 3);
    expect(m(rw)).toBeCloseTo(1.339, 3);
    expect(sd(rw)).toBeCloseTo(0.006, 3);
    expect(m(kl)).toBeCloseTo(0.547, 3);
    expect(sd(kl)).toBeCloseTo(0.015, 3);
    // The Monte Carlo standard errors of the last snapshot (4000 paths): about 1% of each.
    for (const r of rs) {
      expect(r.rewardSe[last]).toBeLessThan(0.015);
      expect(r.klSe[last]).toBeLessThan(0.0065);
    }
  });
});
