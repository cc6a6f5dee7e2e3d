/**
 * The closed forms of tilt.ts against simulation: Monte Carlo of chapter 9's pretrained reverse SDE for h_t, and of the
 * optimally controlled process for the expected reward, the Girsanov KL and the end law (fixed seeds, within 4
 * standard errors); and the 2-D end law's quadrature at two node counts.
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../chunked';
import { Rng, seedState } from '../random';
import { fillNormals } from '../normal';
import { vpSchedule, type NoiseSchedule } from './schedule';
import { gmmDensity, gmmSample, ringMixture, type GaussianMixture } from './gmm';
import { exactScore, sampleDiffusion } from './samplers';
import { controlledScore, endLaw, exactTradeoff, logH, noisedMarginal, tiltedMixture } from './tilt';

const vp = vpSchedule({ betaMin: 0.1, betaMax: 20 });
const ring = ringMixture(8, 2, 0.15);
const bimodal: GaussianMixture = { weights: [0.4, 0.6], means: [[-1.5], [1]], stds: [0.3, 0.4] };
const mix2: GaussianMixture = {
  weights: [0.5, 0.3, 0.2],
  means: [
    [-1, 0],
    [1, 0.5],
    [0, 1.5],
  ],
  stds: [0.4, 0.3, 0.5],
};
// A schedule with memory: beta_max = 3, alpha_T = 0.46, so the start is not free.
const mem = vpSchedule({ betaMin: 0.1, betaMax: 3 });

/** Trapezoid rule of f on [lo, hi] with n intervals. */
function trapezoid(f: (x: number) => number, lo: number, hi: number, n: number): number {
  const h = (hi - lo) / n;
  let s = 0.5 * (f(lo) + f(hi));
  for (let i = 1; i < n; i++) s += f(lo + i * h);
  return s * h;
}

/** Mean and standard error. */
function meanSe(v: ArrayLike<number>): { mean: number; se: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < v.length; i++) {
    s += v[i];
    s2 += v[i] * v[i];
  }
  const mean = s / v.length;
  return { mean, se: Math.sqrt(Math.max(0, s2 / v.length - mean * mean) / (v.length - 1)) };
}

/**
 * Euler–Maruyama of the optimally controlled process dX = [-f X + g^2 score_pre + g u*] dt + g dW from X_0 ~ start,
 * written here without the engine's samplers, with the Girsanov integral 1/2 int |u*|^2 dt per path.
 */
function controlledPaths(
  model: GaussianMixture,
  sch: NoiseSchedule,
  b: number[],
  lambda: number,
  start: GaussianMixture,
  n: number,
  steps: number,
  seed: number,
) {
  const d = b.length;
  const x = gmmSample(start, n, new Rng(seed, 7));
  const pre = exactScore(model, sch);
  const tilt = controlledScore(model, sch, b, lambda);
  const sp = new Float64Array(n * d);
  const st = new Float64Array(n * d);
  const z = new Float64Array(n * d);
  const kl = new Float64Array(n);
  const rs = seedState(seed, 8);
  const dt = sch.T / steps;
  for (let k = 0; k < steps; k++) {
    const s = sch.T - k * dt;
    pre(x, n, s, sp);
    tilt(x, n, s, st);
    fillNormals(rs, z);
    const g = sch.g(s);
    const a = 1 - sch.f(s) * dt;
    for (let i = 0; i < n; i++) {
      let q = 0;
      for (let j = 0; j < d; j++) {
        const o = i * d + j;
        const u = g * (st[o] - sp[o]);
        q += u * u;
        x[o] = a * x[o] + g * g * sp[o] * dt + g * u * dt + g * Math.sqrt(dt) * z[o];
      }
      kl[i] += 0.5 * q * dt;
    }
  }
  const reward = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) reward[i] += b[j] * x[i * d + j];
  return { final: x, kl, reward };
}

