import { describe, expect, it } from 'vitest';
import { mertonClosedForm, mertonPolicyValue } from './merton';
import {
  certaintyEquivalentConsumption,
  driftedBmHitProbability,
  mertonBestConsumption,
  mertonLogGrowth,
  mertonPolicyCE,
  mertonWellPosedness,
} from './mertonAnalysis';
import { seedState } from './random';
import { fillNormals } from './normal';

const post = { mu: 0.08, rf: 0.03, sigma: 0.2, gamma: 2, rho: 0.05 };

describe('mertonWellPosedness', () => {
  it('agrees with mertonClosedForm (finite iff margin > 0) on a grid of gamma and rho, and margin = gamma k*', () => {
    for (const gamma of [0.2, 0.5, 0.8, 1, 1.5, 2, 5]) {
      for (const rho of [0.005, 0.02, 0.04, 0.05, 0.1, 0.15]) {
        const p = { ...post, gamma, rho };
        const w = mertonWellPosedness(p);
        if (w.wellPosed) {
          const s = mertonClosedForm(p);
          expect(w.margin).toBeCloseTo(gamma * s.k, 14);
          expect(w.M).toBeCloseTo(s.M, 15);
        } else expect(() => mertonClosedForm(p)).toThrow(/ill-posed/);
      }
    }
  });

  it('at gamma = 0.5 the smallest well-posed rho is 0.5 (0.03 + 0.0625) = 0.04625', () => {
    const w = mertonWellPosedness({ ...post, gamma: 0.5 });
    expect(w.rhoMin).toBeCloseTo(0.04625, 15);
    expect(mertonWellPosedness({ ...post, gamma: 0.5, rho: 0.0462 }).wellPosed).toBe(false);
    expect(mertonWellPosedness({ ...post, gamma: 0.5, rho: 0.0463 }).wellPosed).toBe(true);
  });
});

describe('certainty equivalents', () => {
  it('U(c)/rho = V: the certainty-equivalent consumption inverts the value (gamma 0.5, 1, 2, 5)', () => {
    for (const gamma of [0.5, 1, 2, 5]) {
      const p = { ...post, gamma, rho: 0.08 };
      const s = mertonClosedForm(p);
      for (const x of [0.5, 1, 3]) {
        const c = certaintyEquivalentConsumption(gamma, p.rho, s.value(x));
        const U = gamma === 1 ? Math.log(c) : c ** (1 - gamma) / (1 - gamma);
        expect(U / p.rho / s.value(x) - 1).toBeCloseTo(0, 12);
        // The closed-form policy CE agrees, and is homogeneous of degree 1 in wealth.
        expect(mertonPolicyCE(p, { pi: s.pi, k: s.k }, x) / c - 1).toBeCloseTo(0, 12);
      }
    }
  });

  it('ruinous and unbounded values map to 0 and Infinity', () => {
    expect(certaintyEquivalentConsumption(2, 0.05, -Infinity)).toBe(0);
    expect(certaintyEquivalentConsumption(0.5, 0.05, Infinity)).toBe(Infinity);
    // pi = 5 with gamma = 2: g = 0.28 - k - 1 < -rho, value -Infinity.
    expect(() => mertonPolicyValue(post, { pi: 5, k: 0.05 })).toThrow(/infinite/);
    expect(mertonPolicyCE(post, { pi: 5, k: 0.05 })).toBe(0);
  });

  it('over-betting: pi = 2 pi* is worth exactly what pi = 0 is worth, pi* is the best, beyond 2 pi* is worse', () => {
    for (const gamma of [0.8, 1, 2, 4]) {
      const p = { ...post, gamma, rho: 0.1 };
      const s = mertonClosedForm(p);
      const ce = (pi: number) => mertonPolicyCE(p, { pi, k: s.k });
      expect(ce(2 * s.pi) / ce(0) - 1).toBeCloseTo(0, 12);
      for (const f of [0, 0.5, 0.9, 1.1, 1.5, 2, 2.5, 3]) expect(ce(f * s.pi)).toBeLessThan(ce(s.pi));
      expect(ce(2.5 * s.pi)).toBeLessThan(ce(0));
    }
  });

  it('mertonLogGrowth: log-wealth drift b - v^2/2 and volatility |pi| sigma', () => {
    const g = mertonLogGrowth(post, { pi: 0.625, k: 0.0478125 });
    expect(g.drift).toBeCloseTo(0.03 + 0.625 * 0.05 - 0.0478125 - 0.5 * 0.125 ** 2, 15);
    expect(g.vol).toBeCloseTo(0.125, 15);
  });
});

describe('mertonBestConsumption', () => {
  it('equals k* at pi*, and beats nearby consumption rates at other pi (brute force)', () => {
    for (const gamma of [0.8, 1, 2, 4]) {
      const p = { ...post, gamma, rho: 0.1 };
      const s = mertonClosedForm(p);
      expect(mertonBestConsumption(p, s.pi)).toBeCloseTo(s.k, 14);
      for (const pi of [0, 0.5 * s.pi, 1.5 * s.pi]) {
        const k = mertonBestConsumption(p, pi);
        const ce = mertonPolicyCE(p, { pi, k });
        for (const f of [0.9, 0.99, 1.01, 1.1]) expect(mertonPolicyCE(p, { pi, k: k * f })).toBeLessThan(ce);
      }
    }
  });

  it('throws where no consumption rate gives a finite value', () => {
    expect(() => mertonBestConsumption({ ...post, gamma: 0.5, rho: 0.01 }, 1)).toThrow(/no finite value/);
  });
});

describe('driftedBmHitProbability', () => {
  it('matches a discretely monitored Monte Carlo with the Broadie–Glasserman shift (within 4 standard errors)', () => {
    const m = 0.1;
    const v = 0.3;
    const T = 2;
    const steps = 400;
    const dt = T / steps;
    const paths = 20_000;
    const st = seedState(11);
    const z = new Float64Array(steps);
    for (const a of [0.4, -0.3]) {
      let hits = 0;
      for (let i = 0; i < paths; i++) {
        fillNormals(st, z, 0, steps);
        let y = 0;
        for (let n = 0; n < steps; n++) {
          y += m * dt + v * Math.sqrt(dt) * z[n];
          if (a > 0 ? y >= a : y <= a) {
            hits++;
            break;
          }
        }
      }
      const pHat = hits / paths;
      // Discrete monitoring at step dt hits like continuous monitoring of a level moved out by 0.5826 v sqrt(dt).
      const shift = 0.5826 * v * Math.sqrt(dt) * Math.sign(a);
      const p = driftedBmHitProbability(m, v, a + shift, T);
      const se = Math.sqrt((p * (1 - p)) / paths);
      expect(Math.abs(pHat - p), `a = ${a}: MC ${pHat}, formula ${p}`).toBeLessThan(4 * se);
    }
  });

  it('has the right limits: certain for a = 0, e^{2 m a / v^2} as T -> infinity against the drift', () => {
    expect(driftedBmHitProbability(0.1, 0.2, 0, 1)).toBe(1);
    expect(driftedBmHitProbability(-0.05, 0.2, 1, 1e6)).toBeCloseTo(Math.exp((2 * -0.05 * 1) / 0.04), 9);
    expect(driftedBmHitProbability(0.05, 0.2, -1, 1e6)).toBeCloseTo(Math.exp((2 * -0.05 * 1) / 0.04), 9);
    expect(() => driftedBmHitProbability(0, 0, 1, 1)).toThrow(/v must be a finite number > 0/);
  });
});
