/**
 * The numbers chapter 3's figures show, run through the same worker tasks and the same requests the figures send
 * (chapters/03-noise/schemas.ts), against closed forms or an independent reference.
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked';
import { noiseTasks } from './noise';
import { sdeLawsTasks } from './sdeLaws';
import { Rng } from '../engines/random';
import { normalFromState } from '../engines/normal';
import { meanVariance } from '../engines/stats';
import { gbmMoments } from '../engines/gbm';
import { convergenceRequest, convergenceSchema, lawsRequest, lawsSchema, qvRequest, qvSchema, zoomRequest, zoomSchema } from '../../chapters/03-noise/schemas';
import { defaults } from '../../app/state/schema';
import { lawCurves, logMean } from '../../chapters/03-noise/laws';
import { convergenceView } from '../../chapters/03-noise/convergenceView';

const { noiseBrownianZoom, noiseQuadraticVariation, noiseConvergence } = noiseTasks;
const noiseSdeLaws = sdeLawsTasks.sdeLaws;

describe('figure brownian-zoom', () => {
  it('the window is the same path as the overview, at every depth', () => {
    const r = noiseBrownianZoom(zoomRequest(defaults(zoomSchema)));
    expect(r.w).toBe(1 / 16);
    expect(r.window.length).toBe(1025);
    // Window grid 2^-14, overview grid 2^-11: every 8th window node is an overview node.
    const start = Math.round(r.t0 * 2 ** 14);
    let shared = 0;
    for (let i = 0; i <= 1024; i++) {
      if ((start + i) % 8 === 0) {
        expect(r.window[i]).toBe(r.overview[(start + i) / 8]);
        shared++;
      }
    }
    expect(shared).toBe(128);
    // One level deeper, the shared nodes agree again.
    const deeper = noiseBrownianZoom({ ...zoomRequest(defaults(zoomSchema)), zoom: 5 });
    const startDeeper = Math.round(deeper.t0 * 2 ** 15);
    let common = 0;
    for (let i = 0; i <= 1024; i++) {
      const j = startDeeper + i;
      if (j % 2 === 0 && j / 2 - start >= 0 && j / 2 - start <= 1024) {
        expect(deeper.window[i]).toBe(r.window[j / 2 - start]);
        common++;
      }
    }
    expect(common).toBeGreaterThan(500);
    expect(r.range).toBeGreaterThan(0);
  });

  it('at depth 20 the range and chord, in units of sqrt(w), have the Brownian means 2 sqrt(2/pi) and sqrt(2/pi) (500 seeds, 4 standard errors)', () => {
    const n = 500;
    const range = new Float64Array(n);
    const chord = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      const r = noiseBrownianZoom({ seed: s + 1, center: 0.37, zoom: 20 });
      range[s] = r.range / Math.sqrt(r.w);
      chord[s] = r.chord / Math.sqrt(r.w);
    }
    // The range over 1,024 grid steps is below the continuous one by about 2 * 0.5826 / sqrt(1024) (discrete maximum).
    const rangeMean = 2 * Math.sqrt(2 / Math.PI) - (2 * 0.5826) / 32;
    const rm = meanVariance(range);
    expect(Math.abs(rm.mean - rangeMean)).toBeLessThan(4 * Math.sqrt(rm.variance / n));
    const cm = meanVariance(chord);
    expect(Math.abs(cm.mean - Math.sqrt(2 / Math.PI))).toBeLessThan(4 * Math.sqrt(cm.variance / n));
  });

  it('rejects a zoom depth outside [0, 40]', () => {
    expect(() => noiseBrownianZoom({ seed: 1, center: 0.5, zoom: 41 })).toThrow(/zoom must be an integer in \[0, 40\]/);
  });
});

describe('figure quadratic-variation', () => {
  it("at the defaults: Brownian sums within 4 standard deviations t sqrt(2/n) of t, smooth sums ~ (1/n) int g'^2, total variations as printed", () => {
    const p = qvRequest(defaults(qvSchema));
    const r = noiseQuadraticVariation(p);
    expect(r.t).toBe(1);
    expect(r.partitionT.length).toBe(17);
    expect(r.partitionT[16]).toBe(1);
    for (let k = 0; k <= 14; k++) {
      const n = 2 ** k;
      expect(Math.abs(r.qvBrownian[k] - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    }
    // int_0^1 (0.6 * 2 pi cos 2 pi s)^2 ds = 0.72 pi^2; int_0^1 |g'| = 4 * 0.6.
    expect(r.qvSmooth[14] * 2 ** 14).toBeCloseTo(0.72 * Math.PI * Math.PI, 2);
    expect(r.tvSmooth[14]).toBeCloseTo(2.4, 6);
    // Sum |dW| over n steps: mean sqrt(2 n t / pi), standard deviation sqrt(t (1 - 2/pi)).
    for (let k = 0; k <= 14; k++) expect(Math.abs(r.tvBrownian[k] - Math.sqrt((2 * 2 ** k) / Math.PI))).toBeLessThan(4 * Math.sqrt(1 - 2 / Math.PI));
  });

  it('t is snapped to the level-18 grid and the limit follows t (t = 0.35)', () => {
    const r = noiseQuadraticVariation({ seed: 5, t: 0.35, k: 14 });
    expect(Math.abs(r.t - 0.35)).toBeLessThanOrEqual(2 ** -19);
    expect(Math.abs(r.qvBrownian[14] - r.t)).toBeLessThan(4 * r.t * Math.sqrt(2 / 2 ** 14));
    expect(r.partitionT.length).toBe(2 ** 14 + 1);
    expect(() => noiseQuadraticVariation({ seed: 5, t: 0.05, k: 3 })).toThrow(/t must lie in \[0.1, 1\]/);
  });
});

describe('figure sde-laws', () => {
  const d = defaults(lawsSchema);
  const cases = [
    { name: 'OU, exact transition', v: { ...d } },
    { name: 'OU, Euler–Maruyama', v: { ...d, scheme: 1 } },
    { name: 'GBM, exact transition', v: { ...d, model: 1 } },
    { name: 'GBM, Euler–Maruyama', v: { ...d, model: 1, scheme: 1 } },
  ];
  for (const c of cases) {
    it(`${c.name}: sample mean and variance of X_T within 4 printed standard errors of the closed form of the scheme`, () => {
      const p = lawsRequest(c.v);
      const r = runToEnd(noiseSdeLaws(p));
      const law = lawCurves({ model: p.model, theta: p.theta, mu: p.mu, sigma: p.sigma, x0: p.x0, T: p.T, steps: p.steps });
      const target = p.scheme === 'em' ? law.endEm : law.end;
      const se = law.standardErrors(p.paths);
      expect(Math.abs(r.mean - target.mean)).toBeLessThan(4 * se.mean);
      expect(Math.abs(r.variance - target.variance)).toBeLessThan(4 * se.variance);
      // The histogram range is the one the figure draws the density on, and holds nearly all paths.
      expect(r.edges[0]).toBe(law.histDomain[0]);
      expect(r.final.length).toBe(2000);
    });
  }

  it('GBM at the defaults: the mean of log X_T is the Itô value, about 13 standard errors from the naive one', () => {
    const p = lawsRequest({ ...d, model: 1 });
    const r = runToEnd(noiseSdeLaws(p));
    const g = gbmMoments({ m: p.mu, v: p.sigma, x0: p.x0, t: p.T });
    const se = Math.sqrt(g.logVariance / p.paths);
    const lm = logMean(r.final);
    expect(lm.nonPositive).toBe(0);
    expect(Math.abs(lm.mean - g.logMean)).toBeLessThan(4 * se);
    const naive = Math.log(p.x0) + p.mu * p.T;
    expect((naive - g.logMean) / se).toBeGreaterThan(12);
    expect((naive - g.logMean) / se).toBeLessThan(13.5);
    // The exact median of the figure's solid line.
    expect(lawCurves({ model: 'gbm', theta: 1, mu: p.mu, sigma: p.sigma, x0: p.x0, T: p.T, steps: 200 }).median![120]).toBeCloseTo(g.median, 12);
  });

  it('as the text says: at the GBM defaults the standard error of the sample variance is more than twice the Gaussian one', () => {
    const p = lawsRequest({ ...d, model: 1 });
    const law = lawCurves({ model: p.model, theta: p.theta, mu: p.mu, sigma: p.sigma, x0: p.x0, T: p.T, steps: p.steps });
    const ratio = law.standardErrors(p.paths).variance / (law.end.variance * Math.sqrt(2 / (p.paths - 1)));
    expect(ratio).toBeGreaterThan(2);
    expect(ratio).toBeLessThan(3);
  });

  it('an OU pull rate θ <= 0 is refused with a sentence', () => {
    const p = lawsRequest(d);
    expect(() => runToEnd(noiseSdeLaws({ ...p, theta: 0 }))).toThrow(/pull rate θ must be > 0/);
    expect(() => runToEnd(noiseSdeLaws({ ...p, model: 'gbm', x0: -1 }))).toThrow(/needs a start x₀ > 0/);
  });
});

/** E|X^h_T - X_T| on GBM for EM and Milstein by a plain independent loop (Rng + one normal at a time). */
function referenceStrong(m: number, v: number, N: number, paths: number, seed: number) {
  const rng = new Rng(seed);
  const h = 1 / N;
  const e = new Float64Array(paths);
  const mi = new Float64Array(paths);
  for (let i = 0; i < paths; i++) {
    let xe = 1;
    let xm = 1;
    let W = 0;
    for (let n = 0; n < N; n++) {
      const dW = Math.sqrt(h) * normalFromState(rng.state);
      W += dW;
      xe += m * xe * h + v * xe * dW;
      xm += m * xm * h + v * xm * dW + 0.5 * v * v * xm * (dW * dW - h);
    }
    const exact = Math.exp(m - 0.5 * v * v + v * W);
    e[i] = Math.abs(xe - exact);
    mi[i] = Math.abs(xm - exact);
  }
  const a = meanVariance(e);
  const b = meanVariance(mi);
  return { em: a.mean, emSe: Math.sqrt(a.variance / paths), mil: b.mean, milSe: Math.sqrt(b.variance / paths) };
}

