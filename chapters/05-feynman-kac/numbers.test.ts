/** The numbers chapter 5 states in its prose, from the engines' closed forms. */
import { describe, expect, it } from 'vitest';
import { lqrChainValue, lqrContinuousPolicyValue } from '../../workers/engines/feynmanKac.ts';
import { stabilisesDiscounted, stableGainBound } from '../../workers/engines/lqr.ts';
import { K_MIN_STABLE, optimum, post } from './model.ts';
import { DTS, FkVersusDt, chainCurve } from './FkVersusDt.tsx';

describe('chapter 5 prose numbers', () => {
  it('the value of K* at x0 = 1, the chain at dt = 0.05 and its pieces', () => {
    expect(lqrContinuousPolicyValue(post, optimum.K).value(1)).toBeCloseTo(-0.2526763, 7);
    expect(lqrContinuousPolicyValue(post, optimum.K).P).toBeCloseTo(0.2659751, 7);
    const ch = lqrChainValue(post, optimum.K, 0.05);
    expect(ch.P).toBeCloseTo(0.2898355, 7);
    expect(ch.c).toBeCloseTo(0.1301002, 7);
    expect(ch.value(1)).toBeCloseTo(-0.275018, 6);
    expect(1 + (post.alpha - post.beta * optimum.K) * 0.05).toBeCloseTo(0.8420125, 7);
    expect(K_MIN_STABLE).toBeCloseTo(-0.55, 12);
    // Defaults of fk-paths: dt = 0.01 gives -1.66%.
    const cont = lqrContinuousPolicyValue(post, optimum.K).value(1);
    expect((lqrChainValue(post, optimum.K, 0.01).value(1) - cont) / Math.abs(cont)).toBeCloseTo(-0.0166, 4);
  });

  it("the source post's own Monte Carlo check (Euler dt = 0.05, T = 30, no tail) estimates -0.2684291", () => {
    const dt = 0.05;
    const M = 600;
    const ch = lqrChainValue(post, optimum.K, dt);
    const a = 1 + (post.alpha - post.beta * optimum.K) * dt;
    const s2 = post.sigma ** 2 * dt;
    const EX2 = a ** (2 * M) + (s2 * (1 - a ** (2 * M))) / (1 - a * a);
    const truncated = ch.value(1) - Math.exp(-post.rho * dt * M) * (-0.5 * ch.P * EX2 - ch.c);
    expect(truncated).toBeCloseTo(-0.2684291, 6);
    // Cross-check by summing the chain's expected discounted rewards directly over 600 steps.
    const w = post.q + post.r * optimum.K ** 2;
    let direct = 0;
    for (let n = 0; n < M; n++) direct += -0.5 * w * dt * Math.exp(-post.rho * dt * n) * (a ** (2 * n) + (s2 * (1 - a ** (2 * n))) / (1 - a * a));
    expect(direct).toBeCloseTo(truncated, 10);
  });

  it('the chain curve drawn in fk-dt tends to the continuous value at first order and is NaN where the chain diverges', () => {
    const c = chainCurve(optimum.K, 1);
    const cont = lqrContinuousPolicyValue(post, optimum.K).value(1);
    const slope0 = (c.value[0] - cont) / c.dt[0];
    const slope1 = (c.value[1] - cont) / c.dt[1];
    expect(Math.abs(slope1 / slope0 - 1)).toBeLessThan(0.02);
    const big = chainCurve(10, 1);
    expect(Number.isNaN(big.value[big.value.length - 1])).toBe(true);
  });

  it('fk-dt: beyond K = 9.550 the chain diverges at dt = 0.2; dt = 0.1 would take K >= 19.55, past the slider end (10)', () => {
    const diverges = (K: number, dt: number) => {
      try {
        return !Number.isFinite(lqrChainValue(post, K, dt).value(1));
      } catch {
        return true;
      }
    };
    // gamma lambda_K^2 >= 1 with lambda_K < 0: (beta K - alpha) dt >= 1 + e^{rho dt / 2}.
    const threshold = (dt: number) => (post.alpha + (1 + Math.exp((post.rho * dt) / 2)) / dt) / post.beta;
    expect(Number(threshold(0.2).toPrecision(4))).toBe(9.55);
    expect(Number(threshold(0.1).toPrecision(4))).toBe(19.55);
    for (const dt of [0.2, 0.1]) {
      expect(diverges(threshold(dt) - 1e-6, dt)).toBe(false);
      expect(diverges(threshold(dt) + 1e-6, dt)).toBe(true);
    }
    expect(FkVersusDt.params.schema.K.max).toBe(10);
    const atMax = DTS.map((dt) => diverges(10, dt));
    expect(atMax).toEqual(DTS.map((dt) => dt === 0.2));
    expect(lqrChainValue(post, 10, 0.1).value(1)).toBeCloseTo(-1.045116, 6);
  });
  it('finite value for K > -0.55 (discounted loop stable), a stable closed loop only for K > -0.5', () => {
    expect(stableGainBound(post)).toBeCloseTo(-0.55, 12);
    expect(post.alpha / post.beta).toBeCloseTo(-0.5, 12);
    // Inside (-0.55, -0.5] the closed loop diverges (alpha - beta K >= 0) and the value is finite.
    for (const K of [-0.549, -0.52, -0.5]) {
      expect(stabilisesDiscounted(post, K)).toBe(true);
      expect(post.alpha - post.beta * K).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(lqrContinuousPolicyValue(post, K).value(1))).toBe(true);
    }
    expect(stabilisesDiscounted(post, -0.551)).toBe(false);
  });

  it('the rounded constants of the prose (4 significant digits)', () => {
    const cont = lqrContinuousPolicyValue(post, optimum.K);
    const ch = lqrChainValue(post, optimum.K, 0.05);
    const round4 = (v: number) => Number(v.toPrecision(4));
    expect(round4(optimum.K)).toBe(2.66);
    expect(round4(cont.P)).toBe(0.266);
    expect(round4(cont.c)).toBe(0.1197);
    expect(round4(cont.value(1))).toBe(-0.2527);
    expect(round4(1 + (post.alpha - post.beta * optimum.K) * 0.05)).toBe(0.842);
    expect(round4(Math.exp(-post.rho * 0.05))).toBe(0.995);
    expect(round4(ch.P)).toBe(0.2898);
    expect(round4(ch.c)).toBe(0.1301);
    expect(round4(ch.value(1))).toBe(-0.275);
    expect((ch.value(1) - cont.value(1)) / Math.abs(cont.value(1))).toBeCloseTo(-0.0884, 4);
  });
});

