import { describe, expect, it } from 'vitest';
import { lqrSampledHold, lqrStepExpansion, lqrStepSweep } from './hjbLimit';
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

describe('lqrSampledHold (exact zero-order hold)', () => {
  it('is the fixed point of its Riccati map, with M checked against a fine midpoint rule (1e-9)', () => {
    for (const p of cases) {
      const h = 0.3;
      const { P, K } = lqrSampledHold({ ...p, h });
      const { alpha: a, beta: b, q, r, rho } = p;
      const phi = (s: number) => (a === 0 ? s : (Math.exp(a * s) - 1) / a);
      let M11 = 0,
        M12 = 0,
        M22 = 0;
      const N = 20_000;
      for (let i = 0; i < N; i++) {
        const s = ((i + 0.5) * h) / N;
        const w = (Math.exp(-rho * s) * h) / N;
        M11 += w * q * Math.exp(2 * a * s);
        M12 += w * q * Math.exp(a * s) * b * phi(s);
        M22 += w * (q * (b * phi(s)) ** 2 + r);
      }
      const g = Math.exp(-rho * h);
      const A = Math.exp(a * h);
      const B = b * phi(h);
      const map = M11 + g * A * A * P - (M12 + g * A * B * P) ** 2 / (M22 + g * B * B * P);
      expect(Math.abs(map - P), JSON.stringify(p)).toBeLessThan(1e-9 * Math.max(1, P));
      expect(Math.abs(K - (M12 + g * A * B * P) / (M22 + g * B * B * P))).toBeLessThan(1e-9 * Math.max(1, K));
    }
  });

  it("converges at second order: P_h - P = 0.0917 h^2 at the post's parameters; the sweep's fitted slope is 2.00 (0.02)", () => {
    const P = lqrDiscounted(post).P;
    for (const h of [0.05, 0.025]) expect((lqrSampledHold({ ...post, h }).P - P) / h ** 2).toBeCloseTo(0.0917, 3);
    const s = lqrStepSweep(post);
    expect(Math.abs(s.slopeHold - 2)).toBeLessThan(0.02);
    expect(s.PhHold[10]).toBe(lqrSampledHold({ ...post, h: s.h[10] }).P);
  });
});

describe('the Euler scheme is what lqrDiscrete says it is', () => {
  it('summing -1/2 (q x^2 + r a^2) h e^{-rho n h} along x <- (1 + alpha h) x + beta h a with a = -K_h x gives -1/2 P_h (1e-12)', () => {
    for (const h of [0.3, 0.05]) {
      const d = lqrDiscrete({ ...post, h });
      let x = 1;
      let total = 0;
      for (let n = 0; n < 200_000 && Math.abs(x) > 1e-300; n++) {
        const a = -d.K * x;
        total += -0.5 * (post.q * x * x + post.r * a * a) * h * Math.exp(-post.rho * n * h);
        x = (1 + post.alpha * h) * x + post.beta * h * a;
      }
      expect(Math.abs(total - -0.5 * d.P)).toBeLessThan(1e-12);
      // And K_h is optimal: a nearby gain does worse.
      for (const dk of [-0.05, 0.05]) {
        let y = 1;
        let other = 0;
        for (let n = 0; n < 200_000 && Math.abs(y) > 1e-300; n++) {
          const a = -(d.K + dk) * y;
          other += -0.5 * (post.q * y * y + post.r * a * a) * h * Math.exp(-post.rho * n * h);
          y = (1 + post.alpha * h) * y + post.beta * h * a;
        }
        expect(other).toBeLessThan(total);
      }
    }
  });
});
