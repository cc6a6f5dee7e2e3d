import { describe, expect, it } from 'vitest';
import { runToEnd } from './chunked';
import { affineRunReference, sampleGeometricSde1d, sampleLinearSde1d, sampleSde1d, type LinearSde1dParams } from './sde';
import { gbmConvergence } from './convergence';

const ou = (over: Partial<LinearSde1dParams> = {}): LinearSde1dParams => ({
  // OU dX = theta (mu - X) dt + sigma dW with theta = 2, mu = 0.5, sigma = 0.8.
  a: -2,
  b: 1,
  s: 0.8,
  x0: 1.5,
  T: 1,
  steps: 50,
  paths: 1000,
  seed: 42,
  record: 11,
  ...over,
});

describe('sampleLinearSde1d', () => {
  it('returns the documented shapes: times, path-major recorded values, finals', () => {
    const r = runToEnd(sampleLinearSde1d(ou({ paths: 7, record: 6 })));
    expect(r.t.length).toBe(6);
    expect(r.t[0]).toBe(0);
    expect(r.t[5]).toBe(1);
    expect(r.t[1]).toBeCloseTo(0.2, 6);
    expect(r.paths.length).toBe(7 * 6);
    expect(r.final.length).toBe(7);
    for (let i = 0; i < 7; i++) {
      expect(r.paths[i * 6]).toBe(1.5);
      expect(r.paths[i * 6 + 5]).toBe(Math.fround(r.final[i]));
    }
  });

  it('is deterministic, does not depend on chunking, and path i does not depend on later paths', () => {
    const a = runToEnd(sampleLinearSde1d(ou({ paths: 3000, steps: 2000, record: 5 })));
    const progress: number[] = [];
    const b = runToEnd(sampleLinearSde1d(ou({ paths: 3000, steps: 2000, record: 5 })), (f) => progress.push(f));
    expect(Array.from(b.final)).toEqual(Array.from(a.final));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(1);
    for (let k = 1; k < progress.length; k++) expect(progress[k]).toBeGreaterThan(progress[k - 1]);
    const c = runToEnd(sampleLinearSde1d(ou({ paths: 5, steps: 2000, record: 5 })));
    expect(Array.from(c.final)).toEqual(Array.from(a.final.subarray(0, 5)));
    // Recording more time points does not change the paths.
    const d = runToEnd(sampleLinearSde1d(ou({ paths: 5, steps: 2000, record: 2001 })));
    expect(Array.from(d.final)).toEqual(Array.from(c.final));
    const e = runToEnd(sampleLinearSde1d(ou({ paths: 5, steps: 2000, record: 5, stream: 1 })));
    expect(e.final[0]).not.toBe(c.final[0]);
  });

  it('OU variance at T over 200,000 paths is within 4 standard errors of the exact Euler–Maruyama variance', () => {
    // EM: X_{n+1} = c1 X_n + c0 + c2 Z, c1 = 1 + a dt, c2 = s sqrt(dt) =>
    // Var X_N = c2^2 (1 - c1^{2N}) / (1 - c1^2), E X_N = c1^N x0 + c0 (1 - c1^N)/(1 - c1).
    // The sample variance of n Gaussian values has standard error Var sqrt(2/(n-1)) (0.32% here): a ziggurat
    // with a wrong tail or wedge shows up as a variance several standard errors off.
    const p = ou({ paths: 200_000, steps: 40, T: 2, record: 2, seed: 7 });
    const r = runToEnd(sampleLinearSde1d(p));
    const dt = p.T / p.steps;
    const c1 = 1 + p.a * dt;
    const c2 = p.s * Math.sqrt(dt);
    const N = p.steps;
    const varEm = (c2 * c2 * (1 - c1 ** (2 * N))) / (1 - c1 * c1);
    const meanEm = c1 ** N * p.x0 + (p.b * dt * (1 - c1 ** N)) / (1 - c1);
    expect(Math.abs(r.variance / varEm - 1)).toBeLessThan(4 * Math.sqrt(2 / (p.paths - 1)));
    expect(Math.abs(r.mean - meanEm)).toBeLessThan(4 * Math.sqrt(varEm / p.paths));
    // The exact OU variance differs from the EM one by more than the test's tolerance here (dt = 0.05):
    const varExact = (p.s * p.s * (1 - Math.exp(2 * p.a * p.T))) / (-2 * p.a);
    expect(Math.abs(varEm / varExact - 1)).toBeGreaterThan(8 * Math.sqrt(2 / (p.paths - 1)));
  });

  it("scheme 'exact' reproduces the exact OU mean and variance within 4 standard errors", () => {
    const p = ou({ paths: 200_000, steps: 10, T: 2, record: 2, seed: 8, scheme: 'exact' });
    const r = runToEnd(sampleLinearSde1d(p));
    const theta = -p.a;
    const mu = p.b / theta;
    const varExact = ((p.s * p.s) / (2 * theta)) * (1 - Math.exp(-2 * theta * p.T));
    const meanExact = mu + (p.x0 - mu) * Math.exp(-theta * p.T);
    expect(Math.abs(r.variance / varExact - 1)).toBeLessThan(4 * Math.sqrt(2 / (p.paths - 1)));
    expect(Math.abs(r.mean - meanExact)).toBeLessThan(4 * Math.sqrt(varExact / p.paths));
  });

  it('a = 0 (Brownian motion with drift) works in both schemes', () => {
    for (const scheme of ['em', 'exact'] as const) {
      const r = runToEnd(sampleLinearSde1d({ a: 0, b: 1, s: 2, x0: 0, T: 1, steps: 8, paths: 100_000, seed: 3, record: 2, scheme }));
      expect(Math.abs(r.mean - 1)).toBeLessThan(4 * Math.sqrt(4 / 1e5));
      expect(Math.abs(r.variance / 4 - 1)).toBeLessThan(4 * Math.sqrt(2 / 1e5));
    }
  });

  it('validates its input with messages that give the allowed range', () => {
    const run = (over: Partial<LinearSde1dParams>) => () => runToEnd(sampleLinearSde1d(ou(over)));
    expect(run({ T: 0 })).toThrow(/T must be a finite number > 0/);
    expect(run({ steps: 0 })).toThrow(/steps must be an integer in \[1,/);
    expect(run({ record: 1 })).toThrow(/record must be an integer in \[2, 51\]/);
    expect(run({ record: 52 })).toThrow(/record must be an integer in \[2, 51\]/);
    expect(run({ a: NaN })).toThrow(/a must be a finite number/);
    expect(run({ paths: 5_000_000, steps: 100, record: 100 })).toThrow(/recorded values would need .* MB/);
    expect(run({ seed: -1 })).toThrow(/seed must be an integer/);
  });
});

describe('affineRunReference (the readable version of the affine kernel)', () => {
  const cases: [string, LinearSde1dParams][] = [
    [
      'OU, EM, paths not a multiple of 4, steps not a multiple of the block',
      { a: -1.3, b: 0.4, s: 0.7, x0: 1.5, T: 2, steps: 613, paths: 7, seed: 11, record: 9 },
    ],
    [
      'closed-loop LQR, exact scheme, every step recorded, stream 3',
      { a: -0.8, b: 0, s: 0.3, x0: -1, T: 1, steps: 40, paths: 5, seed: 2, record: 41, stream: 3, scheme: 'exact' },
    ],
    ['explosive, one path, two blocks exactly', { a: 0.5, b: -0.1, s: 1, x0: 0, T: 3, steps: 512, paths: 1, seed: 99, record: 2 }],
  ];
  it.each(cases)("gives the fast sampler's numbers bit for bit: %s", (_, p) => {
    const fast = runToEnd(sampleLinearSde1d(p));
    const ref = affineRunReference(p);
    expect(Array.from(ref.final)).toEqual(Array.from(fast.final));
    expect(Array.from(ref.paths)).toEqual(Array.from(fast.paths));
  });
});

describe('sampleGeometricSde1d and sampleSde1d', () => {
  const base = { x0: 1, T: 1, steps: 20, paths: 100_000, seed: 5, record: 2 };
  it('EM mean is x0 (1 + m dt)^N and the exact scheme mean x0 e^{mT} (within 4 standard errors)', () => {
    const m = 0.3;
    const v = 0.4;
    const em = runToEnd(sampleGeometricSde1d({ ...base, m, v }));
    const ex = runToEnd(sampleGeometricSde1d({ ...base, m, v, scheme: 'exact' }));
    const mi = runToEnd(sampleGeometricSde1d({ ...base, m, v, scheme: 'milstein' }));
    const se = (r: { variance: number }) => Math.sqrt(r.variance / base.paths);
    expect(Math.abs(em.mean - (1 + m / 20) ** 20)).toBeLessThan(4 * se(em));
    expect(Math.abs(mi.mean - (1 + m / 20) ** 20)).toBeLessThan(4 * se(mi));
    expect(Math.abs(ex.mean - Math.exp(m))).toBeLessThan(4 * se(ex));
    // Exact second moment: E X_T^2 = e^{(2m + v^2) T}; Var = e^{2m}(e^{v^2} - 1).
    const varExact = Math.exp(2 * m) * (Math.exp(v * v) - 1);
    // The sample variance of a lognormal has a larger standard error than the Gaussian one; 5% is > 4 se here.
    expect(Math.abs(ex.variance / varExact - 1)).toBeLessThan(0.05);
    expect(Math.min(...Array.from(ex.final))).toBeGreaterThan(0);
  });

  it('the generic sampler reproduces the fused linear kernel path by path (same normals)', () => {
    const p = { x0: 0.3, T: 2, steps: 64, paths: 9, seed: 11, record: 5 };
    const lin = runToEnd(sampleLinearSde1d({ ...p, a: -1.5, b: 0.2, s: 0.7 }));
    const gen = runToEnd(sampleSde1d({ ...p, f: (_t, x) => -1.5 * x + 0.2, g: () => 0.7 }));
    for (let i = 0; i < p.paths; i++) expect(Math.abs(gen.final[i] - lin.final[i])).toBeLessThan(1e-12);
    const geo = runToEnd(sampleGeometricSde1d({ ...p, m: 0.1, v: 0.5, scheme: 'milstein' }));
    const genM = runToEnd(sampleSde1d({ ...p, scheme: 'milstein', f: (_t, x) => 0.1 * x, g: (_t, x) => 0.5 * x, gx: () => 0.5 }));
    for (let i = 0; i < p.paths; i++) expect(Math.abs(genM.final[i] - geo.final[i])).toBeLessThan(1e-12);
  });

  it('returns quantile bands and a histogram when asked', () => {
    const r = runToEnd(
      sampleLinearSde1d({ a: -1, b: 0, s: 1, x0: 0, T: 1, steps: 50, paths: 20_000, seed: 2, record: 3, bands: [0.05, 0.5, 0.95], histogram: { bins: 30 } }),
    );
    expect(r.bands!.length).toBe(9);
    // At t = 0 every band is x0; at T the 95% band is near 1.645 sd.
    expect(r.bands![0]).toBe(0);
    const sd = Math.sqrt(r.variance);
    expect(Math.abs(r.bands![2 * 3 + 2] / sd - 1.645)).toBeLessThan(0.05);
    const mass = r.histogram!.density.reduce((s, d, k) => s + d * (r.histogram!.edges[k + 1] - r.histogram!.edges[k]), 0);
    expect(mass).toBeCloseTo(1, 12);
  });

  it('validates schemes and functions', () => {
    expect(() => runToEnd(sampleGeometricSde1d({ ...base, m: 0, v: 1, scheme: 'rk4' as never }))).toThrow(/scheme must be/);
    expect(() => runToEnd(sampleSde1d({ ...base, f: () => 0, g: () => 1, scheme: 'milstein' }))).toThrow(/needs gx/);
  });
});

describe('gbmConvergence: strong and weak orders of EM and Milstein on GBM', () => {
  it('measures strong orders 1/2 (EM) and 1 (Milstein), weak order 1 (both), slopes within 0.1', () => {
    // Measured with this seed: 0.519, 0.972 (strong), 1.009, 0.972 (weak).
    const r = runToEnd(gbmConvergence({ m: 0.8, v: 0.6, x0: 1, T: 1, stepsList: [8, 16, 32, 64, 128], paths: 20_000, seed: 1 }));
    expect(Math.abs(r.slopes.strongEm - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(r.slopes.strongMilstein - 1)).toBeLessThan(0.1);
    expect(Math.abs(r.slopes.weakEm - 1)).toBeLessThan(0.1);
    expect(Math.abs(r.slopes.weakMilstein - 1)).toBeLessThan(0.1);
    // Milstein is strongly more accurate than EM at every step size, and every weak error is well above its noise.
    for (let l = 0; l < r.dt.length; l++) {
      expect(r.strongMilstein[l]).toBeLessThan(r.strongEm[l]);
      expect(r.weakEm[l]).toBeGreaterThan(4 * r.weakEmSe[l]);
    }
  });
});
