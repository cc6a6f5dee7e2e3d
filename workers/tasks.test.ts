import { describe, expect, it } from 'vitest';
import { runToEnd } from './engines/chunked.ts';
import { ouEmMoments, ouMoments } from './engines/ou.ts';
import { tasks } from './tasks.ts';

// The preface figure's defaults (chapters/00-preface/OuPaths.tsx): the numbers the reader sees first.
const figure = {
  model: 'ou' as const,
  scheme: 'em' as const,
  theta: 1,
  mu: 0,
  sigma: 0.5,
  x0: 2,
  T: 5,
  steps: 500,
  paths: 1000,
  seed: 1,
  record: 201,
  bins: 40,
  histMin: -1.24,
  histMax: 2.0,
};

describe('the sdeLaws task behind the preface figure (Ornstein–Uhlenbeck, Euler–Maruyama)', () => {
  it('reports the sample mean and variance of X_T within 4 standard errors of the Euler–Maruyama chain’s exact moments', () => {
    for (const params of [figure, { ...figure, theta: 5, T: 10, paths: 5000, seed: 3 }, { ...figure, theta: 0.1, sigma: 2, seed: 9 }]) {
      const r = runToEnd(tasks.sdeLaws(params));
      const em = ouEmMoments({ theta: params.theta, mu: 0, sigma: params.sigma, x0: params.x0, t: params.T, steps: params.steps });
      const n = params.paths;
      expect(Math.abs(r.mean - em.mean)).toBeLessThan(4 * Math.sqrt(em.variance / n));
      expect(Math.abs(r.variance - em.variance)).toBeLessThan(4 * em.variance * Math.sqrt(2 / (n - 1)));
      expect(r.final.length).toBe(n);
      expect(r.paths.length).toBe(n * params.record);
      expect(r.t[0]).toBe(0);
      expect(r.t[params.record - 1]).toBeCloseTo(params.T, 5);
      // Recorded endpoints are the final states (stored as float32).
      expect(r.paths[params.record - 1]).toBeCloseTo(r.final[0], 5);
    }
  });

  it('the Euler–Maruyama variance differs from the continuous one by the factor 1/(1 - theta dt / 2) in the long run', () => {
    const em = ouEmMoments({ theta: 5, mu: 0, sigma: 0.5, x0: 2, t: 10, steps: 500 });
    const exact = ouMoments({ theta: 5, mu: 0, sigma: 0.5, x0: 2, t: 10 });
    expect(em.variance / exact.variance).toBeCloseTo(1 / (1 - (5 * 0.02) / 2), 6);
  });

  it('its histogram is a density: it integrates to the fraction of paths inside the range', () => {
    const r = runToEnd(tasks.sdeLaws(figure));
    let area = 0;
    for (let i = 0; i < r.density.length; i++) area += r.density[i] * (r.edges[i + 1] - r.edges[i]);
    let inside = 0;
    for (const x of r.final) if (x >= figure.histMin && x <= figure.histMax) inside++;
    expect(area).toBeCloseTo(inside / r.final.length, 10);
  });

  it('is reproducible: the same seed gives the same paths, another seed other paths', () => {
    const a = runToEnd(tasks.sdeLaws(figure));
    const b = runToEnd(tasks.sdeLaws(figure));
    const c = runToEnd(tasks.sdeLaws({ ...figure, seed: 2 }));
    expect(a.final).toEqual(b.final);
    expect(a.final[0]).not.toBe(c.final[0]);
  });

  it('rejects impossible parameters with a message that says what is wrong', () => {
    expect(() => runToEnd(tasks.sdeLaws({ ...figure, T: -1 }))).toThrow(/T/);
    expect(() => runToEnd(tasks.sdeLaws({ ...figure, paths: 0 }))).toThrow(/paths/);
  });
});
