/** Chapter 8's closed forms against independent references, and the numbers its prose and exercises quote. */
import { describe, expect, it } from 'vitest';
import { lqrTransition } from '../../workers/engines/learning/qlearningCT.ts';
import { ergodicLqSolution, ergodicRiccatiRoots, JIA_ZHOU_ERGODIC } from '../../workers/engines/learning/qlearningErgodic.ts';
import { DT_MAX, GAMMA, POST_LQR, entropyValueConstant, optimum, qStar, sampledQ } from './model.ts';
import { runToEnd } from '../../workers/engines/chunked.ts';
import { tasks } from '../../workers/tasks.ts';
import { QlLearning } from './QlLearning.tsx';

/** Trapezoid rule of f on [a, b] with n panels (for smooth, fast-decaying integrands). */
function integrate(f: (a: number) => number, a: number, b: number, n = 20000): number {
  const h = (b - a) / n;
  let s = 0.5 * (f(a) + f(b));
  for (let i = 1; i < n; i++) s += f(a + i * h);
  return s * h;
}

describe('the exact Q-function of the sampled regulator (eq. ql-sampled)', () => {
  it('P_dt is a fixed point of the Riccati map of the sampled system, and max_a Q_dt(x, a) = -P_dt x^2 / 2', () => {
    for (const dt of [0.2, 0.1, 0.05, 0.01, 0.005, 0.001]) {
      const s = sampledQ(dt);
      const { c1: A, c2: B } = lqrTransition(POST_LQR, dt, 'exact');
      const g = Math.exp(-POST_LQR.rho * dt);
      const F = POST_LQR.q * dt + g * A * A * s.P - (g * A * B * s.P) ** 2 / (POST_LQR.r * dt + g * B * B * s.P);
      expect(F).toBeCloseTo(s.P, 13);
      // Maximising the quadratic over a leaves theta_xx - theta_xa^2 / (4 theta_aa) on x^2: the value's -P/2.
      expect(s.thetaXX - s.thetaXA ** 2 / (4 * s.thetaAA)).toBeCloseTo(-s.P / 2, 13);
    }
  });

  it('as dt -> 0: theta_aa / dt -> -r/2, K_dt -> K*, P_dt -> P, each with an error of order dt', () => {
    const e = (dt: number) => [sampledQ(dt).thetaAA / dt + POST_LQR.r / 2, sampledQ(dt).K - optimum.K, sampledQ(dt).P - optimum.P];
    const a = e(0.002);
    const b = e(0.001);
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(a[j] / b[j] - 2)).toBeLessThan(0.02); // halving dt halves the error: first order
      expect(Math.abs(b[j])).toBeLessThan(0.02);
    }
  });

  it('quotes: theta_aa(0.1) = -0.0065098 (exercise ql-gap), P_0.1 = 0.320575, K_dt = 2.262, 2.453, 2.617, 2.638', () => {
    expect(sampledQ(0.1).thetaAA).toBeCloseTo(-0.0065098, 7);
    expect(sampledQ(0.1).P).toBeCloseTo(0.320575, 6);
    expect([0.1, 0.05, 0.01, 0.005].map((dt) => Number(sampledQ(dt).K.toFixed(3)))).toEqual([2.262, 2.453, 2.617, 2.638]);
    expect(sampledQ(0.01).thetaAA).toBeCloseTo(-5.13e-4, 6);
    expect(sampledQ(0.005).thetaAA).toBeCloseTo(-2.53e-4, 6);
    expect(sampledQ(0.1).thetaAA / -0.005 - 1).toBeCloseTo(0.302, 3); // the leading order is 23% smaller
  });

  it('Q_dt = V_dt + q dt + o(dt), not V + q dt: V_dt - V is O(dt) (P_0.01 - P = 0.0051; (Q_dt(1, -K*) - V(1))/dt -> -0.414)', () => {
    const V = (x: number) => -0.5 * optimum.P * x * x - optimum.c;
    for (const dt of [0.01, 0.001, 0.0001]) {
      const s = sampledQ(dt);
      // c_dt is the fixed point of the constant terms, and max_a Q_dt(x, a) = V_dt(x) at a = -K_dt x.
      const { c3 } = lqrTransition(POST_LQR, dt, 'exact');
      const g = Math.exp(-POST_LQR.rho * dt);
      expect(g * (s.c + (s.P * c3 * c3) / 2)).toBeCloseTo(s.c, 12);
      expect(s.Q(1.3, -s.K * 1.3)).toBeCloseTo(-0.5 * s.P * 1.69 - s.c, 12);
      // At the optimal action q(1, -K*) = 0, so (Q_dt - V_dt)/dt -> 0 while (Q_dt - V)/dt does not.
      const Vdt1 = -0.5 * s.P - s.c;
      expect(Math.abs((s.Q(1, -optimum.K) - Vdt1) / dt)).toBeLessThan(0.01 * dt + 1e-6);
      // A non-optimal action: (Q_dt(1, 0) - V_dt(1))/dt -> q(1, 0) = -(r/2) K*^2 = -0.3537.
      expect((s.Q(1, 0) - Vdt1) / dt).toBeCloseTo(-(POST_LQR.r / 2) * optimum.K ** 2, dt < 0.005 ? 2 : 1);
    }
    expect(sampledQ(0.01).P - optimum.P).toBeCloseTo(0.0051, 4);
    expect((sampledQ(1e-4).Q(1, -optimum.K) - V(1)) / 1e-4).toBeCloseTo(-0.414, 3);
    expect((sampledQ(1e-5).Q(1, -optimum.K) - V(1)) / 1e-5).toBeCloseTo(-0.414, 3);
  });

  it('the noise-to-gap ratio P sigma sqrt(dt) / (r dt / 2) at x = 1: 16 at dt = 0.01, 50 at dt = 0.001', () => {
    const ratio = (dt: number) => (optimum.P * POST_LQR.sigma * Math.sqrt(dt)) / ((POST_LQR.r * dt) / 2);
    expect(optimum.P * POST_LQR.sigma * Math.sqrt(0.01)).toBeCloseTo(0.008, 4);
    expect(Math.round(ratio(0.01))).toBe(16);
    expect(Math.round(ratio(0.001))).toBe(50);
  });
});

