import { describe, expect, it } from 'vitest';
import { vpSchedule, type NoiseSchedule } from './schedule';
import { compileMixture, gmmDensity, gmmLogDensity, gmmScore, ringMixture, type GaussianMixture } from './gmm';
import {
  endLaw,
  exactTradeoff,
  logH,
  memorylessTradeoff,
  mixtureExpectation,
  noisedMarginal,
  normalRule,
  optimalControl,
  posteriorMean,
  tiltedMixture,
  tiltedMixtureQuadratic,
} from './tilt';

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

/** Trapezoid rule of f on [lo, hi] with n intervals. */
function trapezoid(f: (x: number) => number, lo: number, hi: number, n: number): number {
  const h = (hi - lo) / n;
  let s = 0.5 * (f(lo) + f(hi));
  for (let i = 1; i < n; i++) s += f(lo + i * h);
  return s * h;
}

/**
 * The posterior of Y_0 given Y_s = x, written out here independently of the engine: component k has weight
 * gamma_k ∝ w_k N(x; alpha m_k, v_k I), mean (sigma^2 m_k + alpha sd_k^2 x)/v_k and variance sd_k^2 sigma^2 / v_k.
 */
function posterior(m: GaussianMixture, sch: NoiseSchedule, s: number, x: number[]) {
  const a = sch.alpha(s);
  const sg2 = sch.sigma2(s);
  const d = x.length;
  const tot = m.weights.reduce((u, w) => u + w, 0);
  const lg = m.means.map((mk, k) => {
    const v = a * a * m.stds[k] ** 2 + sg2;
    let q = 0;
    for (let j = 0; j < d; j++) q += (x[j] - a * mk[j]) ** 2;
    return Math.log(m.weights[k] / tot) - 0.5 * d * Math.log(2 * Math.PI * v) - q / (2 * v);
  });
  const mx = Math.max(...lg);
  const g = lg.map((l) => Math.exp(l - mx));
  const G = g.reduce((u, v) => u + v, 0);
  return m.means.map((mk, k) => {
    const sk2 = m.stds[k] ** 2;
    const v = a * a * sk2 + sg2;
    return { gamma: g[k] / G, mean: mk.map((mj, j) => (sg2 * mj + a * sk2 * x[j]) / v), var: (sk2 * sg2) / v };
  });
}

/** h_t(x) through the posterior: sum_k gamma_k exp(b.c_k/lambda + tau_k^2 |b|^2/(2 lambda^2)). */
function hByPosterior(m: GaussianMixture, sch: NoiseSchedule, b: number[], lambda: number, t: number, x: number[]): number {
  const bb = b.reduce((u, v) => u + v * v, 0);
  return posterior(m, sch, sch.T - t, x).reduce((acc, c) => {
    const bc = c.mean.reduce((u, v, j) => u + b[j] * v, 0);
    return acc + c.gamma * Math.exp(bc / lambda + (0.5 * c.var * bb) / (lambda * lambda));
  }, 0);
}

describe('Gauss–Hermite rule for the standard normal', () => {
  it('integrates the even moments 1, 3, 15, 945 and the odd ones to zero', () => {
    const { nodes, weights } = normalRule(24);
    const mom = (p: number) => nodes.reduce((u, z, i) => u + weights[i] * z ** p, 0);
    expect(mom(0)).toBeCloseTo(1, 13);
    expect(mom(2)).toBeCloseTo(1, 12);
    expect(mom(4)).toBeCloseTo(3, 11);
    expect(mom(6)).toBeCloseTo(15, 10);
    expect(mom(10) / 945).toBeCloseTo(1, 10);
    expect(mom(3)).toBeCloseTo(0, 12);
  });

  it('integrates E cos(Z) = e^{-1/2} to rounding (an analytic integrand converges fast)', () => {
    const { nodes, weights } = normalRule(24);
    expect(nodes.reduce((u, z, i) => u + weights[i] * Math.cos(z), 0)).toBeCloseTo(Math.exp(-0.5), 13);
  });
});

