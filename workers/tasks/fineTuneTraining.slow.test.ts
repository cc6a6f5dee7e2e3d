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
import { controlledScore, exactTradeoff } from '../engines/diffusion/tilt.ts';
import { exactScore } from '../engines/diffusion/samplers.ts';
import { FT_SETUP, rewardAndKl, type ControlFn } from '../engines/diffusion/fineTune.ts';
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

  it('the measurement itself, on the exact u* with 20000 paths of 100 steps: reward 1.412 +- 0.006, KL 0.596 +- 0.003 (2% above the exact 0.583)', () => {
    const tilted = controlledScore(ring, schedule, FT_SETUP.b, fig.lambda);
    const pre = exactScore(ring, schedule);
    let buf = new Float64Array(0);
    // u* = g (grad ln ptilde_s - grad ln p_s), eq:rf-h-ratio.
    const uStar: ControlFn = (xs, n, s, out) => {
      if (buf.length < 2 * n) buf = new Float64Array(2 * n);
      tilted(xs, n, s, out);
      pre(xs, n, s, buf);
      const g = schedule.g(s);
      for (let i = 0; i < 2 * n; i++) out[i] = g * (out[i] - buf[i]);
    };
    const r = runToEnd(rewardAndKl({ mixture: ring, schedule, b: [...FT_SETUP.b], control: uStar, paths: 20000, steps: fig.evalSteps, seed: 11 }));
    expect(r.reward.mean).toBeCloseTo(1.412, 3);
    expect(r.reward.stdErr).toBeCloseTo(0.006, 3);
    expect(r.kl.mean).toBeCloseTo(0.596, 3);
    expect(r.kl.stdErr).toBeCloseTo(0.003, 3);
    expect(r.kl.mean / exact.kl - 1).toBeCloseTo(0.02, 2);
  });
});