describe('the q-function of the regulator (eqs. ql-lqr-q, ql-lqr-star)', () => {
  it('q*(x, a) = r + L^a V - rho V for V = -P x^2/2 - c, computed from the generator directly', () => {
    const { alpha, beta, q, r, sigma, rho } = POST_LQR;
    const { P, c, K } = optimum;
    for (const [x, a] of [
      [1, 0],
      [-0.7, 2],
      [2, -5.3],
    ]) {
      const V = -0.5 * P * x * x - c;
      const LV = (alpha * x + beta * a) * (-P * x) + 0.5 * sigma * sigma * -P;
      const qrate = -0.5 * (q * x * x + r * a * a) + LV - rho * V;
      expect(qrate).toBeCloseTo(-(r / 2) * (a + K * x) ** 2, 12);
    }
    expect(-(0.1 / 2) * optimum.K ** 2).toBeCloseTo(-0.35371, 5); // exercise ql-qfunction
  });

  it('exp(q*/gamma) integrates to one in a; it is the density of N(-K* x, gamma / r)', () => {
    for (const x of [0, 1, -1.5]) {
      const m = -optimum.K * x;
      expect(integrate((a) => Math.exp(qStar(x, a) / GAMMA), m - 12, m + 12)).toBeCloseTo(1, 10);
      const v = integrate((a) => (a - m) ** 2 * Math.exp(qStar(x, a) / GAMMA), m - 12, m + 12);
      expect(v).toBeCloseTo(GAMMA / POST_LQR.r, 9);
    }
  });

  it('J* = -P x^2/2 - c_gamma solves the regularised HJB rho J = int (r + L^a J - gamma ln pi*) pi* da; c_gamma = -0.79925', () => {
    const { alpha, beta, q, r, sigma, rho } = POST_LQR;
    const { P, K } = optimum;
    const cg = entropyValueConstant(GAMMA);
    expect(cg).toBeCloseTo(-0.79925, 5);
    const varPi = GAMMA / r;
    for (const x of [0, 0.8, -2]) {
      const m = -K * x;
      const pi = (a: number) => Math.exp(-((a - m) ** 2) / (2 * varPi)) / Math.sqrt(2 * Math.PI * varPi);
      const integrand = (a: number) => {
        const LJ = (alpha * x + beta * a) * (-P * x) + 0.5 * sigma * sigma * -P;
        return (-0.5 * (q * x * x + r * a * a) + LJ - GAMMA * Math.log(pi(a))) * pi(a);
      };
      const rhs = integrate(integrand, m - 12, m + 12);
      expect(rhs).toBeCloseTo(rho * (-0.5 * P * x * x - cg), 9);
    }
  });
});

