import { describe, expect, it } from 'vitest';
import { runToEnd } from './chunked';
import { evaluatePolicyMC, evaluatePolicyMCReference, lqrChainValue, mertonChainValue, type EvaluatePolicyParams } from './feynmanKac';
import { lqrDiscounted } from './lqr';
import { mertonClosedForm, mertonPolicyValue } from './merton';
import { linearFit } from './stats';

const post = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 };
const { K } = lqrDiscounted(post);

describe('exact value of the time-discretised LQR chain', () => {
  it('matches the direct sum of the chain recursion, and its bias at dt = 0.05 is 8.84%', () => {
    const dt = 0.05;
    const ch = lqrChainValue(post, K, dt);
    // Direct: E X_n^2 = a^{2n} x0^2 + s^2 (1 - a^{2n})/(1 - a^2); V = -1/2 w dt sum gamma^n E X_n^2.
    const a = 1 + (post.alpha - post.beta * K) * dt;
    const s2 = post.sigma ** 2 * dt;
    const w = post.q + post.r * K * K;
    const g = Math.exp(-post.rho * dt);
    let V = 0;
    for (let n = 0; n < 200_000; n++) V += -0.5 * w * dt * g ** n * (a ** (2 * n) + (s2 * (1 - a ** (2 * n))) / (1 - a * a));
    expect(ch.value(1)).toBeCloseTo(V, 9);
    const cont = -0.5 * lqrDiscounted(post).P - lqrDiscounted(post).c;
    const rel = (ch.value(1) - cont) / Math.abs(cont);
    // Euler–Maruyama, left-point reward r(X_n) dt, per-step discount e^{-rho dt}: -8.842% (the chain costs more).
    expect(rel).toBeCloseTo(-0.08842, 4);
  });

  it('the bias is first order in dt (log-log slope within 0.1 of 1)', () => {
    const cont = -0.5 * lqrDiscounted(post).P - lqrDiscounted(post).c;
    const dts = [0.04, 0.02, 0.01, 0.005, 0.0025];
    const errs = dts.map((dt) => Math.abs(lqrChainValue(post, K, dt).value(1) - cont));
    expect(Math.abs(linearFit(dts.map(Math.log), errs.map(Math.log)).slope - 1)).toBeLessThan(0.1);
  });
});

