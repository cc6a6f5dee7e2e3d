import { describe, expect, it } from 'vitest';
import { lqrStepExpansion, lqrStepSweep } from './hjbLimit';
import { lqrDiscounted, lqrDiscrete } from './lqr';

const post = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0, rho: 0.1 };
const cases = [
  post,
  { alpha: 0.4, beta: 0.7, q: 2, r: 0.5, sigma: 0, rho: 0.3 },
  { alpha: -1.5, beta: 2, q: 0.5, r: 1, sigma: 0, rho: 1 },
  { alpha: 0, beta: 1, q: 1, r: 1, sigma: 0, rho: 0.05 },
];

describe('lqrStepExpansion', () => {
  it('gives the first-order coefficients of P_h - P and K_h - K (Richardson-extrapolated difference quotients, 1e-6 relative)', () => {
    for (const p of cases) {
      const e = lqrStepExpansion(p);
      const quot = (h: number) => {
        const d = lqrDiscrete({ ...p, h });
        return { P: (d.P - e.P) / h, K: (d.K - e.K) / h };
      };
      const h = 1e-4;
      const a = quot(h);
      const b = quot(h / 2);
      // D(h) = c1 + c2 h + O(h^2), so 2 D(h/2) - D(h) = c1 + O(h^2).
      const dP = 2 * b.P - a.P;
      const dK = 2 * b.K - a.K;
      expect(Math.abs(dP - e.dP), `dP for ${JSON.stringify(p)}: ${dP} vs ${e.dP}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(e.dP)));
      expect(Math.abs(dK - e.dK), `dK for ${JSON.stringify(p)}: ${dK} vs ${e.dK}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(e.dK)));
    }
  });

  it("is 0.44005 for P and -4.2696 for K at the post's parameters", () => {
    const e = lqrStepExpansion(post);
    expect(e.dP).toBeCloseTo(0.44005, 5);
    expect(e.dK).toBeCloseTo(-4.2696, 4);
  });
});

describe('lqrStepSweep', () => {
  it('holds lqrDiscrete and lqrDiscounted values exactly, on a log grid from hMin to hMax', () => {
    const s = lqrStepSweep(post);
    const cont = lqrDiscounted(post);
    expect(s.P).toBe(cont.P);
    expect(s.K).toBe(cont.K);
    expect(s.h[0]).toBeCloseTo(1e-3, 15);
    expect(s.h[s.h.length - 1]).toBeCloseTo(1, 12);
    for (const i of [0, 10, 30, 48]) {
      const d = lqrDiscrete({ ...post, h: s.h[i] });
      expect(s.Ph[i]).toBe(d.P);
      expect(s.Kh[i]).toBe(d.K);
      expect(s.errP[i]).toBe(Math.abs(d.P - cont.P));
    }
  });

  it("measures first order at the post's parameters: fitted slopes over 1e-3 <= h <= 0.1 are 1.015 (P) and 0.992 (K) to 0.002", () => {
    const s = lqrStepSweep(post);
    expect(Math.abs(s.slopeP - 1.015)).toBeLessThan(0.002);
    expect(Math.abs(s.slopeK - 0.992)).toBeLessThan(0.002);
    // Slopes tend to exactly 1 as the fitting range shrinks.
    const fine = lqrStepSweep(post, { hMin: 1e-5, hMax: 1e-3, fitMax: 1e-3, count: 9 });
    expect(Math.abs(fine.slopeP - 1)).toBeLessThan(2e-3);
    expect(Math.abs(fine.slopeK - 1)).toBeLessThan(2e-3);
  });

  it('marks step sizes without a discrete solution as NaN and rejects a continuous problem without one', () => {
    // beta = 0, alpha = -2.5: the continuous state decays; the Euler chain x <- (1 + alpha h) x needs
    // e^{-rho h}(1 + alpha h)^2 < 1, which fails once alpha h < -2 (overshoot), e.g. at h = 1.
    const s = lqrStepSweep({ ...post, beta: 0, alpha: -2.5 });
    expect(Number.isNaN(s.Ph[s.Ph.length - 1])).toBe(true);
    expect(Number.isFinite(s.Ph[0])).toBe(true);
    expect(() => lqrStepSweep({ ...post, beta: 0, alpha: 0.2 })).toThrow(/not stabilisable/);
    expect(() => lqrStepSweep(post, { hMin: 0 })).toThrow(/hMin/);
  });
});
