import { describe, expect, it } from 'vitest';
import {
  careResidual,
  kleinmanIteration,
  lqrCare,
  lqrDiscounted,
  lqrDiscrete,
  lqrFiniteHorizon,
  lqrPolicyValue,
  stabilisesDiscounted,
  stableGainBound,
  type MatrixLqrParams,
} from './lqr';
import { maxAbs, sub } from './linalg';
import { linearFit } from './stats';

const post = { alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 };

describe('lqrDiscounted', () => {
  it("gives the post's P, K, c to 1e-7", () => {
    const { P, K, c } = lqrDiscounted(post);
    expect(Math.abs(P - 0.2659751)).toBeLessThan(1e-7);
    expect(Math.abs(K - 2.6597508)).toBeLessThan(1e-7);
    expect(Math.abs(c - 0.1196888)).toBeLessThan(1e-7);
    // It solves rho P = q + 2 alpha P - beta^2 P^2 / r to rounding.
    expect(Math.abs(post.rho * P - (post.q + 2 * post.alpha * P - (post.beta ** 2 * P * P) / post.r))).toBeLessThan(1e-14);
  });

  it('handles beta = 0 and q = 0, and rejects the non-stabilisable and invalid cases', () => {
    expect(lqrDiscounted({ ...post, beta: 0 }).P).toBeCloseTo(1 / 1.1, 14);
    expect(lqrDiscounted({ ...post, q: 0 }).P).toBe(0);
    // q = 0 with an unstable drift: the stabilising root is positive.
    expect(lqrDiscounted({ ...post, q: 0, alpha: 1 }).P).toBeCloseTo((2 - 0.1) / 10, 14);
    expect(() => lqrDiscounted({ ...post, beta: 0, alpha: 0.2 })).toThrow(/not stabilisable.*rho > 2 alpha/);
    expect(() => lqrDiscounted({ ...post, r: 0 })).toThrow(/r must be a finite number > 0/);
    expect(() => lqrDiscounted({ ...post, rho: -1 })).toThrow(/rho must be a finite number > 0/);
    expect(() => lqrDiscounted({ ...post, q: -1 })).toThrow(/q must be a finite number >= 0/);
  });
});

/** RK4 on dP/dtau = q + 2 alpha P - g P^2, dc/dtau = sigma^2 P / 2 from tau = 0 to tau. */
function rk4Riccati(p: { alpha: number; beta: number; q: number; r: number; sigma: number; qT: number }, tau: number, n: number) {
  const g = (p.beta * p.beta) / p.r;
  const f = (P: number) => p.q + 2 * p.alpha * P - g * P * P;
  let P = p.qT;
  let c = 0;
  const h = tau / n;
  for (let i = 0; i < n; i++) {
    const k1 = f(P);
    const k2 = f(P + 0.5 * h * k1);
    const k3 = f(P + 0.5 * h * k2);
    const k4 = f(P + h * k3);
    // c' = sigma^2 P / 2 integrated with the same stages (Simpson weights on the RK4 stage values).
    const P2 = P + 0.5 * h * k1;
    const P3 = P + 0.5 * h * k2;
    const P4 = P + h * k3;
    c += ((p.sigma * p.sigma) / 2) * (h / 6) * (P + 2 * P2 + 2 * P3 + P4);
    P += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
  }
  return { P, c };
}

