/**
 * Chapter 10's control network trained at the figure's defaults over four seeds, against the exact trade-off of
 * tilt.ts, and the measurement itself on the exact u* over ten seeds: in `npm run test:all` (and CI), not in the quick
 * `npm test`; see vitest.config.ts. Every number the section on learning the control quotes about a trained network
 * is asserted here.
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { tasks } from '../tasks.ts';
import { defaultRequest } from '../../app/figure/defaultRequest.ts';
import { FtTraining } from '../../chapters/10-reward-fine-tuning/FtTraining.tsx';
import { ftExactControl } from '../../chapters/10-reward-fine-tuning/ftExact.ts';
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

/**
 * The point of the exact curve with relative entropy kl: its temperature, by bisection in log lambda (KL falls as
 * lambda grows), and its reward.
 */
function curveAt(kl: number): { lambda: number; reward: number } {
  let lo = Math.log(0.05);
  let hi = Math.log(50);
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (exactTradeoff(ring, schedule, FT_SETUP.b, Math.exp(mid), undefined, 8).kl > kl) lo = mid;
    else hi = mid;
  }
  const lambda = Math.exp(0.5 * (lo + hi));
  return { lambda, reward: exactTradeoff(ring, schedule, FT_SETUP.b, lambda, undefined, 8).reward };
}

/** Root-mean-square of a - b over the root-mean-square of b. */
function relRms(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let e = 0;
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    e += (a[i] - b[i]) ** 2;
    n += b[i] ** 2;
  }
  return Math.sqrt(e / n);
}

describe('ftTraining (figure ft-training) over four seeds', () => {
  const exact = exactTradeoff(ring, schedule, FT_SETUP.b, fig.lambda);
  const seeds = [1, 2, 3, 4];
  const rs = seeds.map((seed) => runToEnd(tasks.ftTraining({ ...fig, seed })));
  const last = rs[0].step.length - 1;
  const rw = rs.map((r) => r.reward[last]);
  const kl = rs.map((r) => r.kl[last]);
  const at = kl.map(curveAt);
  const gap = rw.map((v, i) => v / at[i].reward - 1);

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

  it('below and left of the exact optimum: 5.6% less reward for 6.1% less KL; on the curve at temperatures from 1.03 to 1.08', () => {
    const dR = rw.map((v) => v / exact.reward - 1);
    const dK = kl.map((v) => v / exact.kl - 1);
    for (let i = 0; i < seeds.length; i++) {
      expect(dR[i]).toBeLessThan(0);
      expect(dK[i]).toBeLessThan(0);
      expect(at[i].lambda).toBeGreaterThan(fig.lambda);
    }
    expect(m(dR)).toBeCloseTo(-0.056, 3);
    expect(m(dK)).toBeCloseTo(-0.061, 3);
    expect(Math.min(...at.map((p) => p.lambda))).toBeCloseTo(1.03, 2);
    expect(Math.max(...at.map((p) => p.lambda))).toBeCloseTo(1.08, 2);
  });

  it('by step 250 every seed has more than 85% of its last reward; every later snapshot lies below the curve, by less than 11%', () => {
    for (const r of rs) {
      expect(r.step[1]).toBe(250);
      expect(r.reward[1] / r.reward[last]).toBeGreaterThan(0.85);
      for (let j = 1; j <= last; j++) {
        const g = r.reward[j] / curveAt(r.kl[j]).reward - 1;
        expect(g).toBeLessThan(0);
        expect(g).toBeGreaterThan(-0.11);
      }
    }
  });

  it('the learned control: within 6% of u* (rms) at t = 0.5 and 0.7; at t = 0.8, 14% to 26%, its peaks flattened and the dip between them filled', () => {
    const ex = ftExactControl(fig.lambda);
    const A = ex.angle.length;
    const Q = FT_SETUP.sliceTimes.length;
    expect([...FT_SETUP.sliceTimes]).toEqual([0.5, 0.7, 0.8]);
    const u8 = ex.u[2];
    // Interior extrema of u* at t = 0.8: maxima at +-75 and +-120 degrees, between modes; minima at +-95 (beside the mode at 90) and 0.
    const maxima: number[] = [];
    const minima: number[] = [];
    for (let i = 1; i < A - 1; i++) {
      if (u8[i] > u8[i - 1] && u8[i] > u8[i + 1]) maxima.push(i);
      if (u8[i] < u8[i - 1] && u8[i] < u8[i + 1]) minima.push(i);
    }
    expect(maxima.map((i) => ex.angle[i])).toEqual([-120, -75, 75, 120]);
    const dips = minima.filter((i) => Math.abs(ex.angle[i]) > 45);
    expect(dips.map((i) => ex.angle[i])).toEqual([-95, 95]);
    const err8: number[] = [];
    for (const r of rs) {
      const learned = (j: number) => r.slices.subarray((last * Q + j) * A, (last * Q + j + 1) * A);
      expect(relRms(learned(0), ex.u[0])).toBeLessThan(0.06);
      expect(relRms(learned(1), ex.u[1])).toBeLessThan(0.06);
      err8.push(relRms(learned(2), u8));
      for (const i of maxima) expect(learned(2)[i]).toBeLessThan(u8[i]);
      for (const i of dips) expect(learned(2)[i]).toBeGreaterThan(u8[i]);
    }
    expect(Math.min(...err8)).toBeCloseTo(0.14, 2);
    expect(Math.max(...err8)).toBeCloseTo(0.26, 2);
  });
});

describe('the measurement on the exact u*, 20000 paths of 100 steps, over ten seeds', () => {
  it('reward 1.417 +- 0.005, KL 0.599 +- 0.003: the time steps add 2.8% to the KL and leave the reward within its Monte Carlo error', () => {
    const exact = exactTradeoff(ring, schedule, FT_SETUP.b, fig.lambda);
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
    const rw: number[] = [];
    const kl: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const r = runToEnd(rewardAndKl({ mixture: ring, schedule, b: [...FT_SETUP.b], control: uStar, paths: 20000, steps: fig.evalSteps, seed }));
      rw.push(r.reward.mean);
      kl.push(r.kl.mean);
    }
    expect(m(rw)).toBeCloseTo(1.417, 3);
    expect(sd(rw)).toBeCloseTo(0.005, 3);
    expect(m(kl)).toBeCloseTo(0.599, 3);
    expect(sd(kl)).toBeCloseTo(0.003, 3);
    expect(m(kl) / exact.kl - 1).toBeCloseTo(0.028, 3);
    // Every seed reads more KL than the exact value: the bias is not one run's luck.
    for (const v of kl) expect(v).toBeGreaterThan(exact.kl);
    // The reward: within two standard errors of the ten-seed mean.
    expect(Math.abs(m(rw) - exact.reward)).toBeLessThan((2 * sd(rw)) / Math.sqrt(10));
  });
});
