/**
 * The numbers chapter 10 states in its prose and exercises. Each is computed twice: from the engine's closed form
 * (what the page shows) and independently here, by hand-written sums, the posterior of the data given the noised
 * state, or the trapezoid rule.
 */
import { describe, expect, it } from 'vitest';
import { B, biasAlphaT, biasKl, biasReward, gaussControl, ring, ringMemoryless, ringTilt, ringTradeoff, schedule } from './model.ts';
import { compileMixture, gmmDensity, type GaussianMixture } from '../../workers/engines/diffusion/gmm.ts';
import { DC_BIMODAL, DC_RING, lambdaGrid } from '../../workers/engines/diffusion/dcSetup.ts';
import { biasSchedule, RF_B, RF_BIAS, RF_CONTOURS, RF_LAMBDA, RF_LAMBDAS, RF_TMIN } from '../../workers/engines/diffusion/rfSetup.ts';
import { endLaw, exactTradeoff, memorylessTradeoff, noisedMarginal, tiltedMixture } from '../../workers/engines/diffusion/tilt.ts';
import type { NoiseSchedule } from '../../workers/engines/diffusion/schedule.ts';
import { BIAS_STEPS, RF_NODES } from '../../workers/tasks/rewardFineTuning.ts';
import { REWARD_SCHEMA } from './params.ts';

const SQ2 = Math.SQRT2;
/** The ring's tilted normaliser at b = (1, 0), lambda = 1 without the common factor: sum_k e^{2 cos theta_k}. */
const S = Math.exp(2) + 2 * Math.exp(SQ2) + 2 + 2 * Math.exp(-SQ2) + Math.exp(-2);

/** Trapezoid rule of f on [lo, hi] with n intervals. */
function trapezoid(f: (x: number) => number, lo: number, hi: number, n: number): number {
  const h = (hi - lo) / n;
  let s = 0.5 * (f(lo) + f(hi));
  for (let i = 1; i < n; i++) s += f(lo + i * h);
  return s * h;
}

/** The law of Y_0 given Y_s = x for 1-D mixture data, written out (weights, means, variances). */
function posterior1d(m: GaussianMixture, sch: NoiseSchedule, s: number, x: number) {
  const a = sch.alpha(s);
  const sg2 = sch.sigma2(s);
  const tot = m.weights.reduce((u, w) => u + w, 0);
  const parts = m.means.map(([mk], k) => {
    const sk2 = m.stds[k] ** 2;
    const v = a * a * sk2 + sg2;
    return {
      lw: Math.log(m.weights[k] / tot) - 0.5 * Math.log(2 * Math.PI * v) - (x - a * mk) ** 2 / (2 * v),
      mean: (sg2 * mk + a * sk2 * x) / v,
      var: (sk2 * sg2) / v,
    };
  });
  const mx = Math.max(...parts.map((p) => p.lw));
  const W = parts.reduce((u, p) => u + Math.exp(p.lw - mx), 0);
  return parts.map((p) => ({ w: Math.exp(p.lw - mx) / W, mean: p.mean, var: p.var }));
}

/** The tilted 1-D law at (b, lambda), by hand. */
function tilted1d(b: number, lambda: number): GaussianMixture {
  const e = DC_BIMODAL.means.map(([mk], k) => DC_BIMODAL.weights[k] * Math.exp((b * mk) / lambda + (DC_BIMODAL.stds[k] ** 2 * b * b) / (2 * lambda * lambda)));
  const Z = e.reduce((u, v) => u + v, 0);
  return { weights: e.map((v) => v / Z), means: DC_BIMODAL.means.map(([mk], k) => [mk + (DC_BIMODAL.stds[k] ** 2 * b) / lambda]), stds: DC_BIMODAL.stds };
}

