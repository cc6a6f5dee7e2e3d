/** The numbers chapter 6 states in its prose and exercises, from the engines. */
import { describe, expect, it } from 'vitest';
import { riccatiDF, riccatiF, FLOOR } from './kleinman.ts';
import { kleinmanRun } from '../../workers/engines/examples.ts';
import { POST_OPTIMUM as optimum } from '../../workers/engines/examples.ts';
import { scalarLqrHjbResidual } from '../../workers/engines/hjbResidual.ts';
import { lqrPolicyValue } from '../../workers/engines/lqr.ts';
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

  it('the K0 slider defaults to 0, which stabilises both; from -0.5 to -0.1 on its grid only the scalar run stabilises', async () => {
    const { KleinmanFigure } = await import('./KleinmanFigure.tsx');
    const { defaults } = await import('../../app/state/schema.ts');
    const spec = KleinmanFigure.params.schema.K0;
    expect(defaults(KleinmanFigure.params.schema).K0).toBe(0);
    expect([spec.min, spec.step]).toEqual([-1, 0.1]);
    for (const k of [0, 0.1, 1]) {
      expect(kleinmanRun('scalar', k, 3).error).toBeUndefined();
      expect(kleinmanRun('double', k, 3).error).toBeUndefined();
    }
    for (const k of [-0.5, -0.4, -0.3, -0.2, -0.1, -0.003]) {
      expect(kleinmanRun('scalar', k, 3).error).toBeUndefined();
      expect(kleinmanRun('double', k, 3).error).toMatch(/K0 does not stabilise/);
    }
  });

  it('the missing tail of the first sampled evaluation from K0 = 0: -e^{-1}(c + P sigma^2 / (4|alpha|)) = -0.166', () => {
    const { P, c } = lqrPolicyValue({ A: [[post.alpha]], B: [[post.beta]], Q: [[post.q]], R: post.r, D: [[post.sigma]], rho: post.rho }, [[0]]);
    const statVar = post.sigma ** 2 / (2 * Math.abs(post.alpha));
    expect(statVar).toBeCloseTo(0.09, 12);
    const tail = -Math.exp(-post.rho * 10) * (c + 0.5 * P[0][0] * statVar);
    expect(Number(tail.toPrecision(3))).toBe(-0.166);
    // The exact e^{-rho T} E_x V_0(X_T) at T = 10 for x in [-2, 2] rounds the same.
    for (const x of [0, 1, 2]) {
      const m = x * Math.exp(post.alpha * 10);
      const v = statVar * -Math.expm1(2 * post.alpha * 10);
      expect(Number((-Math.exp(-post.rho * 10) * (0.5 * P[0][0] * (m * m + v) + c)).toPrecision(3))).toBe(-0.166);
    }
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

describe('chapter 6: the demos in which noise cannot matter, and the neural value model (figure pi-mlp)', () => {
  it('sampled policy iteration with exact features: the same gains for every seed and number of paths (2.663, +0.138%)', async () => {
    const { runToEnd } = await import('../../workers/engines/chunked.ts');
    const { tasks } = await import('../../workers/tasks.ts');
    const runs = [100, 400].flatMap((paths) =>
      [1, 2, 3].map((seed) => runToEnd(tasks.piSampled({ params: post, K0: 0, iterations: 8, paths, dt: 0.02, seed }))),
    );
    for (const r of runs) for (let n = 0; n < 8; n++) expect(r.improved[n]).toBeCloseTo(runs[0].improved[n], 7);
    expect(Number(runs[0].improved[7].toPrecision(4))).toBe(2.663);
    expect((100 * (runs[0].improved[7] - optimum.K)) / optimum.K).toBeCloseTo(0.138, 3);
    // The offsets u0 carry the noise: they differ between seeds.
    expect(Math.abs(runs[0].u0[7] - runs[1].u0[7])).toBeGreaterThan(1e-4);
  }, 60_000);

  it('MLP value model at the figure defaults: 25 states within [-1.07%, -0.69%], 12 states [-11.2%, -3.98%] and drifting, 8 states beyond -20%; 400 paths no better', async () => {
    const { runToEnd } = await import('../../workers/engines/chunked.ts');
    const { tasks } = await import('../../workers/tasks.ts');
    const { PI_MLP_STATES } = await import('./PiMlpFigure.tsx');
    const { PiMlpFigure } = await import('./PiMlpFigure.tsx');
    const { defaults } = await import('../../app/state/schema.ts');
    const v = defaults(PiMlpFigure.params.schema) as { paths: number; seeds: number; iterations: number; seed: number };
    expect(v).toMatchObject({ paths: 100, seeds: 3, iterations: 6, seed: 1 });
    const r = runToEnd(tasks.piMlp({ params: post, stateCounts: PI_MLP_STATES, seeds: v.seeds, seed0: v.seed, paths: v.paths, iterations: v.iterations }));
    const n = v.iterations;
    const last = (s: number) => [0, 1, 2].map((j) => 100 * r.relError[(s * 3 + j) * n + n - 1]);
    const at = (s: number, j: number, k: number) => 100 * r.relError[(s * 3 + j) * n + k];
    const f8 = last(0);
    const f12 = last(1);
    const f25 = last(2);
    expect(Math.max(...f8)).toBeLessThan(-20);
    expect(Math.min(...f12)).toBeCloseTo(-11.2, 1);
    expect(Math.max(...f12)).toBeCloseTo(-3.98, 2);
    expect(Math.min(...f25)).toBeCloseTo(-1.07, 2);
    expect(Math.max(...f25)).toBeCloseTo(-0.69, 2);
    // Drifting at 12 states: every seed's error falls at each of the last three iterations.
    for (let j = 0; j < 3; j++) for (let k = n - 3; k < n; k++) expect(at(1, j, k)).toBeLessThan(at(1, j, k - 1));
    // The first two improvements overshoot as exact Kleinman does (+242%, +81% from K0 = 0).
    const kl = kleinmanRun('scalar', 0, 3).gains.map((g) => g[0]);
    expect(Math.round((100 * (kl[1] - optimum.K)) / optimum.K)).toBe(242);
    expect(Math.round((100 * (kl[2] - optimum.K)) / optimum.K)).toBe(81);
    // 400 paths at 12 states: -12.1%, -5.9%, -6.7%, no better than with 100.
    const r4 = runToEnd(tasks.piMlp({ params: post, stateCounts: [12], seeds: 3, seed0: 1, paths: 400, iterations: n }));
    const f4 = [0, 1, 2].map((j) => 100 * r4.relError[j * n + n - 1]);
    expect(f4[0]).toBeCloseTo(-12.1, 1);
    expect(f4[1]).toBeCloseTo(-5.9, 1);
    expect(f4[2]).toBeCloseTo(-6.7, 1);
    expect(Math.min(...f4.map(Math.abs))).toBeGreaterThan(Math.min(...f12.map(Math.abs)));
  }, 180_000);
});

describe('chapter 6: the neural value model fits the values and misses the slopes', () => {
  it('12 states, seed 1: the fit matches the Monte Carlo values to well under 1% of their range while the gain is 11% off', async () => {
    const { runToEnd } = await import('../../workers/engines/chunked.ts');
    const { policyIterationSampled } = await import('../../workers/engines/policyIteration.ts');
    const states = Array.from({ length: 12 }, (_, i) => -2 + (4 * i) / 11);
    const r = runToEnd(policyIterationSampled({ model: 'lqr', params: post, iterations: 6, paths: 100, seed: 1, states, valueModel: 'mlp' }));
    const last = r.iterations[5];
    const range = 0.5 * optimum.P * 4; // the quadratic part of the value over [-2, 2], about 0.53
    expect(last.fitRmse).toBeLessThan(0.002 * range);
    expect((r.final as { K: number }).K / optimum.K - 1).toBeLessThan(-0.1);
  }, 60_000);
});
