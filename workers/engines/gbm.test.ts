import { describe, expect, it } from 'vitest';
import { gbmDensity, gbmEmMoments, gbmLogDrift, gbmMoments, gbmQuantileAt, gbmRawMoment, gbmVarianceStandardError, gbmWeakError } from './gbm';

describe('geometric Brownian motion closed forms', () => {
  const p = { m: 0.3, v: 0.4, x0: 2, t: 1.5 };
  it('moments, median and quantiles of the log-normal law', () => {
    const g = gbmMoments(p);
    expect(g.mean).toBeCloseTo(2 * Math.exp(0.45), 14);
    expect(g.variance).toBeCloseTo(4 * Math.exp(0.9) * (Math.exp(0.24) - 1), 13);
    expect(g.median).toBeCloseTo(2 * Math.exp((0.3 - 0.08) * 1.5), 14);
    expect(gbmQuantileAt(p, 0)).toBeCloseTo(g.median, 14);
    expect(gbmLogDrift(0.1, 0.3)).toBeCloseTo(0.055, 15);
    expect(() => gbmMoments({ ...p, x0: 0 })).toThrow(/x0 .*must be a finite number > 0/);
  });

  it('the density integrates to 1 and has the mean x0 e^{mt} (trapezoid on a fine grid)', () => {
    let mass = 0;
    let first = 0;
    const h = 1e-3;
    for (let x = h; x < 60; x += h) {
      const f = gbmDensity(p, x);
      mass += f * h;
      first += x * f * h;
    }
    expect(mass).toBeCloseTo(1, 5);
    expect(first).toBeCloseTo(gbmMoments(p).mean, 4);
    expect(gbmDensity(p, -1)).toBe(0);
  });

  it('Euler–Maruyama moments converge to the exact ones at first order; the weak error is zero when m = 0', () => {
    const e1 = gbmWeakError({ ...p, steps: 100 });
    const e2 = gbmWeakError({ ...p, steps: 200 });
    expect(e1 / e2).toBeGreaterThan(1.95);
    expect(e1 / e2).toBeLessThan(2.05);
    // Leading term -x0 e^{mT} m^2 T^2 / (2N).
    expect(gbmWeakError({ ...p, steps: 10_000 }) / ((-2 * Math.exp(0.45) * 0.09 * 2.25) / 20_000)).toBeCloseTo(1, 2);
    expect(gbmWeakError({ ...p, m: 0, steps: 7 })).toBe(0);
    const em = gbmEmMoments({ ...p, steps: 100_000 });
    expect(em.variance / gbmMoments(p).variance).toBeCloseTo(1, 3);
  });
});

describe('gbmRawMoment and gbmVarianceStandardError', () => {
  it('raw moments agree with the mean and variance; the standard error of the variance is above the Gaussian one', () => {
    const p = { m: 0.1, v: 0.4, x0: 1, t: 1 };
    const g = gbmMoments(p);
    expect(gbmRawMoment(p, 1)).toBeCloseTo(g.mean, 14);
    expect(gbmRawMoment(p, 2) - g.mean ** 2).toBeCloseTo(g.variance, 14);
    const se = gbmVarianceStandardError(p, 1000);
    expect(se).toBeGreaterThan(g.variance * Math.sqrt(2 / 999));
    // As v -> 0 the law is nearly Gaussian and the two agree.
    const q = { ...p, v: 1e-3 };
    expect(gbmVarianceStandardError(q, 1000) / (gbmMoments(q).variance * Math.sqrt(2 / 1000))).toBeCloseTo(1, 2);
  });
});
