import { describe, expect, it } from 'vitest';
import { runToEnd } from '../chunked';
import { vpSchedule } from './schedule';
import { gmmLogDensity, gmmScore } from './gmm';
import { controlCost, controlValue, optimalControl } from './control';

const vp = vpSchedule({ betaMin: 0.1, betaMax: 20 });
const mix = {
  weights: [0.5, 0.3, 0.2],
  means: [
    [-1, 0],
    [1, 0.5],
    [0, 1.5],
  ],
  stds: [0.4, 0.3, 0.5],
};

describe('the control reading of diffusion', () => {
  it('V(x, t) = -ln p_{T-t}(x) and u* = g(T - t) score (one factor of g)', () => {
    const x = [0.3, -0.2];
    expect(controlValue(mix, vp, x, 0.25)).toBeCloseTo(-gmmLogDensity(mix, x, 0.75, vp), 14);
    const u = optimalControl(mix, vp, x, 0.25);
    const sc = gmmScore(mix, x, 0.75, vp);
    expect(u[0]).toBeCloseTo(vp.g(0.75) * sc[0], 14);
    expect(u[1]).toBeCloseTo(vp.g(0.75) * sc[1], 14);
  });

  // 2000 Euler–Maruyama steps, 1000 paths from X_0 ~ p_T. Measured (seed 5): lambda 0.25: J = 1019 ± 32,
  // pathwise residual 0.22 ± 0.012; lambda 0.5: J = 22.6 ± 0.8, residual -0.004 ± 0.009; lambda 1: J = 3.04 ± 0.16,
  // V = 2.827 ± 0.031, residual 0.017 ± 0.009; lambda 2: J = 6.96 ± 0.13, residual 0.060 ± 0.009.
  // The residual's time-step bias is ~ c(lambda)/steps (halves when steps double), below 1% of J at 2000 steps.
  it.each([0.25, 0.5, 1, 2])('verification identity J(u) = V + 1/2 E int |u - u*|^2 for u = %f u*', (lambda) => {
    const r = runToEnd(controlCost({ mixture: mix, schedule: vp, lambda, particles: 1000, steps: 2000, seed: 5 }));
    const J = r.cost.mean;
    // From the three averages: within 3 standard errors of the difference plus 1% time-step bias.
    expect(Math.abs(r.identity.mean)).toBeLessThan(3 * r.identity.stdErr + 0.01 * Math.abs(J));
    // Pathwise (martingale term subtracted): a 20-50x tighter check of the same identity.
    expect(Math.abs(r.pathwise.mean)).toBeLessThan(3 * r.pathwise.stdErr + 0.01 * Math.abs(J));
    expect(r.pathwise.stdErr).toBeLessThan(r.identity.stdErr / 10);
    if (lambda === 1) expect(r.gap.mean).toBe(0);
  });

  it('from a fixed start the optimal cost is V(x, 0) = -ln p_T(x)', () => {
    const x0 = [0.5, -1];
    const r = runToEnd(controlCost({ mixture: mix, schedule: vp, lambda: 1, particles: 400, steps: 2000, seed: 8, x0 }));
    const V = controlValue(mix, vp, x0, 0);
    expect(r.value.mean).toBeCloseTo(V, 12);
    expect(Math.abs(r.pathwise.mean)).toBeLessThan(3 * r.pathwise.stdErr + 0.01 * Math.abs(V));
    expect(Math.abs(r.cost.mean - V)).toBeLessThan(4 * r.cost.stdErr + 0.01 * Math.abs(V));
  });

  it('rejects bad options', () => {
    expect(() => runToEnd(controlCost({ mixture: mix, schedule: vp, lambda: 1, particles: 1, steps: 10, seed: 1 }))).toThrow(
      /particles must be an integer in \[2, 1e6\]/,
    );
    expect(() => controlValue(mix, vp, [0, 0], 2)).toThrow(/generation time t must be in \[0, 1\]/);
  });
});
