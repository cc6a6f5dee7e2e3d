/**
 * Chapter 9's worker tasks, run with the figures' defaults (the requests the declarations in chapters/09-diffusion-control/ send) and compared
 * with exact values: the target's own MMD spread, the entropy of p_T, the verification identity within standard
 * errors. Monte Carlo results are for fixed seeds; the measured values are in the comments.
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { Rng } from '../engines/random.ts';
import { compileMixture, gmmCdf1d, gmmDensity, gmmLogDensity, gmmSample } from '../engines/diffusion/gmm.ts';
import { tasks } from '../tasks.ts';
import { controlCost } from '../engines/diffusion/control.ts';
import { conditionalLaw, DC_BIMODAL, DC_TMIN, dcRing, dcSchedule, fractionOnModes, lambdaGrid, mmdAgainstTarget } from './diffusionControl.ts';
import { vpSchedule } from '../engines/diffusion/schedule.ts';
import { defaultRequest } from '../../app/figure/defaultRequest.ts';
import { dataDensity } from '../../chapters/09-diffusion-control/model.ts';
import { DcParticles } from '../../chapters/09-diffusion-control/DcParticles.tsx';
import { DcDsm } from '../../chapters/09-diffusion-control/DcDsm.tsx';
import { DcValue } from '../../chapters/09-diffusion-control/DcValue.tsx';
import { DcVerification, LAMBDAS, optimumIndex, seRatios } from '../../chapters/09-diffusion-control/DcVerification.tsx';
import { meanVariance } from '../engines/stats.ts';

/** Mean and sample standard deviation over seeds. */
const m = (v: number[]) => meanVariance(v).mean;
const sd = (v: number[]) => Math.sqrt(meanVariance(v).variance);

const figParticles = defaultRequest(DcParticles, 'dcParticles');
const figVerification = defaultRequest(DcVerification, 'dcVerification');
const figDsm = defaultRequest(DcDsm, 'dcDsm');

describe('helpers', () => {
  it('the lambda grid runs from 1/4 to 2 through 1 (log-spaced, 7 points)', () => {
    expect(LAMBDAS.length).toBe(7);
    expect(LAMBDAS[0]).toBeCloseTo(0.25, 14);
    expect(LAMBDAS[4]).toBeCloseTo(1, 14);
    expect(LAMBDAS[6]).toBeCloseTo(2, 14);
    expect(lambdaGrid(1, 4, 3)[1]).toBeCloseTo(2, 14);
  });

  it('exact samples of the data sit on a mode (within 3 sd) 98.9% of the time, and two of them (seeds 9, 10) have |MMD^2| < 5e-4', () => {
    const x = gmmSample(dcRing(), 20000, new Rng(9));
    // P(|Z|^2 < 9) for a 2-D standard normal: 1 - e^{-4.5} = 0.98889.
    expect(Math.abs(fractionOnModes(x) - (1 - Math.exp(-4.5)))).toBeLessThan(3 * Math.sqrt((0.0111 * 0.9889) / 20000));
    const m = mmdAgainstTarget(gmmSample(dcRing(), 1000, new Rng(10)), 1);
    expect(Math.abs(m.mmd2)).toBeLessThan(5e-4);
    expect(Math.abs(m.reference)).toBeLessThan(5e-4);
  });
});

