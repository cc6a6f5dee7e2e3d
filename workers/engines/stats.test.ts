import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from './random';
import { histogram, histogramOnEdges, ksPValue, ksStatistic, linearFit, meanVariance, normalCdf, quantileBands, quantiles, uniformEdges } from './stats';

describe('histogram', () => {
  it('counts into equal bins as a density of the whole sample', () => {
    const h = histogram([0, 0.1, 0.5, 0.99, 1, 2, -1, NaN], { bins: 2, min: 0, max: 1 });
    expect(Array.from(h.edges)).toEqual([0, 0.5, 1]);
    // bins [0, .5): 0, .1 ; [.5, 1]: .5, .99, 1 ; N = 8, width .5
    expect(Array.from(h.density)).toEqual([2 / (8 * 0.5), 3 / (8 * 0.5)]);
    expect(h.below).toBe(1);
    expect(h.above).toBe(1);
    expect(h.nonFinite).toBe(1);
  });

  it('integrates to the fraction of values inside the range', () => {
    const v = Array.from({ length: 1000 }, (_, i) => (i / 1000) * 4 - 1); // [-1, 3)
    const h = histogram(v, { bins: 40, min: 0, max: 2 });
    const mass = h.density.reduce((s, d) => s + d * 0.05, 0);
    expect(mass).toBeCloseTo(0.501, 12); // 501 of 1000 values in [0, 2]
  });

  it('rejects bad options', () => {
    expect(() => histogram([1], { bins: 0, min: 0, max: 1 })).toThrow(/bins must be an integer in \[1, 100000\]/);
    expect(() => histogram([1], { bins: 3, min: 1, max: 1 })).toThrow(/max > min/);
  });
});

describe('histogramOnEdges and uniformEdges', () => {
  const rng = new Rng(7);
  const sample = Array.from({ length: 5000 }, () => 2 * (rng.uniform() + rng.uniform() + rng.uniform() - 1.5)); // bell-shaped
  const withJunk = [...sample.slice(0, 300), NaN, Infinity, -Infinity, 5, -5, -2, 2, 0, 0.5];
  const cases: [string, number[], ArrayLike<number>][] = [
    ['uniform edges, bell-shaped sample', sample, uniformEdges(-3, 3, 24)],
    ['uniform edges with samples on the edges, out of range and not finite', withJunk, uniformEdges(-2, 2, 8)],
    ['uneven edges', sample, [-4, -1.5, -1, -0.2, 0, 0.1, 0.9, 2.5, 3]],
    ['edges that are values of the sample, a zero-width bin', [0, 1, 1, 2, 2, 2, 3, 3.5, 4], [0, 1, 2, 2, 3, 4]],
    ['one bin', [0.2, 0.4, 1, 1.5, NaN], [0, 1]],
    ['empty sample', [], [0, 1, 2]],
    ['only non-finite samples', [NaN, Infinity], [0, 1, 2]],
  ];
  /** The definition, written plainly: a linear scan for the last bin whose left edge is <= v (last bin closed). */
  function densityByScan(samples: ArrayLike<number>, edges: ArrayLike<number>): number[] {
    const bins = edges.length - 1;
    const counts = new Array<number>(bins).fill(0);
    let finite = 0;
    for (const v of Array.from(samples)) {
      if (!Number.isFinite(v)) continue;
      finite++;
      if (v < edges[0] || v > edges[bins]) continue;
      let j = 0;
      for (let k = 0; k < bins; k++) if (edges[k] <= v) j = k;
      counts[j]++;
    }
    return counts.map((c, j) => {
      const w = edges[j + 1] - edges[j];
      return finite > 0 && w > 0 ? c / (finite * w) : 0;
    });
  }
  it.each(cases)('with density gives the numbers of the plain definition: %s', (_, samples, edges) => {
    const mine = histogramOnEdges(samples, edges, { density: true }).values;
    expect(Array.from(mine)).toEqual(densityByScan(samples, edges));
  });

  it('a density integrates to the in-range fraction of the finite samples; NaN is in no bin and not counted', () => {
    const rng = new Rng(3);
    // Box–Muller normals from the engine's uniform stream.
    const z = Array.from({ length: 5000 }, () => Math.sqrt(-2 * Math.log(rng.uniformOpen())) * Math.cos(2 * Math.PI * rng.uniform()));
    const edges = uniformEdges(-4, 4, 32);
    const d = histogramOnEdges(z, edges, { density: true }).values;
    let area = 0;
    for (let i = 0; i < d.length; i++) area += d[i] * (edges[i + 1] - edges[i]);
    expect(area).toBeCloseTo(z.filter((v) => v >= -4 && v <= 4).length / z.length, 10);
    expect(Array.from(histogramOnEdges([0, 1, Number.NaN, 2], uniformEdges(0, 2, 2), { density: true }).values)).toEqual([1 / 3, 2 / 3]);
  });

  it('counts: last bin closed on the right; below, above and non-finite reported', () => {
    const h = histogramOnEdges([0, 0.5, 1, 1.5, 2, 2.5, -0.1, NaN, Infinity], [0, 1, 2]);
    expect(Array.from(h.values)).toEqual([2, 3]);
    expect([h.below, h.above, h.nonFinite]).toEqual([1, 1, 2]);
  });

  it('rejects fewer than 2 edges and decreasing or non-finite edges', () => {
    expect(() => histogramOnEdges([1], [0])).toThrow(/at least 2 edges/);
    expect(() => histogramOnEdges([1], [0, 2, 1])).toThrow(/non-decreasing/);
    expect(() => histogramOnEdges([1], [0, NaN])).toThrow(/finite/);
  });

  it('uniformEdges: the plots formula, with the last edge exactly max', () => {
    for (const [lo, hi, n] of [
      [0, 1, 10],
      [-3, 3, 24],
      [0.1, 0.7, 3],
      [-1e-3, 2.5, 7],
    ] as const) {
      const e = uniformEdges(lo, hi, n);
      const ref = uniformEdges(lo, hi, n);
      expect(e.length).toBe(n + 1);
      expect(Array.from(e.subarray(0, n))).toEqual(Array.from(ref.subarray(0, n)));
      expect(e[n]).toBe(hi);
    }
    expect(() => uniformEdges(0, 1, 0)).toThrow(/bins must be an integer/);
    expect(() => uniformEdges(1, 1, 3)).toThrow(/max > min/);
  });

  it('histogram counts with histogramOnEdges on uniformEdges and keeps its whole-sample normalisation', () => {
    const h = histogram(withJunk, { bins: 8, min: -2, max: 2 });
    const c = histogramOnEdges(withJunk, uniformEdges(-2, 2, 8));
    expect(Array.from(h.density)).toEqual(Array.from(c.values, (k) => k / (withJunk.length * 0.5)));
    expect([h.below, h.above, h.nonFinite]).toEqual([c.below, c.above, c.nonFinite]);
  });
});