describe('stabilisesDiscounted and stableGainBound', () => {
  it('beta > 0: gains above (alpha - rho/2)/beta stabilise, the bound itself does not', () => {
    const p = { alpha: 1, beta: 2, rho: 1 }; // bound (1 - 0.5)/2 = 0.25, exact in binary
    expect(stableGainBound(p)).toBe(0.25);
    expect(stabilisesDiscounted(p, 0.25)).toBe(false);
    expect(stabilisesDiscounted(p, 0.25 + 1e-12)).toBe(true);
    expect(stabilisesDiscounted(p, 0.25 - 1e-12)).toBe(false);
    expect(stabilisesDiscounted(p, 10)).toBe(true);
    expect(stabilisesDiscounted(p, -10)).toBe(false);
  });

  it('beta < 0: the bound is an upper one, and again not stabilising itself', () => {
    const p = { alpha: 1, beta: -2, rho: 1 };
    expect(stableGainBound(p)).toBe(-0.25);
    expect(stabilisesDiscounted(p, -0.25)).toBe(false);
    expect(stabilisesDiscounted(p, -0.25 - 1e-12)).toBe(true);
    expect(stabilisesDiscounted(p, 0)).toBe(false);
  });

  it('beta = 0: every gain or none, by rho > 2 alpha', () => {
    expect(stableGainBound({ alpha: 0.1, beta: 0, rho: 1 })).toBe(-Infinity);
    expect(stableGainBound({ alpha: 0.5, beta: 0, rho: 1 })).toBe(Infinity);
    for (const K of [-100, 0, 100]) {
      expect(stabilisesDiscounted({ alpha: 0.1, beta: 0, rho: 1 }, K)).toBe(true);
      expect(stabilisesDiscounted({ alpha: 0.5, beta: 0, rho: 1 }, K)).toBe(false); // rho = 2 alpha: the boundary
    }
  });

  it('agrees with the bound on a grid of gains, and the optimal gain of lqrDiscounted stabilises', () => {
    for (const p of [post, { ...post, alpha: 2, beta: 0.5 }, { ...post, beta: -1.5 }]) {
      const bound = stableGainBound(p);
      for (let K = -20; K <= 20; K += 0.37) {
        if (K !== bound) expect(stabilisesDiscounted(p, K)).toBe(p.beta > 0 ? K > bound : K < bound);
      }
      expect(stabilisesDiscounted(p, lqrDiscounted(p).K)).toBe(true);
    }
    expect(stabilisesDiscounted({ alpha: NaN, beta: 1, rho: 1 }, 0)).toBe(false);
  });
});

describe('lqrFiniteHorizon', () => {
  const cases = [
    { ...post, qT: 2, T: 3 },
    { ...post, qT: 0, T: 5 },
    { alpha: 0.7, beta: 0.5, q: 0.3, r: 1, sigma: 1, qT: 0.1, T: 2 },
    { alpha: 0, beta: 1, q: 0, r: 1, sigma: 0.5, qT: 1, T: 4 }, // delta = 0
    { alpha: -0.3, beta: 0, q: 1, r: 1, sigma: 0.5, qT: 1, T: 2 }, // g = 0: quadrature branch for c
  ];
  it('matches RK4 integration of the Riccati ODE (P and c to 1e-9)', () => {
    for (const p of cases) {
      const sol = lqrFiniteHorizon(p);
      for (const t of [0, 0.3 * p.T, p.T * 0.9, p.T]) {
        const ref = rk4Riccati(p, p.T - t, 4000);
        expect(Math.abs(sol.P(t) - ref.P), `P at t=${t} for ${JSON.stringify(p)}`).toBeLessThan(1e-9 * Math.max(1, ref.P));
        expect(Math.abs(sol.c(t) - ref.c), `c at t=${t} for ${JSON.stringify(p)}`).toBeLessThan(1e-9 * Math.max(1, ref.c));
      }
      expect(sol.P(p.T)).toBe(p.qT);
      expect(sol.c(p.T)).toBe(0);
    }
  });

  it('tends to the stationary Riccati solution for a long horizon (undiscounted: rho = 0 root)', () => {
    const sol = lqrFiniteHorizon({ ...post, qT: 0, T: 50 });
    // rho = 0: P = (alpha + sqrt(alpha^2 + g q))/g with g = 10.
    const Pinf = (-0.5 + Math.sqrt(0.25 + 10)) / 10;
    expect(sol.P(0)).toBeCloseTo(Pinf, 12);
    expect(sol.K(0)).toBeCloseTo((1 * Pinf) / 0.1, 11);
  });

  it('validates t and parameters', () => {
    const sol = lqrFiniteHorizon({ ...post, qT: 1, T: 1 });
    expect(() => sol.P(1.5)).toThrow(/t must lie in \[0, T\] = \[0, 1\]/);
    expect(() => lqrFiniteHorizon({ ...post, qT: -1, T: 1 })).toThrow(/qT must be a finite number >= 0/);
    expect(() => lqrFiniteHorizon({ ...post, qT: 1, T: 0 })).toThrow(/T must be a finite number > 0/);
  });
});

