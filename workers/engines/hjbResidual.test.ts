import { describe, expect, it } from 'vitest';
import { scalarLqrHjbResidual } from './hjbResidual';
import { lqrDiscounted } from './lqr';

const post = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 };

describe('scalarLqrHjbResidual', () => {
  it('vanishes (to 1e-15) at the Riccati solution, for every x', () => {
    const { P, c, K } = lqrDiscounted(post);
    for (const x of [-3, -1, 0, 0.5, 2]) {
      const { residual, action } = scalarLqrHjbResidual(post, P, c, x);
      expect(Math.abs(residual)).toBeLessThan(1e-15 * (1 + x * x) * 10);
      expect(action).toBeCloseTo(-K * x, 12);
    }
  });

  it('equals the quadratic 1/2 (q + 2 alpha P - rho P - beta^2 P^2 / r) x^2 + (sigma^2 P / 2 - rho c), and a brute-force max over a', () => {
    const P = 0.3;
    const c = 0.1;
    for (const x of [-1.5, 1, 2]) {
      const R = scalarLqrHjbResidual(post, P, c, x).residual;
      const closed = 0.5 * (1 + 2 * -0.5 * P - 0.1 * P - (P * P) / 0.1) * x * x + (0.5 * 0.09 * P - 0.1 * c);
      expect(R).toBeCloseTo(closed, 14);
      let best = -Infinity;
      for (let a = -20; a <= 20; a += 1e-4) best = Math.max(best, -0.5 * (x * x + 0.1 * a * a) + (-0.5 * x + a) * (-P * x) - 0.5 * 0.09 * P);
      expect(R).toBeCloseTo(0.1 * (-0.5 * P * x * x - c) - best, 7);
    }
    // The exercise of chapter 6: P = 0.3, c = 0.1, x = 1.
    expect(scalarLqrHjbResidual(post, 0.3, 0.1, 1).residual).toBeCloseTo(-0.1115, 12);
  });

  it('validates its input', () => {
    expect(() => scalarLqrHjbResidual(post, NaN, 0, 1)).toThrow(/P must be a finite number/);
    expect(() => scalarLqrHjbResidual({ ...post, r: 0 }, 1, 0, 1)).toThrow(/r must be a finite number > 0/);
  });
});