describe('dcParticles (figure dc-particles)', () => {
  it('two exact samples of 1000 points: MMD^2 scatters around 0 with a standard deviation of about 5e-4 (seeds 1-20)', () => {
    const m: number[] = [];
    for (let seed = 1; seed <= 20; seed++) m.push(mmdAgainstTarget(gmmSample(dcRing(), 1000, new Rng(1000 + seed)), seed).reference);
    const mean = m.reduce((a, b) => a + b, 0) / m.length;
    const sd = Math.sqrt(m.reduce((a, b) => a + (b - mean) ** 2, 0) / (m.length - 1));
    expect(sd).toBeGreaterThan(3.5e-4);
    expect(sd).toBeLessThan(7e-4);
    expect(Math.abs(mean)).toBeLessThan((3 * sd) / Math.sqrt(m.length));
  });

  it('defaults (reverse SDE, 200 steps, 4000 particles, lambda 1): MMD^2 0.00111, within the scatter of two exact samples (0.00012 here); 98.6% on a mode', () => {
    const r = runToEnd(tasks.dcParticles(figParticles));
    expect(r.times.length).toBe(41);
    expect(r.snapshots.length).toBe(41 * 4000 * 2);
    expect(r.times[40]).toBeCloseTo(1 - 1e-3, 12);
    expect(r.mmd2).toBeCloseTo(0.00111, 5);
    expect(r.reference).toBeCloseTo(0.00012, 5);
    // Within about two standard deviations (5e-4) of the exact samples' scatter: no bias the MMD can see at n = 1000.
    expect(Math.abs(r.mmd2)).toBeLessThan(3 * 5e-4);
    expect(r.onModes).toBeCloseTo(0.986, 3);
    // The first snapshot is the prior N(0, I): sample variance within 5% of 1.
    let v = 0;
    for (let i = 0; i < 8000; i++) v += r.snapshots[i] ** 2;
    expect(Math.abs(v / 8000 - 1)).toBeLessThan(0.05);
  });

  it('probability flow (Heun) reaches the MMD^2 of exact samples; lambda 0 lands nowhere; lambda 2 is over-confident, more so without noise', () => {
    const heun = runToEnd(tasks.dcParticles({ ...figParticles, method: 1 }));
    expect(heun.mmd2).toBeCloseTo(-0.00054, 5);
    expect(Math.abs(heun.mmd2)).toBeLessThan(3 * 5e-4);
    const none = runToEnd(tasks.dcParticles({ ...figParticles, lambda: 0 }));
    expect(none.onModes).toBe(0);
    expect(none.mmd2).toBeCloseTo(0.0839, 4);
    // Without a score the reversed process is an expanding OU: from N(0, 1) the sd grows to
    // sqrt(2 - alpha_1^2)/alpha_1 = 215.2. Euler–Maruyama's growth factor 1 + beta dt/2 falls short of e^{beta dt/2}:
    // 203.4 with 200 steps.
    const n = none.final.length / 2;
    let s2 = 0;
    for (let i = 0; i < 2 * n; i++) s2 += none.final[i] ** 2;
    expect(Math.sqrt(s2 / (2 * n))).toBeCloseTo(203.4, 1);
    expect(Math.sqrt(s2 / (2 * n))).toBeGreaterThan(0.9 * 215.2);
    const sde2 = runToEnd(tasks.dcParticles({ ...figParticles, lambda: 2 }));
    const ode2 = runToEnd(tasks.dcParticles({ ...figParticles, lambda: 2, method: 1 }));
    expect(sde2.onModes).toBe(1);
    expect(sde2.mmd2).toBeCloseTo(0.004, 4);
    expect(ode2.mmd2).toBeCloseTo(0.018, 3);
    expect(ode2.mmd2).toBeGreaterThan(3 * sde2.mmd2);
  });

  it('bad input fails with a sentence', () => {
    expect(() => runToEnd(tasks.dcParticles({ ...figParticles, particles: 5 }))).toThrow(/number of particles must be a whole number from 10/);
    expect(() => runToEnd(tasks.dcParticles({ ...figParticles, method: 3 }))).toThrow(/method must be a whole number from 0 to 1/);
  });
});

