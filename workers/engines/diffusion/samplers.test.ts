import { describe, expect, it } from 'vitest';
import { runToEnd } from '../chunked';
import { Rng } from '../random';
import { vpSchedule, veSchedule } from './schedule';
import { gmmSample, ringMixture } from './gmm';
import { exactScore, sampleDiffusion, scaledScore } from './samplers';
import { mmd2 } from './metrics';

const vp = vpSchedule({ betaMin: 0.1, betaMax: 20 });
const ring = ringMixture(8, 2, 0.15);
const N = 800;
// Kernel width 0.3: about two mode standard deviations, so the MMD sees mode shape and mode weights.
const H = 0.3;

/** MMD^2 between independent target samples of size N: the spread a perfect sampler must fall into. */
function nullSpread(): { mean: number; sd: number } {
  const v: number[] = [];
  for (let r = 0; r < 6; r++) v.push(mmd2(gmmSample(ring, N, new Rng(100 + r)), gmmSample(ring, N, new Rng(200 + r)), 2, H));
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
  return { mean, sd };
}

describe('samplers with the exact score reach the target', () => {
  const ref = gmmSample(ring, N, new Rng(1));
  const nul = nullSpread();
  const bound = nul.mean + 4 * nul.sd; // "within the spread of two independent target samples"

  it.each([
    ['sde-em', 300],
    ['ode-heun', 100],
    ['ode-rk4', 50],
  ] as const)('%s with %i steps', (method, steps) => {
    const res = runToEnd(sampleDiffusion({ schedule: vp, score: exactScore(ring, vp), dim: 2, particles: N, steps, method, seed: 3 }));
    const m = mmd2(res.final, ref, 2, H);
    expect(m).toBeLessThan(bound);
    expect(res.snapshots.length).toBe(2 * N * 2);
  });

  it('a wrong score (lambda = 0.3) is detected by the same test', () => {
    const score = scaledScore(exactScore(ring, vp), 0.3, 2);
    const res = runToEnd(sampleDiffusion({ schedule: vp, score, dim: 2, particles: N, steps: 100, method: 'ode-heun', seed: 3 }));
    expect(mmd2(res.final, ref, 2, H)).toBeGreaterThan(10 * bound);
  });

  it('VE schedule with Tweedie denoising at the last step reaches the target too', () => {
    const ve = veSchedule({ sigmaMin: 0.01, sigmaMax: 10 });
    const res = runToEnd(
      sampleDiffusion({ schedule: ve, score: exactScore(ring, ve), dim: 2, particles: N, steps: 400, method: 'sde-em', seed: 4, denoise: true }),
    );
    expect(mmd2(res.final, ref, 2, H)).toBeLessThan(bound);
  });
});

describe('probability-flow ODE for Gaussian data', () => {
  it('matches the closed-form flow map x_s = alpha_s m + sqrt(v_s / v_T) (x_T - alpha_T m)', () => {
    const m = [1.5, -0.5];
    const s0 = 0.4;
    const gauss = { weights: [1], means: [m], stds: [s0] };
    const n = 50;
    const tMin = 1e-3;
    const res = runToEnd(
      sampleDiffusion({ schedule: vp, score: exactScore(gauss, vp), dim: 2, particles: n, steps: 200, method: 'ode-rk4', seed: 9, tMin, record: 5 }),
    );
    const v = (s: number) => vp.alpha(s) ** 2 * s0 * s0 + vp.sigma2(s);
    const aT = vp.alpha(1);
    const as = vp.alpha(tMin);
    const ratio = Math.sqrt(v(tMin) / v(1));
    let maxErr = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < 2; j++) {
        const x0 = res.snapshots[i * 2 + j]; // first snapshot (Float32)
        const exact = as * m[j] + ratio * (x0 - aT * m[j]);
        maxErr = Math.max(maxErr, Math.abs(res.final[i * 2 + j] - exact));
      }
    }
    // RK4, h = 1/200: global error O(h^4) with beta up to 20 -> ~1e-7; Float32 start adds ~1e-7 x ratio.
    expect(maxErr).toBeLessThan(1e-5);
    [0, 50, 100, 150, 200].forEach((k, j) => expect(res.times[j]).toBeCloseTo((k * (1 - tMin)) / 200, 14));
  });

  it('Heun converges at second order on the same map', () => {
    const gauss = { weights: [1], means: [[0.5]], stds: [0.3] };
    const err = (steps: number) => {
      const r = runToEnd(
        sampleDiffusion({
          schedule: vp,
          score: exactScore(gauss, vp),
          dim: 1,
          particles: 1,
          steps,
          method: 'ode-heun',
          seed: 1,
          init: new Float64Array([1.2]),
        }),
      );
      const v = (s: number) => vp.alpha(s) ** 2 * 0.09 + vp.sigma2(s);
      const exact = vp.alpha(1e-3) * 0.5 + Math.sqrt(v(1e-3) / v(1)) * (1.2 - vp.alpha(1) * 0.5);
      return Math.abs(r.final[0] - exact);
    };
    const order = Math.log2(err(100) / err(200));
    expect(order).toBeGreaterThan(1.8);
    expect(order).toBeLessThan(2.3);
  });

  it('validates its options', () => {
    const base = { schedule: vp, score: exactScore(ring, vp), dim: 2, particles: 10, steps: 10, method: 'sde-em' as const, seed: 1 };
    expect(() => runToEnd(sampleDiffusion({ ...base, steps: 0 }))).toThrow(/steps must be an integer in \[1, 100000\]/);
    expect(() => runToEnd(sampleDiffusion({ ...base, tMin: 1 }))).toThrow(/tMin must be in \[0, 1\)/);
    expect(() => runToEnd(sampleDiffusion({ ...base, init: new Float64Array(3) }))).toThrow(/init must hold/);
  });
});
