import { describe, expect, it } from 'vitest';
import { actionGapPerH, firstOrderP, postLqr, riccatiP, sweepsSixDigits } from './answers.ts';
import { lqrStep as lqrStepView } from '../../workers/tasks/fromBellmanToHjb.ts';
import { lqrDiscounted, lqrDiscrete } from '../../workers/engines/lqr.ts';
import { exitTimeVi } from '../../workers/engines/exitTimeVi.ts';

describe('chapter 2 exercise answers', () => {
  it('P = (-1.1 + sqrt(41.21)) / 20 = 0.26598 (1e-12)', () => {
    expect(Math.abs(riccatiP - (-1.1 + Math.sqrt(41.21)) / 20)).toBeLessThan(1e-12);
  });

  it('c_1 = 0.44005, the slope of P_h - P at h -> 0 (difference quotient at h = 1e-5 within 1e-5)', () => {
    expect(firstOrderP).toBeCloseTo(0.44005, 5);
    const h = 1e-5;
    expect(Math.abs((lqrDiscrete({ ...postLqr, h }).P - riccatiP) / h - firstOrderP)).toBeLessThan(1e-5);
  });
});

describe('what the figure shows', () => {
  it('at the defaults: P_h, K_h at h = 0.1 from lqrDiscrete; |P_h - P| at h = 0.001 is 4.40e-4; P is off by 1.67% at h = 0.01', () => {
    const v = lqrStepView({ h: 0.1, alpha: -0.5, beta: 1, q: 1, r: 0.1, rho: 0.1 });
    expect(v.atH!.P).toBe(lqrDiscrete({ ...postLqr, h: 0.1 }).P);
    expect(v.atH!.P).toBeCloseTo(0.31406, 5);
    expect(v.atH!.K).toBeCloseTo(2.25327, 5);
    expect(v.sweep.P).toBe(riccatiP);
    const small = lqrStepView({ h: 0.001, alpha: -0.5, beta: 1, q: 1, r: 0.1, rho: 0.1 });
    expect(Math.abs(small.atH!.P - small.sweep.P)).toBeCloseTo(4.4e-4, 6);
    const rel = (lqrDiscrete({ ...postLqr, h: 0.01 }).P - riccatiP) / riccatiP;
    expect(rel).toBeCloseTo(0.0167, 4);
    // The fitted slopes printed in the text (61-point sweep): 1.015, 0.992 and 2.00.
    expect(v.sweep.slopeP).toBeCloseTo(1.015, 3);
    expect(v.sweep.slopeK).toBeCloseTo(0.992, 3);
    expect(v.sweep.slopeHold).toBeCloseTo(2.0, 2);
  });

  it('with no control and alpha >= rho / 2 there is no finite value: the view throws the engine sentence', () => {
    expect(() => lqrStepView({ h: 0.1, alpha: 0.05, beta: 0, q: 1, r: 0.1, rho: 0.1 })).toThrow(/not stabilisable/);
    // beta = 0 but stable: the control has no effect, no error to fit a slope to, and the view says so.
    expect(() => lqrStepView({ h: 0.1, alpha: -0.5, beta: 0, q: 1, r: 0.1, rho: 0.1 })).toThrow(/β = 0 the control has no effect/);
  });
});

