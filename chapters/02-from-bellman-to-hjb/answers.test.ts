import { describe, expect, it } from 'vitest';
import { firstOrderP, postLqr, riccatiP } from './answers.ts';
import { lqrStep as lqrStepView } from '../../workers/tasks/fromBellmanToHjb.ts';
import { lqrDiscrete } from '../../workers/engines/lqr.ts';

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
