import { describe, expect, it } from 'vitest';
import { designedGainValue, doubleIntegratorLqr } from '../engines/examples.ts';
import { runToEnd } from '../engines/chunked.ts';
import { lqrChainValue, lqrContinuousPolicyValue } from '../engines/feynmanKac.ts';
import { lqrCare, lqrDiscounted } from '../engines/lqr.ts';
import { transferablesOf } from '../runTask.ts';
import { stochasticHjbLqrTasks as tasks, type LqrExplorerParams } from './stochasticHjbLqr.ts';

const post = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 };
// The explorer's defaults (chapters/04-stochastic-hjb-lqr/LqrExplorer.tsx).
const figure: LqrExplorerParams = { ...post, gain: 1, x0: 1, seed: 1, dt: 0.01, horizon: 10, paths: 4000, batches: 40, drawPaths: 12, record: 201 };

describe('the lqrExplorer task (figure lqr-explorer)', () => {
  it('Monte Carlo values of K* and of the reader’s K lie within 4 standard errors of the Euler chain’s exact value', () => {
    for (const p of [figure, { ...figure, gain: 0, x0: -2, seed: 7 }, { ...figure, dt: 0.05, gain: 5, seed: 3 }]) {
      const r = runToEnd(tasks.lqrExplorer(p));
      const Ks = lqrDiscounted(post).K;
      expect(r.P).toBeCloseTo(0.2659751, 7);
      expect(r.K).toBeCloseTo(Ks, 12);
      for (const [m, K] of [
        [r.mcStar, Ks],
        [r.mcGain!, p.gain],
      ] as const) {
        expect(m.chainValue).toBeCloseTo(lqrChainValue(post, K, p.dt).value(p.x0), 12);
        expect(m.continuousValue).toBeCloseTo(lqrContinuousPolicyValue(post, K).value(p.x0), 12);
        expect(Math.abs(m.mean - m.chainValue)).toBeLessThan(4 * m.stderr);
      }
    }
  });

  it('at the defaults the chain is 1.6% below the continuous value for K*, several standard errors away', () => {
    const r = runToEnd(tasks.lqrExplorer(figure));
    expect(r.mcStar.relativeBias).toBeCloseTo(-0.0163, 3);
    expect(Math.abs(r.mcStar.mean - r.mcStar.continuousValue)).toBeGreaterThan(3 * r.mcStar.stderr);
    // Measured at the defaults (seed 1): the numbers the figure prints.
    expect(r.mcStar.stderr).toBeLessThan(0.001);
  });

  it('the paired difference V_K - V_K* is within 4 paired standard errors of the chain’s exact difference, and far tighter than independent noise', () => {
    for (const gain of [1, 2, 5]) {
      const r = runToEnd(tasks.lqrExplorer({ ...figure, gain }));
      const d = r.difference!;
      expect(d.chain).toBeCloseTo(r.mcGain!.chainValue - r.mcStar.chainValue, 14);
      expect(Math.abs(d.mean - d.chain)).toBeLessThan(4 * d.stderr);
      expect(d.mean).toBeCloseTo(r.mcGain!.mean - r.mcStar.mean, 12);
      // Common random numbers: at least twice as precise as two independent runs (measured: 2.3x at K = 1, 8x at K = 2).
      expect(d.stderr).toBeLessThan(0.5 * d.independentStderr);
    }
  });

  it('over seeds 1 to 10 at the defaults (K = 1), the paired standard error is 0.44 to 0.51 times the independent one', () => {
    const ratios: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const d = runToEnd(tasks.lqrExplorer({ ...figure, seed, drawPaths: 2, record: 11 })).difference!;
      ratios.push(d.stderr / d.independentStderr);
    }
    expect(Math.min(...ratios)).toBeCloseTo(0.44, 2);
    expect(Math.max(...ratios)).toBeCloseTo(0.51, 2);
  }, 60000);

  it('pairs the two policies: with K = K* the two evaluations and the two bundles of paths are identical', () => {
    const Ks = lqrDiscounted(post).K;
    const r = runToEnd(tasks.lqrExplorer({ ...figure, gain: Ks }));
    expect(r.mcGain!.mean).toBe(r.mcStar.mean);
    expect(Array.from(r.pathsGain)).toEqual(Array.from(r.pathsStar));
    expect(r.difference!.mean).toBe(0);
  });

  it('pairs the two policies: after one step the paths differ only by the drift, -beta (K - K*) x0 dt', () => {
    const Ks = lqrDiscounted(post).K;
    const p = { ...figure, horizon: 0.1, dt: 0.01, record: 11, gain: 1 };
    const r = runToEnd(tasks.lqrExplorer(p));
    for (let i = 0; i < p.drawPaths; i++) {
      expect(r.pathsGain[i * 11 + 1] - r.pathsStar[i * 11 + 1]).toBeCloseTo(-(1 - Ks) * p.x0 * p.dt, 5);
    }
  });

  it('an unstable gain gives a sentence with the bound, no value, and still the paths', () => {
    const r = runToEnd(tasks.lqrExplorer({ ...figure, gain: -1 }));
    expect(r.mcGain).toBeNull();
    expect(r.difference).toBeNull();
    expect(r.gainProblem).toMatch(/does not stabilise/);
    expect(r.gainProblem).toContain('K > -0.550');
    expect(r.pathsGain.every(Number.isFinite)).toBe(true);
  });

  it('a gain stable in continuous time but too large for the Euler step says so', () => {
    const r = runToEnd(tasks.lqrExplorer({ ...figure, beta: 2, gain: 10, dt: 0.1 }));
    expect(r.mcGain).toBeNull();
    expect(r.gainProblem).toMatch(/stable in continuous time, but the discretised closed loop diverges/);
  });
});

