import { describe, expect, it } from 'vitest';
import { markovChainHjb } from './markovChain';
import { lqrDiscounted } from './lqr';
import { linearFit } from './stats';

const post = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 };

describe('markovChainHjb (Kushner–Dupuis)', () => {
  it('converges to the closed form at first order in h on |x| <= 1 (error ratio 2.00 +- 0.05 per halving)', () => {
    const { P, c, K } = lqrDiscounted(post);
    const hs = [0.1, 0.05, 0.025, 0.0125];
    const errV: number[] = [];
    const errA: number[] = [];
    for (const h of hs) {
      const r = markovChainHjb({ ...post, h, xMin: -4, xMax: 4 });
      let e = 0;
      let ea = 0;
      for (let i = 0; i < r.x.length; i++) {
        if (Math.abs(r.x[i]) > 1 + 1e-9) continue;
        e = Math.max(e, Math.abs(r.V[i] - (-0.5 * P * r.x[i] ** 2 - c)));
        ea = Math.max(ea, Math.abs(r.action[i] + K * r.x[i]));
      }
      errV.push(e);
      errA.push(ea);
      expect(r.iterations).toBeLessThan(20);
    }
    // Measured max errors of V: 4.91e-2, 2.47e-2, 1.23e-2, 6.16e-3.
    for (let k = 1; k < hs.length; k++) expect(Math.abs(errV[k - 1] / errV[k] - 2)).toBeLessThan(0.05);
    expect(Math.abs(linearFit(hs.map(Math.log), errA.map(Math.log)).slope - 1)).toBeLessThan(0.2);
  });

  it('returns the grid, a policy close to -K x, and the chain interval dt_h = h^2 / (sigma^2 + h |b|)', () => {
    const r = markovChainHjb({ ...post, h: 0.05, xMin: -2, xMax: 2 });
    expect(r.x.length).toBe(81);
    expect(r.x[0]).toBe(-2);
    expect(r.x[80]).toBeCloseTo(2, 12);
    expect(r.action[40]).toBeCloseTo(0, 12); // x = 0: symmetric
    expect(r.maxDt).toBeLessThanOrEqual((0.05 * 0.05) / 0.09 + 1e-15);
  });

  it('validates the grid', () => {
    expect(() => markovChainHjb({ ...post, h: 0, xMin: -1, xMax: 1 })).toThrow(/h must be a finite number > 0/);
    expect(() => markovChainHjb({ ...post, h: 0.3, xMin: -1, xMax: 1 })).toThrow(/whole number/);
    expect(() => markovChainHjb({ ...post, h: 0.1, xMin: 1, xMax: -1 })).toThrow(/xMin < xMax/);
  });
});