describe('the tilted law p_data e^{b.x/lambda}/Z', () => {
  it('1-D: ln Z, the density and the mean agree with the trapezoid rule on [-12, 12]', () => {
    const b = [1.3];
    const lambda = 0.7;
    const { mixture, logZ } = tiltedMixture(bimodal, b, lambda);
    const f = (x: number) => gmmDensity(bimodal, [x], 0, vp) * Math.exp((b[0] * x) / lambda);
    const Z = trapezoid(f, -12, 12, 24000);
    expect(logZ).toBeCloseTo(Math.log(Z), 9);
    for (const x of [-1.7, 0, 0.9, 2.4]) expect(gmmDensity(mixture, [x], 0, vp) / (f(x) / Z)).toBeCloseTo(1, 9);
    const mean = trapezoid((x) => x * f(x), -12, 12, 24000) / Z;
    expect(mixture.weights.reduce((u, w, k) => u + w * mixture.means[k][0], 0)).toBeCloseTo(mean, 9);
  });

  it('2-D ring: ln Z and the mean agree with a 2-D trapezoid grid on [-5, 5]^2', () => {
    const b = [1, 0.5];
    const lambda = 0.8;
    const { mixture, logZ } = tiltedMixture(ring, b, lambda);
    const n = 500;
    const h = 10 / n;
    let Z = 0;
    let mx = 0;
    let my = 0;
    const cm = compileMixture(ring);
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const x = -5 + i * h;
        const y = -5 + j * h;
        const w = (i === 0 || i === n ? 0.5 : 1) * (j === 0 || j === n ? 0.5 : 1) * h * h;
        const f = w * gmmDensity(cm, [x, y], 0, vp) * Math.exp((b[0] * x + b[1] * y) / lambda);
        Z += f;
        mx += x * f;
        my += y * f;
      }
    }
    expect(logZ).toBeCloseTo(Math.log(Z), 8);
    const mean = [0, 1].map((j) => mixture.weights.reduce((u, w, k) => u + w * mixture.means[k][j], 0));
    expect(mean[0]).toBeCloseTo(mx / Z, 8);
    expect(mean[1]).toBeCloseTo(my / Z, 8);
  });

  it('rejects a b of the wrong length and a lambda out of range', () => {
    expect(() => tiltedMixture(ring, [1], 1)).toThrow(/b must have 2 coordinates/);
    expect(() => tiltedMixture(ring, [1, 0], 0)).toThrow(/lambda must be in/);
  });
});

describe('h_t = E_pre[e^{r(X_T)/lambda} | X_t = x] and u* = g grad ln h', () => {
  it('the ratio form ln Z + ln ptilde_s - ln p_s equals the posterior form at many points and times', () => {
    const b = [0.7, -1.1];
    for (const lambda of [0.5, 1, 3]) {
      for (const t of [0, 0.3, 0.8, 0.99, 1]) {
        for (const x of [
          [0, 0],
          [1.2, -0.4],
          [-2, 1.5],
        ]) {
          expect(logH(mix2, vp, b, lambda, t, x)).toBeCloseTo(Math.log(hByPosterior(mix2, vp, b, lambda, t, x)), 9);
        }
      }
    }
  });

  it("the posterior mean E[Y_0 | Y_s = x] equals Tweedie's (x + sigma^2 grad ln p_s)/alpha where alpha is not tiny", () => {
    for (const s of [0.05, 0.4, 0.9]) {
      for (const x of [
        [0.3, -0.2],
        [2, 1],
      ]) {
        const m = posteriorMean(mix2, vp, s, x, new Float64Array(2));
        const sc = gmmScore(mix2, x, s, vp);
        for (let j = 0; j < 2; j++) expect(m[j]).toBeCloseTo((x[j] + vp.sigma2(s) * sc[j]) / vp.alpha(s), 9);
        const post = posterior(mix2, vp, s, x);
        for (let j = 0; j < 2; j++)
          expect(m[j]).toBeCloseTo(
            post.reduce((u, c) => u + c.gamma * c.mean[j], 0),
            12,
          );
      }
    }
  });

  it('at t = T, h is e^{r(x)/lambda} (the terminal condition)', () => {
    expect(logH(ring, vp, [1, 2], 0.5, 1, [0.3, -0.7])).toBeCloseTo((0.3 - 1.4) / 0.5, 10);
  });

  it('u* = g grad ln h against a central finite difference of ln h', () => {
    const b = [1, 0.5];
    for (const [t, x] of [
      [0.2, [0.4, -0.3]],
      [0.7, [1.5, 0.2]],
      [0.95, [-1.2, 1.4]],
    ] as [number, number[]][]) {
      const u = optimalControl(ring, vp, b, 0.8, t, x);
      const g = vp.g(1 - t);
      const e = 1e-5;
      for (let j = 0; j < 2; j++) {
        const xp = [...x];
        const xm = [...x];
        xp[j] += e;
        xm[j] -= e;
        const fd = (g * (logH(ring, vp, b, 0.8, t, xp) - logH(ring, vp, b, 0.8, t, xm))) / (2 * e);
        expect(Math.abs(u[j] - fd)).toBeLessThan(1e-6 * (1 + Math.abs(fd)));
      }
    }
  });
});

