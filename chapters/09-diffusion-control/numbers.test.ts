/** The numbers chapter 9 states in its prose and exercises, from the engines' closed forms. */
import { describe, expect, it } from 'vitest';
import { gaussControl, gaussScore, gaussValue, schedule, sigma2At } from './model.ts';
import { compileMixture, gmmLogDensity } from '../../workers/engines/diffusion/gmm.ts';
import { controlCost } from '../../workers/engines/diffusion/control.ts';
import { dcRing } from '../../workers/engines/diffusion/dcSetup.ts';
import { runToEnd } from '../../workers/engines/chunked.ts';

/** Exercise dc-gauss-cost: J(lambda u*) for data N(0, vs) on the chapter's schedule, in closed form. */
function gaussCost(lambda: number, vs = 0.25) {
  const vT = 1 - schedule.alpha(1) ** 2 * (1 - vs);
  const R = vT / (1 - vT) / (vs / (1 - vs));
  const L = Math.log(R);
  const e = 1 - 2 * lambda;
  const I = Math.abs(e) < 1e-9 ? 0.5 * L * L + L : (2 * (1 - lambda) * (R ** e - 1) - e * L) / (e * e);
  return { R, vT, EV: 0.5 * Math.log(2 * Math.PI * Math.E * vT), J: 0.5 * Math.log(2 * Math.PI * Math.E * vT) + 0.5 * (1 - lambda) ** 2 * I, I };
}

describe('chapter 9 prose numbers', () => {
  it('the schedule: alpha_1 = e^-5.025 = 0.006572, 1/alpha_1 = 152, sigma_1^2 = 1 - 4.3e-5, sigma_0.001 = 0.0105', () => {
    expect(schedule.logAlpha(1)).toBeCloseTo(-5.025, 12);
    expect(schedule.alpha(1)).toBeCloseTo(0.006572, 6);
    expect(1 / schedule.alpha(1)).toBeCloseTo(152.17, 2);
    // Without a score, X_T = X_0/alpha_1 + noise of variance 1/alpha_1^2 - 1 (the integral of beta(s)/alpha_s^2), so
    // from N(0, 1) the sd is sqrt(2 - alpha_1^2)/alpha_1 = 215.2, about sqrt(2)/alpha_1.
    const a1 = schedule.alpha(1);
    let noiseVar = 0;
    const ds = 1e-5;
    for (let s = ds / 2; s < 1; s += ds) noiseVar += (schedule.beta(s) / schedule.alpha(s) ** 2) * ds;
    expect(noiseVar / (1 / a1 ** 2 - 1)).toBeCloseTo(1, 6);
    expect(Math.sqrt(2 - a1 * a1) / a1).toBeCloseTo(215.2, 1);
    expect(Math.sqrt(2) / a1).toBeCloseTo(215.2, 1);
    expect(2 * schedule.alpha(1)).toBeCloseTo(0.013, 3);
    expect(1 - schedule.sigma2(1)).toBeCloseTo(4.3e-5, 6);
    expect(schedule.sigma(0.001)).toBeCloseTo(0.0105, 4);
    expect(0.15 / schedule.sigma(0.001)).toBeCloseTo(14.3, 1);
    expect(1 / 0.15 ** 2).toBeCloseTo(44.4, 1);
  });

  it('exercise dc-sigma: sigma_0.5^2 = 0.920936 (alpha 0.281183, alpha^2 0.079064)', () => {
    expect(schedule.logAlpha(0.5)).toBeCloseTo(-1.26875, 12);
    expect(schedule.alpha(0.5)).toBeCloseTo(0.281183, 6);
    expect(schedule.alpha(0.5) ** 2).toBeCloseTo(0.079064, 6);
    expect(sigma2At(0.5)).toBeCloseTo(0.920936, 6);
    // The integrated noise rate at s = 0.5 is a quarter of its total, yet 92% of the variance is noise.
    const intBeta = (s: number) => -2 * schedule.logAlpha(s);
    expect(intBeta(0.5)).toBeCloseTo(2.5375, 12);
    expect(intBeta(1)).toBeCloseTo(10.05, 12);
    expect(intBeta(0.5) / intBeta(1)).toBeCloseTo(0.25, 2);
  });

  it('exercises dc-value and dc-control: V(0.5, 0.7) = 0.754503, score 0.184347, u* = 0.454183, drift 1.119', () => {
    const a = schedule.alpha(0.3);
    expect(schedule.logAlpha(0.3)).toBeCloseTo(-0.46275, 12);
    expect(a).toBeCloseTo(0.62955, 5);
    expect(a * a).toBeCloseTo(0.396334, 5);
    const v = 0.25 * a * a + 1 - a * a;
    expect(v).toBeCloseTo(0.70275, 5);
    expect(0.5 * Math.log(2 * Math.PI * v)).toBeCloseTo(0.742562, 6);
    expect((0.5 - a) ** 2 / (2 * v)).toBeCloseTo(0.011941, 6);
    // Closed form = engine.
    expect(gaussValue(0.5, 0.7)).toBeCloseTo(0.5 * Math.log(2 * Math.PI * v) + (0.5 - a) ** 2 / (2 * v), 12);
    expect(gaussValue(0.5, 0.7)).toBeCloseTo(0.754503, 6);
    expect(gaussScore(0.5, 0.3)).toBeCloseTo((a - 0.5) / v, 12);
    expect(gaussScore(0.5, 0.3)).toBeCloseTo(0.184347, 6);
    expect(schedule.beta(0.3)).toBeCloseTo(6.07, 12);
    expect(Math.sqrt(6.07)).toBeCloseTo(2.463737, 6);
    expect(gaussControl(0.5, 0.7)).toBeCloseTo(Math.sqrt(6.07) * gaussScore(0.5, 0.3), 12);
    expect(gaussControl(0.5, 0.7)).toBeCloseTo(0.454183, 6);
    expect(6.07 * gaussScore(0.5, 0.3)).toBeCloseTo(1.119, 3);
  });
});

