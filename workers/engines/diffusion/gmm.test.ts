import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { vpSchedule, veSchedule } from './schedule';
import { compileMixture, gmmCdf1d, gmmScoreBatch, gmmDensity, gmmLogDensity, gmmSample, gmmScore, ringMixture } from './gmm';
import { Rng } from '../random';
import { meanVariance } from '../stats';

const vp = vpSchedule({ betaMin: 0.1, betaMax: 20 });
const ve = veSchedule({ sigmaMin: 0.01, sigmaMax: 10 });
const ring = ringMixture(8, 2, 0.15);
const mix1 = { weights: [0.3, 0.7], means: [[-1.5], [1]], stds: [0.2, 0.5] };

describe('schedules', () => {
  it('VP alpha is the closed form and sigma^2 = 1 - alpha^2', () => {
    for (const t of [0, 0.01, 0.3, 1]) {
      expect(vp.alpha(t)).toBeCloseTo(Math.exp(-0.25 * t * t * 19.9 - 0.05 * t), 14);
      expect(vp.sigma(t) ** 2 + vp.alpha(t) ** 2).toBeCloseTo(1, 14);
    }
    expect(Math.abs(vp.sigma2(0))).toBe(0);
    expect(vp.priorVariance()).toBeCloseTo(1, 14);
  });

  it('f and g^2 generate alpha and sigma^2 (d ln alpha/ds = f, d sigma^2/ds = 2 f sigma^2 + g^2)', () => {
    for (const sch of [vp, ve]) {
      for (const s of [0.1, 0.5, 0.9]) {
        const e = 1e-6;
        expect((sch.logAlpha(s + e) - sch.logAlpha(s - e)) / (2 * e)).toBeCloseTo(sch.f(s), 6);
        const ds2 = (sch.sigma2(s + e) - sch.sigma2(s - e)) / (2 * e);
        expect(ds2 / (2 * sch.f(s) * sch.sigma2(s) + sch.beta(s))).toBeCloseTo(1, 6);
      }
    }
  });

  it('rejects bad parameters with the allowed range', () => {
    expect(() => vpSchedule({ betaMin: 5, betaMax: 1 })).toThrow(/betaMax must be >= betaMin/);
    expect(() => vpSchedule({ betaMin: -1 })).toThrow(/betaMin must be in \(0, 1000\]/);
    expect(() => veSchedule({ sigmaMin: 2, sigmaMax: 1 })).toThrow(/sigmaMax must be > sigmaMin/);
  });
});

