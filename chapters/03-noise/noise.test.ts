/**
 * Chapter 3's exercises and closed-form helpers: every exercise answer is evaluated from the expression written in
 * index.mdx, with the engines the MDX imports, and compared with the number its worked solution arrives at.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brownianCovariance } from '../../workers/engines/brownian';
import { gbmLogDrift, gbmMoments, gbmVarianceStandardError } from '../../workers/engines/gbm';
import { ouMoments } from '../../workers/engines/ou';
import { lawCurves, logMean } from './laws';
import { normalCdf } from '../../workers/engines/stats';
import { convergenceSchema, lawsSchema, STEPS_LIST } from './schemas';

const mdx = readFileSync(path.resolve(__dirname, 'index.mdx'), 'utf8');

/** label -> the answer expression of each <Exercise label="..." answer={...}>. */
function answers(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of mdx.matchAll(/<Exercise label="([^"]+)" answer=\{(.+?)\} tolerance/g)) out.set(m[1], m[2]);
  return out;
}

function evaluate(expr: string): number {
  return new Function('brownianCovariance', 'gbmMoments', 'gbmLogDrift', 'ouMoments', `return (${expr});`)(
    brownianCovariance,
    gbmMoments,
    gbmLogDrift,
    ouMoments,
  ) as number;
}

describe('chapter 3 exercises', () => {
  const a = answers();
  it('has the four exercises, each with a computed (not literal) answer', () => {
    expect([...a.keys()]).toEqual(['ex:bm-variance', 'ex:gbm-mean', 'ex:ou-stationary', 'ex:ito-log']);
    for (const expr of a.values()) expect(expr).toMatch(/[a-zA-Z]+\(/);
  });
  it('the answers are the numbers the worked solutions arrive at', () => {
    expect(evaluate(a.get('ex:bm-variance')!)).toBeCloseTo(3.5, 12);
    expect(evaluate(a.get('ex:gbm-mean')!)).toBeCloseTo(100 * Math.exp(0.1), 10);
    expect(evaluate(a.get('ex:gbm-mean')!)).toBeCloseTo(110.52, 2);
    expect(evaluate(a.get('ex:ou-stationary')!)).toBeCloseTo(0.09, 12);
    expect(evaluate(a.get('ex:ito-log')!)).toBeCloseTo(0.055, 12);
    // The worked solution of ex:gbm-mean also quotes the median 100 e^{0.01}.
    expect(gbmMoments({ m: 0.05, v: 0.3, x0: 100, t: 2 }).median).toBeCloseTo(101.005, 3);
  });
});

describe("laws.ts (the OU/GBM figure's exact curves)", () => {
  it('OU: band is mean ± 2 sd; over the histogram range (mean ± 4 sd) the density has mass 2 Phi(4) - 1', () => {
    const c = lawCurves({ model: 'ou', theta: 1, mu: 0, sigma: 0.5, x0: 2, T: 2, steps: 200 });
    const m = ouMoments({ theta: 1, mu: 0, sigma: 0.5, x0: 2, t: 2 });
    expect(c.end.mean).toBeCloseTo(m.mean, 14);
    expect(c.upper[120] - c.mean[120]).toBeCloseTo(2 * Math.sqrt(m.variance), 12);
    let mass = 0;
    const [lo, hi] = c.histDomain;
    const n = 4000;
    for (let i = 0; i < n; i++) mass += c.density(lo + ((i + 0.5) * (hi - lo)) / n) * ((hi - lo) / n);
    expect(Math.abs(mass - (2 * normalCdf(4) - 1))).toBeLessThan(1e-7);
    expect(c.standardErrors(2000).variance).toBeCloseTo(m.variance * Math.sqrt(2 / 1999), 14);
  });
  it('GBM: band between the exact 2.3% and 97.7% quantiles, mean above median, histogram range holds 99.87%', () => {
    const c = lawCurves({ model: 'gbm', theta: 1, mu: 0.1, sigma: 0.4, x0: 1, T: 2, steps: 200 });
    expect(c.lower[120]).toBeCloseTo(Math.exp(0.04 - 2 * 0.4 * Math.SQRT2), 12);
    expect(c.mean[120]).toBeGreaterThan(c.median![120]);
    expect(c.histDomain[1]).toBeCloseTo(Math.exp(0.04 + 3 * 0.4 * Math.SQRT2), 12);
    expect(logMean([Math.E, 1, -1]).nonPositive).toBe(1);
    expect(logMean([Math.E, 1, -1]).mean).toBeCloseTo(0.5, 15);
  });
});

describe('numbers in the prose', () => {
  it('the Itô correction of the mean of log X_T at the defaults is 0.16, 12.6 standard errors sigma sqrt(T/N) = 0.0126', () => {
    const d = Object.fromEntries(Object.entries(lawsSchema).map(([k, v]) => [k, v.default])) as Record<keyof typeof lawsSchema, number>;
    const shift = 0.5 * d.vol ** 2 * d.T;
    const se = d.vol * Math.sqrt(d.T / d.paths);
    expect(shift).toBeCloseTo(0.16, 12);
    expect(se).toBeCloseTo(0.0126, 4);
    expect(shift / se).toBeCloseTo(12.6, 1);
    expect(d.paths).toBe(2000);
  });

  it('GBM at the defaults: the sample variance’s standard error is 2.3 times a Gaussian sample’s', () => {
    const d = Object.fromEntries(Object.entries(lawsSchema).map(([k, v]) => [k, v.default])) as Record<keyof typeof lawsSchema, number>;
    const g = { m: d.mu, v: d.vol, x0: d.s0, t: d.T };
    const variance = gbmMoments(g).variance;
    const ratio = gbmVarianceStandardError(g, d.paths) / (variance * Math.sqrt(2 / (d.paths - 1)));
    expect(ratio).toBeCloseTo(2.3, 1);
  });
  it('convergence at drift 0.1: the exact weak error is at most 0.13 Monte Carlo standard errors of the EM estimate', () => {
    const m = 0.1;
    const v = convergenceSchema.v.default;
    const N = convergenceSchema.paths.default;
    const sd = Math.sqrt(gbmMoments({ m, v, x0: 1, t: 1 }).variance);
    const worst = Math.max(...STEPS_LIST.map((n) => Math.abs((1 + m / n) ** n - Math.exp(m)) / (sd / Math.sqrt(N))));
    expect(worst).toBeLessThan(0.135);
    expect(worst).toBeCloseTo(0.13, 2);
  });
});
