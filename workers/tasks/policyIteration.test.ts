import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { kleinmanIteration, lqrDiscounted } from '../engines/lqr.ts';
import { lqrAffinePolicyValue } from '../engines/policyIteration.ts';
import { markovChainHjb } from '../engines/markovChain.ts';
import { tasks } from '../tasks.ts';
import { supError } from '../engines/markovChain.ts';
import { kleinmanRun } from '../engines/examples.ts';

const post = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 };
const star = lqrDiscounted(post);
// Defaults of chapter 6's figures (chapters/06-policy-iteration/PiSampledFigure.tsx and McGridFigure.tsx).
const figPi = { params: post, K0: 0, iterations: 8, paths: 400, dt: 0.02, seed: 1 };
const HS = [0.4, 0.2, 0.1, 0.05, 0.025, 0.0125, 0.00625];
const figGrid = { params: post, L: 4, h: 0.1, hs: HS, window: 1 };

describe('piSampled (figure pi-sampled)', () => {
  it('tracks exact Kleinman iteration within 2% per step and ends within 0.2% of K* (measured +0.14%)', () => {
    const r = runToEnd(tasks.piSampled(figPi));
    expect(r.exact).toEqual(kleinmanRun('scalar', figPi.K0, figPi.iterations + 1).gains.map((g) => g[0]));
    const exact = kleinmanIteration({ A: [[-0.5]], B: [[1]], Q: [[1]], R: 0.1, D: [[0.3]], rho: 0.1 }, [[0]], 9).map((s) => s.K[0][0]);
    expect(r.K[0]).toBe(0);
    for (let n = 0; n < r.improved.length; n++) {
      // The sampled step from the sampled gain K_n, against the exact Kleinman step from the same K_n.
      const Pn = lqrAffinePolicyValue(post, r.K[n], 0)(1) - lqrAffinePolicyValue(post, r.K[n], 0)(0);
      const exactNext = (post.beta * -2 * Pn) / post.r;
      expect(Math.abs(r.improved[n] / exactNext - 1)).toBeLessThan(0.02);
    }
    expect(r.improved[0]).toBeCloseTo(exact[1], 2);
    expect(Math.abs(r.improved[7] / star.K - 1)).toBeLessThan(0.002);
    expect(r.Kstar).toBeCloseTo(2.6597508, 7);
  });

  it('diagnostics: the residual falls by 1000x from the first iteration, then stays within 10x of the Monte Carlo standard error', () => {
    const r = runToEnd(tasks.piSampled(figPi));
    expect(r.hjbResidual[0]).toBeGreaterThan(1);
    expect(r.hjbResidual[4]).toBeLessThan(r.hjbResidual[0] / 1000);
    for (let n = 4; n < 8; n++) expect(r.hjbResidual[n]).toBeLessThan(10 * r.mcStderr[n]);
    // The first value error is dominated by the missing tail e^{-rho T} c_{K0} = e^{-1} * 0.409 = 0.150.
    const c0 = (post.sigma ** 2 * (1 / 1.1)) / (2 * post.rho);
    expect(Math.abs(r.valueError[0] - Math.exp(-1) * c0)).toBeLessThan(0.03);
    expect(r.valueError[7]).toBeLessThan(0.01);
  });

  it('the gains do not depend on the seed or the number of paths (common random numbers, linear closed loop); dt = 0.1 biases them by +3.7%', () => {
    const a = runToEnd(tasks.piSampled(figPi));
    const b = runToEnd(tasks.piSampled({ ...figPi, paths: 50, seed: 7 }));
    for (let n = 0; n < 8; n++) expect(Math.abs(a.improved[n] - b.improved[n])).toBeLessThan(1e-12);
    expect(Math.abs(a.u0[0] - b.u0[0])).toBeGreaterThan(0.01); // the offsets do carry the sampling noise
    const c = runToEnd(tasks.piSampled({ ...figPi, dt: 0.1 }));
    expect(c.improved[7] / star.K - 1).toBeCloseTo(0.0368, 3);
  });

  it('a non-stabilising starting gain fails with a sentence; so does an iteration that runs away at a coarse time step', () => {
    expect(() => runToEnd(tasks.piSampled({ ...figPi, K0: -1 }))).toThrow(/does not stabilise/);
    // From K0 = -0.5 the first improvement jumps to K1 = 64.8: dt = 0.025 still resolves it, dt = 0.03 does not.
    expect(() => runToEnd(tasks.piSampled({ ...figPi, K0: -0.5, dt: 0.03, iterations: 12, paths: 20 }))).toThrow(/ran away at Δt = 0.03/);
    const ok = runToEnd(tasks.piSampled({ ...figPi, K0: -0.5, dt: 0.025, iterations: 12, paths: 20 }));
    expect(ok.improved[0]).toBeCloseTo(64.8, 1);
    expect(Math.abs(ok.improved[11] / star.K - 1)).toBeLessThan(0.003);
  });
});

describe('mcGrid (figure mc-grid)', () => {
  it('the sweep errors agree with markovChainHjb and halve per halving of h (ratios within 0.02 of 2 for h <= 0.1)', () => {
    const r = runToEnd(tasks.mcGrid(figGrid));
    for (let k = 0; k < HS.length; k++) {
      const m = markovChainHjb({ ...post, h: HS[k], xMin: -4, xMax: 4 });
      expect(r.errors[k]).toBe(supError(m.x, m.V, star.P, star.c, 1));
    }
    // Measured: 0.0918, 0.0491, 0.0247, 0.01233, 0.00616, 0.00308.
    expect(r.errors[2]).toBeCloseTo(0.04906, 4);
    for (let k = 3; k < HS.length; k++) expect(Math.abs(r.errors[k - 1] / r.errors[k] - 2)).toBeLessThan(0.02);
    expect(r.h).toBeCloseTo(0.1, 12);
    expect(r.error).toBe(r.errors[2]);
    expect(r.x.length).toBe(81);
  });

  it('rounds the chosen spacing to a whole number of cells and honours sigma', () => {
    const r = runToEnd(tasks.mcGrid({ ...figGrid, h: 0.0317, params: { ...post, sigma: 0.6 } }));
    expect(r.h).toBeCloseTo(8 / 252, 12);
    const s = lqrDiscounted({ ...post, sigma: 0.6 });
    expect(r.error).toBe(supError(r.x, r.V, s.P, s.c, 1));
    expect(r.error).toBeLessThan(0.05);
  });
});

describe('the kleinman task (figure kleinman)', () => {
  it("returns Kleinman's iteration on the post's scalar LQR and double integrator, with the reason when K0 does not stabilise", () => {
    const r = tasks.kleinman({ K0: 0, iterations: 20 });
    expect(r.scalar).toEqual(kleinmanRun('scalar', 0, 20));
    expect(r.double).toEqual(kleinmanRun('double', 0, 20));
    expect(r.scalar.gains[1][0]).toBeCloseTo(1 / 1.1 / 0.1, 10);
    const half = tasks.kleinman({ K0: -0.2, iterations: 3 });
    expect(half.scalar.error).toBeUndefined();
    expect(half.double.error).toMatch(/K0 does not stabilise/);
  });
});