/** The end law of the bias figure at x, as an integral over the start x0 ~ p_T of the tilted posterior (independent). */
function endDensity(sch: NoiseSchedule, x: number, b = RF_BIAS.b, lambda = RF_BIAS.lambda): number {
  const til = tilted1d(b, lambda);
  const p0 = noisedMarginal(DC_BIMODAL, sch, 1);
  return trapezoid(
    (x0) =>
      gmmDensity(p0, [x0], 0, sch) *
      posterior1d(til, sch, 1, x0).reduce((u, c) => u + (c.w * Math.exp(-((x - c.mean) ** 2) / (2 * c.var))) / Math.sqrt(2 * Math.PI * c.var), 0),
    -7,
    7,
    700,
  );
}

/** KL(p_end || ptilde) by the trapezoid rule over x, with p_end from `endDensity`. */
function endKl(betaMax: number): number {
  const sch = biasSchedule(betaMax);
  const til = compileMixture(tilted1d(RF_BIAS.b, RF_BIAS.lambda));
  return trapezoid(
    (x) => {
      const pe = endDensity(sch, x);
      return pe > 0 ? pe * Math.log(pe / gmmDensity(til, [x], 0, sch)) : 0;
    },
    -5,
    5,
    500,
  );
}

describe('chapter 10: the set-up the prose and the captions quote', () => {
  it('the ring: 8 modes of standard deviation 0.15 on the circle of radius 2, equal weights', () => {
    expect(DC_RING).toEqual({ modes: 8, radius: 2, std: 0.15 });
    expect(ring.K).toBe(8);
    for (let k = 0; k < 8; k++) expect(Math.hypot(ring.mu[2 * k], ring.mu[2 * k + 1])).toBeCloseTo(2, 12);
  });

  it('the defaults of the reward: b = (1, 0), lambda = 1', () => {
    expect([...RF_B]).toEqual([1, 0]);
    expect(RF_LAMBDA).toBe(1);
    expect(REWARD_SCHEMA.b1.default).toBe(1);
    expect(REWARD_SCHEMA.b2.default).toBe(0);
    expect(REWARD_SCHEMA.lambda.default).toBe(1);
  });

  it('the particle figure: Euler–Maruyama to generation time 1 - 1e-3; contours of the tilted law at e^-1, e^-3, e^-5 of its peak, the data at 2 sd', () => {
    expect(RF_TMIN).toBe(1e-3);
    expect([...RF_CONTOURS.tilted].sort((a, b) => b - a)).toEqual([-1, -3, -5]);
    // A lone isotropic Gaussian mode: ln N drops by r^2/(2 sd^2), which is 2 at r = 2 sd.
    expect(RF_CONTOURS.data).toEqual([-(2 ** 2) / 2]);
  });

  it('the trade-off figure: temperatures from 0.05 to 20, 16 Gauss–Hermite nodes', () => {
    const grid = lambdaGrid(RF_LAMBDAS.lo, RF_LAMBDAS.hi, RF_LAMBDAS.count);
    expect(grid[0]).toBe(0.05);
    expect(grid[grid.length - 1]).toBe(20);
    expect(RF_NODES).toBe(16);
  });

  it('the bias figure: modes -1.5 (weight 0.4, sd 0.3) and 1 (weight 0.6, sd 0.4); 500 Euler–Maruyama steps; 48 nodes', () => {
    expect(DC_BIMODAL).toEqual({ weights: [0.4, 0.6], means: [[-1.5], [1]], stds: [0.3, 0.4] });
    expect(BIAS_STEPS).toBe(500);
    expect(RF_BIAS.nodes).toBe(48);
    expect([RF_BIAS.betaMax, RF_BIAS.b, RF_BIAS.lambda]).toEqual([2, 1.2, 0.8]);
  });
});

