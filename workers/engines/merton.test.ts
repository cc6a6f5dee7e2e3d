import { describe, expect, it } from 'vitest';
import { mertonClosedForm, mertonPolicyValue } from './merton';

const post = { mu: 0.08, rf: 0.03, sigma: 0.2, gamma: 2, rho: 0.05 };

/** HJB residual rho V - max_{pi,k} {U(kx) + [rf + pi(mu - rf) - k] x V' + 1/2 pi^2 sigma^2 x^2 V''} by brute force. */
function hjbResidual(p: typeof post, V: (x: number) => number, x: number): number {
  const h = 1e-3 * x;
  const V1 = (V(x + h) - V(x - h)) / (2 * h);
  const V2 = (V(x + h) - 2 * V(x) + V(x - h)) / (h * h);
  const U = (c: number) => (p.gamma === 1 ? Math.log(c) : c ** (1 - p.gamma) / (1 - p.gamma));
  // The maximisation separates: closed-form maximisers given V', V'' (V'' < 0).
  const pi = (-(p.mu - p.rf) * V1) / (p.sigma * p.sigma * x * V2);
  const c = p.gamma === 1 ? 1 / V1 : V1 ** (-1 / p.gamma);
  const k = c / x;
  const H = U(k * x) + (p.rf + pi * (p.mu - p.rf) - k) * x * V1 + 0.5 * pi * pi * p.sigma * p.sigma * x * x * V2;
  return p.rho * V(x) - H;
}

describe('mertonClosedForm', () => {
  it("gives the post's pi = 0.625 and the consistent k, A", () => {
    const s = mertonClosedForm(post);
    expect(s.pi).toBeCloseTo(0.625, 14);
    const M = 0.03 + 0.05 ** 2 / (2 * 2 * 0.04); // 0.0465625
    expect(s.M).toBeCloseTo(M, 15);
    expect(s.k).toBeCloseTo((0.05 + M) / 2, 15); // (rho - (1 - gamma) M)/gamma = 0.04828125
    expect(s.A).toBeCloseTo((2 / (0.05 + M)) ** 2, 10);
    expect(s.value(1)).toBeCloseTo(-s.A, 12);
  });

  it('solves the HJB (finite-difference residual below 1e-5 relative) for gamma = 2, 0.5 and 1 (log)', () => {
    for (const gamma of [2, 0.5, 1, 5]) {
      const p = { ...post, gamma };
      const s = mertonClosedForm(p);
      for (const x of [0.5, 1, 3]) {
        const V = s.value(x);
        expect(Math.abs(hjbResidual(p, s.value, x)), `gamma ${gamma}, x ${x}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(p.rho * V)));
      }
      // The closed form equals the exact value of its own constant policy.
      const Vpi = mertonPolicyValue(p, { pi: s.pi, k: s.k });
      expect(Vpi(2)).toBeCloseTo(s.value(2), 9);
    }
  });

  it('log utility: V = log(x)/rho + (log rho + M/rho - 1)/rho, k = rho, pi = (mu - rf)/sigma^2', () => {
    const s = mertonClosedForm({ ...post, gamma: 1 });
    expect(s.k).toBe(0.05);
    expect(s.pi).toBeCloseTo(1.25, 14);
    const M = 0.03 + 0.05 ** 2 / (2 * 0.04);
    expect(s.value(Math.E)).toBeCloseTo(1 / 0.05 + (Math.log(0.05) + M / 0.05 - 1) / 0.05, 10);
  });

  it('any other constant policy is worse than the optimum', () => {
    const s = mertonClosedForm(post);
    for (const [dpi, dk] of [
      [0.1, 0],
      [-0.1, 0],
      [0, 0.01],
      [0, -0.01],
    ]) {
      expect(mertonPolicyValue(post, { pi: s.pi + dpi, k: s.k + dk })(1)).toBeLessThan(s.value(1));
    }
  });

  it('throws an explanatory error when ill-posed (rho - (1 - gamma) M <= 0) or invalid', () => {
    // gamma = 0.5: (1 - gamma) M = 0.5 * (0.03 + 0.0025/0.04) = 0.04625 > rho = 0.04.
    expect(() => mertonClosedForm({ ...post, gamma: 0.5, rho: 0.04 })).toThrow(/ill-posed Merton problem.*infinite.*Raise rho above/);
    expect(() => mertonClosedForm({ ...post, sigma: 0 })).toThrow(/sigma must be > 0/);
    expect(() => mertonClosedForm({ ...post, gamma: 0 })).toThrow(/gamma .* must be a finite number > 0/);
    expect(() => mertonClosedForm({ ...post, rho: 0 })).toThrow(/rho .* must be a finite number > 0/);
  });
});
