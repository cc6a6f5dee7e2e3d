/**
 * Chapter 10's worker tasks, run with the figures' defaults (the requests the declarations in
 * chapters/10-reward-fine-tuning/ send) and compared with the exact values, over seeds where the result is random.
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { tasks } from '../tasks.ts';
import { defaultRequest } from '../../app/figure/defaultRequest.ts';
import { RfParticles } from '../../chapters/10-reward-fine-tuning/RfParticles.tsx';
import { RfTradeoff } from '../../chapters/10-reward-fine-tuning/RfTradeoff.tsx';
import { RfBias } from '../../chapters/10-reward-fine-tuning/RfBias.tsx';
import { meanVariance } from '../engines/stats.ts';

const figParticles = defaultRequest(RfParticles, 'rfParticles');
const figTradeoff = defaultRequest(RfTradeoff, 'rfTradeoff');
const figBias = defaultRequest(RfBias, 'rfBias');

describe('rfParticles (figure rf-particles)', () => {
  it('defaults: 41 frames of 4000 particles from p_T; E[r] within 4 standard errors of the exact value for seeds 1-4', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const r = runToEnd(tasks.rfParticles({ ...figParticles, seed }));
      expect(r.times.length).toBe(41);
      expect(r.snapshots.length).toBe(41 * 4000 * 2);
      expect(Math.abs(r.rewardMc - r.reward)).toBeLessThan(4 * r.rewardSe);
      // Each mode's share within 4 binomial standard errors of its exact tilted weight.
      for (let k = 0; k < 8; k++) {
        const w = r.tiltedWeights[k];
        expect(Math.abs(r.share[k] - w)).toBeLessThan(4 * Math.sqrt((w * (1 - w)) / 4000) + 1e-3);
      }
    }
  });

  it('bad input fails with a sentence', () => {
    expect(() => runToEnd(tasks.rfParticles({ ...figParticles, lambda: 0 }))).toThrow(/the temperature λ must be between 0.01 and 100/);
    expect(() => runToEnd(tasks.rfParticles({ ...figParticles, b: [1] }))).toThrow(/b must have 2 coordinates/);
  });
});

describe('rfTradeoff (figure rf-tradeoff)', () => {
  it('defaults: 61 temperatures from 0.05 to 20 (1 in the middle); reward rises and KL falls as lambda falls; the current point is on the curve', () => {
    const r = runToEnd(tasks.rfTradeoff(figTradeoff));
    expect(r.lambdas.length).toBe(61);
    for (let k = 1; k < 61; k++) {
      expect(r.reward[k]).toBeLessThan(r.reward[k - 1]);
      expect(r.kl[k]).toBeLessThan(r.kl[k - 1]);
    }
    const k1 = 30;
    expect(r.lambdas[k1]).toBe(1);
    expect(r.current.reward).toBeCloseTo(r.reward[k1], 12);
    expect(r.current.kl).toBeCloseTo(r.kl[k1], 12);
    expect(r.dataReward).toBeCloseTo(0, 12);
  });
});

describe('rfBias (figure rf-bias)', () => {
  it('defaults: the densities integrate to 1; over seeds 1-4 the paths fall in the end law, not the tilted law', () => {
    const r = runToEnd(tasks.rfBias(figBias));
    const h = r.xs[1] - r.xs[0];
    for (const f of [r.data, r.tilted, r.end]) expect(f.reduce((a, b) => a + b, 0) * h).toBeCloseTo(1, 3);
    // P(X < 0) under the end law and the tilted law, by the grid, against the paths' share over four seeds.
    const below = (f: Float64Array) => f.reduce((a, v, i) => a + (r.xs[i] < 0 ? v : 0), 0) * h;
    const pEnd = below(r.end);
    const pTilt = below(r.tilted);
    const shares: number[] = [];
    for (let seed = 1; seed <= 4; seed++) {
      const q = seed === 1 ? r : runToEnd(tasks.rfBias({ ...figBias, seed }));
      shares.push(q.final.reduce((a, v) => a + (v < 0 ? 1 : 0), 0) / q.final.length);
    }
    const se = Math.sqrt((pEnd * (1 - pEnd)) / 4000);
    for (const s of shares) {
      expect(Math.abs(s - pEnd)).toBeLessThan(4 * se);
      expect(Math.abs(s - pTilt)).toBeGreaterThan(4 * se);
    }
    expect(meanVariance(shares).mean).toBeCloseTo(pEnd, 2);
  });

  it('the corners of the sliders (b = ±3, lambda = 0.3, beta_max 0.5 and 20) compute, with densities of mass 1', () => {
    for (const b of [-3, 3])
      for (const betaMax of [0.5, 20]) {
        const r = runToEnd(tasks.rfBias({ ...figBias, b, lambda: 0.3, betaMax, paths: 100 }));
        const h = r.xs[1] - r.xs[0];
        expect(Number.isFinite(r.kl)).toBe(true);
        expect(r.klGrid.every(Number.isFinite)).toBe(true);
        expect(r.end.reduce((a, v) => a + v, 0) * h).toBeGreaterThan(0.9);
      }
  });
});