describe('chapter 10: exercises rf-weight, rf-kl and rf-gauss-control, by hand', () => {
  it('S = 7.389056 + 8.226501 + 2 + 0.486233 + 0.135335 = 18.237126; the mode at angle 0 gets 0.405166', () => {
    expect(Math.exp(2)).toBeCloseTo(7.389056, 6);
    expect(2 * Math.exp(SQ2)).toBeCloseTo(8.226501, 6);
    expect(2 * Math.exp(-SQ2)).toBeCloseTo(0.486233, 6);
    expect(Math.exp(-2)).toBeCloseTo(0.135335, 6);
    expect(S).toBeCloseTo(18.237126, 6);
    expect(Math.exp(2) / S).toBeCloseTo(0.405166, 6);
    expect(ringTilt([1, 0], 1).mixture.weights[0]).toBeCloseTo(0.405166, 6);
  });

  it('ln Z = 0.835268, E[r] = 25.453833/S + 0.0225 = 1.418215, KL = 0.582947; from p_T 0.582949 (2e-6 more)', () => {
    const logZ = Math.log(S / 8) + 0.01125;
    expect(logZ).toBeCloseTo(0.835268, 6);
    const num = 2 * Math.exp(2) + 2 * SQ2 * (Math.exp(SQ2) - Math.exp(-SQ2)) - 2 * Math.exp(-2);
    expect(num).toBeCloseTo(25.453833, 6);
    expect(num / S).toBeCloseTo(1.395715, 6);
    const er = num / S + 0.0225;
    expect(er).toBeCloseTo(1.418215, 6);
    expect(er - logZ).toBeCloseTo(0.582947, 6);
    const m = ringMemoryless([1, 0], 1);
    expect(m.reward).toBeCloseTo(er, 12);
    expect(m.kl).toBeCloseTo(er - logZ, 12);
    expect(ringTilt([1, 0], 1).logZ).toBeCloseTo(logZ, 12);
    const t = ringTradeoff([1, 0], 1);
    expect(t.kl).toBeCloseTo(0.582949, 6);
    expect(t.kl - m.kl).toBeCloseTo(2e-6, 6);
  });

  it('u*(0.5, 0.7) = 2.463737 * 0.25 * 0.629550 / 0.702750 = 0.551777 at every x', () => {
    const a = Math.exp(-0.25 * 0.09 * 19.9 - 0.015);
    expect(a).toBeCloseTo(0.62955, 6);
    const v = 0.25 * a * a + 1 - a * a;
    expect(v).toBeCloseTo(0.70275, 6);
    const g = Math.sqrt(0.1 + 0.3 * 19.9);
    expect(g).toBeCloseTo(2.463737, 6);
    expect((g * 0.25 * a) / v).toBeCloseTo(0.551777, 6);
    for (const x of [-2, 0.5, 3]) expect(gaussControl(x, 0.7)).toBeCloseTo((g * 0.25 * a) / v, 10);
  });
});

