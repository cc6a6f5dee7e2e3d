import { describe, expect, it } from 'vitest';
import { careResidual, lqrCare, lqrDiscounted, lqrPolicyValue } from '../../workers/engines/lqr.ts';
import { lqrChainValue, lqrContinuousPolicyValue } from '../../workers/engines/feynmanKac.ts';
import { designedGainValue as designedAt, doubleIntegratorLqr } from '../../workers/engines/examples.ts';
import { A_BOUND, closedLoopEigen, ergodicLqr, explorerCurves, otherRoot, riccatiPath, settleTime, stableGainBound, transversalityCurve } from './lqrCurves.ts';

/** The gain designed for R = 0.1 used at R (noise, rho as given), valued at x. */
const designedGainValue = (R: number, noise: number, rho: number, x: [number, number]) => designedAt(doubleIntegratorLqr(R, noise, rho), x);

const post = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 };

describe('the explorer’s closed-form curves (figure lqr-explorer)', () => {
  it('give the post’s P, K, c and the curves V(x) = -P x^2/2 - c, a*(x) = -K x, unclipped', () => {
    const c = explorerCurves(post, 1);
    expect(c.opt!.P).toBeCloseTo(0.2659751, 7);
    expect(c.opt!.K).toBeCloseTo(2.6597508, 7);
    expect(c.opt!.c).toBeCloseTo(0.1196888, 7);
    // Independent: the positive root of the quadratic (beta^2/r) P^2 + (rho - 2 alpha) P - q = 0.
    const P = (-1.1 + Math.sqrt(1.21 + 40)) / 20;
    expect(c.opt!.P).toBeCloseTo(P, 12);
    const i = c.x.length - 1; // x = 3
    expect(c.x[i]).toBe(3);
    expect(c.vStar[i]).toBeCloseTo(-0.5 * P * 9 - (0.09 * P) / 0.2, 12);
    expect(c.aStar[i]).toBeCloseTo(-10 * P * 3, 12);
    // The post's bound |a| <= 5 binds from |x| = 5/K* = 1.88; the book's a* goes beyond it.
    expect(c.clipAt).toBeCloseTo(1.8799, 4);
    expect(Math.max(...c.aStar.map(Math.abs))).toBeGreaterThan(7.9);
    expect(Math.max(...c.aClipped.map(Math.abs))).toBe(A_BOUND);
  });

  it('the value of a gain: P_K - P = r (K - K*)^2 / (rho - 2(alpha - beta K)) (eq. gain-loss) for several gains', () => {
    const { P, K: Ks } = lqrDiscounted(post);
    for (const K of [-0.5, 0, 1, Ks, 5, 10]) {
      const g = explorerCurves(post, K).gain!;
      expect(g.P - P).toBeCloseTo((post.r * (K - Ks) ** 2) / (post.rho - 2 * (post.alpha - post.beta * K)), 12);
      expect(g.c).toBeCloseTo((post.sigma ** 2 * g.P) / (2 * post.rho), 12);
    }
  });

  it('an unstable gain has no value curve (NaN, never a number), and the bound is K > (alpha - rho/2)/beta', () => {
    expect(stableGainBound(post)).toBeCloseTo(-0.55, 12);
    const c = explorerCurves(post, -0.6);
    expect(c.gain).toBeNull();
    expect(c.vGain.every(Number.isNaN)).toBe(true);
    expect(explorerCurves(post, -0.54).gain).not.toBeNull();
  });

  it('an ill-posed model (beta = 0, rho <= 2 alpha) reports a sentence instead of curves', () => {
    const c = explorerCurves({ ...post, beta: 0, alpha: 0.5 }, 1);
    expect(c.opt).toBeNull();
    expect(c.optError).toMatch(/not stabilisable/);
  });
});