describe('chapter 5 exercise solutions, rounded to 4 significant digits', () => {
  const round4 = (v: number) => Number(v.toPrecision(4));
  it('ex:fk-bias (dt = 0.1) and ex:fk-value (K = 5, x = 2)', () => {
    const K = optimum.K;
    const dt = 0.1;
    const lam = 1 + (post.alpha - post.beta * K) * dt;
    const g = Math.exp(-post.rho * dt);
    const ch = lqrChainValue(post, K, dt);
    const cont = lqrContinuousPolicyValue(post, K);
    expect([round4(lam), round4(g), round4(g * lam * lam), round4(post.q + post.r * K * K), round4(1 - g * lam * lam)]).toEqual([
      0.684, 0.99, 0.4632, 1.707, 0.5368,
    ]);
    expect([round4(ch.P), round4(ch.c), round4(-0.5 * ch.P), round4(ch.value(1))]).toEqual([0.3181, 0.1424, -0.159, -0.3015]);
    expect(round4(ch.value(1) - cont.value(1))).toBe(-0.0488);
    expect(round4((ch.value(1) - cont.value(1)) / Math.abs(cont.value(1)))).toBe(-0.1931);
    const v5 = lqrContinuousPolicyValue(post, 5);
    expect([round4(v5.P), round4(v5.c), round4(v5.value(2)), round4(cont.value(2))]).toEqual([0.3153, 0.1419, -0.7725, -0.6516]);
    expect(round4(lqrContinuousPolicyValue(post, 1).value(2))).toBe(-0.8694);
  });
});

describe('chapter 5: the martingale control variate on the regulator', () => {
  it('K*, x0 = 1, dt = 0.01, T = 10, 1000 paths, seeds 1-5: sd 0.036-0.038 plain, 0.0035-0.0037 with the control variate (tenfold)', async () => {
    const { lqrControlVariate } = await import('../../workers/engines/feynmanKac.ts');
    const runs = [1, 2, 3, 4, 5].map((seed) => lqrControlVariate(post, optimum.K, 1, 0.01, 10, 1000, seed));
    for (const r of runs) {
      // Rounded to two significant digits, as the prose gives them.
      expect([0.036, 0.037, 0.038]).toContain(Number(r.sd.toPrecision(2)));
      expect([0.0035, 0.0036, 0.0037]).toContain(Number(r.sdCv.toPrecision(2)));
      expect(Math.round(r.sd / r.sdCv)).toBe(10);
      // Same mean within sampling error (the added sum has mean zero).
      expect(Math.abs(r.mean - r.meanCv)).toBeLessThan((4 * r.sd) / Math.sqrt(1000));
    }
    // The remainder is second order in the noise: per step -P sigma^2 dt (Z^2 - 1)/2, variance P^2 sigma^4 dt^2 / 2,
    // summed against e^{-2 rho t_n}: sd about (P sigma^2 dt / 2) sqrt(2 / (1 - e^{-2 rho dt})).
    const predicted = ((optimum.P * post.sigma ** 2 * 0.01) / 2) * Math.sqrt((2 * (1 - Math.exp(-2 * post.rho * 10))) / (1 - Math.exp(-2 * post.rho * 0.01)));
    for (const r of runs) expect(r.sdCv / predicted).toBeGreaterThan(0.9);
    for (const r of runs) expect(r.sdCv / predicted).toBeLessThan(1.25);
  });
});