describe('chapter 10: the particle figure and the trade-off figure', () => {
  it('the mode opposite b gets e^-2/S = 0.00742; the shift sd^2 |b|/lambda = 0.0225', () => {
    expect(Math.exp(-2) / S).toBeCloseTo(0.00742, 5);
    expect(ringTilt().mixture.weights[4]).toBeCloseTo(0.00742, 5);
    expect(ringTilt().mixture.means[0][0] - 2).toBeCloseTo(0.0225, 12);
  });

  it('lambda = 0.2: the best mode holds 90.3% (e^10/sum e^{10 cos theta}), moved out by 0.1125; lambda = 0.1 (the least the slider allows): all but 5.68e-3', () => {
    const w = (lam: number) => {
      const e = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => Math.exp((2 * Math.cos((k * Math.PI) / 4)) / lam));
      return e[0] / e.reduce((a, b) => a + b, 0);
    };
    expect(w(0.2)).toBeCloseTo(0.903, 3);
    expect(ringTilt(B, 0.2).mixture.weights[0]).toBeCloseTo(w(0.2), 12);
    expect(0.15 ** 2 / 0.2).toBeCloseTo(0.1125, 12);
    expect(ringTilt(B, 0.2).mixture.means[0][0] - 2).toBeCloseTo(0.1125, 12);
    expect(REWARD_SCHEMA.lambda.min).toBe(0.1);
    expect(1 - w(0.1)).toBeCloseTo(5.68e-3, 5);
    expect(1 - ringTilt(B, 0.1).mixture.weights[0]).toBeCloseTo(1 - w(0.1), 12);
  });

  it('lambda = 1 from p_T: E[r] = 1.418 and KL = 0.5829 (against an independent quadrature of the posterior over a grid of starts)', () => {
    const t = ringTradeoff();
    expect(t.reward).toBeCloseTo(1.418, 3);
    expect(t.kl).toBeCloseTo(0.5829, 4);
    // Independent: E[r] = E_{p_T}[b . E(Ytilde_0 | Ytilde_T = x0)] and E ln h_0 through the posterior form of h, on a grid.
    const tilt = ringTilt().mixture;
    const pT = noisedMarginal(ring, schedule, 1);
    const a = schedule.alpha(1);
    const sg2 = schedule.sigma2(1);
    let er = 0;
    let elh = 0;
    const n = 220;
    const L = 7.5;
    const hh = (2 * L) / n;
    for (let i = 0; i <= n; i++)
      for (let j = 0; j <= n; j++) {
        const x = [-L + i * hh, -L + j * hh];
        const w = (i === 0 || i === n ? 0.5 : 1) * (j === 0 || j === n ? 0.5 : 1) * hh * hh * gmmDensity(pT, x, 0, schedule);
        // posterior of the tilted data given Ytilde_T = x
        const lw = tilt.means.map((m, k) => Math.log(tilt.weights[k]) - ((x[0] - a * m[0]) ** 2 + (x[1] - a * m[1]) ** 2) / (2 * (a * a * 0.0225 + sg2)));
        const mx = Math.max(...lw);
        const ww = lw.map((l) => Math.exp(l - mx));
        const W = ww.reduce((u, v) => u + v, 0);
        let mean0 = 0;
        tilt.means.forEach((m, k) => (mean0 += (ww[k] / W) * ((sg2 * m[0] + a * 0.0225 * x[0]) / (a * a * 0.0225 + sg2))));
        er += w * mean0;
        // h_0 through the posterior of the data given Y_T = x
        const dlw = ring.logW.map((l, k) => l - ((x[0] - a * ring.mu[2 * k]) ** 2 + (x[1] - a * ring.mu[2 * k + 1]) ** 2) / (2 * (a * a * 0.0225 + sg2)));
        const dmx = Math.max(...dlw);
        const dw = dlw.map((l) => Math.exp(l - dmx));
        const DW = dw.reduce((u, v) => u + v, 0);
        const v = a * a * 0.0225 + sg2;
        let h = 0;
        for (let k = 0; k < 8; k++) h += (dw[k] / DW) * Math.exp((sg2 * ring.mu[2 * k] + a * 0.0225 * x[0]) / v + (0.5 * 0.0225 * sg2) / v);
        elh += w * Math.log(h);
      }
    expect(er).toBeCloseTo(t.reward, 6);
    expect(er - elh).toBeCloseTo(t.kl, 6);
  });

  it('the two curves (from p_T and memoryless) differ by less than 1e-4 over the 61 temperatures from 0.05 to 20', () => {
    let dr = 0;
    let dk = 0;
    for (const l of lambdaGrid(RF_LAMBDAS.lo, RF_LAMBDAS.hi, RF_LAMBDAS.count)) {
      const a = ringTradeoff(B, l);
      const m = ringMemoryless(B, l);
      dr = Math.max(dr, Math.abs(a.reward - m.reward));
      dk = Math.max(dk, Math.abs(a.kl - m.kl));
    }
    expect(dr).toBeLessThan(1e-4);
    expect(dk).toBeLessThan(1e-4);
    expect(dk).toBeGreaterThan(1e-5);
  });

  it('quadrature on the ring: 16 and 40 nodes agree to 1e-13; alpha_T = 0.00657', () => {
    expect(RF_NODES).toBe(16);
    const a = exactTradeoff(ring, schedule, B, 1, undefined, RF_NODES);
    const c = exactTradeoff(ring, schedule, B, 1, undefined, 40);
    expect(Math.abs(a.reward - c.reward)).toBeLessThan(1e-13);
    expect(Math.abs(a.kl - c.kl)).toBeLessThan(1e-13);
    expect(schedule.alpha(1)).toBeCloseTo(0.00657, 5);
  });
});