describe('chapter 9: relative entropy, Feynman-Kac and the Gaussian cost (eqs. dc-kl-uncontrolled, exercise dc-gauss-cost)', () => {
  it('KL(P^{u*} || P^0) for the ring = 10.05 + 2.838 - 1.123 = 11.76 nats; e^11.76 = 1.3e5', () => {
    const cm = compileMixture(dcRing());
    // The ring's entropy by quadrature at s = 0 (modes of sd 0.15 on the circle of radius 2).
    const h = 0.01;
    let H = 0;
    const p = new Float64Array(2);
    for (let i = -290; i <= 290; i++) {
      for (let j = -290; j <= 290; j++) {
        p[0] = i * h;
        p[1] = j * h;
        const l = gmmLogDensity(cm, p, 0, schedule);
        if (l > -60) H -= Math.exp(l) * l * h * h;
      }
    }
    expect(H).toBeCloseTo(1.123, 3);
    expect(H).toBeCloseTo(Math.log(8) + Math.log(2 * Math.PI * Math.E * 0.15 ** 2), 3); // separated modes
    const intDivMu = -2 * schedule.logAlpha(1); // d/2 * int beta, d = 2
    expect(intDivMu).toBeCloseTo(10.05, 12);
    const kl = intDivMu + 2.837921 - H; // H(p_T) by quadrature in workers/tasks/diffusionControl.test.ts
    expect(kl).toBeCloseTo(11.76, 2);
    expect(Number(Math.exp(kl).toPrecision(2))).toBe(1.3e5);
  });

  it('the noise-prediction weight against g^2: beta(s) / sigma_s^2 grows like 1/s as s -> 0', () => {
    for (const s of [1e-6, 1e-7]) expect((s * schedule.beta(s)) / schedule.sigma2(s)).toBeCloseTo(1, 2);
  });

  it('J(lambda u*) for N(0, 0.25): rho = 9.262e4, E V = 1.419, J = 9.261e4, 506.9, 11.02, 3.436 at lambda 0, 1/4, 1/2, 2; excess 6.77', () => {
    expect(gaussCost(1).R / 1e4).toBeCloseTo(9.262, 3);
    expect(gaussCost(1).EV).toBeCloseTo(1.419, 3);
    expect(gaussCost(1).J).toBeCloseTo(gaussCost(1).EV, 12);
    expect(gaussCost(0).J / 1e4).toBeCloseTo(9.261, 3);
    expect(gaussCost(0.25).J).toBeCloseTo(506.9, 1);
    expect(gaussCost(0.5).J).toBeCloseTo(11.02, 2);
    expect(gaussCost(2).J).toBeCloseTo(3.436, 3);
    expect(gaussCost(0.5).J / gaussCost(1).EV - 1).toBeCloseTo(6.77, 2);
    // The limit at 1/2 is continuous.
    expect((gaussCost(0.5 + 1e-4).J + gaussCost(0.5 - 1e-4).J) / 2).toBeCloseTo(gaussCost(0.5).J, 4);
    // lambda = 0 directly: X_T = X_0 / alpha_T + noise of variance 1/alpha_T^2 - 1; cost = ln alpha_T + E[-ln p_data(X_T)].
    const a = schedule.alpha(1);
    const { vT } = gaussCost(0);
    expect(gaussCost(0).J).toBeCloseTo(Math.log(a) + 0.5 * Math.log(2 * Math.PI * 0.25) + (vT / a ** 2 + 1 / a ** 2 - 1) / 0.5, 6);
  });

  it('the closed form against the variance ODE, and against Monte Carlo of the controlled process', () => {
    // dS/dt = beta ((1 - 2 lambda / v) S + 1), S(0) = v_T; gap integrand beta S / v^2 (RK4 in generation time).
    for (const lambda of [0.25, 0.5, 0.8, 2]) {
      const vs = 0.25;
      const v = (t: number) => 1 - schedule.alpha(1 - t) ** 2 * (1 - vs);
      const b = (t: number) => schedule.beta(1 - t);
      const f = (t: number, S: number) => b(t) * ((1 - (2 * lambda) / v(t)) * S + 1);
      const n = 200_000;
      const h = 1 / n;
      let S = v(0);
      let gap = 0;
      for (let k = 0; k < n; k++) {
        const t = k * h;
        const g0 = (b(t) * S) / v(t) ** 2;
        const k1 = f(t, S);
        const k2 = f(t + h / 2, S + (h / 2) * k1);
        const k3 = f(t + h / 2, S + (h / 2) * k2);
        const k4 = f(t + h, S + h * k3);
        S += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
        gap += (h / 2) * (g0 + (b(t + h) * S) / v(t + h) ** 2);
      }
      expect(gap / gaussCost(lambda).I).toBeCloseTo(1, 4);
    }
    const cm = compileMixture({ weights: [1], means: [[0]], stds: [0.5] });
    for (const lambda of [0.5, 2]) {
      const r = runToEnd(controlCost({ mixture: cm, schedule, lambda, particles: 20000, steps: 4000, seed: 1 }));
      expect(Math.abs(r.cost.mean - gaussCost(lambda).J)).toBeLessThan(3 * r.cost.stdErr + 0.01);
    }
  });
});