describe('the doubleIntegrator task (figure lqr-double-integrator)', () => {
  it('returns the Riccati solution and paths from each start whose mean follows the Euler chain’s mean within 4 se', () => {
    const system = {
      A: [
        [0, 1],
        [0, 0],
      ],
      B: [[0], [1]],
      Q: [
        [1, 0],
        [0, 1],
      ],
      R: 0.1,
      D: [
        [0, 0],
        [0, 0.2],
      ],
      rho: 0.1,
    };
    const starts = [2.5, 0, 0, -2.5];
    const p = { system, starts, T: 1, steps: 200, paths: 2000, record: 3, seed: 4 };
    const r = runToEnd(tasks.doubleIntegrator(p));
    const ref = lqrCare(system);
    expect(r.P).toEqual(ref.P);
    expect(r.K).toEqual(ref.K);
    const [k1, k2] = ref.K[0];
    const dt = p.T / p.steps;
    for (let s = 0; s < 2; s++) {
      // Exact mean of the Euler chain: m <- (I + (A - BK) dt) m.
      let m = [starts[2 * s], starts[2 * s + 1]];
      for (let n = 0; n < p.steps; n++) m = [m[0] + m[1] * dt, m[1] + (-k1 * m[0] - k2 * m[1]) * dt];
      for (let d = 0; d < 2; d++) {
        let sum = 0;
        let sq = 0;
        for (let i = 0; i < p.paths; i++) {
          const o = ((s * p.paths + i) * p.record + 0) * 2 + d;
          expect(r.paths[o]).toBe(starts[2 * s + d]);
          const v = r.paths[((s * p.paths + i) * p.record + p.record - 1) * 2 + d];
          sum += v;
          sq += v * v;
        }
        const mean = sum / p.paths;
        const se = Math.sqrt((sq / p.paths - mean * mean) / p.paths);
        expect(Math.abs(mean - m[d])).toBeLessThan(4 * se);
      }
    }
  });
});

describe('the doubleIntegrator task values a designed gain', () => {
  it('returns designedGainValue of the system when asked, and null otherwise', () => {
    const system = doubleIntegratorLqr(1, 0.2, 0.1);
    const p = { system, starts: [1, 0], T: 0.1, steps: 10, paths: 1, record: 2, seed: 1 };
    expect(runToEnd(tasks.doubleIntegrator(p)).designed).toBeNull();
    const r = runToEnd(tasks.doubleIntegrator({ ...p, design: { R: 0.1, at: [1, 0] } }));
    expect(r.designed).toEqual(designedGainValue(system, [1, 0], 0.1));
    expect(r.designed!.designed).toBeLessThan(r.designed!.optimal);
  });
});

describe('the lqrExplorer task on awkward steps', () => {
  it('any dt of the slider works: the horizon is rounded to whole steps and the record count fits', () => {
    for (const dt of [0.003, 0.0347, 0.1]) {
      const r = runToEnd(tasks.lqrExplorer({ ...figure, dt, paths: 200, batches: 20 }));
      const steps = Math.round(10 / dt);
      expect(r.mcStar.steps).toBe(steps);
      expect(r.t[r.t.length - 1]).toBeCloseTo(steps * dt, 4);
      expect(Math.abs(r.mcStar.mean - r.mcStar.chainValue)).toBeLessThan(4 * r.mcStar.stderr);
    }
  });
});

describe('the lqrExplorer task reuses the optimal gain’s run while only K changes', () => {
  /** What the page receives: buffers transferred, the worker's arrays detached afterwards. */
  const transferred = <T>(value: T): T => structuredClone(value, { transfer: transferablesOf(value) });
  const small = { ...figure, paths: 400, batches: 4, seed: 5 };

  it('gives the same numbers from its recent runs as from a fresh run, and recomputes when the model changes', () => {
    const first = transferred(runToEnd(tasks.lqrExplorer(small)));
    const other = transferred(runToEnd(tasks.lqrExplorer({ ...small, gain: 2 })));
    expect(other.mcStar).toEqual(first.mcStar);
    expect(other.pathsStar).toEqual(first.pathsStar);
    expect(other.mcGain!.mean).not.toBe(first.mcGain!.mean);
    expect(transferred(runToEnd(tasks.lqrExplorer(small)))).toEqual(first);
    const noisier = runToEnd(tasks.lqrExplorer({ ...small, sigma: 0.6 }));
    expect(noisier.mcStar.mean).not.toBe(first.mcStar.mean);
    expect(noisier.pathsStar).not.toEqual(first.pathsStar);
  });
});
