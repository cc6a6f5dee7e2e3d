import { describe, expect, it } from 'vitest';
import { runToEnd } from '../chunked';
import { dcRing, dcSchedule } from './dcSetup';
import { compileMixture, gmmSample } from './gmm';
import { Rng } from '../random';
import { exactScore, sampleDiffusion } from './samplers';
import { fineTune, networkControl, rewardAndKl, zeroControl, type ControlFn } from './fineTune';

const schedule = dcSchedule();
const mixture = compileMixture(dcRing());
const b = [1, 0];

describe('reward and KL of a control by Monte Carlo', () => {
  it('the zero control is the pretrained model: the same end points as the sampler, KL exactly 0, reward b.E[data] = 0 within 4 SE', () => {
    const r = runToEnd(rewardAndKl({ mixture, schedule, b, control: zeroControl, paths: 1000, steps: 100, seed: 3 }));
    const init = gmmSample(mixture, 1000, new Rng(3, 1), schedule.T, schedule);
    const pre = runToEnd(
      sampleDiffusion({ schedule, score: exactScore(mixture, schedule), dim: 2, particles: 1000, steps: 100, method: 'sde-em', seed: 3, tMin: 0, init }),
    );
    expect(Array.from(r.final)).toEqual(Array.from(pre.final));
    expect(r.kl.mean).toBe(0);
    expect(r.kl.stdErr).toBe(0);
    expect(Math.abs(r.reward.mean)).toBeLessThan(4 * r.reward.stdErr);
    // The ring's spread along b: sd of x1 is about sqrt(2 + 0.15^2) = 1.42, so the SE of 1000 paths is about 0.045.
    expect(r.reward.stdErr).toBeGreaterThan(0.035);
    expect(r.reward.stdErr).toBeLessThan(0.055);
  });

  it('a constant control u = (a, 0) has KL 1/2 a^2 T on every path, and moves the mean end point right', () => {
    const a = 0.5;
    const constant: ControlFn = (_xs, n, _s, out) => {
      for (let i = 0; i < n; i++) {
        out[2 * i] = a;
        out[2 * i + 1] = 0;
      }
    };
    const r = runToEnd(rewardAndKl({ mixture, schedule, b, control: constant, paths: 500, steps: 50, seed: 4 }));
    expect(r.kl.mean).toBeCloseTo(0.5 * a * a * schedule.T, 12);
    expect(r.kl.stdErr).toBeLessThan(1e-12);
    expect(r.reward.mean).toBeGreaterThan(4 * r.reward.stdErr);
  });

  it('a control that blows the particles up is an error that says so', () => {
    const wild: ControlFn = (_xs, n, _s, out) => out.fill(1e308, 0, 2 * n);
    expect(() => runToEnd(rewardAndKl({ mixture, schedule, b, control: wild, paths: 10, steps: 10, seed: 1 }))).toThrow(/left every finite number/);
    expect(() => runToEnd(rewardAndKl({ mixture, schedule, b: [1], control: zeroControl, paths: 10, steps: 10, seed: 1 }))).toThrow(/b must have 2/);
  });
});

describe('fine-tuning the control network', () => {
  const res = runToEnd(
    fineTune({ mixture, schedule, b, lambda: 1, steps: 40, batch: 64, seed: 2, checkpoints: 3, evaluate: { paths: 200, steps: 40, seed: 9 } }),
  );

  it('starts at the zero control (the pretrained model) and keeps snapshots at steps 0, 20 and 40', () => {
    expect(res.snapshots.map((s) => s.step)).toEqual([0, 20, 40]);
    // The default layout: inputs x, the denoised mean and 8 time features; two hidden layers of 32.
    expect(res.model.sizes).toEqual([12, 32, 32, 2]);
    const u = new Float64Array(4);
    networkControl(res.snapshots[0].model, mixture, schedule)(Float64Array.of(0.3, -1, 2, 0.5), 2, 0.4, u);
    expect(Array.from(u)).toEqual([0, 0, 0, 0]);
    const pre = runToEnd(rewardAndKl({ mixture, schedule, b, control: zeroControl, paths: 200, steps: 40, seed: 9 }));
    expect(res.snapshots[0].reward).toEqual(pre.reward);
    expect(res.snapshots[0].kl).toEqual(pre.kl);
  });

  it('moves the control towards the reward: after 40 steps the reward and the KL are positive', () => {
    const last = res.snapshots[2];
    expect(last.kl!.mean).toBeGreaterThan(0);
    expect(last.reward!.mean).toBeGreaterThan(res.snapshots[0].reward!.mean);
    expect(res.lossCurve.every(Number.isFinite)).toBe(true);
  });

  it('a diverging run stops with an error that says so; bad options are sentences', () => {
    expect(() => runToEnd(fineTune({ mixture, schedule, b, lambda: 1, steps: 30, batch: 32, seed: 1, lr: 10 }))).toThrow(/diverged/);
    expect(() => runToEnd(fineTune({ mixture, schedule, b, lambda: 0, steps: 10, seed: 1 }))).toThrow(/lambda/);
    expect(() => runToEnd(fineTune({ mixture, schedule, b, lambda: 1, steps: 10, batch: 40, times: 16, seed: 1 }))).toThrow(/multiple of times/);
  });
});