describe('the other Riccati root P- (the explorer’s switch)', () => {
  it('solves the Riccati equation, is negative, and its closed loop outgrows the discount at rate sqrt((rho - 2 alpha)^2 + 4 kappa q)', () => {
    const o = otherRoot(post)!;
    const { P: Pp } = lqrDiscounted(post);
    const kappa = 10;
    expect(post.rho * o.P - (post.q + 2 * post.alpha * o.P - kappa * o.P * o.P)).toBeCloseTo(0, 12);
    // Independent: the negative root of kappa P^2 + (rho - 2 alpha) P - q = 0, and Vieta.
    expect(o.P).toBeCloseTo((-1.1 - Math.sqrt(41.21)) / 20, 12);
    expect(o.P * Pp).toBeCloseTo(-post.q / kappa, 12);
    expect(o.P + Pp).toBeCloseTo(-1.1 / kappa, 12);
    expect(o.K).toBeCloseTo(10 * o.P, 12);
    expect(o.c).toBeCloseTo((0.09 * o.P) / 0.2, 12);
    expect(o.rate).toBeCloseTo(-Math.sqrt(41.21), 12);
    // The numbers the chapter prints.
    expect(o.P).toBeCloseTo(-0.376, 3);
    expect(o.K).toBeCloseTo(-3.76, 3);
    expect(o.c).toBeCloseTo(-0.1692, 4);
    expect(-o.rate).toBeCloseTo(6.42, 2);
    expect(post.alpha - post.beta * o.K).toBeCloseTo(3.26, 2);
    // w- = -P- x^2/2 - c- is positive everywhere.
    expect(-o.c).toBeGreaterThan(0);
    // The stable form agrees with the plain formula when rho - 2 alpha < 0 (an unstable plant).
    const ex1 = { alpha: 0.2, beta: 1, q: 2, r: 0.5, sigma: 0.5, rho: 0.1 };
    const b = 0.1 - 0.4;
    expect(otherRoot(ex1)!.P).toBeCloseTo((-b - Math.sqrt(b * b + 16)) / 4, 12);
    expect(otherRoot({ ...post, beta: 0 })).toBeNull();
  });

  it('transversality term: closed form against RK4 on dm/dT = 2 lam m + sigma^2; decays for P+, grows like e^{6.42 T} for P-', () => {
    const x0 = 1;
    const { P: Pp } = lqrDiscounted(post);
    const o = otherRoot(post)!;
    for (const P of [Pp, o.P]) {
      const K = (post.beta * P) / post.r;
      const lam = post.alpha - post.beta * K;
      const c = (0.09 * P) / 0.2;
      const curve = transversalityCurve(post, P, x0, 2, 20);
      // RK4 on the second moment, an independent reference.
      let m = x0 * x0;
      const steps = 20000;
      const h = 2 / steps;
      const f = (y: number) => 2 * lam * y + post.sigma ** 2;
      for (let i = 1; i <= steps; i++) {
        const k1 = f(m);
        const k2 = f(m + (h / 2) * k1);
        const k3 = f(m + (h / 2) * k2);
        const k4 = f(m + h * k3);
        m += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
        if (i % 1000 === 0) {
          const T = i * h;
          const ref = Math.exp(-post.rho * T) * (-0.5 * P * m - c);
          expect(Math.abs(curve.value[i / 1000] - ref) / Math.abs(ref)).toBeLessThan(1e-9);
        }
      }
    }
    const plus = transversalityCurve(post, Pp, x0, 10, 10).value;
    const minus = transversalityCurve(post, o.P, x0, 10, 10).value;
    expect(Math.abs(plus[10])).toBeLessThan(Math.abs(plus[0]));
    expect(plus[10]).toBeLessThan(0);
    expect(minus[10]).toBeGreaterThan(0);
    // Growth rate between T = 9 and T = 10: -rate = 6.42.
    expect(Math.log(minus[10] / minus[9])).toBeCloseTo(Math.sqrt(41.21), 6);
  });
});

describe('the ergodic limit rho -> 0', () => {
  it('rho c -> sigma^2 P0 / 2, the long-run average reward of the gain K0 (stationary variance sigma^2 / (2(beta K0 - alpha)))', () => {
    const e = ergodicLqr(post);
    expect(e.P0).toBeCloseTo((-1 + Math.sqrt(41)) / 20, 12);
    expect(1 + 2 * post.alpha * e.P0 - 10 * e.P0 * e.P0).toBeCloseTo(0, 12);
    for (const rho of [1e-3, 1e-5, 1e-7]) {
      const s = lqrDiscounted({ ...post, rho });
      expect(Math.abs(rho * s.c - 0.5 * post.sigma ** 2 * e.P0)).toBeLessThan(rho * 0.1);
    }
    // The average reward of the stationary closed loop under K0: -1/2 (q + r K0^2) times the stationary variance.
    const variance = post.sigma ** 2 / (2 * (post.beta * e.K0 - post.alpha));
    expect(-0.5 * (post.q + post.r * e.K0 ** 2) * variance).toBeCloseTo(e.average, 12);
    // The numbers the chapter prints.
    const atPost = lqrDiscounted(post);
    expect(post.rho * atPost.c).toBeCloseTo(0.01197, 5);
    expect(0.5 * post.sigma ** 2 * atPost.P).toBeCloseTo(0.01197, 5);
    expect(e.P0).toBeCloseTo(0.2702, 4);
    expect(e.K0).toBeCloseTo(2.702, 3);
    expect(-e.average).toBeCloseTo(0.01216, 5);
  });
});

