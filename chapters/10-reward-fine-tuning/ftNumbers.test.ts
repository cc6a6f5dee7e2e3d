/**
 * The numbers the section on learning the control (ft-training) states, beyond those of its slow test
 * (workers/tasks/fineTuneTraining.slow.test.ts): the effective fraction of weighted draws, from tilt.ts' normaliser and
 * by a hand-written sum over the ring's modes, and the gap between the drawn (memoryless) curve and the exact one.
 */
import { describe, expect, it } from 'vitest';
import { compileMixture } from '../../workers/engines/diffusion/gmm.ts';
import { dcRing, dcSchedule } from '../../workers/engines/diffusion/dcSetup.ts';
import { exactTradeoff, memorylessTradeoff, tiltedMixture } from '../../workers/engines/diffusion/tilt.ts';
import { FT_CURVE_LAMBDAS } from './ftExact.ts';
import { FT_DEFAULTS, FT_SETUP, fineTune, slicePoints } from '../../workers/engines/diffusion/fineTune.ts';
import { runToEnd } from '../../workers/engines/chunked.ts';
import { snapshotPaths } from '../../workers/tasks/fineTuneTraining.ts';
import { FT_EVAL_STEPS, FT_PATHS } from './FtTraining.tsx';

const ring = compileMixture(dcRing());
const b = [1, 0];

/** (E e^{r/lambda})^2 / E e^{2r/lambda} for r = x_1 on the ring, summed by hand: E e^{c x_1} = mean_k e^{2c cos theta_k + c^2 0.15^2/2}. */
function essByHand(lambda: number): number {
  const E = (c: number) => {
    let s = 0;
    for (let k = 0; k < 8; k++) s += Math.exp(2 * c * Math.cos((k * Math.PI) / 4) + 0.5 * c * c * 0.0225);
    return s / 8;
  };
  return E(1 / lambda) ** 2 / E(2 / lambda);
}

describe('learning the control: the numbers of the prose', () => {
  it('a weighted draw counts as 0.449 of a tilted one at lambda = 1, and 0.264 at lambda = 0.5', () => {
    for (const [lambda, v] of [
      [1, 0.449],
      [0.5, 0.264],
    ]) {
      const fromEngine = Math.exp(2 * tiltedMixture(ring, b, lambda).logZ - tiltedMixture(ring, b, lambda / 2).logZ);
      expect(fromEngine).toBeCloseTo(essByHand(lambda), 12);
      expect(fromEngine).toBeCloseTo(v, 3);
      // At least as fast as e^{-KL}: the ratio is e^{-D_2} with the order-2 Renyi divergence D_2 >= KL.
      expect(fromEngine).toBeLessThan(Math.exp(-memorylessTradeoff(ring, b, lambda).kl));
    }
  });

  it('the drawn curve (memoryless closed form) is within 1e-4 of the exact trade-off from p_T at every temperature drawn', () => {
    for (const lambda of FT_CURVE_LAMBDAS) {
      const a = exactTradeoff(ring, dcSchedule(), b, lambda);
      const m = memorylessTradeoff(ring, b, lambda);
      expect(Math.abs(a.reward - m.reward)).toBeLessThan(1e-4);
      expect(Math.abs(a.kl - m.kl)).toBeLessThan(1e-4);
    }
  });
});

describe('learning the control: the set-up the caption quotes', () => {
  it('an MLP with two hidden layers of 32 SiLU units, inputs x, the denoised mean and 8 time features; batches over 16 forward times from s = 1e-3', () => {
    expect(FT_DEFAULTS.hidden).toEqual([32, 32]);
    expect(FT_DEFAULTS.activation).toBe('silu');
    expect(FT_DEFAULTS.timeFeatures).toBe(8);
    expect(FT_DEFAULTS.times).toBe(16);
    expect(FT_DEFAULTS.sMin).toBe(1e-3);
    expect(FT_DEFAULTS.sPower).toBe(1);
    const r = runToEnd(fineTune({ mixture: ring, schedule: dcSchedule(), b, lambda: 1, steps: 2, batch: 32, seed: 1 }));
    expect(r.model.sizes).toEqual([2 + 2 + 8, 32, 32, 2]);
    expect(r.model.activation).toBe('silu');
  });

  it('seven snapshots; the last measured on 4000 paths of 100 steps, the others on 500', () => {
    expect(FT_SETUP.checkpoints).toBe(7);
    expect(FT_PATHS).toBe(4000);
    expect(FT_EVAL_STEPS).toBe(100);
    expect(snapshotPaths(FT_PATHS)).toBe(500);
  });

  it('the slice: the circle of the noised mode centres, radius 2 alpha_s, at generation times 0.5, 0.7 and 0.8', () => {
    const sch = dcSchedule();
    expect([...FT_SETUP.sliceTimes]).toEqual([0.5, 0.7, 0.8]);
    for (const t of FT_SETUP.sliceTimes) {
      const xs = slicePoints(sch, t);
      for (let i = 0; i < xs.length / 2; i++) expect(Math.hypot(xs[2 * i], xs[2 * i + 1])).toBeCloseTo(2 * sch.alpha(sch.T - t), 12);
    }
  });
});