describe('chapter 10: the bias figure (beta_max 2 by default, b = 1.2, lambda = 0.8)', () => {
  it('alpha_T = 0.592 at beta_max 2 and 0.760 at 1', () => {
    expect(RF_BIAS.betaMax).toBe(2);
    expect(biasAlphaT(2)).toBeCloseTo(Math.exp(-0.25 * 1.9 - 0.05), 12);
    expect(biasAlphaT(2)).toBeCloseTo(0.592, 3);
    expect(biasAlphaT(1)).toBeCloseTo(0.76, 3);
  });

  it('KL(p_end || ptilde) = 0.0911, 0.0195 at 3, 7.73e-6 at 10, 3.43e-10 at 20, 0.431 at 1 (against the trapezoid rule of the posterior integral)', () => {
    expect(biasKl(2)).toBeCloseTo(0.0911, 4);
    expect(biasKl(3)).toBeCloseTo(0.0195, 4);
    expect(biasKl(10)).toBeCloseTo(7.73e-6, 8);
    expect(biasKl(20)).toBeCloseTo(3.43e-10, 12);
    expect(biasKl(1)).toBeCloseTo(0.431, 3);
    for (const bm of [1, 2, 3]) expect(endKl(bm)).toBeCloseTo(biasKl(bm), 5);
  });

  it('below 0: the end law keeps 7.99% (21.1% at beta_max 1), the tilted law 1.52%, the data 40.4%', () => {
    const sch = biasSchedule(2);
    const below = (f: (x: number) => number) => trapezoid(f, -8, 0, 1600);
    expect(below((x) => endDensity(sch, x))).toBeCloseTo(0.0799, 4);
    expect(below((x) => endDensity(biasSchedule(1), x))).toBeCloseTo(0.211, 3);
    const til = tilted1d(RF_BIAS.b, RF_BIAS.lambda);
    expect(below((x) => gmmDensity(til, [x], 0, sch))).toBeCloseTo(0.0152, 4);
    expect(below((x) => gmmDensity(DC_BIMODAL, [x], 0, sch))).toBeCloseTo(0.404, 3);
    // The engine's end law gives the same.
    const e = endLaw(DC_BIMODAL, sch, [RF_BIAS.b], RF_BIAS.lambda);
    expect(below((x) => Math.exp(e.logDensity([x])))).toBeCloseTo(
      below((x) => endDensity(sch, x)),
      6,
    );
  });

  it('E[r] at the end 1.150 against 1.443 under the tilted law (independent: the trapezoid rule of x p_end and x ptilde)', () => {
    const r = biasReward(2);
    expect(r.end).toBeCloseTo(1.15, 3);
    expect(r.tilted).toBeCloseTo(1.443, 3);
    const sch = biasSchedule(2);
    const til = tilted1d(RF_BIAS.b, RF_BIAS.lambda);
    expect(RF_BIAS.b * trapezoid((x) => x * endDensity(sch, x), -8, 8, 1600)).toBeCloseTo(r.end, 5);
    expect(RF_BIAS.b * trapezoid((x) => x * gmmDensity(til, [x], 0, sch), -8, 8, 1600)).toBeCloseTo(r.tilted, 6);
    expect(memorylessTradeoff(DC_BIMODAL, [RF_BIAS.b], RF_BIAS.lambda).reward).toBeCloseTo(r.tilted, 12);
  });
});

describe('chapter 10: the tilted law in the exact case agrees with tiltedMixture', () => {
  it('1-D tilted mixture by hand', () => {
    const a = tilted1d(1.2, 0.8);
    const b = tiltedMixture(DC_BIMODAL, [1.2], 0.8).mixture;
    for (let k = 0; k < 2; k++) {
      expect(b.weights[k]).toBeCloseTo(a.weights[k], 12);
      expect(b.means[k][0]).toBeCloseTo(a.means[k][0], 12);
    }
  });
});
