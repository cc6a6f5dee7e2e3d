import { describe, expect, it } from 'vitest';
import { exitTimeDiscreteValue, exitTimeValue, exitTimeVi, sawtooth } from './exitTimeVi';

describe('exitTimeVi: value iteration on the exit-time problem against closed forms', () => {
  it('rho = 0 from V = 0: V_k = -h min(k, d_i), sup error max(0, 1 - k h), fixed point after N/2 sweeps and exact at the grid points', () => {
    for (const N of [4, 10, 40, 200]) {
      const h = 2 / N;
      for (const k of [0, 1, 3, N / 4, N / 2 - 1, N / 2, N]) {
        const r = exitTimeVi({ cells: N, rho: 0, start: 0, sweeps: Math.round(k) });
        for (let i = 0; i <= N; i++) expect(Math.abs(r.iterate[i] + h * Math.min(Math.round(k), i, N - i))).toBeLessThan(1e-12);
        expect(Math.abs(r.errors[Math.round(k)] - Math.max(0, 1 - Math.round(k) * h))).toBeLessThan(1e-12);
      }
      const r = exitTimeVi({ cells: N, rho: 0, start: 0, sweeps: 0 });
      expect(r.sweepsToFixed).toBe(N / 2);
      expect(r.fixedError).toBeLessThan(1e-12);
    }
  });

  it('rho > 0 from V = 0: V_k = -h (1 - g^min(k, d)) / (1 - g); the fixed point errs by (1 - e^-rho)/rho (rho h / (1 - e^-rho h) - 1) at x = 0', () => {
    for (const rho of [0.1, 1, 2]) {
      const N = 40;
      const h = 2 / N;
      const g = Math.exp(-rho * h);
      const r = exitTimeVi({ cells: N, rho, start: 0, sweeps: 7 });
      for (let i = 0; i <= N; i++) expect(Math.abs(r.iterate[i] + (h * (1 - g ** Math.min(7, i, N - i))) / (1 - g))).toBeLessThan(1e-12);
      expect(r.sweepsToFixed).toBe(N / 2);
      const v0 = (1 - Math.exp(-rho)) / rho;
      expect(Math.abs(r.fixedError - v0 * ((rho * h) / (1 - Math.exp(-rho * h)) - 1))).toBeLessThan(1e-12);
      // First order in h: halving h roughly halves the error that remains.
      const r2 = exitTimeVi({ cells: 2 * N, rho, start: 0, sweeps: 0 });
      expect(r.fixedError / r2.fixedError).toBeCloseTo(2, 1);
    }
  });

  it("the closed forms agree: V_h at d steps tends to V, and the sawtooth solves |W'| = 1 with zero ends but has a peak at 0", () => {
    expect(exitTimeDiscreteValue(20, 0.05, 0)).toBeCloseTo(exitTimeValue(0, 0), 12);
    expect(Math.abs(exitTimeDiscreteValue(2000, 0.0005, 1) - exitTimeValue(0, 1))).toBeLessThan(1e-3);
    expect(sawtooth(1)).toBe(0);
    expect(sawtooth(-1)).toBe(0);
    expect(sawtooth(0)).toBe(0);
    expect(sawtooth(0.5)).toBe(-0.5);
    expect(sawtooth(0.01)).toBeLessThan(sawtooth(0));
  });

  it('from the sawtooth, value iteration removes the wrong corners and reaches the same fixed point (rho = 0: N/2 sweeps)', () => {
    for (const N of [10, 40, 200]) {
      const r = exitTimeVi({ cells: N, rho: 0, start: 1, sweeps: 0 });
      expect(r.sweepsToFixed).toBe(N / 2);
      expect(r.errors[0]).toBeCloseTo(1, 12);
      // The iterates decrease: the sawtooth lies above V, and the Bellman operator is monotone.
      for (let k = 1; k < r.errors.length; k++) expect(r.errors[k]).toBeLessThanOrEqual(r.errors[k - 1] + 1e-15);
    }
    const r = exitTimeVi({ cells: 40, rho: 0.5, start: 1, sweeps: 0 });
    expect(r.sweepsToFixed).toBeGreaterThan(0);
  });

  it('rejects an odd grid and a negative discount', () => {
    expect(() => exitTimeVi({ cells: 5, rho: 0, start: 0, sweeps: 0 })).toThrow(/even/);
    expect(() => exitTimeVi({ cells: 4, rho: -1, start: 0, sweeps: 0 })).toThrow();
  });
});
