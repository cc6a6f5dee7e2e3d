import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../random';
import { normalCdf } from '../stats';
import { gmmCdf1d, gmmSample } from './gmm';
import { ks2Sample, medianBandwidth, mmd2, slicedWasserstein, wasserstein1d, wasserstein1dToCdf } from './metrics';

const ecdf = (a: number[], t: number) => a.filter((v) => v <= t).length / a.length;

describe('1-D distances are exact', () => {
  it('W1 between small samples (equal and unequal sizes)', () => {
    expect(wasserstein1d([0, 1], [2, 0.5])).toBeCloseTo(0.75, 15);
    expect(wasserstein1d([0], [1, 3])).toBeCloseTo(2, 15);
    expect(wasserstein1d([3, 1, 2], [3, 1, 2])).toBe(0);
  });

  it('W1 and KS agree with brute force on random samples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 9 }),
        (a, b) => {
          const pts = [...a, ...b].sort((p, q) => p - q);
          let ks = 0;
          let w = 0;
          for (let i = 0; i < pts.length; i++) {
            const diff = Math.abs(ecdf(a, pts[i]) - ecdf(b, pts[i]));
            ks = Math.max(ks, diff);
            if (i + 1 < pts.length) w += diff * (pts[i + 1] - pts[i]);
          }
          expect(ks2Sample(a, b)).toBeCloseTo(ks, 12);
          expect(wasserstein1d(a, b)).toBeCloseTo(w, 10);
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });

  it('W1 to a CDF: a shift of N(0, 1) by 0.5 is at distance 0.5; a 1-D mixture sample is close to its own CDF', () => {
    const rng = new Rng(11);
    const x = gmmSample({ weights: [1], means: [[0]], stds: [1] }, 20_000, rng);
    expect(wasserstein1dToCdf(x, (t) => normalCdf(t - 0.5))).toBeCloseTo(0.5, 1);
    const mix = { weights: [0.3, 0.7], means: [[-2], [1]], stds: [0.3, 0.6] };
    const y = gmmSample(mix, 20_000, rng);
    // W1 of an n-sample to its own law ~ c / sqrt(n), c ~ 1 for unit scale: 0.007 at n = 20,000
    expect(wasserstein1dToCdf(y, (t) => gmmCdf1d(mix, t))).toBeLessThan(0.03);
  });
});

describe('MMD and sliced Wasserstein', () => {
  it('MMD^2 is ~0 for the same law and grows with a shift; sliced W1 sees a shift of 1 in 2-D', () => {
    const g = { weights: [1], means: [[0, 0]], stds: [1] };
    const a = gmmSample(g, 600, new Rng(1));
    const b = gmmSample(g, 600, new Rng(2));
    const c = gmmSample({ ...g, means: [[1, 0]] }, 600, new Rng(3));
    const h = medianBandwidth(a, 2);
    expect(h).toBeGreaterThan(1.4); // median distance of two N(0, I_2) points: 2 sqrt(ln 2) ~ 1.67
    expect(h).toBeLessThan(1.9);
    expect(Math.abs(mmd2(a, b, 2, h))).toBeLessThan(0.01);
    expect(mmd2(a, c, 2, h)).toBeGreaterThan(0.1);
    // Sliced W1 of a shift v: E_theta |<v, theta>| = 2|v|/pi for uniform directions in 2-D (~0.64)
    expect(slicedWasserstein(a, c, 2, 200)).toBeCloseTo(2 / Math.PI, 1);
  });

  it('validates input shapes', () => {
    expect(() => mmd2([1, 2, 3], [1, 2], 2, 1)).toThrow(/x must hold at least 2 rows of 2 numbers/);
    expect(() => mmd2([1, 2, 3, 4], [1, 2, 3, 4], 2, 0)).toThrow(/bandwidth must be a finite number > 0/);
  });
});