describe('Gaussian mixtures', () => {
  it('exact score equals a finite-difference gradient of ln p_s at random points and times', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (x, y, t, useVe) => {
          const sch = useVe ? ve : vp;
          const p = [x, y];
          const g = gmmScore(ring, p, t, sch);
          const e = 1e-5;
          for (let j = 0; j < 2; j++) {
            const pp = [...p];
            const pm = [...p];
            pp[j] += e;
            pm[j] -= e;
            const fd = (gmmLogDensity(ring, pp, t, sch) - gmmLogDensity(ring, pm, t, sch)) / (2 * e);
            // central difference error ~ e^2 |d3 ln p| plus rounding ~ 1e-16 |ln p| / e; scores reach ~100
            expect(Math.abs(fd - g[j])).toBeLessThan(1e-5 * (1 + Math.abs(g[j])));
          }
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });

  it('1-D density integrates to 1 and matches the CDF; score in 1-D matches finite differences', () => {
    for (const s of [0, 0.2, 1]) {
      let mass = 0;
      const h = 0.001;
      for (let x = -12; x < 12; x += h) mass += gmmDensity(mix1, [x + h / 2], s, vp) * h;
      expect(mass).toBeCloseTo(1, 8);
      expect(gmmCdf1d(mix1, 0.3, s, vp)).toBeGreaterThan(0);
      const e = 1e-5;
      const fd = (gmmLogDensity(mix1, [0.3 + e], s, vp) - gmmLogDensity(mix1, [0.3 - e], s, vp)) / (2 * e);
      expect(gmmScore(mix1, [0.3], s, vp)[0]).toBeCloseTo(fd, 6);
    }
  });

  it('is numerically stable far from every mode', () => {
    const lp = gmmLogDensity(ring, [1e3, -1e3], 0, vp);
    expect(Number.isFinite(lp)).toBe(true);
    const sc = gmmScore(ring, [1e3, -1e3], 0, vp);
    expect(Number.isFinite(sc[0]) && Number.isFinite(sc[1])).toBe(true);
    // Far out the nearest mode dominates: score ~ (m_k - x)/s^2
    expect(sc[0]).toBeCloseTo((Math.SQRT2 - 1e3) / 0.0225, 0);
  });

  it('the fast 2-D batch score equals a plain log-sum-exp with Math.exp, near and far from the modes, any n (groups of four and the rest)', () => {
    // Unequal weights and stds, so the one-pass shift max_k c_k differs from each point's own maximum.
    const mix = {
      weights: [0.1, 0.5, 0.4],
      means: [
        [-2, 0],
        [1, 1],
        [3, -2],
      ],
      stds: [0.05, 0.3, 1.2],
    };
    const cm = compileMixture(mix);
    const reference = (x: number, y: number, s: number): number[] => {
      const a = vp.alpha(s);
      const e = [0, 1, 2].map((k) => {
        const v = a * a * cm.s2[k] + vp.sigma2(s);
        return cm.logW[k] - Math.log(2 * Math.PI * v) - ((x - a * cm.mu[2 * k]) ** 2 + (y - a * cm.mu[2 * k + 1]) ** 2) / (2 * v);
      });
      const max = Math.max(...e);
      let sum = 0;
      const g = [0, 0];
      for (let k = 0; k < 3; k++) {
        const w = Math.exp(e[k] - max);
        const v = a * a * cm.s2[k] + vp.sigma2(s);
        sum += w;
        g[0] += (w * (a * cm.mu[2 * k] - x)) / v;
        g[1] += (w * (a * cm.mu[2 * k + 1] - y)) / v;
      }
      return [g[0] / sum, g[1] / sum];
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 1, maxLength: 11 }),
        fc.constantFrom(0.5, 8, 300, 3e4),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pts, scale, s) => {
          const xs = Float64Array.from(pts.flatMap(([x, y]) => [x * scale, y * scale]));
          const out = new Float64Array(xs.length);
          gmmScoreBatch(cm, xs, pts.length, s, vp, out);
          for (let i = 0; i < pts.length; i++) {
            const ref = reference(xs[2 * i], xs[2 * i + 1], s);
            for (let j = 0; j < 2; j++) expect(Math.abs(out[2 * i + j] - ref[j])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(ref[j])));
          }
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('samples have the exact noised moments (within 4 standard errors)', () => {
    const n = 40_000;
    const xs = gmmSample(mix1, n, new Rng(7), 0.3, vp);
    const { mean, variance } = meanVariance(xs);
    const a = vp.alpha(0.3);
    const m = a * (0.3 * -1.5 + 0.7 * 1);
    const ex2 = 0.3 * (a * a * 0.04 + vp.sigma2(0.3) + (a * 1.5) ** 2) + 0.7 * (a * a * 0.25 + vp.sigma2(0.3) + a * a);
    expect(Math.abs(mean - m)).toBeLessThan(4 * Math.sqrt(variance / n));
    expect(variance / (ex2 - m * m)).toBeCloseTo(1, 1);
  });

  it('rejects malformed mixtures', () => {
    expect(() => compileMixture({ weights: [1, 1], means: [[0]], stds: [1, 1] })).toThrow(/same length/);
    expect(() => compileMixture({ weights: [1], means: [[0]], stds: [0] })).toThrow(/stds must be in \(0, 1e6\]/);
    expect(() => gmmScore(ring, [0], 0.5, vp)).toThrow(/must have 2 coordinates/);
    expect(() => gmmScore(ring, [0, 0], 1.5, vp)).toThrow(/time must be in \[0, 1\]/);
  });
});
