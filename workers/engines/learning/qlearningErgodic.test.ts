import { describe, expect, it } from 'vitest';
import { runToEnd } from '../chunked';
import { Rng } from '../random';
import { normalFromState } from '../normal';
import { ergodicLqSolution, ergodicRiccatiRoots, JIA_ZHOU_ERGODIC, qLearningErgodic } from './qlearningErgodic';
import { expectNearOptimum } from './qlearningErgodic.testing';

const star = ergodicLqSolution(JIA_ZHOU_ERGODIC);

describe('the ergodic LQ check case of Jia & Zhou', () => {
  it('closed form: psi* = (-0.3542, -0.7085, -1.0378), variance 0.03542, k2 = (1 - sqrt 7)/2', () => {
    expect(star.k2).toBeCloseTo((1 - Math.sqrt(7)) / 2, 12);
    expect(star.psi[0]).toBeCloseTo(-0.3542, 4);
    expect(star.psi[1]).toBeCloseTo(-0.7085, 4);
    expect(star.psi[2]).toBeCloseTo(-1.0378, 4);
    expect(star.variance).toBeCloseTo(0.03542, 5);
  });

  it('picks the root by mean-square stability: both roots make the Hamiltonian concave, only one keeps E[X^2] bounded', () => {
    const roots = ergodicRiccatiRoots(JIA_ZHOU_ERGODIC);
    expect(
      roots
        .map((r) => r.k2)
        .sort((a, b) => a - b)
        .map((k) => Number(k.toFixed(6))),
    ).toEqual([-0.822876, 1.822876]);
    // w = N - D^2 k2 = 2.823 and 0.177: both > 0, so concavity does not decide.
    expect(roots.every((r) => r.concave)).toBe(true);
    const bad = roots.find((r) => r.k2 > 0)!;
    const good = roots.find((r) => r.k2 < 0)!;
    // The other root's slope is -R / w = -5.65: 2A + D^2 s^2 = -2 + 31.87 = +29.87 > 0, E[X^2] explodes.
    expect(bad.meanSquareRate).toBeCloseTo(29.8745, 4);
    expect(good.meanSquareRate).toBeCloseTo(-1.8745, 4);
    expect(star.k2).toBe(good.k2);
    // On this example the criterion is w > 1/sqrt(2): 2A + D^2 (R / w)^2 < 0 with A = -1, D = R = 1.
    expect(2 - star.k2).toBeGreaterThan(Math.SQRT1_2);
    expect(2 - bad.k2).toBeLessThan(Math.SQRT1_2);
    // With B != 0 the criterion includes the drift: 2 (A + B s) + D^2 s^2, checked against a direct computation.
    const p = { ...JIA_ZHOU_ERGODIC, B: 0.7, D: 0.5 };
    const s = ergodicLqSolution(p);
    expect(2 * (p.A + p.B * s.slope) + p.D ** 2 * s.slope ** 2).toBeLessThan(0);
    expect(-p.M / 2 + p.A * s.k2 + (p.B * s.k2 - p.R) ** 2 / (2 * (p.N - p.D ** 2 * s.k2))).toBeCloseTo(0, 12);
  });

  it('the optimal average reward agrees with a long simulation of the optimal policy (within 3 standard errors)', () => {
    // Independent check: simulate dX = -X dt + a dW under pi* with a fine Euler step and average
    // r - gamma ln pi over 400 paths after a burn-in; per-path time averages are independent.
    const { A, D, M, R, N, P, Q, gamma } = JIA_ZHOU_ERGODIC;
    const rng = new Rng(11);
    const dt = 0.005;
    const burn = 2000;
    const steps = 8000;
    const means: number[] = [];
    for (let path = 0; path < 400; path++) {
      let x = 0;
      let sum = 0;
      for (let k = 0; k < burn + steps; k++) {
        const m = star.slope * x + star.intercept;
        const z = normalFromState(rng.state);
        const a = m + Math.sqrt(star.variance) * z;
        if (k >= burn) {
          const logPi = -0.5 * Math.log(2 * Math.PI * star.variance) - 0.5 * z * z;
          sum += -(0.5 * M * x * x + R * x * a + 0.5 * N * a * a + P * x + Q * a) - gamma * logPi;
        }
        x += A * x * dt + D * a * Math.sqrt(dt) * normalFromState(rng.state);
      }
      means.push(sum / steps);
    }
    const mean = means.reduce((s, v) => s + v, 0) / means.length;
    const se = Math.sqrt(means.reduce((s, v) => s + (v - mean) ** 2, 0) / (means.length - 1) / means.length);
    // Measured: 0.63339 +- 0.00458 against 0.63337 (the Euler bias at dt = 0.005 is far below the standard error).
    expect(Math.abs(mean - star.averageReward)).toBeLessThan(3 * se);
  });

  it('online q-learning from psi = 0 reaches psi* at dt = 0.1 (seed 1; dt = 0.01 in qlearningErgodic.slow.test.ts)', () => {
    // Measured (Polyak average over the second half): dt 0.1, 1000 paths: (-0.3478, -0.7082, -1.0391).
    expectNearOptimum(runToEnd(qLearningErgodic({ dt: 0.1, seed: 1 })));
  });

  it('validates its input', () => {
    expect(() => ergodicLqSolution({ ...JIA_ZHOU_ERGODIC, C: 1 })).toThrow(/C = 0/);
    expect(() => ergodicLqSolution({ ...JIA_ZHOU_ERGODIC, A: 1 })).toThrow(/A must be < 0/);
    expect(() => runToEnd(qLearningErgodic({ dt: 0, seed: 1 }))).toThrow(/dt must be in/);
  });
});