describe('numbers in the prose of chapter 2', () => {
  it('value iteration at rho = 0.1, h = 0.01 needs about 13,800 sweeps for six digits (ln(1e6) / (rho h) = 13,816)', () => {
    expect(sweepsSixDigits).toBeCloseTo(13815.51, 2);
    expect(Math.round(sweepsSixDigits / 100) * 100).toBe(13800);
  });

  it('the regulator action gap at x = 1, a = 0: r K^2 / 2 = 0.3537 per unit h; 0.0035 at h = 0.01; V(1) = -0.133', () => {
    expect(actionGapPerH).toBeCloseTo(0.354, 3);
    expect(actionGapPerH * 0.01).toBeCloseTo(0.0035, 4);
    expect(-0.5 * riccatiP).toBeCloseTo(-0.133, 3);
    expect(lqrDiscounted(postLqr).K).toBeCloseTo(2.6598, 4);
    // Q_h of the exact sample-and-hold problem: holding a for h then acting optimally, against V - r h (a + K x)^2 / 2.
    const h = 1e-4;
    const { P, K } = lqrDiscounted(postLqr);
    const { alpha, beta, q, r, rho } = postLqr;
    // Hold a = 0 from x = 1 for time h: x(t) = e^{alpha t}; reward -q x^2 / 2; then V(x(h)) discounted.
    const n = 2000;
    let integral = 0;
    for (let i = 0; i < n; i++) {
      const t = ((i + 0.5) * h) / n;
      integral += Math.exp(-rho * t) * -0.5 * q * Math.exp(2 * alpha * t) * (h / n);
    }
    const qh = integral + Math.exp(-rho * h) * -0.5 * P * Math.exp(2 * alpha * h);
    expect(Math.abs((qh - -0.5 * P) / h - -0.5 * r * K ** 2)).toBeLessThan(1e-3);
    expect(beta).toBe(1);
  });

  it('the discrete Riccati quadratic: P_h is its positive root, the other root is negative (h = 0.1, 0.01)', () => {
    for (const h of [0.1, 0.01]) {
      const { alpha, beta, q, r, rho } = postLqr;
      const g = Math.exp(-rho * h);
      const A = 1 + alpha * h;
      const B = beta * h;
      const a2 = g * B * B;
      const a1 = h * (r * (1 - g * A * A) - g * q * B * B);
      const a0 = -q * r * h * h;
      const disc = Math.sqrt(a1 * a1 - 4 * a2 * a0);
      const plus = (-a1 + disc) / (2 * a2);
      const minus = (-a1 - disc) / (2 * a2);
      expect(minus).toBeLessThan(0);
      expect(Math.abs(plus - lqrDiscrete({ ...postLqr, h }).P)).toBeLessThan(1e-10);
      expect(plus).toBeGreaterThanOrEqual(q * h);
    }
  });

  it('the exit-time figure at its defaults and at rho = 1: 0.6 after 8 sweeps, 20 sweeps to the fixed point, 0.0159 and half at N = 80', () => {
    const d = exitTimeVi({ cells: 40, rho: 0, start: 0, sweeps: 8 });
    expect(d.errors[8]).toBeCloseTo(0.6, 12);
    expect(d.sweepsToFixed).toBe(20);
    expect(d.fixedError).toBeLessThan(1e-12);
    const saw = exitTimeVi({ cells: 40, rho: 0, start: 1, sweeps: 0 });
    expect(saw.sweepsToFixed).toBe(20);
    const r40 = exitTimeVi({ cells: 40, rho: 1, start: 0, sweeps: 0 });
    const r80 = exitTimeVi({ cells: 80, rho: 1, start: 0, sweeps: 0 });
    expect(r40.fixedError).toBeCloseTo(0.0159, 4);
    expect(r40.fixedError / r80.fixedError).toBeCloseTo(2, 1);
    // The closed form and its first-order approximation (1 - e^-rho) h / 2.
    expect(Math.abs(r40.fixedError - (1 - Math.exp(-1)) * (0.05 / (1 - Math.exp(-0.05)) - 1))).toBeLessThan(1e-12);
    expect(Math.abs(r40.fixedError - 0.5 * (1 - Math.exp(-1)) * 0.05)).toBeLessThan(2e-4);
  });
});

describe('rounded values in the worked solutions and the notes of chapter 2', () => {
  it('P = 0.2660, K = 2.660, sqrt(41.21) = 6.420, c_1 = 0.440 and its pieces; c_1 / P = 1.65, beta K - alpha = 3.2', () => {
    const { P, K } = lqrDiscounted(postLqr);
    expect(P).toBeCloseTo(0.266, 4);
    expect(K).toBeCloseTo(2.66, 3);
    expect(Math.sqrt(41.21)).toBeCloseTo(6.42, 3);
    expect(10 * P * P).toBeCloseTo(0.7074, 4);
    expect(0.2 + 1 + 10 * P).toBeCloseTo(3.86, 3);
    expect(0.1 + 1 + 20 * P).toBeCloseTo(6.42, 3);
    expect(0.355 * P).toBeCloseTo(0.09443, 4);
    expect(10 * P * P * (1.2 + 10 * P)).toBeCloseTo(2.7305, 4);
    // The solution multiplies the rounded pieces: 0.7074 x 3.860 = 2.731, and the quotient is 0.440.
    expect(0.7074 * 3.86).toBeCloseTo(2.731, 3);
    expect((0.355 * 0.266 + 0.7074 * 3.86) / 6.42).toBeCloseTo(0.44, 3);
    expect(firstOrderP).toBeCloseTo(0.44, 3);
    expect(firstOrderP / P).toBeCloseTo(1.65, 2);
    expect(K + 0.5).toBeCloseTo(3.2, 1);
  });
});
