import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { lqrChainValue, lqrContinuousPolicyValue } from '../engines/feynmanKac.ts';
import { lqrDiscounted } from '../engines/lqr.ts';
import { tasks } from '../tasks.ts';
import { horizonFor, pathCounts } from './feynmanKac.ts';

const post = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 };
const Kstar = lqrDiscounted(post).K;
// The defaults of chapter 5's figures (chapters/05-feynman-kac/FkVersusN.tsx and FkVersusDt.tsx).
const figN = { params: post, K: Kstar, x0: 1, dt: 0.01, T: 10, maxPaths: 4000, seed: 1 };
const figDt = { params: post, K: Kstar, x0: 1, dts: [0.2, 0.1, 0.05, 0.025, 0.0125, 0.00625], T: 10, paths: 2000, seed: 1 };

describe('fkVersusN (figure fk-paths)', () => {
  it('path counts double from 10 and end at the maximum; the horizon is a whole number of steps', () => {
    expect(pathCounts(4000)).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 2560, 4000]);
    expect(pathCounts(20)).toEqual([10, 20]);
    expect(() => pathCounts(5)).toThrow(/integer in \[10, 100000\]/);
    expect(horizonFor(10, 0.015)).toBeCloseTo(667 * 0.015, 12);
    expect(horizonFor(10, 0.01)).toBeCloseTo(10, 12);
  });

  it('every estimate lies within 4 standard errors of the exact chain value; the chain is 1.66% below the continuous value', () => {
    for (const p of [figN, { ...figN, K: 1, x0: -2, dt: 0.05, seed: 7 }, { ...figN, dt: 0.015, maxPaths: 1000, seed: 3 }]) {
      const r = runToEnd(tasks.fkVersusN(p));
      const chain = lqrChainValue(post, p.K, p.dt).value(p.x0);
      expect(r.chainValue).toBeCloseTo(chain, 12);
      expect(r.continuousValue).toBeCloseTo(lqrContinuousPolicyValue(post, p.K).value(p.x0), 12);
      for (let k = 0; k < r.paths.length; k++) expect(Math.abs(r.mean[k] - chain)).toBeLessThan(4 * r.stderr[k]);
    }
    const r = runToEnd(tasks.fkVersusN(figN));
    expect(r.relativeBias).toBeCloseTo(-0.016566, 5);
    // The standard error shrinks like 1/sqrt(N): SE * sqrt(N) is the same sd within 15% from N = 160 on.
    const sd = Array.from(r.stderr, (s, k) => s * Math.sqrt(r.paths[k]));
    for (let k = 4; k < sd.length; k++) expect(Math.abs(sd[k] / sd[sd.length - 1] - 1)).toBeLessThan(0.15);
    // At N = 4000 the 95% interval excludes the continuous value (bias 0.0042 > 1.96 SE = 0.0011).
    const last = r.paths.length - 1;
    expect(Math.abs(r.mean[last] - r.continuousValue)).toBeGreaterThan(1.96 * r.stderr[last]);
  });

  it('a non-stabilising gain and a diverging chain fail with a sentence', () => {
    expect(() => runToEnd(tasks.fkVersusN({ ...figN, K: -1 }))).toThrow(/does not stabilise/);
    expect(() => runToEnd(tasks.fkVersusN({ ...figN, K: 10, dt: 0.2 }))).toThrow(/discretised closed loop diverges/);
  });
});

describe('fkVersusDt (figure fk-dt)', () => {
  it('estimates lie within 4 standard errors of the chain value at every dt; the chain at dt = 0.05 is -0.2750180 vs -0.2526763 (-8.84%)', () => {
    const r = runToEnd(tasks.fkVersusDt(figDt));
    for (let k = 0; k < r.dt.length; k++) {
      const chain = lqrChainValue(post, Kstar, r.dt[k]).value(1);
      expect(r.chain[k]).toBeCloseTo(chain, 12);
      expect(Math.abs(r.mean[k] - chain)).toBeLessThan(4 * r.stderr[k]);
    }
    expect(r.chain[2]).toBeCloseTo(-0.275018, 6);
    expect(r.continuousValue).toBeCloseTo(-0.2526763, 7);
    expect((r.chain[2] - r.continuousValue) / Math.abs(r.continuousValue)).toBeCloseTo(-0.08842, 4);
    // The estimate at dt = 0.05 is far (> 10 SE) from the continuous value: the bias is not sampling noise.
    expect(Math.abs(r.mean[2] - r.continuousValue)).toBeGreaterThan(10 * r.stderr[2]);
  });

  it('marks the time steps where the Euler chain diverges (NaN), and still estimates the others', () => {
    // K = 10: a = 1 - 10.5 dt; gamma a^2 >= 1 at dt = 0.2 only.
    const r = runToEnd(tasks.fkVersusDt({ ...figDt, K: 10, paths: 200 }));
    expect(Number.isNaN(r.mean[0])).toBe(true);
    expect(Number.isNaN(r.chain[0])).toBe(true);
    for (let k = 1; k < r.dt.length; k++) expect(Math.abs(r.mean[k] - r.chain[k])).toBeLessThan(4 * r.stderr[k]);
    expect(() => runToEnd(tasks.fkVersusDt({ ...figDt, K: -0.6 }))).toThrow(/does not stabilise/);
  });
});

describe('fkVersusDt and fkVersusN with huge inputs', () => {
  const huge = 1e308;
  const cases: [string, typeof figDt][] = [
    ['x0', { ...figDt, x0: huge }],
    ['K', { ...figDt, K: huge }],
    ['q', { ...figDt, params: { ...post, q: huge } }],
    ['r', { ...figDt, params: { ...post, r: huge } }],
    ['sigma', { ...figDt, params: { ...post, sigma: huge } }],
    ['beta', { ...figDt, params: { ...post, beta: huge } }],
    ['alpha', { ...figDt, params: { ...post, alpha: -huge } }],
    ['T', { ...figDt, T: huge }],
  ];
  it.each(cases)('reject %s = ±1e308 with a sentence naming it, never non-finite numbers', (name, p) => {
    const small = { ...p, paths: 20, dts: [0.2, 0.1] };
    expect(() => runToEnd(tasks.fkVersusDt(small))).toThrow(new RegExp(`^${name} = -?1e\\+308 is too large`));
    expect(() => runToEnd(tasks.fkVersusN({ ...figN, params: small.params, K: small.K, x0: small.x0, T: small.T, maxPaths: 20 }))).toThrow(
      new RegExp(`^${name} = -?1e\\+308 is too large`),
    );
  });
});
