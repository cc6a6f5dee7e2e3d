/** The numbers chapter 9 states in its prose and exercises, from the engines' closed forms. */
import { describe, expect, it } from 'vitest';
import { gaussControl, gaussScore, gaussValue, schedule, sigma2At } from './model.ts';

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
