/**
 * Chapter 8's numbers that take a minute to compute: the learners over eight seeds each. They run in
 * `npm run test:all` (and CI), not in the quick `npm test`; see vitest.config.ts.
 */
import { describe, expect, it } from 'vitest';
import { GAMMA, POST_LQR, optimum, sampledQ } from './model.ts';
import { runToEnd } from '../../workers/engines/chunked.ts';
import { tasks } from '../../workers/tasks.ts';
import { qLearningDiscrete } from '../../workers/engines/learning/qlearning.ts';
import { compareLearners } from '../../workers/engines/learning/compare.ts';
import { meanVariance } from '../../workers/engines/stats.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const mean = (v: number[]) => meanVariance(v).mean;
/** Sample standard deviation (the variance is the unbiased one). */
const sd = (v: number[]) => Math.sqrt(meanVariance(v).variance);

describe('one function, two time scales (eqs. ql-split, ql-split-drift): both learners over eight seeds', () => {
  const KS = optimum.K;
  it('K* = 2.660, psi* = (-2.660, 0, 2.303), gamma / w_a = 1', () => {
    expect(KS).toBeCloseTo(2.66, 3);
    expect(Math.log(1 / POST_LQR.r)).toBeCloseTo(2.303, 3);
    expect(GAMMA / POST_LQR.r).toBeCloseTo(1, 12);
  });

  it(
    'eta = 0.3 dt / 0.1: averaged gains 1.443 +- 0.045 (dt 0.01) and 0.590 +- 0.006 (dt 0.005), still rising at the end on every seed',
    { timeout: 120_000 },
    () => {
      const rows = [0.01, 0.005].map((dt) => SEEDS.map((seed) => runToEnd(qLearningDiscrete({ dt, seed, lr: (0.3 * dt) / 0.1 }))));
      const k = rows.map((r) => r.map((x) => x.KAveraged));
      expect(mean(k[0])).toBeCloseTo(1.443, 3);
      expect(sd(k[0])).toBeCloseTo(0.045, 3);
      expect(mean(k[1])).toBeCloseTo(0.59, 3);
      expect(sd(k[1])).toBeCloseTo(0.006, 3);
      expect(Number(sampledQ(0.01).K.toFixed(3))).toBe(2.617);
      expect(Number(sampledQ(0.005).K.toFixed(3))).toBe(2.638);
      // Still rising: the last recorded gain is above the gain at three quarters of the run, on every seed.
      for (const r of rows) for (const x of r) expect(x.curveK[99]).toBeGreaterThan(x.curveK[74]);
    },
  );

  it(
    'eta = 0.3: Q-learning 2.263 +- 0.015 at dt 0.1 (K_dt 2.262), 2.935 +- 0.062 at dt 0.005 (+11.2%); biases 0.0, 1.5, 4.0, 11.2%; q-learning within 0.5%',
    { timeout: 120_000 },
    () => {
      const tables = SEEDS.map((seed) => runToEnd(compareLearners({ seed })));
      const Q = (j: number) => tables.map((t) => t.rows[j].QKAveraged);
      const q = (j: number) => tables.map((t) => t.rows[j].qKAveraged);
      expect(mean(Q(0))).toBeCloseTo(2.263, 3);
      expect(sd(Q(0))).toBeCloseTo(0.015, 3);
      expect(mean(Q(3))).toBeCloseTo(2.935, 3);
      expect(sd(Q(3))).toBeCloseTo(0.062, 3);
      expect(1 - sampledQ(0.1).K / KS).toBeCloseTo(0.15, 2); // 15% below K*
      expect(Math.abs(sampledQ(0.005).K / KS - 1)).toBeLessThan(0.01);
      const bias = [0.1, 0.05, 0.01, 0.005].map((dt, j) => Number((100 * (mean(Q(j)) / sampledQ(dt).K - 1)).toFixed(1)));
      expect(bias).toEqual([0.0, 1.5, 4.0, 11.2]);
      expect(q(0).concat(q(1), q(2), q(3)).length).toBe(32);
      expect([0, 1, 2, 3].map((j) => Number(mean(q(j)).toFixed(3)))).toEqual([2.652, 2.652, 2.648, 2.66]);
      for (const j of [0, 1, 2, 3]) expect(Math.abs(mean(q(j)) / KS - 1)).toBeLessThan(0.005);
      const sds = [0, 1, 2, 3].map((j) => sd(q(j)));
      expect(Number(Math.min(...sds).toFixed(3))).toBe(0.011);
      expect(Number(Math.max(...sds).toFixed(3))).toBe(0.028);
      // The learned gap coefficient within 8% of its exact value at every step, on every seed.
      for (const t of tables)
        for (const [j, dt] of [0.1, 0.05, 0.01, 0.005].entries()) expect(Math.abs(t.rows[j].Qgap / sampledQ(dt).thetaAA - 1)).toBeLessThan(0.08);
    },
  );

  it('the constant-step bias at dt 0.005: theta_xa +14.3%, theta_aa within 2%; halving eta halves it (11.2, 4.9, 2.4%)', { timeout: 180_000 }, () => {
    const dt = 0.005;
    const ex = sampledQ(dt);
    const out = [0.3, 0.15, 0.075].map((lr) => SEEDS.map((seed) => runToEnd(qLearningDiscrete({ dt, seed, lr, time: (400 * 0.3) / lr }))));
    const rel = out.map((r) => Number((100 * (mean(r.map((x) => x.KAveraged)) / ex.K - 1)).toFixed(1)));
    expect(rel).toEqual([11.2, 4.9, 2.4]);
    expect(mean(out[0].map((x) => x.theta[1] / ex.thetaXA)) - 1).toBeCloseTo(0.143, 3);
    expect(Math.abs(mean(out[0].map((x) => x.theta[2] / ex.thetaAA)) - 1)).toBeLessThan(0.02);
  });
});

describe('the ergodic figure over eight seeds (fig. ql-ergodic, defaults)', () => {
  it('psi averaged: -0.3514 +- 0.0064, -0.7082 +- 0.0011, -1.043 +- 0.010; average reward 0.6326 +- 0.0022', { timeout: 120_000 }, () => {
    const rs = SEEDS.map((seed) => runToEnd(tasks.qlErgodic({ dt: 0.1, paths: 1000, time: 2000, seed })));
    const psi = (j: number) => rs.map((r) => r.psiAveraged[j]);
    expect(mean(psi(0))).toBeCloseTo(-0.3514, 4);
    expect(sd(psi(0))).toBeCloseTo(0.0064, 4);
    expect(mean(psi(1))).toBeCloseTo(-0.7082, 4);
    expect(sd(psi(1))).toBeCloseTo(0.0011, 4);
    expect(mean(psi(2))).toBeCloseTo(-1.043, 3);
    expect(sd(psi(2))).toBeCloseTo(0.01, 3);
    const avg = rs.map((r) => r.averageReward);
    expect(mean(avg)).toBeCloseTo(0.6326, 4);
    expect(sd(avg)).toBeCloseTo(0.0022, 4);
  });
});