/** RK4 on the discounted Riccati ODE dP/dtau = q + (2 alpha - rho) P - (beta^2/r) P^2, an independent reference. */
function rk4(p: typeof post, qT: number, tau: number, n: number): number {
  const f = (P: number) => p.q + (2 * p.alpha - p.rho) * P - ((p.beta * p.beta) / p.r) * P * P;
  let P = qT;
  const h = tau / n;
  for (let i = 0; i < n; i++) {
    const k1 = f(P);
    const k2 = f(P + (h / 2) * k1);
    const k3 = f(P + (h / 2) * k2);
    const k4 = f(P + h * k3);
    P += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
  }
  return P;
}

describe('the finite-horizon Riccati solution (figure lqr-riccati)', () => {
  it('agrees with RK4 on the discounted Riccati ODE within 1e-9 at every plotted time, for qT = 0, 0.15, 1', () => {
    const T = 2;
    for (const qT of [0, 0.15, 1]) {
      const { t, P } = riccatiPath(post, qT, T, 40);
      for (let i = 0; i < t.length; i++) expect(Math.abs(P[i] - rk4(post, qT, T - t[i], 4000))).toBeLessThan(1e-9);
    }
  });

  it('converges backward to the stationary P (within 1e-10 at T - t = 10) at the rate sqrt((rho - 2 alpha)^2 + 4 beta^2 q / r)', () => {
    const Pinf = lqrDiscounted(post).P;
    for (const qT of [0, 1, 3]) expect(Math.abs(riccatiPath(post, qT, 10, 10).P[0] - Pinf)).toBeLessThan(1e-10);
    const lambda = Math.sqrt(1.1 ** 2 + 40);
    expect(lambda).toBeCloseTo(6.42, 2);
    // Measured rate between tau = 1 and tau = 2 for qT = 1.
    const a = riccatiPath(post, 1, 2, 2).P; // t = 0, 1, 2  -> tau = 2, 1, 0
    expect(Math.log((a[1] - Pinf) / (a[0] - Pinf))).toBeCloseTo(lambda, 2);
    // The settle time the figure prints: the time to go after which P stays within 1% of the stationary P. From the
    // linearisation, |P - Pinf| ~ C e^{-lambda tau}; read off a fine grid it must bracket the exact crossing.
    const T = 3;
    for (const qT of [0, 1]) {
      const { t, P } = riccatiPath(post, qT, T, 3000);
      const s = settleTime(t, P, Pinf, T);
      const tau = (x: number) => Math.abs(rk4(post, qT, x, 4000) - Pinf) / Pinf;
      expect(tau(s)).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(tau(s - 0.002)).toBeGreaterThan(0.01);
    }
    expect(settleTime(...((r) => [r.t, r.P] as const)(riccatiPath(post, 0, 0.2, 10)), Pinf, 0.2)).toBeNaN();
    // qT = P: a fixed point, the curve is flat.
    const flat = riccatiPath(post, Pinf, 5, 50).P;
    for (const v of flat) expect(v).toBeCloseTo(Pinf, 12);
  });
});