describe('the ergodic check case (eq. ql-ergodic-star) and exercise ql-variance', () => {
  it('k2 = (1 - sqrt 7)/2 solves 2 k^2 - 2k - 3 = 0; variance gamma / (N - k2) = 0.035425; k1 = -0.2915', () => {
    const s = ergodicLqSolution(JIA_ZHOU_ERGODIC);
    expect(2 * s.k2 ** 2 - 2 * s.k2 - 3).toBeCloseTo(0, 12);
    expect(s.variance).toBeCloseTo(0.1 / (2 - (1 - Math.sqrt(7)) / 2), 12);
    expect(s.variance).toBeCloseTo(0.035425, 6);
    expect(s.k1).toBeCloseTo(-0.2915, 4);
    expect(Math.log(0.35425)).toBeCloseTo(-1.0378, 4);
    expect(s.averageReward).toBeCloseTo(0.633374, 6);
  });
});

describe('the ergodic check case: root choice, k1 and the average reward (eq. ql-ergodic-k1)', () => {
  const p = JIA_ZHOU_ERGODIC;
  const s = ergodicLqSolution(p);
  const w = p.N - p.D ** 2 * s.k2;

  it('roots -0.8229 and 1.8229, w = 2.823 and 0.177, slopes -0.3542 and -5.65, mean-square rates -1.87 and +29.9', () => {
    const roots = ergodicRiccatiRoots(p).sort((a, b) => a.k2 - b.k2);
    expect(roots.map((r) => Number(r.k2.toFixed(4)))).toEqual([-0.8229, 1.8229]);
    expect(roots.map((r) => Number((p.N - p.D ** 2 * r.k2).toFixed(3)))).toEqual([2.823, 0.177]);
    expect(roots.map((r) => Number((-p.R / (p.N - p.D ** 2 * r.k2)).toFixed(2)))).toEqual([-0.35, -5.65]);
    expect(roots.map((r) => Number(r.meanSquareRate.toFixed(2)))).toEqual([-1.87, 29.87]);
    expect(Number(roots[1].meanSquareRate.toFixed(1))).toBe(29.9);
    // The stability condition -2 + 1/w^2 < 0 is w > 1/sqrt(2), and it is the rate computed by the engine.
    for (const r of roots) expect(r.meanSquareRate).toBeCloseTo(-2 + 1 / (p.N - p.D ** 2 * r.k2) ** 2, 12);
    expect(s.slope).toBeCloseTo(-0.3542, 4);
  });

  it('k1 = QR/w - P = -0.2915 solves the x-terms; Vbar* = 0.708497 - 0.075123 = 0.633374', () => {
    expect(-p.P + p.A * s.k1 + ((p.B * s.k2 - p.R) * (p.B * s.k1 - p.Q)) / w).toBeCloseTo(0, 14);
    expect(s.k1).toBeCloseTo((p.Q * p.R) / w - p.P, 14);
    const first = (p.B * s.k1 - p.Q) ** 2 / (2 * w);
    const second = (p.gamma / 2) * Math.log((2 * Math.PI * p.gamma) / w);
    expect(first).toBeCloseTo(0.708497, 6);
    expect(second).toBeCloseTo(-0.075123, 6);
    expect(first + second).toBeCloseTo(s.averageReward, 14);
    expect(s.averageReward).toBeCloseTo(0.633374, 6);
  });

  it('J = k2 x^2 / 2 + k1 x and pi* solve the regularised ergodic HJB at every x (at x = 0 exactly the Vbar* formula)', () => {
    // int (r + L^a J - gamma ln pi*) pi* da = Vbar*, with L^a J = (A x + B a) J' + (C x + D a)^2 J'' / 2 (C = 0).
    for (const x of [0, 0.7, -1.9]) {
      const m = s.slope * x + s.intercept;
      const pi = (a: number) => Math.exp(-((a - m) ** 2) / (2 * s.variance)) / Math.sqrt(2 * Math.PI * s.variance);
      const integrand = (a: number) => {
        const r = -(0.5 * p.M * x * x + p.R * x * a + 0.5 * p.N * a * a + p.P * x + p.Q * a);
        const LJ = (p.A * x + p.B * a) * (s.k2 * x + s.k1) + 0.5 * (p.D * a) ** 2 * s.k2;
        return (r + LJ - p.gamma * Math.log(pi(a))) * pi(a);
      };
      expect(integrate(integrand, m - 3, m + 3)).toBeCloseTo(s.averageReward, 9);
    }
  });
});

