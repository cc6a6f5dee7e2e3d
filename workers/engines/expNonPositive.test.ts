import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expNonPositive } from './expNonPositive';

const ULP = 2 ** -52;

describe('expNonPositive', () => {
  it('is within 4 x 2^-52 of Math.exp on [-708, 0]', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 0, noNaN: true }), (t) => {
        expect(Math.abs(expNonPositive(t) / Math.exp(t) - 1)).toBeLessThanOrEqual(4 * ULP);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is exact where the table is: 1 at 0, 2^-m at -m ln 2 to rounding, and continuous across the table joints', () => {
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-0)).toBe(1);
    for (const m of [1, 10, 100, 1000]) expect(Math.abs(expNonPositive(-m * Math.LN2) / 2 ** -m - 1)).toBeLessThan(4 * ULP * (1 + m)); // m ln 2 itself is rounded
    // Around each rounding boundary of k = round(64 t / ln 2) both neighbours agree with Math.exp.
    for (let i = 1; i < 4000; i++) {
      const tb = (-(i + 0.5) * Math.LN2) / 64;
      for (const t of [tb * (1 - 1e-15), tb, tb * (1 + 1e-15)]) {
        expect(Math.abs(expNonPositive(t) / Math.exp(t) - 1)).toBeLessThanOrEqual(4 * ULP);
      }
    }
  });

  it('underflows gracefully: tiny subnormals down to -746, exactly 0 below, NaN stays NaN', () => {
    for (const t of [-709, -720, -740, -745]) expect(Math.abs(expNonPositive(t) - Math.exp(t))).toBeLessThan(1e-322);
    for (const t of [-746, -800, -1e6, -1e300, -Infinity]) expect(expNonPositive(t)).toBe(0);
    expect(expNonPositive(NaN)).toBeNaN();
  });
});