describe('the double integrator (figure lqr-double-integrator)', () => {
  it('lqrCare solves the discounted CARE (residual < 1e-10), and the Lyapunov value of K* is P', () => {
    const sys = doubleIntegratorLqr(0.1, 0.2, 0.1);
    const { P, K, c } = lqrCare(sys);
    let res = 0;
    for (const row of careResidual(sys, P)) for (const v of row) res = Math.max(res, Math.abs(v));
    expect(res).toBeLessThan(1e-10);
    const pv = lqrPolicyValue(sys, K);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(pv.P[i][j]).toBeCloseTo(P[i][j], 9);
    expect(c).toBeCloseTo((0.04 * P[1][1]) / 0.2, 12);
    // The numbers the chapter prints.
    expect(P[0][0]).toBeCloseTo(1.1991, 4);
    expect(P[0][1]).toBeCloseTo(0.2967, 4);
    expect(P[1][1]).toBeCloseTo(0.3942, 4);
    expect(K[0][0]).toBeCloseTo(2.9666, 4);
    expect(K[0][1]).toBeCloseTo(3.942, 4);
    expect(c).toBeCloseTo(0.07884, 5);
  });

  it('closed-loop eigenvalues: real at R = 0.1 (-2.929, -1.013), complex above R = 1/4; each a root of det(A - BK - s I)', () => {
    const e = closedLoopEigen(...(lqrCare(doubleIntegratorLqr(0.1, 0.2, 0.1)).K[0] as [number, number]));
    expect(e.im).toBe(0);
    expect(e.re[0]).toBeCloseTo(-2.929, 3);
    expect(e.re[1]).toBeCloseTo(-1.013, 3);
    for (const R of [0.1, 0.24, 0.26, 1, 10]) {
      const [k1, k2] = lqrCare(doubleIntegratorLqr(R, 0.2, 0.1)).K[0];
      const ev = closedLoopEigen(k1, k2);
      expect(ev.im > 0).toBe(R > 0.25);
      // det([[-s, 1], [-k1, -k2 - s]]) = s^2 + k2 s + k1, evaluated at the complex root re + i im.
      for (const re of ev.re) {
        const realPart = re * re - ev.im * ev.im + k2 * re + k1;
        const imagPart = 2 * re * ev.im + k2 * ev.im;
        expect(Math.hypot(realPart, imagPart)).toBeLessThan(1e-12);
      }
    }
  });

  it("a gain designed for R = 0.1 used at another R: V_K <= V, equal at R = 0.1; P_K - P solves the Lyapunov equation with (K - K*)'R(K - K*)", () => {
    expect(designedGainValue(0.1, 0.2, 0.1, [1, 0]).designed).toBeCloseTo(designedGainValue(0.1, 0.2, 0.1, [1, 0]).optimal, 9);
    for (const R of [0.01, 1, 10]) {
      const v = designedGainValue(R, 0.2, 0.1, [1, 0]);
      expect(v.designed).toBeLessThan(v.optimal);
      // Independent check of the gap: Delta = P_K - P solves Acl' Delta + Delta Acl + (K - K*)' R (K - K*) = 0 with
      // Acl = A - B K - rho/2 I (subtract the Riccati equation from the Lyapunov equation of K).
      const sys = doubleIntegratorLqr(R, 0.2, 0.1);
      const opt = lqrCare(sys);
      const K = lqrCare(doubleIntegratorLqr(0.1, 0.2, 0.1)).K[0];
      const PK = lqrPolicyValue(sys, [K]).P;
      const D = [
        [PK[0][0] - opt.P[0][0], PK[0][1] - opt.P[0][1]],
        [PK[1][0] - opt.P[1][0], PK[1][1] - opt.P[1][1]],
      ];
      const Acl = [
        [-0.05, 1],
        [-K[0], -K[1] - 0.05],
      ];
      const e = [K[0] - opt.K[0][0], K[1] - opt.K[0][1]];
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 2; j++) {
          const res = Acl[0][i] * D[0][j] + Acl[1][i] * D[1][j] + D[i][0] * Acl[0][j] + D[i][1] * Acl[1][j] + e[i] * R * e[j];
          expect(Math.abs(res)).toBeLessThan(1e-9);
        }
      }
      expect(v.optimal - v.designed).toBeCloseTo(0.5 * D[0][0] + (0.04 * D[1][1]) / 0.2, 9);
    }
  });

  it('certainty equivalence: the noise changes c, not P or K', () => {
    const a = lqrCare(doubleIntegratorLqr(0.1, 0, 0.1));
    const b = lqrCare(doubleIntegratorLqr(0.1, 0.7, 0.1));
    expect(a.c).toBe(0);
    expect(b.K[0][0]).toBeCloseTo(a.K[0][0], 10);
    expect(b.K[0][1]).toBeCloseTo(a.K[0][1], 10);
    expect(b.c).toBeGreaterThan(0);
  });
});

describe('the exercises’ worked solutions state the engine’s numbers', () => {
  const ex1 = { alpha: 0.2, beta: 1, q: 2, r: 0.5, sigma: 0.5, rho: 0.1 };
  it('ex:lqr-gain, ex:lqr-constant, ex:stable-gain, ex:gain-value', () => {
    const s = lqrDiscounted(ex1);
    expect(s.P).toBeCloseTo((0.3 + Math.sqrt(16.09)) / 4, 12);
    expect(s.P).toBeCloseTo(1.07781, 5);
    expect(s.K).toBeCloseTo(2.1556, 4);
    expect(s.c).toBeCloseTo(1.3473, 4);
    expect(stableGainBound(ex1)).toBeCloseTo(0.15, 12);
    const g = lqrContinuousPolicyValue(post, 1);
    expect(g.P).toBeCloseTo(1.1 / 3.1, 12);
    expect(g.value(2)).toBeCloseTo(-2 * (1.1 / 3.1) - (0.09 * (1.1 / 3.1)) / 0.2, 12);
    expect(g.value(2)).toBeCloseTo(-0.8694, 4);
  });
});

describe('the explorer section’s closed forms', () => {
  it('the Euler chain’s value of K* at x0 = 1 is 1.66% below the continuous one at dt = 0.01, 8.8% at dt = 0.05', () => {
    const { K } = lqrDiscounted(post);
    // The chapter's chainBias: (chain - continuous) / |continuous|, negative when the chain's value is lower.
    const bias = (dt: number) => lqrChainValue(post, K, dt).value(1) / Math.abs(lqrContinuousPolicyValue(post, K).value(1)) + 1;
    expect(100 * -bias(0.01)).toBeCloseTo(1.66, 2);
    expect(100 * -bias(0.05)).toBeCloseTo(8.8, 1);
  });
});