describe('the learning figure at large time steps (issue 16, item 6)', () => {
  it('offers no time step beyond DT_MAX = 0.125, and runs both learners to finite numbers there', () => {
    expect(QlLearning.declaration.schema.dt.max).toBe(DT_MAX);
    expect(DT_MAX).toBe(0.125);
    const r = runToEnd(tasks.qlLearning({ dt: DT_MAX, time: 400, seed: 1 }));
    expect(Number.isFinite(r.qKAveraged)).toBe(true);
    expect(r.Qtheta.every(Number.isFinite)).toBe(true);
  });

  it('a diverging run says so in a sentence that names the time step, instead of drawing nonsense', () => {
    expect(() => runToEnd(tasks.qlLearning({ dt: 0.2, time: 400, seed: 1 }))).toThrow(
      /q-learning diverged at Δt = 0\.2: .*unstable at time steps beyond about 0\.125; choose a smaller Δt/,
    );
  });
});

describe('exploration (eqs. ql-exploratory, ql-kl) and exercise ql-exploration-cost', () => {
  const { alpha, beta, r: wa, q: wx, sigma, rho } = POST_LQR;
  it('-w_a/2 E a^2 + gamma H(pi) = -gamma KL(pi || N(0, gamma/w_a)) + (gamma/2) ln(2 pi gamma / w_a), for Gaussian pi', () => {
    for (const [m, v] of [
      [0.7, 0.4],
      [-2, 3],
      [0, GAMMA / wa],
    ]) {
      const lhs = -(wa / 2) * (m * m + v) + (GAMMA / 2) * Math.log(2 * Math.PI * Math.E * v);
      const s2 = GAMMA / wa;
      const kl = 0.5 * (v / s2 + (m * m) / s2 - 1 - Math.log(v / s2));
      expect(lhs).toBeCloseTo(-GAMMA * kl + (GAMMA / 2) * Math.log((2 * Math.PI * GAMMA) / wa), 12);
    }
  });

  it('the reward-only value of pi* is V - gamma/(2 rho) = V - 0.5: it solves rho J = E_pi r + L J under the exploratory generator', () => {
    const { P, c, K } = optimum;
    const cost = GAMMA / (2 * rho);
    expect(cost).toBeCloseTo(0.5, 12);
    for (const x of [0, 1, -1.7]) {
      const J = -0.5 * P * x * x - c - cost;
      const dJ = -P * x;
      const d2J = -P;
      // E over pi* = N(-K x, gamma / w_a) of r(x, a) = -(w_x x^2 + w_a a^2)/2; the exploratory drift uses the mean of a.
      const Er = -0.5 * (wx * x * x + wa * (K * K * x * x + GAMMA / wa));
      expect(rho * J).toBeCloseTo(Er + (alpha - beta * K) * x * dJ + 0.5 * sigma * sigma * d2J, 10);
    }
  });

  it('drift noise vanishes: beta^2 Var(a) dt per unit time', () => {
    // Held actions drawn afresh every dt add beta^2 Var dt^2 per step, 1/dt steps per unit time.
    for (const dt of [0.1, 0.01, 0.001]) expect((beta * beta * (GAMMA / wa) * dt * dt) / dt / dt).toBeCloseTo(beta * beta * (GAMMA / wa), 10);
  });
});

describe('the ergodic check case, rounded', () => {
  it('Vbar* = 0.7085 - 0.0751 = 0.6334; psi* = (-0.3542, -0.7085, -1.038)', () => {
    const s = ergodicLqSolution(JIA_ZHOU_ERGODIC);
    expect(s.averageReward).toBeCloseTo(0.6334, 4);
    expect(s.psi[0]).toBeCloseTo(-0.3542, 4);
    expect(s.psi[1]).toBeCloseTo(-0.7085, 4);
    expect(s.psi[2]).toBeCloseTo(-1.038, 3);
  });
});
