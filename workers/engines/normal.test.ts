import { describe, expect, it } from 'vitest';
import { Rng } from './random';
import { ZIG_R, ZIG_V, ZIG_W, fillNormals, normalFromState } from './normal';
import { ksPValue, ksStatistic, normalCdf, normalSf } from './stats';

/** Box–Muller, kept only as an independent reference sampler for these tests. */
function boxMuller(rng: Rng, out: Float64Array): void {
  for (let i = 0; i < out.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(rng.uniformOpen()));
    const th = 2 * Math.PI * rng.uniform();
    out[i] = r * Math.cos(th);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(th);
  }
}

function moments(z: Float64Array) {
  const n = z.length;
  let m1 = 0;
  for (let i = 0; i < n; i++) m1 += z[i];
  m1 /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = z[i] - m1;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  return { mean: m1, variance: m2 / n, skew: m3 / n, kurt: m4 / n };
}

describe('ziggurat normal sampler', () => {
  it('has tables that close at the peak (Marsaglia & Tsang r for 256 layers)', () => {
    expect(ZIG_R).toBeCloseTo(3.6541528853610088, 12);
    expect(ZIG_V).toBeCloseTo(0.00492867323399, 13);
    const x1 = ZIG_W[1] * 2 ** 23;
    expect(ZIG_V / x1 + Math.exp(-0.5 * x1 * x1)).toBeCloseTo(1, 12);
  });

  const n = 2_000_000;
  const z = new Float64Array(n);
  fillNormals(new Rng(20240601).state, z);

  it('moments of 2e6 draws: mean, variance, third and fourth central moments within 4 standard errors', () => {
    const m = moments(z);
    // Standard errors: mean 1/sqrt(n); variance sqrt(2/n); E Z^3 sqrt(15/n); E Z^4 sqrt(96/n) (Var Z^4 = 105 - 9).
    expect(Math.abs(m.mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m.skew)).toBeLessThan(4 * Math.sqrt(15 / n));
    expect(Math.abs(m.kurt - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
  });

  it('tail probabilities P(|Z| > c) for c = 1, 2, 3, r, 4 within 4 binomial standard errors', () => {
    for (const c of [1, 2, 3, ZIG_R, 3.8, 4]) {
      let k = 0;
      for (let i = 0; i < n; i++) if (Math.abs(z[i]) > c) k++;
      const p = 2 * normalSf(c);
      const se = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(k / n - p), `c = ${c}: ${k} of ${n}, expected ${p * n}`).toBeLessThan(4 * se);
    }
    // The tail is really sampled beyond r (not clamped at r): values above 4.5 exist and are not all equal.
    const far = Array.from(z).filter((v) => Math.abs(v) > 4.2);
    expect(far.length).toBeGreaterThan(5);
    expect(new Set(far.map((v) => v.toFixed(6))).size).toBe(far.length);
  });

  it('the conditional tail beyond r has the right mean: E[Z - r | Z > r] within 4 standard errors', () => {
    // For Z > r, E[Z | Z > r] = phi(r)/(1 - Phi(r)) (inverse Mills ratio).
    let s = 0;
    let s2 = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(z[i]);
      if (a > ZIG_R) {
        s += a;
        s2 += a * a;
        k++;
      }
    }
    const phi = Math.exp(-0.5 * ZIG_R * ZIG_R) / Math.sqrt(2 * Math.PI);
    const expected = phi / normalSf(ZIG_R);
    const sd = Math.sqrt(s2 / k - (s / k) ** 2);
    expect(Math.abs(s / k - expected)).toBeLessThan((4 * sd) / Math.sqrt(k));
  });

  it('passes a one-sample Kolmogorov–Smirnov test (200,000 draws, p > 0.001), as Box–Muller does', () => {
    const m = 200_000;
    const d = ksStatistic(z.subarray(0, m), normalCdf);
    expect(ksPValue(d, m)).toBeGreaterThan(1e-3);
    const bm = new Float64Array(m);
    boxMuller(new Rng(11), bm);
    expect(ksPValue(ksStatistic(bm, normalCdf), m)).toBeGreaterThan(1e-3);
  });

  it('agrees with Box–Muller on P(Z > 2.5) (two-sample difference within 4 standard errors)', () => {
    const m = 1_000_000;
    const bm = new Float64Array(m);
    boxMuller(new Rng(12), bm);
    const count = (a: Float64Array) => {
      let k = 0;
      for (let i = 0; i < m; i++) if (a[i] > 2.5) k++;
      return k / m;
    };
    const p = normalSf(2.5);
    const se2 = Math.sqrt((2 * p * (1 - p)) / m);
    expect(Math.abs(count(z.subarray(0, m)) - count(bm))).toBeLessThan(4 * se2);
  });

  it('single draws from normalFromState follow the same law (mean and variance of 2e5 draws)', () => {
    const rng = new Rng(77);
    const m = 200_000;
    const a = new Float64Array(m);
    for (let i = 0; i < m; i++) a[i] = normalFromState(rng.state);
    const mo = moments(a);
    expect(Math.abs(mo.mean)).toBeLessThan(4 / Math.sqrt(m));
    expect(Math.abs(mo.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / m));
  });

  it('fillNormals validates its range', () => {
    expect(() => fillNormals(new Rng(1).state, new Float64Array(4), 2, 5)).toThrow(/must lie within \[0, 4\]/);
  });
});
