import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area, line, range, scaleLinear } from 'd3';
import { bandData, coordinate, polylineData } from './pathData.ts';
import type { XYScales } from './scales.ts';

/** What d3 writes: the reference the fast versions must match character for character. */
function d3Line(x: number[], y: number[], s: XYScales): string {
  const n = Math.min(x.length, y.length);
  const ok = Number.isFinite;
  const shape = line<number>()
    .defined((i) => ok(x[i]) && ok(y[i]) && ok(s.x(x[i])) && ok(s.y(y[i])))
    .x((i) => s.x(x[i]))
    .y((i) => s.y(y[i]))
    .digits(2);
  return shape(range(n)) ?? '';
}

function d3Band(x: number[], lower: number[], upper: number[], s: XYScales): string {
  const n = Math.min(x.length, lower.length, upper.length);
  const ok = Number.isFinite;
  const shape = area<number>()
    .defined((i) => ok(x[i]) && ok(lower[i]) && ok(upper[i]) && ok(s.x(x[i])) && ok(s.y(lower[i])) && ok(s.y(upper[i])))
    .x((i) => s.x(x[i]))
    .y0((i) => s.y(lower[i]))
    .y1((i) => s.y(upper[i]))
    .digits(2);
  return shape(range(n)) ?? '';
}

/** Data values with holes: mostly ordinary numbers, some NaN and infinities, some huge. */
const value = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e300, -1e300) },
);
const scales = fc
  .record({
    x0: fc.double({ min: -50, max: 50, noNaN: true }),
    x1: fc.double({ min: 51, max: 900, noNaN: true }),
    w: fc.integer({ min: 1, max: 2000 }),
    clamp: fc.boolean(),
  })
  .map(({ x0, x1, w, clamp }): XYScales => ({
    x: scaleLinear().domain([x0, x1]).range([10, w]).clamp(clamp),
    y: scaleLinear().domain([-x1, x1]).range([w, 5]).clamp(clamp),
  }));

describe('path data', () => {
  it('a coordinate is written exactly as String(Math.round(v * 100) / 100)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: false }),
          fc.double({ min: -2000, max: 2000 }),
          fc.integer({ min: -300000, max: 300000 }).map((k) => k / 200),
        ),
        (v) => {
          expect(coordinate(v)).toBe(String(Math.round(v * 100) / 100));
        },
      ),
      { numRuns: 5000 },
    );
    for (const v of [0, -0, 0.005, -0.005, 0.015, -0.015, 1.005, 12.345, -12.345, 99.995, 0.1, 0.07, 5e-7, 1e14, -1e14, 1e16, Infinity, -Infinity, NaN]) {
      expect(coordinate(v)).toBe(String(Math.round(v * 100) / 100));
    }
  });

  it('a polyline is the string d3.line writes, holes and single points included', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.array(value, { maxLength: 60 }), scales, (x, y, s) => {
        expect(polylineData(x, y, s)).toBe(d3Line(x, y, s));
      }),
      { numRuns: 2000 },
    );
    const s: XYScales = { x: scaleLinear().domain([0, 1]).range([0, 100]), y: scaleLinear().domain([0, 1]).range([100, 0]) };
    expect(polylineData([0, NaN, 0.5, 1], [0, 1, 0.25, 1], s)).toBe('M0,100ZM50,75L100,0');
    expect(polylineData([NaN], [1], s)).toBe('');
  });

  it('a band is the string d3.area writes: upper edge forwards, lower edge back, one closed shape per run', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 50 }), fc.array(value, { maxLength: 50 }), fc.array(value, { maxLength: 50 }), scales, (x, lo, up, s) => {
        expect(bandData(x, lo, up, s)).toBe(d3Band(x, lo, up, s));
      }),
      { numRuns: 2000 },
    );
    const s: XYScales = { x: scaleLinear().domain([0, 1]).range([0, 100]), y: scaleLinear().domain([0, 1]).range([100, 0]) };
    expect(bandData([0, 0.5, 1, 2], [0, 0, NaN, 0], [1, 1, 1, 1], s)).toBe('M0,0L50,0L50,100L0,100ZM200,0L200,100Z');
  });
});