describe('evaluatePolicyMC', () => {
  it("LQR, dt = 0.05, tail 'chain': within 4 standard errors of the chain's exact value, and ~30 se away from the continuous value", () => {
    const r = runToEnd(evaluatePolicyMC({ model: 'lqr', params: post, gain: K, x0: 1, dt: 0.05, horizon: 10, paths: 20_000, seed: 1 }));
    expect(Math.abs(r.mean - r.chainValue)).toBeLessThan(4 * r.stderr);
    expect(Math.abs(r.mean - r.continuousValue)).toBeGreaterThan(20 * r.stderr);
    expect(r.relativeBias).toBeCloseTo(-0.08842, 4);
    expect(r.tailWeight).toBeCloseTo(Math.exp(-1), 12);
    expect(r.tailMean).toBeLessThan(0);
  });

  it("LQR, small dt with tail 'continuous': within 4 standard errors of the continuous value plus the O(dt) bias", () => {
    const r = runToEnd(evaluatePolicyMC({ model: 'lqr', params: post, gain: K, x0: 1, dt: 0.005, horizon: 5, paths: 4000, seed: 2, tail: 'continuous' }));
    // The estimator's mean is the chain's value over [0, 5) plus e^{-rho 5} V_cont: between chain and continuous.
    const lo = Math.min(r.chainValue, r.continuousValue);
    const hi = Math.max(r.chainValue, r.continuousValue);
    expect(r.mean).toBeGreaterThan(lo - 4 * r.stderr);
    expect(r.mean).toBeLessThan(hi + 4 * r.stderr);
  });

  it("tail 'none' reports a zero tail and records paths with cumulative discounted rewards", () => {
    const r = runToEnd(
      evaluatePolicyMC({ model: 'lqr', params: post, gain: K, x0: 1, dt: 0.05, horizon: 2, paths: 100, seed: 3, tail: 'none', recordPaths: 5, record: 11 }),
    );
    expect(r.tailMean).toBe(0);
    const rec = r.recorded!;
    expect(rec.paths).toBe(5);
    expect(rec.t[10]).toBeCloseTo(2, 6);
    expect(rec.x[0]).toBe(1);
    // Cumulative reward is non-increasing (rewards are negative) along each recorded path.
    for (let i = 0; i < 5; i++) for (let j = 1; j < 11; j++) expect(rec.cumulative[i * 11 + j]).toBeLessThanOrEqual(rec.cumulative[i * 11 + j - 1]);
  });

  it("Merton with the exact step: within 4 standard errors of the chain's exact value; chain -> continuous as dt -> 0", () => {
    const mp = { mu: 0.08, rf: 0.03, sigma: 0.2, gamma: 2, rho: 0.05 };
    const m = mertonClosedForm(mp);
    const policy = { pi: m.pi, k: m.k };
    const r = runToEnd(evaluatePolicyMC({ model: 'merton', params: mp, policy, scheme: 'exact', x0: 1, dt: 0.05, horizon: 10, paths: 20_000, seed: 4 }));
    expect(Math.abs(r.mean - r.chainValue)).toBeLessThan(4 * r.stderr);
    expect(r.continuousValue).toBeCloseTo(m.value(1), 9);
    const e1 = Math.abs(mertonChainValue(mp, policy, 0.02)(1) - m.value(1));
    const e2 = Math.abs(mertonChainValue(mp, policy, 0.01)(1) - m.value(1));
    expect(e1 / e2).toBeGreaterThan(1.9);
    expect(e1 / e2).toBeLessThan(2.1);
    // Log utility too.
    const lp = { ...mp, gamma: 1 };
    const lm = mertonClosedForm(lp);
    const rl = runToEnd(
      evaluatePolicyMC({ model: 'merton', params: lp, policy: { pi: lm.pi, k: lm.k }, scheme: 'exact', x0: 2, dt: 0.05, horizon: 10, paths: 20_000, seed: 5 }),
    );
    expect(Math.abs(rl.mean - rl.chainValue)).toBeLessThan(4 * rl.stderr);
    expect(rl.continuousValue).toBeCloseTo(mertonPolicyValue(lp, { pi: lm.pi, k: lm.k })(2), 9);
  });

  it('validates its input', () => {
    const base = { model: 'lqr' as const, params: post, gain: K, x0: 1, dt: 0.05, horizon: 1, paths: 10, seed: 1 };
    expect(() => runToEnd(evaluatePolicyMC({ ...base, dt: 0 }))).toThrow(/dt must be a finite number > 0/);
    expect(() => runToEnd(evaluatePolicyMC({ ...base, horizon: 1.01 }))).toThrow(/whole number of steps/);
    expect(() => runToEnd(evaluatePolicyMC({ ...base, gain: -5 }))).toThrow(/does not stabilise/);
    expect(() => runToEnd(evaluatePolicyMC({ ...base, dt: 1, horizon: 1, gain: 30 }))).toThrow(/discretised closed loop diverges/);
    const mp = { mu: 0.08, rf: 0.03, sigma: 0.2, gamma: 2, rho: 0.05 };
    expect(() =>
      runToEnd(evaluatePolicyMC({ model: 'merton', params: mp, policy: { pi: 0.6, k: 0 }, x0: 1, dt: 0.1, horizon: 1, paths: 10, seed: 1 })),
    ).toThrow(/consumption rate k must be/);
    expect(() =>
      runToEnd(evaluatePolicyMC({ model: 'merton', params: mp, policy: { pi: 0.6, k: 0.05 }, x0: 1, dt: 0.1, horizon: 1, paths: 10, seed: 1, tail: 'chain' })),
    ).toThrow(/tail 'chain' needs/);
  });
});

describe('evaluatePolicyMCReference (the readable version of evaluatePolicyMC)', () => {
  const merton = { mu: 0.08, rf: 0.02, sigma: 0.2, gamma: 2, rho: 0.05 };
  const common = { x0: 1, dt: 0.05, horizon: 30, paths: 300, seed: 5 };
  const cases: [string, EvaluatePolicyParams][] = [
    ['LQR, chain tail (default)', { model: 'lqr', params: post, gain: K, ...common, x0: 1.3 }],
    [
      'LQR, continuous tail, a sub-optimal gain, stream 2, steps not a multiple of 512',
      { model: 'lqr', params: post, gain: 0.5, ...common, horizon: 41.3, tail: 'continuous', stream: 2 },
    ],
    ['LQR, no tail, short horizon', { model: 'lqr', params: post, gain: K, ...common, horizon: 2, tail: 'none' }],
    ['Merton, EM step (continuous tail)', { model: 'merton', params: merton, policy: { pi: 0.75, k: 0.06 }, ...common }],
    ['Merton, exact step (chain tail)', { model: 'merton', params: merton, policy: { pi: 0.5, k: 0.05 }, scheme: 'exact', ...common }],
    ['Merton, log utility, exact step', { model: 'merton', params: { ...merton, gamma: 1 }, policy: { pi: 1, k: 0.05 }, scheme: 'exact', ...common, x0: 2 }],
  ];
  it.each(cases)('gives the same mean and stderr to 1e-10 relative: %s', (_, p) => {
    const fast = runToEnd(evaluatePolicyMC(p));
    const ref = evaluatePolicyMCReference(p);
    expect(Math.abs(ref.mean - fast.mean)).toBeLessThan(1e-10 * Math.abs(fast.mean));
    expect(Math.abs(ref.stderr - fast.stderr)).toBeLessThan(1e-10 * fast.stderr);
    expect(fast.stderr).toBeGreaterThan(0);
  });
});