const doubleIntegrator: MatrixLqrParams = {
  A: [
    [0, 1],
    [0, 0],
  ],
  B: [[0], [1]],
  Q: [
    [1, 0],
    [0, 1],
  ],
  R: 0.1,
  D: [
    [0, 0],
    [0, 0.2],
  ],
  rho: 0.1,
};

describe('lqrCare', () => {
  it('solves the discounted CARE for the double integrator (residual < 1e-11, P symmetric positive definite)', () => {
    const { P, K, c } = lqrCare(doubleIntegrator);
    expect(maxAbs(careResidual(doubleIntegrator, P))).toBeLessThan(1e-11);
    expect(P[0][1]).toBe(P[1][0]);
    expect(P[0][0]).toBeGreaterThan(0);
    expect(P[0][0] * P[1][1] - P[0][1] ** 2).toBeGreaterThan(0);
    // K = R^{-1} B'P = 10 * (second row of P); c = tr(DD'P)/(2 rho) = 0.04 P22 / 0.2.
    expect(K[0][0]).toBeCloseTo(10 * P[1][0], 12);
    expect(K[0][1]).toBeCloseTo(10 * P[1][1], 12);
    expect(c).toBeCloseTo((0.04 * P[1][1]) / 0.2, 12);
  });

  it('reduces to lqrDiscounted in one dimension', () => {
    const s = lqrCare({ A: [[-0.5]], B: [[1]], Q: [[1]], R: [[0.1]], D: [[0.3]], rho: 0.1 });
    const ref = lqrDiscounted(post);
    expect(s.P[0][0]).toBeCloseTo(ref.P, 13);
    expect(s.K[0][0]).toBeCloseTo(ref.K, 12);
    expect(s.c).toBeCloseTo(ref.c, 13);
  });

  it('handles a 4-state, 2-input system (residual < 1e-10)', () => {
    const p: MatrixLqrParams = {
      A: [
        [0.1, 1, 0, 0],
        [-1, 0.2, 0.5, 0],
        [0, 0, 0, 1],
        [0.3, 0, -2, 0.1],
      ],
      B: [
        [0, 0],
        [1, 0],
        [0, 0],
        [0, 1],
      ],
      Q: [
        [2, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 1, 0.2],
        [0, 0, 0.2, 1],
      ],
      R: [
        [1, 0.1],
        [0.1, 0.5],
      ],
      D: [
        [0.1, 0],
        [0, 0.2],
        [0, 0],
        [0.3, 0.1],
      ],
      rho: 0.05,
    };
    const { P } = lqrCare(p);
    expect(maxAbs(careResidual(p, P))).toBeLessThan(1e-10);
  });

  it('throws for a non-stabilisable pair and for bad shapes', () => {
    // The second state grows like e^t, is not driven by the control, and is costed.
    const bad: MatrixLqrParams = {
      ...doubleIntegrator,
      A: [
        [0, 0],
        [0, 1],
      ],
      B: [[1], [0]],
    };
    expect(() => lqrCare(bad)).toThrow(/not stabilisable/);
    expect(() => lqrCare({ ...doubleIntegrator, B: [[1, 0]] })).toThrow(/B must have n = 2 rows/);
    expect(() => lqrCare({ ...doubleIntegrator, R: -1 })).toThrow(/R must be positive definite/);
    expect(() =>
      lqrCare({
        ...doubleIntegrator,
        Q: [
          [1, 2],
          [0, 1],
        ],
      }),
    ).toThrow(/Q must be symmetric/);
  });
});

