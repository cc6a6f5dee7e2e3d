import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { tasks } from '../tasks.ts';
import { DTS, optimum, sampledQ, entropyValueConstant, GAMMA, POST_LQR } from '../../chapters/08-continuous-q-learning/model.ts';
import { ERGODIC_MAX_WORK } from './continuousQLearning.ts';

const KSTAR = 2.6597508;
// The defaults of chapter 8's figures (chapters/08-continuous-q-learning/*.tsx).
const figCollapse = { dts: DTS, time: 400, seed: 1 };
const figLearning = { dt: 0.01, time: 400, seed: 1 };
const figErgodic = { dt: 0.1, paths: 1000, time: 2000, seed: 1 };

describe('qlCollapse (figure ql-collapse)', () => {
  const r = runToEnd(tasks.qlCollapse(figCollapse));

  it('q-learning: the averaged mean gain is within 2% of K* = 2.6597508 at every dt (measured 2.667, 2.647, 2.657, 2.661)', () => {
    expect(r.Kstar).toBeCloseTo(KSTAR, 7);
    expect(Array.from(r.dt)).toEqual(DTS);
    for (let k = 0; k < DTS.length; k++) {
      expect(Math.abs(r.qKAveraged[k] / KSTAR - 1)).toBeLessThan(0.02);
      expect(Math.abs(r.qK[k] / KSTAR - 1)).toBeLessThan(0.05);
    }
    expect(Array.from(r.qKAveraged, (k) => Number(k.toFixed(3)))).toEqual([2.667, 2.647, 2.657, 2.661]);
    expect(Math.max(...Array.from(r.qKAveraged, (k) => Math.abs(k / KSTAR - 1)))).toBeLessThan(0.006);
  });

  it('discrete Q at dt = 0.005 is systematically high: seeds 2-4 give 2.917, 2.967, 2.999; T = 1600 gives 2.922', () => {
    const bySeed = [2, 3, 4].map((seed) => runToEnd(tasks.qlCollapse({ dts: [0.005], time: 400, seed })).QKAveraged[0]);
    expect(bySeed.map((k) => Number(k.toFixed(3)))).toEqual([2.917, 2.967, 2.999]);
    const long = runToEnd(tasks.qlCollapse({ dts: [0.005], time: 1600, seed: 1 }));
    expect(long.QKAveraged[0]).toBeCloseTo(2.922, 3);
    expect(Math.abs(long.qKAveraged[0] / KSTAR - 1)).toBeLessThan(0.01);
  });

  it('discrete Q: the action-gap coefficient matches the exact theta_aa of Q_dt within 4% at every dt, and is O(dt)', () => {
    // Exact: -6.510e-3, -2.855e-3, -5.135e-4, -2.533e-4; measured -6.535e-3, -2.935e-3, -5.024e-4, -2.624e-4.
    for (let k = 0; k < DTS.length; k++) {
      const exact = sampledQ(DTS[k]).thetaAA;
      expect(Math.abs(r.Qgap[k] / exact - 1)).toBeLessThan(0.04);
      expect(Math.abs(sampledQ(DTS[k]).thetaAA / ((-POST_LQR.r * DTS[k]) / 2) - 1)).toBeLessThan(0.31); // leading order r dt / 2
    }
    expect(sampledQ(0.1).thetaAA).toBeCloseTo(-6.51e-3, 5);
    expect(r.Qgap[0]).toBeCloseTo(-6.53e-3, 5); // exercise ql-gap's solution quotes -0.00653
  });

  it('discrete Q: near its own target K_dt at dt = 0.1 (2.238 vs 2.262), far from it at dt = 0.005 (3.003 vs 2.638)', () => {
    expect(sampledQ(0.1).K).toBeCloseTo(2.26183, 5);
    expect(sampledQ(0.005).K).toBeCloseTo(2.63843, 5);
    expect(Math.abs(r.QKAveraged[0] / sampledQ(0.1).K - 1)).toBeLessThan(0.02);
    expect(r.QKAveraged[0]).toBeCloseTo(2.238, 3);
    expect(r.QKAveraged[3]).toBeCloseTo(3.003, 3);
    // Off K* by more than 10% at both ends: bias O(dt) at dt = 0.1, noise at dt = 0.005.
    expect(Math.abs(r.QKAveraged[0] / KSTAR - 1)).toBeGreaterThan(0.1);
    expect(Math.abs(r.QKAveraged[3] / KSTAR - 1)).toBeGreaterThan(0.1);
  });

  it('rejects a bad budget with a sentence', () => {
    expect(() => runToEnd(tasks.qlCollapse({ ...figCollapse, time: 0 }))).toThrow(/simulated time per path must be between 10 and 5000/);
  });
});