describe('figure em-milstein-convergence', () => {
  const p = convergenceRequest(defaults(convergenceSchema));
  const r = runToEnd(noiseConvergence(p));
  const view = convergenceView(r, p);

  it('fitted slopes at the defaults are within 0.1 of the orders 1/2, 1, 1, 1', () => {
    // Measured: strong EM 0.512, Milstein 0.979; weak EM 1.056, Milstein 0.978; exact weak errors 0.978.
    expect(Math.abs(r.slopes.strongEm - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(r.slopes.strongMilstein - 1)).toBeLessThan(0.1);
    expect(Math.abs(r.slopes.weakEm - 1)).toBeLessThan(0.1);
    expect(Math.abs(r.slopes.weakMilstein - 1)).toBeLessThan(0.1);
    expect(Math.abs(view.weakExactSlope - 1)).toBeLessThan(0.05);
    expect(view.notice).toBeNull();
  });

  it('every weak-error estimate is within 4 standard errors of the exact weak error x0 |(1 + m h)^N - e^{mT}|', () => {
    for (let l = 0; l < r.dt.length; l++) {
      expect(Math.abs(r.weakEm[l] - view.weakExact[l])).toBeLessThan(4 * r.weakEmSe[l]);
      expect(Math.abs(r.weakMilstein[l] - view.weakExact[l])).toBeLessThan(4 * r.weakMilsteinSe[l]);
    }
  });

  it('the strong errors at h = 1/8 agree with an independent plain implementation (other seed, 4 combined standard errors)', () => {
    const ref = referenceStrong(p.m, p.v, 8, 40_000, 99);
    expect(Math.abs(r.strongEm[0] - ref.em)).toBeLessThan(4 * Math.hypot(r.strongEmSe[0], ref.emSe));
    expect(Math.abs(r.strongMilstein[0] - ref.mil)).toBeLessThan(4 * Math.hypot(r.strongMilsteinSe[0], ref.milSe));
  });

  it('as the text says: extrapolated at slope 1/2 to h = 1e-6, the strong EM error is about 5e-4', () => {
    const extrapolated = r.strongEm[5] * Math.sqrt(1e-6 * 256);
    expect(extrapolated).toBeGreaterThan(4e-4);
    expect(extrapolated).toBeLessThan(6e-4);
  });

  it('as the text says: at h = 1/256 Milstein is 6.8 to 7.0 times closer in the strong sense, over seeds 1 to 10', () => {
    const ratios: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const q = seed === p.seed ? r : runToEnd(noiseConvergence({ ...p, seed }));
      ratios.push(q.strongEm[5] / q.strongMilstein[5]);
    }
    expect(Math.min(...ratios)).toBeCloseTo(6.8, 1);
    expect(Math.max(...ratios)).toBeCloseTo(7.0, 1);
  }, 60000);

  it('drift 0: the notice says the weak error is exactly zero; drift 0.1: some weak points are flagged as noise', () => {
    const zero = runToEnd(noiseConvergence({ ...p, m: 0 }));
    expect(convergenceView(zero, { ...p, m: 0 }).notice).toMatch(/weak error is zero at every step size/);
    const small = runToEnd(noiseConvergence({ ...p, m: 0.1 }));
    const v = convergenceView(small, { ...p, m: 0.1 });
    expect(v.notice).toMatch(/within two standard errors of zero/);
    expect(v.weakEmNoisy.some(Boolean)).toBe(true);
  });
});