describe('the exact trade-off E[r] and KL(P^{u*} || P^pre)', () => {
  // A schedule with memory: beta_max = 3, alpha_T = 0.46, so the start is not free.
  const mem = vpSchedule({ betaMin: 0.1, betaMax: 3 });

  it('quadrature error: on the ring (chapter schedule) 16 and 40 nodes agree to 1e-13; with memory (1-D, beta_max 3) 16 to 2e-8, 24 to 1e-10', () => {
    const ringA = exactTradeoff(ring, vp, [1, 0.5], 0.8, undefined, 16);
    const ringC = exactTradeoff(ring, vp, [1, 0.5], 0.8, undefined, 40);
    expect(Math.abs(ringA.reward - ringC.reward)).toBeLessThan(1e-13);
    expect(Math.abs(ringA.kl - ringC.kl)).toBeLessThan(1e-13);
    const c = exactTradeoff(bimodal, mem, [1.2], 0.8, undefined, 40);
    for (const [nodes, tol] of [
      [16, 2e-8],
      [24, 1e-10],
    ]) {
      const a = exactTradeoff(bimodal, mem, [1.2], 0.8, undefined, nodes);
      expect(Math.abs(a.reward - c.reward)).toBeLessThan(tol);
      expect(Math.abs(a.kl - c.kl)).toBeLessThan(tol);
    }
  });

  it('a memoryless schedule (alpha_T -> 0) gives KL(ptilde || p_data), by quadrature of the tilted law', () => {
    const b = [1.2];
    const lambda = 0.8;
    const m = memorylessTradeoff(bimodal, b, lambda);
    const { mixture } = tiltedMixture(bimodal, b, lambda);
    const klq = trapezoid(
      (x) => {
        const lt = gmmLogDensity(mixture, [x], 0, vp);
        return Math.exp(lt) * (lt - gmmLogDensity(bimodal, [x], 0, vp));
      },
      -10,
      10,
      20000,
    );
    expect(m.kl).toBeCloseTo(klq, 9);
    const far = exactTradeoff(bimodal, vpSchedule({ betaMin: 0.1, betaMax: 200 }), b, lambda);
    expect(far.kl).toBeCloseTo(m.kl, 8);
    expect(far.reward).toBeCloseTo(m.reward, 8);
  });
});