describe('qlLearning (figure ql-learning)', () => {
  const r = runToEnd(tasks.qlLearning(figLearning));

  it('q-learning at dt = 0.01: K -> K* (averaged 2.657), the policy variance -> gamma / r, the value -> J*', () => {
    expect(r.qKAveraged).toBeCloseTo(2.657, 3);
    expect(Math.abs(r.qKAveraged / optimum.K - 1)).toBeLessThan(0.01);
    expect(r.time.length).toBe(100);
    expect(r.time[99]).toBeCloseTo(400, 9);
    // psi_3 -> ln(1 / r) = ln 10 = 2.3026 (variance gamma e^{psi_3} = gamma / r): measured 2.270.
    expect(Math.abs(r.psi[2] - Math.log(1 / POST_LQR.r))).toBeLessThan(0.05);
    // J(x) = theta_0 x^2 + theta_1 x + theta_2 against J* = -P x^2 / 2 - c_gamma: -0.1330 and 0.7992.
    expect(Math.abs(r.theta[0] + optimum.P / 2)).toBeLessThan(0.002);
    expect(Math.abs(r.theta[2] + entropyValueConstant(GAMMA))).toBeLessThan(0.01);
    expect(entropyValueConstant(GAMMA)).toBeCloseTo(-0.79925, 5);
    expect(r.psi[2]).toBeCloseTo(2.27, 3);
    expect(r.theta[0]).toBeCloseTo(-0.1325, 4);
    expect(r.theta[2]).toBeCloseTo(0.7938, 4);
    // Within 6% of K* after about 70 time units; over the second half between 2.605 and 2.704.
    const first = r.time[r.qK.findIndex((k) => k > 0.94 * optimum.K)];
    expect(first).toBeGreaterThan(60);
    expect(first).toBeLessThan(80);
    const tail = (a: Float64Array) => [Math.min(...a.subarray(50)), Math.max(...a.subarray(50))].map((v) => Number(v.toFixed(3)));
    expect(tail(r.qK)).toEqual([2.605, 2.704]);
    expect(tail(r.QK).map((v) => Number(v.toFixed(2)))).toEqual([2.44, 2.97]);
  });

  it('discrete Q at dt = 0.01: curvature theta_aa / dt near -r/2 (-0.0502 vs -0.0513), greedy gain 2.719 (vs K_dt 2.617)', () => {
    expect(r.Qtheta[2] / 0.01).toBeCloseTo(-0.0502, 3);
    expect(sampledQ(0.01).thetaAA / 0.01).toBeCloseTo(-0.05135, 4);
    expect(r.QKAveraged).toBeCloseTo(2.719, 3);
  });

  it('the learned gain does not depend on dt; the discrete greedy gain does (dt = 0.1: K 2.667 vs Q 2.238)', () => {
    const c = runToEnd(tasks.qlLearning({ ...figLearning, dt: 0.1 }));
    expect(Math.abs(c.qKAveraged / optimum.K - 1)).toBeLessThan(0.01);
    expect(Math.abs(c.QKAveraged / sampledQ(0.1).K - 1)).toBeLessThan(0.02);
    const range = (a: Float64Array) => [Math.min(...a.subarray(50)), Math.max(...a.subarray(50))].map((v) => Number(v.toFixed(2)));
    expect(range(c.QK)).toEqual([2.15, 2.32]);
    const f = runToEnd(tasks.qlLearning({ ...figLearning, dt: 0.002 }));
    expect(range(f.QK)).toEqual([2.36, 3.81]);
    expect(range(f.qK)).toEqual([2.6, 2.74]);
  });
});

describe('qlErgodic (figure ql-ergodic)', () => {
  it('from psi = 0 to psi* = (-0.3542, -0.7085, -1.0378) within 2% at dt = 0.1; average reward 0.6368 vs 0.633374', () => {
    const r = runToEnd(tasks.qlErgodic(figErgodic));
    expect(r.exact.psi[0]).toBeCloseTo(-0.3542, 4);
    expect(r.exact.psi[1]).toBeCloseTo(-0.7085, 4);
    expect(r.exact.psi[2]).toBeCloseTo(-1.0378, 4);
    expect(r.exact.averageReward).toBeCloseTo(0.633374, 6);
    // Measured (seed 1): (-0.3478, -0.7082, -1.0391), average reward 0.6368.
    for (let j = 0; j < 3; j++) expect(Math.abs(r.psiAveraged[j] / r.exact.psi[j] - 1)).toBeLessThan(0.02);
    expect(Math.abs(r.averageReward - r.exact.averageReward)).toBeLessThan(0.005);
    expect(r.psiAveraged[0]).toBeCloseTo(-0.3478, 4);
    expect(r.averageReward).toBeCloseTo(0.6368, 4);
    expect(r.time.length).toBe(100);
    expect(r.psi.length).toBe(300);
    expect(r.time[0]).toBeCloseTo(20, 9);
    // Near psi* after about 200 time units (within 2%), the intercept overshooting on the way (-0.834 at t = 20).
    expect(r.time[9]).toBeCloseTo(200, 9);
    for (let j = 0; j < 3; j++) expect(Math.abs(r.psi[27 + j] / r.exact.psi[j] - 1)).toBeLessThan(0.02);
    expect(Math.min(...Array.from({ length: 100 }, (_, k) => r.psi[3 * k + 1]))).toBeLessThan(r.exact.psi[1] - 0.1);
  });

  it('too much work, and a run that diverges, fail with sentences', () => {
    expect(() => runToEnd(tasks.qlErgodic({ ...figErgodic, dt: 0.01, paths: 2000, time: 3000 }))).toThrow(/million path-steps/);
    expect(ERGODIC_MAX_WORK).toBe(3e8);
  });
});
