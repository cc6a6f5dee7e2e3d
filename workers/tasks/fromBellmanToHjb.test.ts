import { describe, expect, it } from 'vitest';
import { exitTimeVi, lqrStep } from './fromBellmanToHjb.ts';

const post = { h: 0.1, alpha: -0.5, beta: 1, q: 1, r: 0.1, rho: 0.1 };

describe('lqrStep (figure lqr-step)', () => {
  it('gives finite slopes at the defaults', () => {
    const r = lqrStep(post);
    expect(Number.isFinite(r.sweep.slopeP)).toBe(true);
    expect(Number.isFinite(r.sweep.slopeHold)).toBe(true);
  });

  it('with beta = 0 throws a sentence instead of returning NaN slopes', () => {
    expect(() => lqrStep({ ...post, beta: 0 })).toThrow(/β = 0 the control has no effect/);
  });
});

describe('exitTimeVi (figure exit-time-vi)', () => {
  it('at the defaults: error 0.6 after 8 sweeps, the fixed point after 20, exact at the grid points', () => {
    const r = exitTimeVi({ cells: 40, rho: 0, start: 0, sweeps: 8 });
    expect(r.errors[8]).toBeCloseTo(0.6, 12);
    expect(r.sweepsToFixed).toBe(20);
    expect(r.fixedError).toBeLessThan(1e-12);
    expect(r.iterate.length).toBe(41);
  });
});
