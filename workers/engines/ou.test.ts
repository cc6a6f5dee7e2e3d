import { describe, expect, it } from 'vitest';
import { ouBandCurves, ouEmMoments, ouMoments } from './ou';

describe('ouMoments', () => {
  it('gives the exact mean and variance, with the theta -> 0 limit', () => {
    const m = ouMoments({ theta: 2, mu: 0.5, sigma: 0.8, x0: 1.5, t: 1 });
    expect(m.mean).toBeCloseTo(0.5 + Math.exp(-2), 15);
    expect(m.variance).toBeCloseTo((0.64 * (1 - Math.exp(-4))) / 4, 15);
    expect(ouMoments({ theta: 0, mu: 0, sigma: 2, x0: 1, t: 3 })).toEqual({ mean: 1, variance: 12 });
    expect(ouMoments({ theta: 1e-14, mu: 0, sigma: 2, x0: 1, t: 3 }).variance).toBeCloseTo(12, 10);
    expect(() => ouMoments({ theta: 1, mu: 0, sigma: 1, x0: 0, t: -1 })).toThrow(/t must be a finite number >= 0/);
  });

  it('the EM chain moments converge to the exact ones at first order', () => {
    const p = { theta: 2, mu: 0.5, sigma: 0.8, x0: 1.5, t: 1 };
    const exact = ouMoments(p).variance;
    const e1 = Math.abs(ouEmMoments({ ...p, steps: 100 }).variance - exact);
    const e2 = Math.abs(ouEmMoments({ ...p, steps: 200 }).variance - exact);
    expect(e1 / e2).toBeGreaterThan(1.9);
    expect(e1 / e2).toBeLessThan(2.1);
  });
});

describe('ouBandCurves', () => {
  it('is the exact mean ± 2 sd on an even grid, inside a range that holds ± 3.5 sd, x0 and mu', () => {
    const p = { theta: 0.7, mu: 0.5, sigma: 0.4, x0: -2 };
    const c = ouBandCurves({ ...p, T: 3, n: 31 });
    expect(c.t[30]).toBe(3);
    for (let i = 0; i < 31; i++) {
      const m = ouMoments({ ...p, t: c.t[i] });
      const sd = Math.sqrt(m.variance);
      expect(c.mean[i]).toBeCloseTo(m.mean, 14);
      expect(c.upper[i] - c.mean[i]).toBeCloseTo(2 * sd, 14);
      expect(c.mean[i] - c.lower[i]).toBeCloseTo(2 * sd, 14);
      expect(c.domain[0]).toBeLessThanOrEqual(m.mean - 3.5 * sd + 1e-12);
      expect(c.domain[1]).toBeGreaterThanOrEqual(m.mean + 3.5 * sd - 1e-12);
    }
    expect(c.domain[0]).toBeLessThanOrEqual(-2);
    expect(c.domain[1]).toBeGreaterThanOrEqual(0.5);
  });
});