describe('moments and quantiles', () => {
  it('meanVariance is the unbiased two-pass estimate', () => {
    const { mean, variance } = meanVariance([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]);
    expect(mean).toBe(1e9 + 2.5);
    expect(variance).toBeCloseTo(5 / 3, 9);
  });

  it('quantiles follow numpy type 7', () => {
    expect(Array.from(quantiles([3, 1, 2, 4], [0, 0.25, 0.5, 1]))).toEqual([1, 1.75, 2.5, 4]);
  });

  it('quantileBands works per recorded time over path-major data', () => {
    // 3 paths x 2 times: time 0 values 1, 2, 3; time 1 values 10, 30, 20.
    const { bands, mean } = quantileBands([1, 10, 2, 30, 3, 20], 3, 2, [0.5, 1]);
    expect(Array.from(mean)).toEqual([2, 20]);
    expect(Array.from(bands)).toEqual([2, 20, 3, 30]);
  });

  it('quantileBands (by selection) equals the quantiles of each sorted column, ties, NaN and any order of ps included', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.infiniteStream(value),
        fc.boolean(),
        (nPaths, record, ps, stream, withNaN) => {
          const paths = Array.from({ length: nPaths * record }, () => stream.next().value as number);
          // Sometimes a NaN (a diverged path): that column is sorted instead, with the NaN last.
          if (withNaN) paths[(paths.length * 7) >> 4] = Number.NaN;
          const { bands } = quantileBands(paths, nPaths, record, ps);
          for (let j = 0; j < record; j++) {
            const column = Array.from({ length: nPaths }, (_, i) => paths[i * record + j]);
            const expected = quantiles(column, ps);
            ps.forEach((_, k) => expect(bands[k * record + j]).toBe(Math.fround(expected[k])));
          }
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
  });
});

describe('normal distribution function and KS', () => {
  it('normalCdf matches known values to 1e-14 (relative in the tails)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 14);
    expect(normalCdf(2.9999)).toBeCloseTo(0.998649658717045, 13);
    const t3 = normalCdf(-3);
    expect(Math.abs(t3 / 0.0013498980316300957 - 1)).toBeLessThan(1e-13);
    const t6 = normalCdf(-6);
    expect(Math.abs(t6 / 9.865876450377012e-10 - 1)).toBeLessThan(1e-13);
    const t10 = normalCdf(-10);
    expect(Math.abs(t10 / 7.619853024160593e-24 - 1)).toBeLessThan(1e-12);
  });

  it('ksStatistic and ksPValue: a perfect grid has D = 1/(2N); a shifted sample is rejected', () => {
    const n = 1000;
    const grid = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    expect(ksStatistic(grid, (x) => x)).toBeCloseTo(0.5 / n, 12);
    expect(ksPValue(0.5 / n, n)).toBe(1);
    const shifted = grid.map((u) => Math.min(1, u + 0.1));
    expect(
      ksPValue(
        ksStatistic(shifted, (x) => x),
        n,
      ),
    ).toBeLessThan(1e-6);
  });

  it('linearFit recovers a line', () => {
    const { slope, intercept } = linearFit([1, 2, 3], [3, 5, 7]);
    expect(slope).toBeCloseTo(2, 12);
    expect(intercept).toBeCloseTo(1, 12);
  });
});