describe('h_t against Monte Carlo of the pretrained process', () => {
  // Monte Carlo of the pretrained reverse SDE from X_t = x (chapter 9's sampler; the schedule's horizon is cut to
  // T - t so that it starts at forward time s = T - t), Euler–Maruyama with 1000 steps to s = 0.
  it.each([
    ['1-D bimodal', bimodal, [0.9], 0.7, 0.4, [0.3]],
    ['2-D mixture', mix2, [0.6, -0.8], 1.2, 0.6, [0.5, 0.4]],
    ['2-D ring', ring, [1, 0.5], 1, 0.85, [1.2, 0.9]],
  ] as const)('%s: Monte Carlo of the pretrained process agrees within 4 standard errors', (_, model, b, lambda, t, x) => {
    const d = x.length;
    const n = 20000;
    const cut = { ...vp, T: vp.T - t } as NoiseSchedule;
    const init = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) init[i * d + j] = x[j];
    const res = runToEnd(
      sampleDiffusion({ schedule: cut, score: exactScore(model, vp), dim: d, particles: n, steps: 1000, method: 'sde-em', seed: 11, tMin: 0, init }),
    );
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let j = 0; j < d; j++) r += b[j] * res.final[i * d + j];
      v[i] = Math.exp(r / lambda);
    }
    const { mean, se } = meanSe(v);
    const h = Math.exp(logH(model, vp, b, lambda, t, x));
    expect(Math.abs(mean - h)).toBeLessThan(4 * se);
    expect(se / h).toBeLessThan(0.02);
  });
});

describe('the optimal control simulated', () => {
  it.each([
    ['1-D bimodal, beta_max = 3', bimodal, mem, [1.2], 0.8, 20000],
    ['1-D bimodal, beta_max = 20', bimodal, vp, [1.2], 0.8, 20000],
    ['2-D ring, beta_max = 20', ring, vp, [1, 0.5], 1, 8000],
  ] as const)('%s: E[r] and the Girsanov KL 1/2 E int |u*|^2 of simulated paths within 4 standard errors', (_, model, sch, b, lambda, n) => {
    const start = noisedMarginal(model, sch, sch.T);
    const ex = exactTradeoff(model, sch, [...b], lambda);
    const mc = controlledPaths(model, sch, [...b], lambda, start, n, 1000, 21);
    const r = meanSe(mc.reward);
    const k = meanSe(mc.kl);
    expect(Math.abs(r.mean - ex.reward)).toBeLessThan(4 * r.se);
    expect(Math.abs(k.mean - ex.kl)).toBeLessThan(4 * k.se + 0.01 * ex.kl);
    expect(ex.kl).toBeGreaterThan(0);
  });

  it('1-D: the simulated controlled paths land in the end law, not in the tilted law (4 standard errors)', () => {
    const n = 40000;
    const mc = controlledPaths(bimodal, mem, [1.2], 0.8, noisedMarginal(bimodal, mem, mem.T), n, 1000, 31);
    const e = endLaw(bimodal, mem, [1.2], 0.8);
    const { mixture } = tiltedMixture(bimodal, [1.2], 0.8);
    let worstTilted = 0;
    for (const [lo, hi] of [
      [-Infinity, -0.25],
      [-0.25, 0.8],
      [0.8, Infinity],
    ]) {
      let c = 0;
      for (let i = 0; i < n; i++) if (mc.final[i] >= lo && mc.final[i] < hi) c++;
      const f = c / n;
      const pEnd = trapezoid((x) => Math.exp(e.logDensity([x])), Math.max(lo, -8), Math.min(hi, 8), 4000);
      const pTilt = trapezoid((x) => gmmDensity(mixture, [x], 0, mem), Math.max(lo, -8), Math.min(hi, 8), 4000);
      const se = Math.sqrt((pEnd * (1 - pEnd)) / n);
      expect(Math.abs(f - pEnd)).toBeLessThan(4 * se);
      worstTilted = Math.max(worstTilted, Math.abs(f - pTilt) / se);
    }
    expect(worstTilted).toBeGreaterThan(8);
  });

  it('2-D ring: mass 1, a tiny KL on the chapter schedule, 12 and 24 nodes agree', () => {
    const a = endLaw(ring, vp, [1, 0.5], 1, undefined, 12);
    const c = endLaw(ring, vp, [1, 0.5], 1, undefined, 24);
    expect(c.mass).toBeCloseTo(1, 9);
    expect(Math.abs(a.kl - c.kl)).toBeLessThan(1e-9);
    expect(c.kl).toBeGreaterThanOrEqual(0);
    expect(c.kl).toBeLessThan(1e-3);
  });
});