describe('dcVerification (figure dc-verification)', () => {
  const r = runToEnd(tasks.dcVerification(figVerification));
  const k1 = optimumIndex(r);

  it('E V(X_0, 0) is the entropy of p_T: 2.83792 by quadrature, 4.4e-5 above ln 2 pi e = 2.83788; the Monte Carlo V is within 1 SE', () => {
    const cm = compileMixture(dcRing());
    const sch = dcSchedule();
    const h = 0.04;
    const p = new Float64Array(2);
    let H = 0;
    for (let i = -225; i <= 225; i++) {
      for (let j = -225; j <= 225; j++) {
        p[0] = i * h;
        p[1] = j * h;
        const l = gmmLogDensity(cm, p, 1, sch);
        H -= Math.exp(l) * l * h * h;
      }
    }
    expect(H).toBeCloseTo(2.837921, 6);
    expect(Math.log(2 * Math.PI * Math.E)).toBeCloseTo(2.837877, 6);
    expect(H - Math.log(2 * Math.PI * Math.E)).toBeLessThan(5e-5);
    expect(Math.abs(r.value[k1] - H)).toBeLessThan(r.valueSe[k1]);
    expect(r.value[k1]).toBeCloseTo(2.8775, 4);
  });

  it('J(lambda u*) = V + gap within 3 SE + 1% at every lambda; at lambda = 1 the cost is V within 2 SE (3.022 ± 0.217 vs 2.878)', () => {
    expect(k1).toBe(4);
    expect(r.gap[k1]).toBe(0);
    expect(r.cost[k1]).toBeCloseTo(3.022, 3);
    expect(Math.abs(r.cost[k1] - r.value[k1])).toBeLessThan(2 * r.costSe[k1]);
    for (let k = 0; k < r.lambda.length; k++) {
      expect(Math.abs(r.identity[k])).toBeLessThan(3 * r.identitySe[k] + 0.01 * r.cost[k]);
      expect(Math.abs(r.pathwise[k])).toBeLessThan(3 * r.pathwiseSe[k] + 0.01 * r.cost[k]);
    }
    // The shape the prose describes.
    expect(r.cost[6]).toBeCloseTo(7.276, 3);
    // The excess cost (J - E V)/E V with one standard error: 1.53 +- 0.06 (lambda 2), 8.9 +- 0.6 (1/2), 1,180 +- 50 (1/4).
    const excess = (k: number) => (r.cost[k] - r.value[k1]) / r.value[k1];
    const se = (k: number) => r.costSe[k] / r.value[k1];
    expect(excess(6)).toBeCloseTo(1.53, 2);
    expect(se(6)).toBeCloseTo(0.06, 2);
    expect(excess(2)).toBeCloseTo(8.9, 1);
    expect(se(2)).toBeCloseTo(0.6, 1);
    expect(Math.round(excess(0) / 10) * 10).toBe(1180);
    expect(Math.round(se(0) / 10) * 10).toBe(50);
    expect(r.cost[0] / r.value[k1]).toBeGreaterThan(900);
    expect(r.cost[0]).toBeCloseTo(3394.45, 1);
  });

  it('the pathwise residual is 9 to 70 times tighter; at lambda = 1/4 its bias is many SE but < 0.1% of J; at lambda = 1 it is 0.0200 ± 0.0143', () => {
    const [lo, hi] = seRatios(r);
    expect(lo).toBeGreaterThan(9);
    expect(hi).toBeLessThan(70);
    expect(hi).toBeGreaterThan(60);
    // "The most at small lambda": the ratio peaks at lambda = 2^(-3/2) = 0.35 (69.7; 43.0 at 1/4) and falls to 9.2 at 2.
    const q = r.lambda.map((_, k) => r.identitySe[k] / r.pathwiseSe[k]);
    expect(q.indexOf(hi)).toBe(1);
    for (let k = 2; k < q.length; k++) expect(q[k]).toBeLessThan(q[k - 1]);
    expect(r.pathwise[k1]).toBeCloseTo(0.02, 3);
    expect(r.pathwiseSe[k1]).toBeCloseTo(0.0143, 4);
    expect(Math.abs(r.pathwise[0])).toBeGreaterThan(10 * r.pathwiseSe[0]);
    expect(Math.abs(r.pathwise[0]) / r.cost[0]).toBeLessThan(1e-3);
  });

  it('doubling the steps halves the bias at lambda = 1/4 (first order in the step)', () => {
    const coarse = runToEnd(tasks.dcVerification({ ...figVerification, lambdas: [0.25], steps: 1000 }));
    const ratio = coarse.pathwise[0] / r.pathwise[0];
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(2.7);
  });

  it('below the axis: at lambda = 0 the cost is ~2e6 nats and the bias thousands of nats (0.14% with 2000 steps), shrinking like 1/K', () => {
    const cm = compileMixture(dcRing());
    const sch = dcSchedule();
    const run = (steps: number) => runToEnd(controlCost({ mixture: cm, schedule: sch, lambda: 0, particles: 500, steps, seed: 1 }));
    const a = run(2000);
    const b = run(8000);
    expect(a.cost.mean).toBeGreaterThan(1.8e6);
    expect(a.cost.mean).toBeLessThan(2.3e6);
    expect(a.pathwise.mean).toBeGreaterThan(1000);
    expect(a.pathwise.mean / a.cost.mean).toBeCloseTo(0.0014, 4);
    expect(a.pathwise.mean / b.pathwise.mean).toBeGreaterThan(3.4);
    expect(a.pathwise.mean / b.pathwise.mean).toBeLessThan(4.6);
    // Nearly the whole cost of lambda = 1/4 (2886 against 3394).
    expect(a.pathwise.mean).toBeGreaterThan(0.8 * r.cost[0]);
    expect(a.pathwise.mean).toBeLessThan(r.cost[0]);
  });

  it('bad input fails with a sentence', () => {
    expect(() => runToEnd(tasks.dcVerification({ ...figVerification, lambdas: [0] }))).toThrow(/control scales must be in \(0, 10\]/);
    expect(() => runToEnd(tasks.dcVerification({ ...figVerification, particles: 1 }))).toThrow(/number of paths must be a whole number/);
  });
});

describe('dcDsm (figure dc-dsm)', () => {
  // The training run at the defaults is pinned in diffusionControl.slow.test.ts, with the other seeds.
  it('bad input fails with a sentence', () => {
    expect(() => runToEnd(tasks.dcDsm({ ...figDsm, batch: 4 }))).toThrow(/batch size must be a whole number from 16/);
  });
});