describe('kleinmanIteration', () => {
  it('converges quadratically to the CARE solution from a stabilising gain', () => {
    const star = lqrCare(doubleIntegrator);
    const steps = kleinmanIteration(doubleIntegrator, [[1, 1]], 8);
    expect(steps.length).toBe(8);
    expect(steps[0].K).toEqual([[1, 1]]);
    const err = steps.map((s) => maxAbs(sub(s.P, star.P)));
    // Monotone: each policy is at least as good as the last (P_i decreases in the Loewner order).
    for (let i = 1; i < err.length; i++) expect(err[i]).toBeLessThanOrEqual(err[i - 1] + 1e-13);
    // Quadratic: e_{i+1} <= C e_i^2 once close (C measured ~1; we allow 10), and machine precision by step 6.
    for (let i = 0; i + 1 < err.length; i++) {
      if (err[i] < 0.5 && err[i + 1] > 1e-12) expect(err[i + 1]).toBeLessThan(10 * err[i] ** 2);
    }
    expect(err[6]).toBeLessThan(1e-11);
    // Each entry's P is the exact value of its K.
    expect(maxAbs(sub(steps[3].P, lqrPolicyValue(doubleIntegrator, steps[3].K).P))).toBeLessThan(1e-12);
  });

  it('rejects a non-stabilising K0 with an explanation', () => {
    // K0 = 0 is stabilising here (the discount shifts the double integrator's eigenvalues to -rho/2); K0 = [-1, 0]
    // makes A - B K0 have eigenvalues +-1, and +1 - rho/2 > 0.
    expect(() => kleinmanIteration(doubleIntegrator, [[-1, 0]], 3)).toThrow(/K0 does not stabilise/);
    expect(() => kleinmanIteration(doubleIntegrator, [[1, 1]], 0)).toThrow(/iterations must be an integer in \[1, 100\]/);
  });
});

describe('lqrDiscrete (Bellman with step h)', () => {
  it('is the fixed point of the Riccati difference map, reached by iterating it', () => {
    const d = lqrDiscrete({ ...post, h: 0.1 });
    let P = 0;
    for (let i = 0; i < 2000; i++) P = d.riccatiStep(P);
    expect(P).toBeCloseTo(d.P, 12);
    expect(d.riccatiStep(d.P)).toBeCloseTo(d.P, 13);
  });

  it('converges to the continuous P, K, c at first order in h (log-log slope within 0.05 of 1)', () => {
    const cont = lqrDiscounted(post);
    const hs = [0.08, 0.04, 0.02, 0.01, 0.005];
    const errs: Record<'P' | 'K' | 'c', number[]> = { P: [], K: [], c: [] };
    for (const h of hs) {
      const d = lqrDiscrete({ ...post, h });
      errs.P.push(Math.abs(d.P - cont.P));
      errs.K.push(Math.abs(d.K - cont.K));
      errs.c.push(Math.abs(d.c - cont.c));
    }
    for (const key of ['P', 'K', 'c'] as const) {
      const slope = linearFit(hs.map(Math.log), errs[key].map(Math.log)).slope;
      expect(Math.abs(slope - 1), `${key}: slope ${slope}, errors ${errs[key]}`).toBeLessThan(0.05);
    }
    // Relative error of P: about 1.7% at h = 0.01 and 0.8% at h = 0.005 (the closed loop decays at rate ~3.2).
    expect(errs.P[3] / cont.P).toBeGreaterThan(0.01);
    expect(errs.P[4] / cont.P).toBeLessThan(0.01);
  });
});
