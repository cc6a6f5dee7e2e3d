/** The numbers chapter 6 states in its prose and exercises, from the engines. */
import { describe, expect, it } from 'vitest';
import { riccatiDF, riccatiF, FLOOR } from './kleinman.ts';
import { kleinmanRun } from '../../workers/engines/examples.ts';
import { POST_OPTIMUM as optimum } from '../../workers/engines/examples.ts';
import { scalarLqrHjbResidual } from '../../workers/engines/hjbResidual.ts';
import { markovChainHjb } from '../../workers/engines/markovChain.ts';
import { supError } from '../../workers/engines/markovChain.ts';
import { POST_LQR as post } from '../../workers/engines/examples.ts';

describe('chapter 6 prose numbers', () => {
  it('Kleinman from K0 = 0: gains 9.0909, 4.8048, 3.0894, 2.6851, 2.65985, 2.6597508; errors down to machine precision at n = 7', () => {
    const run = kleinmanRun('scalar', 0, 8);
    const K = run.gains.map((g) => g[0]);
    expect(K[1]).toBeCloseTo(9.0909091, 6);
    expect(K[2]).toBeCloseTo(4.8047662, 6);
    expect(K[3]).toBeCloseTo(3.0893765, 6);
    expect(K[4]).toBeCloseTo(2.6851093, 6);
    expect(K[5]).toBeCloseTo(2.6598502, 6);
    expect(K[6]).toBeCloseTo(2.6597508, 7);
    expect(run.errors[6]).toBeLessThan(2e-9);
    expect(run.errors[7]).toBeLessThan(1e-15);
  });

  it("each Kleinman P is a Newton step on F, with error constant (beta^2/r)/|F'(P_n)| (1.56 at P*)", () => {
    const run = kleinmanRun('scalar', 0, 6);
    const P = run.P.map((m) => m[0][0]);
    for (let n = 0; n + 1 < P.length; n++) {
      expect(P[n + 1]).toBeCloseTo(P[n] - riccatiF(P[n]) / riccatiDF(P[n]), 12);
      const e0 = P[n] - optimum.P;
      const e1 = P[n + 1] - optimum.P;
      if (e1 > 1e-12) expect(e1 / ((10 / Math.abs(riccatiDF(P[n]))) * e0 * e0)).toBeCloseTo(1, 6);
      expect(P[n]).toBeGreaterThanOrEqual(optimum.P - 1e-15);
    }
    expect(10 / Math.abs(riccatiDF(optimum.P))).toBeCloseTo(1.558, 3);
    expect(Math.abs(riccatiF(optimum.P))).toBeLessThan(1e-14);
  });

  it('double integrator: from (0, 0) K_1 is off by 2e4 and the error halves until the quadratic phase; from (1, 1) machine precision in 7 steps', () => {
    const d0 = kleinmanRun('double', 0, 20);
    expect(d0.errors[1]).toBeGreaterThan(1.9e4);
    expect(d0.errors[1]).toBeLessThan(2.1e4);
    for (let n = 2; n < 10; n++) expect(d0.errors[n] / d0.errors[n - 1]).toBeCloseTo(0.5, 1);
    expect(d0.errors[18]).toBeLessThan(1e-13);
    const d1 = kleinmanRun('double', 1, 9);
    expect(d1.errors[7]).toBeLessThan(1e-14);
    expect(d1.errors[6]).toBeGreaterThan(1e-14);
    expect(kleinmanRun('double', -0.1, 3).error).toMatch(/K0 does not stabilise/);
    // On the line (k, k) the boundary is k = -0.01/4.2 = -0.00238 (largest root of s^2 + k s + k equals rho/2).
    expect(kleinmanRun('double', -0.0023, 3).error).toBeUndefined();
    expect(kleinmanRun('double', -0.0025, 3).error).toMatch(/K0 does not stabilise/);
    expect(kleinmanRun('scalar', -0.6, 3).error).toMatch(/K0 does not stabilise/);
    expect(kleinmanRun('scalar', -0.5, 3).error).toBeUndefined();
    expect(FLOOR).toBe(1e-16);
  });

  it('exercise answers: K1 = 9.0909, R(1) = -0.1115, grid constant 0.4906 and h = 0.0102', () => {
    expect(kleinmanRun('scalar', 0, 2).gains[1][0]).toBeCloseTo(1 / 1.1 / 0.1, 10);
    expect(scalarLqrHjbResidual(post, 0.3, 0.1, 1).residual).toBeCloseTo(-0.1115, 12);
    const g = markovChainHjb({ ...post, h: 0.1, xMin: -4, xMax: 4 });
    const C = supError(g.x, g.V, optimum.P, optimum.c, 1) / 0.1;
    expect(C).toBeCloseTo(0.4906, 4);
    expect(0.005 / C).toBeCloseTo(0.01019, 4);
    // "Shrink L to 2: the error on the window does not move": 0.0491 at h = 0.1 for L = 2 and L = 4.
    const g2 = markovChainHjb({ ...post, h: 0.1, xMin: -2, xMax: 2 });
    expect(supError(g2.x, g2.V, optimum.P, optimum.c, 1)).toBeCloseTo(0.0491, 4);
    expect(optimum.K + 0.5).toBeCloseTo(3.16, 2);
    // The source post's action bound |a| <= 5 clips a* = -K* x beyond |x| = 5 / K* = 1.88.
    expect(5 / optimum.K).toBeCloseTo(1.88, 2);
  });
});