describe('dcValue (figure dc-value)', () => {
  const fig = defaultRequest(DcValue, 'dcValue');

  it('the conditional law p(Y_s | Y_T = x) agrees with Bayes by quadrature (density, weights, mean)', () => {
    const sch = vpSchedule({ betaMin: 0.1, betaMax: 4 });
    const cm = compileMixture(DC_BIMODAL);
    const x = 1.5;
    const c = sch.alpha(1) / sch.alpha(DC_TMIN);
    const law = conditionalLaw(DC_BIMODAL, sch, DC_TMIN, x);
    // Posterior ∝ p_s(y) N(x; c y, 1 - c^2), normalised by quadrature on [-6, 6].
    const h = 0.001;
    let Z = 0;
    let m1 = 0;
    const post: number[] = [];
    for (let y = -6; y <= 6; y += h) {
      const q = Math.exp(gmmLogDensity(cm, [y], DC_TMIN, sch)) * Math.exp(-((x - c * y) ** 2) / (2 * (1 - c * c)));
      post.push(q);
      Z += q * h;
      m1 += y * q * h;
    }
    const mean = law.weights.reduce((a, w, k) => a + w * law.means[k][0], 0);
    expect(mean).toBeCloseTo(m1 / Z, 8);
    for (const y of [-1.4, 0, 1.07]) expect(gmmDensity(law, [y], 0, sch)).toBeCloseTo(post[Math.round((y + 6) / h)] / Z, 6);
    // Marginal check: the conditional weights average back to the data's over p_T.
    expect(law.weights[0] + law.weights[1]).toBeCloseTo(1, 14);
    expect(gmmCdf1d(law, 10)).toBeCloseTo(1, 12);
    expect(law.weights[0]).toBeCloseTo(0.1168, 4);
  });

  it('defaults (beta_max 4, x0 1.5, 2000 paths): W1 0.030 to the conditional law (exact sample 0.020), 0.800 to the data; weights 0.117/0.883; V(x0, 0) = 1.97846', () => {
    const r = runToEnd(tasks.dcValue(fig));
    expect(r.alphaT).toBeCloseTo(0.3588, 4);
    expect(r.law.weights[0]).toBeCloseTo(0.117, 3);
    expect(r.law.weights[1]).toBeCloseTo(0.883, 3);
    expect(r.w1Conditional).toBeCloseTo(0.0301, 4);
    expect(r.w1Reference).toBeCloseTo(0.0198, 4);
    expect(r.w1Data).toBeCloseTo(0.8003, 4);
    expect(r.w1Conditional).toBeLessThan(2 * r.w1Reference);
    expect(r.w1Data).toBeGreaterThan(20 * r.w1Reference);
    const sch = vpSchedule({ betaMin: 0.1, betaMax: 4 });
    expect(r.valueAtStart).toBeCloseTo(-gmmLogDensity(compileMixture(DC_BIMODAL), [1.5], 1, sch), 12);
    expect(r.valueAtStart).toBeCloseTo(1.97846, 5);
    expect(r.paths.length).toBe(60 * 101);
    expect(r.value.length).toBe(120 * 100);
    for (const v of r.value) expect(Number.isFinite(v)).toBe(true);
  });

  it('over eight seeds: W1 to the conditional law 0.024 +- 0.010, of an exact sample 0.022 +- 0.008, to the data 0.79 +- 0.02', () => {
    const rs = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => runToEnd(tasks.dcValue({ ...fig, seed })));
    const c = rs.map((r) => r.w1Conditional);
    const e = rs.map((r) => r.w1Reference);
    const d = rs.map((r) => r.w1Data);
    expect(m(c)).toBeCloseTo(0.024, 3);
    expect(sd(c)).toBeCloseTo(0.01, 3);
    expect(m(e)).toBeCloseTo(0.022, 3);
    expect(sd(e)).toBeCloseTo(0.008, 3);
    expect(m(d)).toBeCloseTo(0.79, 2);
    expect(sd(d)).toBeCloseTo(0.02, 2);
  });

  it('with beta_max 20 the start is forgotten: conditional weights 0.394/0.606, alpha_T 0.0066; the data density integrates to 1', () => {
    const r = runToEnd(tasks.dcValue({ ...fig, betaMax: 20 }));
    expect(r.alphaT).toBeCloseTo(0.0066, 4);
    expect(r.law.weights[0]).toBeCloseTo(0.394, 3);
    expect(r.w1Data).toBeLessThan(3 * r.w1Reference);
    let I = 0;
    for (let x = -8; x <= 8; x += 0.001) I += dataDensity(x) * 0.001;
    expect(I).toBeCloseTo(1, 6);
    expect(() => runToEnd(tasks.dcValue({ ...fig, betaMax: 0 }))).toThrow(/beta_max must be between 0.1 and 50/);
  });
});
