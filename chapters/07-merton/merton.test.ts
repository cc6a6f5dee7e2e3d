/**
 * Every number chapter 7's figures show, at their defaults (and at an ill-posed and a ruinous point), against its
 * closed form: Monte Carlo values within 4 standard errors of the exact value of the discretised chain they
 * estimate, the chain within a stated relative distance of the continuous-time value, wealth quantiles within 4
 * standard errors of the exact log-normal quantiles, and policy iteration against Merton's formulas.
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../workers/engines/chunked.ts';
import { tasks } from '../../workers/tasks.ts';
import { defaults } from '../../app/state/schema.ts';
import { mertonClosedForm, mertonLogGrowth, mertonPolicyCE, mertonPolicyValue, normalCdf, normalPdf, WEALTH_QUANTILES } from '../../workers/engines/index.ts';
import {
  CURVE_N,
  HORIZON,
  NORMAL_Z,
  RECORD,
  SHOWN,
  curveRange,
  exactLog10Quantile,
  explorerSchema,
  explorerRequest,
  illPosedMessage,
  market,
  piSchema,
  piRequest,
  valueSchema,
  valueRequest,
  type ExplorerValues,
} from './params.ts';

const ex = defaults(explorerSchema) as ExplorerValues;
const m = market(ex);

describe('the normal quantiles used for the exact bands', () => {
  it('Phi(z_q) = q to 1e-12', () => {
    WEALTH_QUANTILES.forEach((q, i) => expect(normalCdf(NORMAL_Z[i])).toBeCloseTo(q, 12));
  });
});

describe('figure merton-explorer at its defaults', () => {
  const r = runToEnd(tasks.mertonExplorer(explorerRequest(ex)));
  const opt = mertonClosedForm(m);

  it('shows the post’s pi* = 0.625 and k* = 0.0478125', () => {
    expect(opt.pi).toBeCloseTo(0.625, 14);
    expect(opt.k).toBeCloseTo(0.0478125, 14);
    expect(r.optimal!.pi).toBe(opt.pi);
  });

  it('Monte Carlo values within 4 standard errors of the exact chain value, which is within 0.2% of the continuous value', () => {
    for (const run of [r.reader, r.optimal!]) {
      const v = run.value!;
      expect(Math.abs(v.mean - v.chainValue), `MC ${v.mean} ± ${v.stderr}, chain ${v.chainValue}`).toBeLessThan(4 * v.stderr);
      expect(Math.abs(v.chainValue / v.continuousValue - 1)).toBeLessThan(0.002);
      expect(v.continuousValue).toBeCloseTo(mertonPolicyValue(m, run)(1), 9);
      expect(run.ce).toBe(mertonPolicyCE(m, run));
    }
    // The optimum is better, by the closed forms: certainty-equivalent consumption 0.0457 against 0.0360.
    expect(r.optimal!.ce).toBeCloseTo(0.04572, 5);
    expect(r.reader.ce).toBeCloseTo(0.036, 6);
  });

  it('log10-wealth quantile bands within 4 standard errors of the exact log-normal quantiles (t = 10, 20, 40)', () => {
    const n = ex.paths;
    for (const run of [r.reader, r.optimal!]) {
      const { drift, vol } = mertonLogGrowth(m, run);
      for (const j of [40, 80, RECORD - 1]) {
        const t = r.t[j];
        WEALTH_QUANTILES.forEach((q, qi) => {
          const exact = exactLog10Quantile(drift, vol, t, NORMAL_Z[qi]);
          // Standard error of a sample quantile: sqrt(q (1 - q) / n) / density at the quantile.
          const sd = Math.LOG10E * vol * Math.sqrt(t);
          const se = Math.sqrt((q * (1 - q)) / n) / (normalPdf(NORMAL_Z[qi]) / sd);
          expect(Math.abs(run.bands[qi * RECORD + j] - exact), `pi ${run.pi}, t ${t}, q ${q}`).toBeLessThan(4 * se + 1e-6);
        });
      }
    }
    expect(r.t[RECORD - 1]).toBeCloseTo(HORIZON, 5);
    expect(r.reader.paths.length).toBe(SHOWN * RECORD);
  });

  it('pairs the noise: the reader’s and the optimal paths are driven by the same Brownian path', () => {
    // log X^a_t - drift_a t = vol_a W_t, so (log X - drift t)/vol is the same W_t for both policies.
    const a = mertonLogGrowth(m, r.reader);
    const b = mertonLogGrowth(m, r.optimal!);
    const j = 100;
    const t = r.t[j];
    const wa = (r.reader.paths[j] / Math.LOG10E - a.drift * t) / a.vol;
    const wb = (r.optimal!.paths[j] / Math.LOG10E - b.drift * t) / b.vol;
    expect(wa).toBeCloseTo(wb, 3);
  });
});

describe('figure merton-explorer at an ill-posed and a ruinous point', () => {
  it('gamma = 0.5, rho = 0.04: no optimum, a sentence that names the bound 0.04625; the reader’s own policy still has a value', () => {
    const v = { ...ex, gamma: 0.5, rho: 0.04 };
    const msg = illPosedMessage(market(v))!;
    expect(msg).toMatch(/ill-posed.*0\.04625.*Raise ρ above 0\.04625/);
    const r = runToEnd(tasks.mertonExplorer(explorerRequest({ ...v, paths: 200 })));
    expect(r.optimal).toBeNull();
    const val = r.reader.value!;
    expect(Math.abs(val.mean - val.chainValue)).toBeLessThan(4 * val.stderr);
    expect(illPosedMessage(m)).toBeNull();
  });

  it('gamma = 2, pi = 4: the policy’s value is -infinity; no Monte Carlo is run and its certainty equivalent is 0', () => {
    const r = runToEnd(tasks.mertonExplorer(explorerRequest({ ...ex, pi: 4, paths: 200 })));
    expect(r.reader.value).toBeNull();
    expect(r.reader.ce).toBe(0);
    expect(r.optimal!.value).not.toBeNull();
  });
});

describe('figure merton-value at its defaults', () => {
  const req = valueRequest(m, defaults(valueSchema) as { paths: number; seed: number });
  const r = runToEnd(tasks.mertonValueCurve(req));
  const range = curveRange(m);

  it('grid 0 .. 3 pi* with pi* and 2 pi* on it, k = k*', () => {
    expect(r.pi.length).toBe(CURVE_N);
    expect(r.pi[10]).toBeCloseTo(range.piStar, 12);
    expect(r.pi[20]).toBeCloseTo(2 * range.piStar, 12);
    expect(req.k).toBe(mertonClosedForm(m).k);
  });

  it('each Monte Carlo value within 4 standard errors of its chain value; chain within 0.3% of the continuous value', () => {
    let finite = 0;
    for (let i = 0; i < CURVE_N; i++) {
      const ce = mertonPolicyCE(m, { pi: r.pi[i], k: req.k });
      if (ce === 0) {
        expect(r.mean[i]).toBeNaN();
        continue;
      }
      finite++;
      if (r.stderr[i] === 0) expect(r.mean[i]).toBeCloseTo(r.chain[i], 9);
      else expect(Math.abs(r.mean[i] - r.chain[i]), `pi ${r.pi[i]}`).toBeLessThan(4 * r.stderr[i]);
      expect(Math.abs(r.chain[i] / r.continuous[i] - 1)).toBeLessThan(0.003);
      expect(r.continuous[i]).toBeCloseTo(mertonPolicyValue(m, { pi: r.pi[i], k: req.k })(1), 9);
    }
    // Beyond 2.7 pi* the value is -infinity at the defaults (three grid points).
    expect(finite).toBe(28);
  });

  it('the closed form peaks at pi* and is equal at 0 and 2 pi*', () => {
    let best = 0;
    for (let i = 1; i < CURVE_N; i++) if (r.continuous[i] > r.continuous[best]) best = i;
    expect(best).toBe(10);
    expect(r.continuous[20] / r.continuous[0] - 1).toBeCloseTo(0, 12);
  });
});

describe('figure merton-pi at its defaults', () => {
  const v = defaults(piSchema) as { iterations: number; paths: number; seed: number; pi0: number; k0: number };
  const r = runToEnd(tasks.mertonPolicyIteration(piRequest(m, v)));
  const opt = mertonClosedForm(m);

  it('pi* after one improvement (to 1e-8), k within 3% of k* after 3 iterations, the HJB residual down 15-fold', () => {
    const it1 = r.iterations[0].improved as { pi: number; k: number };
    expect(Math.abs(it1.pi / opt.pi - 1)).toBeLessThan(1e-8);
    for (const it of r.iterations.slice(2)) expect(Math.abs((it.improved as { k: number }).k / opt.k - 1)).toBeLessThan(0.03);
    const h = r.iterations.map((i) => i.hjbResidual);
    expect(Math.min(...h.slice(2))).toBeLessThan(h[0] / 15);
    expect(r.iterations.length).toBe(v.iterations);
  });
});

describe('the numbers the prose quotes (numbers.ts)', () => {
  it('ruin beyond 2.75 pi* at k = k*: the certainty equivalent is positive just below and 0 just above', async () => {
    const { N, post } = await import('./numbers.ts');
    const s = mertonClosedForm(post);
    expect(N.ruinMultiple).toBeCloseTo(2.749, 3);
    expect(mertonPolicyCE(post, { pi: (N.ruinMultiple - 1e-6) * s.pi, k: s.k })).toBeGreaterThan(0);
    expect(mertonPolicyCE(post, { pi: (N.ruinMultiple + 1e-6) * s.pi, k: s.k })).toBe(0);
  });

  it('the cost of the post’s bound pi <= 1.5 at gamma = 0.5: brute force over (pi, k) finds the same best constrained policy', async () => {
    const { N, post } = await import('./numbers.ts');
    const low = { ...post, gamma: 0.5 };
    let best = 0;
    for (let i = 0; i <= 150; i++) {
      for (let j = 1; j <= 400; j++) best = Math.max(best, mertonPolicyCE(low, { pi: i / 100, k: j / 10000 }));
    }
    expect(best / N.clippedCE - 1).toBeLessThan(1e-3);
    expect(best).toBeLessThanOrEqual(N.clippedCE * (1 + 1e-12));
    expect(N.clipLoss).toBeCloseTo(4 / 7, 10); // 0.1429 against 0.3333
  });

  it('exercise answers by independent arithmetic; the explorer’s default policy is worth 3.6% a year', async () => {
    const { N, ex1Solution } = await import('./numbers.ts');
    expect(ex1Solution.pi).toBeCloseTo(0.08 / (3 * 0.0625), 14);
    const M = 0.02 + 0.0064 / (2 * 3 * 0.0625);
    expect(ex1Solution.k).toBeCloseTo((0.04 + 2 * M) / 3, 14);
    expect(N.gammaBind).toBeCloseTo(0.05 / (1.5 * 0.04), 14);
    expect(N.rhoMinHalf).toBeCloseTo(0.5 * (0.03 + 0.0025 / 0.04), 14);
    expect(N.ceReader).toBeCloseTo(0.036, 12);
    expect(N.ceReader).toBe(mertonPolicyCE(m, { pi: ex.pi, k: ex.k }));
    expect(N.piKelly).toBeCloseTo(1.25, 12);
  });
});

describe('the figures away from the defaults: log utility (gamma = 1) and gamma = 0.5, rho = 0.1', () => {
  for (const over of [{ gamma: 1 }, { gamma: 0.5, rho: 0.1 }]) {
    const v = { ...ex, ...over, paths: 400 };
    const mk = market(v);
    it(`explorer values within 4 standard errors of the chain (${JSON.stringify(over)})`, () => {
      const r = runToEnd(tasks.mertonExplorer(explorerRequest(v)));
      for (const run of [r.reader, r.optimal!]) {
        const val = run.value!;
        expect(Math.abs(val.mean - val.chainValue), `MC ${val.mean} ± ${val.stderr}, chain ${val.chainValue}`).toBeLessThan(4 * val.stderr);
        expect(Math.abs(val.chainValue - val.continuousValue)).toBeLessThan(0.003 * Math.abs(val.continuousValue) + 0.01);
        expect(run.ce).toBe(mertonPolicyCE(mk, run));
      }
    });
    it(`value curve: closed form peaks at pi* and policy iteration reaches pi* (${JSON.stringify(over)})`, () => {
      const c = runToEnd(tasks.mertonValueCurve(valueRequest(mk, { paths: 100, seed: 2 })));
      let best = 0;
      for (let i = 1; i < CURVE_N; i++) if (c.continuous[i] > c.continuous[best]) best = i;
      expect(best).toBe(10);
      for (let i = 0; i < CURVE_N; i++) {
        if (Number.isNaN(c.mean[i]) || c.stderr[i] === 0) continue;
        expect(Math.abs(c.mean[i] - c.chain[i])).toBeLessThan(4 * c.stderr[i]);
      }
      const p = runToEnd(tasks.mertonPolicyIteration(piRequest(mk, { iterations: 3, paths: 100, seed: 1, pi0: 0, k0: 0.02 })));
      expect(Math.abs((p.final as { pi: number }).pi / mertonClosedForm(mk).pi - 1)).toBeLessThan(1e-6);
    });
  }
});

describe('noise in the Merton policy iteration: spread over seeds with features, and the neural value model (figure merton-mlp)', () => {
  it('features, 200 paths, 6 iterations, seeds 1-10: k_n/k* - 1 from -2.1% to +2.2%, standard deviation 1.3%; pi exact for every seed', () => {
    const v = defaults(piSchema) as { iterations: number; paths: number; seed: number; pi0: number; k0: number };
    expect(v).toMatchObject({ iterations: 6, paths: 200 });
    const opt = mertonClosedForm(m);
    const errs = Array.from({ length: 10 }, (_, i) => {
      const r = runToEnd(tasks.mertonPolicyIteration(piRequest(m, { ...v, seed: i + 1 })));
      expect(Math.abs((r.iterations[0].improved as { pi: number }).pi / opt.pi - 1)).toBeLessThan(1e-8);
      // The HJB residual falls by an order of magnitude for every seed.
      const h = r.iterations.map((i) => i.hjbResidual);
      expect(Math.min(...h.slice(2))).toBeLessThan(h[0] / 10);
      return (r.final as { k: number }).k / opt.k - 1;
    });
    const mean = errs.reduce((a, b) => a + b, 0) / errs.length;
    const sd = Math.sqrt(errs.reduce((a, b) => a + (b - mean) ** 2, 0) / (errs.length - 1));
    expect(100 * Math.min(...errs)).toBeCloseTo(-2.1, 1);
    expect(100 * Math.max(...errs)).toBeCloseTo(2.2, 1);
    expect(100 * sd).toBeCloseTo(1.3, 1);
  }, 120_000);

  it('MLP value model at the figure defaults: pi 7-12% too large at every iteration, +7.9% to +10.6% at the end; k 2.4-5.9% high', async () => {
    const { MertonMlp, MERTON_MLP_STATES } = await import('./MertonMlp.tsx');
    const { post } = await import('./numbers.ts');
    const v = defaults(MertonMlp.params.schema) as { paths: number; seeds: number; iterations: number; seed: number };
    expect(v).toMatchObject({ paths: 200, seeds: 3, iterations: 6, seed: 1 });
    const r = runToEnd(tasks.mertonMlp({ ...post, states: MERTON_MLP_STATES, seeds: v.seeds, seed0: v.seed, paths: v.paths, iterations: v.iterations }));
    const n1 = v.iterations + 1;
    const pis: number[] = [];
    const piLast: number[] = [];
    const kLast: number[] = [];
    for (let j = 0; j < v.seeds; j++) {
      for (let i = 1; i < n1; i++) pis.push(r.pi[j * n1 + i]);
      piLast.push(r.pi[j * n1 + n1 - 1]);
      kLast.push(r.k[j * n1 + n1 - 1]);
    }
    expect(Math.min(...pis)).toBeGreaterThan(1.07);
    expect(Math.max(...pis)).toBeLessThan(1.12);
    expect(100 * (Math.min(...piLast) - 1)).toBeCloseTo(7.9, 1);
    expect(100 * (Math.max(...piLast) - 1)).toBeCloseTo(10.6, 1);
    expect(100 * (Math.min(...kLast) - 1)).toBeCloseTo(2.4, 1);
    expect(100 * (Math.max(...kLast) - 1)).toBeCloseTo(5.9, 1);
    // The features' pi is exact after one step; iteration 0 is (0, rho).
    for (let i = 1; i < n1; i++) expect(r.featuresPi[i]).toBeCloseTo(1, 8);
    expect(r.pi[0]).toBe(0);
  }, 120_000);

  it('the cap pi <= 1.5 at gamma = 0.5 cuts the fraction by two fifths (2.5 to 1.5) and costs 57% of certainty-equivalent consumption', async () => {
    const { N } = await import('./numbers.ts');
    expect(N.lowPiStar).toBeCloseTo(2.5, 12);
    expect(1 - 1.5 / N.lowPiStar).toBeCloseTo(0.4, 12);
    expect(Number((100 * N.clipLoss).toPrecision(2))).toBe(57);
  });

  it('at rho = (1 - gamma) M, consuming eta/(1 + t) at pi* has value +infinity iff eta <= gamma/(1 - gamma)', () => {
    const g = 0.5;
    const mk = { ...m, gamma: g };
    const M = mertonClosedForm({ ...mk, rho: 0.2 }).M;
    const rho = (1 - g) * M;
    // The discounted expected utility is proportional to (1 + t)^{-(1 - gamma)(1 + eta)}: check the exponent by quadrature of log-wealth moments.
    const piS = (mk.mu - mk.rf) / (g * mk.sigma ** 2);
    const eta = g / (1 - g);
    const t = 50;
    const logMoment =
      (1 - g) * ((mk.rf + piS * (mk.mu - mk.rf) - 0.5 * piS ** 2 * mk.sigma ** 2) * t - eta * Math.log(1 + t)) +
      0.5 * (1 - g) ** 2 * piS ** 2 * mk.sigma ** 2 * t;
    const integrand = Math.exp(-rho * t + logMoment) * (eta / (1 + t)) ** (1 - g);
    expect(integrand).toBeCloseTo(eta ** (1 - g) * (1 + t) ** (-(1 - g) * (1 + eta)), 12);
    expect((1 - g) * (1 + eta)).toBeCloseTo(1, 12);
  });
});

describe('the neural value model on Merton fits the values closely', () => {
  it('seed 1, 16 states, 200 paths: RMS fit error below 0.5% of the spread of the values over the states, pi 10% off', async () => {
    const { policyIterationSampled } = await import('../../workers/engines/policyIteration.ts');
    const { post } = await import('./numbers.ts');
    const states = Array.from({ length: 16 }, (_, i) => 0.5 * Math.pow(4, i / 15));
    const r = runToEnd(
      policyIterationSampled({
        model: 'merton',
        params: post,
        iterations: 6,
        paths: 200,
        seed: 1,
        states,
        valueModel: 'mlp',
        mlp: { input: 'log' },
        policy0: { pi: 0, k: post.rho },
      }),
    );
    const last = r.iterations[5];
    const V = mertonPolicyValue(post, last.policy as { pi: number; k: number });
    const spread = Math.abs(V(states[0]) - V(states[15]));
    expect(last.fitRmse).toBeLessThan(0.005 * spread);
    expect((r.final as { pi: number }).pi / mertonClosedForm(post).pi - 1).toBeGreaterThan(0.07);
  }, 60_000);
});
