import { describe, expect, it } from 'vitest';
import { runToEnd } from './chunked';
import { sampleGeometricSde2d, sampleLinearSde2d, sampleSde2d } from './sde2d';

describe('planar samplers', () => {
  // Double integrator under feedback a = -K x, K = [3, 2.5]: A = [[0, 1], [-3, -2.5]], noise on velocity.
  const A = [
    [0, 1],
    [-3, -2.5],
  ];
  const S = [
    [0, 0],
    [0, 0.4],
  ];
  const base = { x0: [1, 0] as [number, number], T: 2, steps: 40, paths: 100_000, seed: 3, record: 2 };

  it("linear EM covariance matches the exact discrete recursion Sigma <- M Sigma M' + L L' within 4 standard errors", () => {
    const r = runToEnd(sampleLinearSde2d({ ...base, A, S }));
    const dt = base.T / base.steps;
    const M = [
      [1 + A[0][0] * dt, A[0][1] * dt],
      [A[1][0] * dt, 1 + A[1][1] * dt],
    ];
    let m = [1, 0];
    let C = [0, 0, 0]; // xx, xy, yy
    const q = 0.16 * dt; // L L' = diag(0, 0.16 dt)
    for (let n = 0; n < base.steps; n++) {
      m = [M[0][0] * m[0] + M[0][1] * m[1], M[1][0] * m[0] + M[1][1] * m[1]];
      const [a, b, c] = C;
      // M C M' for symmetric C = [[a, b], [b, c]].
      const r00 = M[0][0] * a + M[0][1] * b;
      const r01 = M[0][0] * b + M[0][1] * c;
      const r10 = M[1][0] * a + M[1][1] * b;
      const r11 = M[1][0] * b + M[1][1] * c;
      C = [r00 * M[0][0] + r01 * M[0][1], r00 * M[1][0] + r01 * M[1][1], r10 * M[1][0] + r11 * M[1][1] + q];
    }
    const n = base.paths;
    expect(Math.abs(r.mean[0] - m[0])).toBeLessThan(4 * Math.sqrt(C[0] / n));
    expect(Math.abs(r.mean[1] - m[1])).toBeLessThan(4 * Math.sqrt(C[2] / n));
    // se of a sample variance of Gaussians: var sqrt(2/n); of a covariance: sqrt((var_x var_y + cov^2)/n).
    expect(Math.abs(r.covariance[0] / C[0] - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(r.covariance[2] / C[2] - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(r.covariance[1] - C[1])).toBeLessThan(4 * Math.sqrt((C[0] * C[2] + C[1] ** 2) / n));
  });

  it('generic EM reproduces the linear kernel path by path, and records interleaved components', () => {
    const p = { ...base, paths: 6, record: 5 };
    const lin = runToEnd(sampleLinearSde2d({ ...p, A, S }));
    const gen = runToEnd(
      sampleSde2d({
        ...p,
        drift: (_t, x, y, out) => {
          out[0] = y;
          out[1] = -3 * x - 2.5 * y;
        },
        diffusion: (_t, _x, _y, out) => {
          out[0] = 0;
          out[1] = 0;
          out[2] = 0;
          out[3] = 0.4;
        },
      }),
    );
    for (let k = 0; k < lin.final.length; k++) expect(Math.abs(gen.final[k] - lin.final[k])).toBeLessThan(1e-12);
    expect(lin.paths.length).toBe(6 * 5 * 2);
    expect(lin.paths[0]).toBe(1);
    expect(lin.paths[1]).toBe(0);
    expect(lin.paths[(2 * 5 + 4) * 2 + 1]).toBe(Math.fround(lin.final[2 * 2 + 1]));
    for (let k = 0; k < gen.paths.length; k++) expect(Math.abs(gen.paths[k] - lin.paths[k])).toBeLessThan(1e-6);
  });

  it("geometric 2-D: EM mean x0 (1 + m dt)^N; exact mean x0 e^{mT} and log-covariance V V' T, within 4 standard errors", () => {
    const V = [
      [0.2, 0],
      [0.15, 0.25],
    ];
    const g = { x0: [1, 2] as [number, number], m: [0.05, 0.1] as [number, number], V, T: 1, steps: 20, paths: 100_000, seed: 5, record: 2 };
    const em = runToEnd(sampleGeometricSde2d(g));
    const ex = runToEnd(sampleGeometricSde2d({ ...g, scheme: 'exact' }));
    const n = g.paths;
    for (let j = 0; j < 2; j++) {
      const se = (r: typeof em, k: number) => Math.sqrt(r.covariance[k] / n);
      expect(Math.abs(em.mean[j] - g.x0[j] * (1 + g.m[j] / g.steps) ** g.steps)).toBeLessThan(4 * se(em, j * 2));
      expect(Math.abs(ex.mean[j] - g.x0[j] * Math.exp(g.m[j]))).toBeLessThan(4 * se(ex, j * 2));
    }
    // log X(T) under the exact scheme: covariance V V' T = [[0.04, 0.03], [0.03, 0.085]].
    let s00 = 0;
    let s01 = 0;
    let s11 = 0;
    let m0 = 0;
    let m1 = 0;
    for (let i = 0; i < n; i++) {
      m0 += Math.log(ex.final[2 * i]);
      m1 += Math.log(ex.final[2 * i + 1]);
    }
    m0 /= n;
    m1 /= n;
    for (let i = 0; i < n; i++) {
      const a = Math.log(ex.final[2 * i]) - m0;
      const b = Math.log(ex.final[2 * i + 1]) - m1;
      s00 += a * a;
      s01 += a * b;
      s11 += b * b;
    }
    const cov = [s00 / (n - 1), s01 / (n - 1), s11 / (n - 1)];
    const want = [0.04, 0.03, 0.085];
    // Standard errors of Gaussian sample covariances: sqrt((s_ii s_jj + s_ij^2) / n).
    const seCov = [Math.sqrt((2 * 0.04 * 0.04) / n), Math.sqrt((0.04 * 0.085 + 0.03 * 0.03) / n), Math.sqrt((2 * 0.085 * 0.085) / n)];
    for (let k = 0; k < 3; k++) expect(Math.abs(cov[k] - want[k])).toBeLessThan(4 * seCov[k]);
    expect(() => runToEnd(sampleGeometricSde2d({ ...g, scheme: 'milstein' as 'em' }))).toThrow(/scheme must be/);
  });

  it('validates matrices', () => {
    expect(() => runToEnd(sampleLinearSde2d({ ...base, A: [[1, 2]], S }))).toThrow(/A must be a 2 x 2 matrix/);
    expect(() => runToEnd(sampleLinearSde2d({ ...base, A, S, x0: [1] as never }))).toThrow(/x0 must be a pair/);
  });
});