describe('the end law from an untilted start: the value-function bias', () => {
  const mem = vpSchedule({ betaMin: 0.1, betaMax: 3 });
  const b = [1.2];
  const lambda = 0.8;

  /** p_end(x) = int p_0(x0) ptilde(x | Ytilde_T = x0) dx0 on a grid of x0, through the posterior (independent). */
  function endByPosterior(sch: NoiseSchedule, x: number): number {
    const { mixture } = tiltedMixture(bimodal, b, lambda);
    const p0 = noisedMarginal(bimodal, sch, sch.T);
    return trapezoid(
      (x0) =>
        gmmDensity(p0, [x0], 0, sch) *
        posterior(mixture, sch, sch.T, [x0]).reduce(
          (u, c) => u + (c.gamma * Math.exp(-((x - c.mean[0]) ** 2) / (2 * c.var))) / Math.sqrt(2 * Math.PI * c.var),
          0,
        ),
      -8,
      8,
      1600,
    );
  }

  it('1-D: the density and the KL agree with the posterior integral and the trapezoid rule; mass 1', () => {
    const e = endLaw(bimodal, mem, b, lambda);
    expect(e.mass).toBeCloseTo(1, 10);
    for (const x of [-1.6, 0, 1, 2]) expect(Math.exp(e.logDensity([x])) / endByPosterior(mem, x)).toBeCloseTo(1, 8);
    const { mixture } = tiltedMixture(bimodal, b, lambda);
    const klq = trapezoid(
      (x) => {
        const lp = e.logDensity([x]);
        return Math.exp(lp) * (lp - gmmLogDensity(mixture, [x], 0, mem));
      },
      -8,
      8,
      8000,
    );
    expect(e.kl).toBeCloseTo(klq, 9);
    expect(e.kl).toBeGreaterThan(1e-3);
  });

  it('the bias shrinks as the schedule forgets: KL(p_end || ptilde) falls with beta_max', () => {
    const kls = [1, 2, 4, 8, 20].map((bm) => endLaw(bimodal, vpSchedule({ betaMin: 0.1, betaMax: bm }), b, lambda).kl);
    for (let i = 1; i < kls.length; i++) expect(kls[i]).toBeLessThan(kls[i - 1]);
    expect(kls[4]).toBeLessThan(1e-4);
  });

  it('mixtureExpectation integrates the mixture mean and second moment exactly', () => {
    const [m, q] = mixtureExpectation(
      bimodal,
      (x, out) => {
        out[0] = x[0];
        out[1] = x[0] * x[0];
      },
      2,
      8,
    );
    expect(m).toBeCloseTo(0.4 * -1.5 + 0.6, 13);
    expect(q).toBeCloseTo(0.4 * (2.25 + 0.09) + 0.6 * (1 + 0.16), 13);
  });
});

describe('the quadratic reward r(x) = -(a/2)|x - c|^2', () => {
  it('1-D: ln Z, the density and the variance agree with the trapezoid rule', () => {
    const a = 2.5;
    const c = [0.4];
    const lambda = 0.7;
    const { mixture, logZ } = tiltedMixtureQuadratic(bimodal, a, c, lambda);
    const f = (x: number) => gmmDensity(bimodal, [x], 0, vp) * Math.exp((-0.5 * a * (x - c[0]) ** 2) / lambda);
    const Z = trapezoid(f, -12, 12, 24000);
    expect(logZ).toBeCloseTo(Math.log(Z), 9);
    for (const x of [-1.7, 0, 0.9, 2.4]) expect(gmmDensity(mixture, [x], 0, vp) / (f(x) / Z)).toBeCloseTo(1, 9);
    const m1 = trapezoid((x) => x * f(x), -12, 12, 24000) / Z;
    const m2 = trapezoid((x) => x * x * f(x), -12, 12, 24000) / Z;
    const mean = mixture.weights.reduce((u, w, k) => u + w * mixture.means[k][0], 0);
    const second = mixture.weights.reduce((u, w, k) => u + w * (mixture.means[k][0] ** 2 + mixture.stds[k] ** 2), 0);
    expect(mean).toBeCloseTo(m1, 9);
    expect(second).toBeCloseTo(m2, 9);
  });

  it('h_t by the ratio of noised laws equals the posterior form sum_k wbar_k E[e^{r(Y)/lambda}], Y ~ N(mbar_k, sdbar_k^2 I)', () => {
    const a = 1.5;
    const c = [0.5, -0.5];
    const lambda = 0.9;
    const q = a / lambda;
    const { mixture, logZ } = tiltedMixtureQuadratic(mix2, a, c, lambda);
    for (const t of [0, 0.5, 0.95])
      for (const x of [
        [0, 0],
        [1.2, -0.4],
      ]) {
        const s = 1 - t;
        const ratio = logZ + gmmLogDensity(mixture, x, s, vp) - gmmLogDensity(mix2, x, s, vp);
        // E exp(-q |Y - c|^2 / 2) for Y ~ N(mu, v I) in d = 2: (1 + q v)^{-1} exp(-q |mu - c|^2 / (2 (1 + q v))).
        const h = posterior(mix2, vp, s, x).reduce((u, comp) => {
          const f = 1 + q * comp.var;
          const dist = (comp.mean[0] - c[0]) ** 2 + (comp.mean[1] - c[1]) ** 2;
          return u + (comp.gamma * Math.exp((-q * dist) / (2 * f))) / f;
        }, 0);
        expect(ratio).toBeCloseTo(Math.log(h), 9);
      }
  });
});
