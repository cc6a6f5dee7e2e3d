/**
 * The book writes numbers as Intl.NumberFormat('en-US') would, without Intl (whose first use is slow): checked
 * against Intl itself on random values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGrouped, formatThreeDigits } from './schema.ts';

const intl = (options: Intl.NumberFormatOptions, v: number) => new Intl.NumberFormat('en-US', options).format(v);

describe('number formats without Intl', () => {
  it('fixed decimals with commas between thousands, as Intl writes them', () => {
    expect(formatGrouped(1234567.5, 0)).toBe('1,234,568');
    expect(formatGrouped(-0.001, 2)).toBe('-0.00');
    expect(formatGrouped(-0, 1)).toBe('-0.0');
    // Rounded on the shortest decimal, as Intl rounds: toFixed writes 1.00 and 2.67 here.
    expect(formatGrouped(1.005, 2)).toBe('1.01');
    expect(formatGrouped(2.675, 2)).toBe('2.68');
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 8 }), (v, d) => {
        expect(formatGrouped(v, d)).toBe(intl({ minimumFractionDigits: d, maximumFractionDigits: d }, v));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('three significant digits, plain, without trailing zeros, as Intl writes them', () => {
    expect(formatThreeDigits(0.000123456)).toBe('0.000123');
    expect(formatThreeDigits(123456789)).toBe('123,000,000');
    expect(formatThreeDigits(1e-7)).toBe('0.0000001');
    expect(formatThreeDigits(2.5)).toBe('2.5');
    for (const v of [Number.NaN, Infinity, -Infinity]) {
      expect(formatThreeDigits(v)).toBe(intl({ maximumSignificantDigits: 3 }, v));
      expect(formatGrouped(v, 2)).toBe(intl({ minimumFractionDigits: 2, maximumFractionDigits: 2 }, v));
    }
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: 1e-12, max: 1e-3, noNaN: true })), (v) => {
        expect(formatThreeDigits(v)).toBe(intl({ maximumSignificantDigits: 3 }, Number(v.toPrecision(3))));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
