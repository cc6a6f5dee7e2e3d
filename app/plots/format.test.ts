// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { estimateTextWidth, formatFixed, formatPercent, formatScientific, formatValue, MINUS, superscript, tickFormatter } from './format.ts';

describe('tickFormatter', () => {
  it('never prints a negative zero, even for floating-point noise', () => {
    const ticks = [-0.2, -0.1, -1.3877787807814457e-17, 0.1, 0.2];
    const f = tickFormatter(ticks);
    expect(ticks.map(f)).toEqual([`${MINUS}0.2`, `${MINUS}0.1`, '0.0', '0.1', '0.2']);
    expect(tickFormatter([-0, 1, 2])(-0)).toBe('0');
  });

  it('uses just enough decimals, the same for every label', () => {
    expect([0, 0.25, 0.5, 0.75, 1].map(tickFormatter([0, 0.25, 0.5, 0.75, 1]))).toEqual(['0.00', '0.25', '0.50', '0.75', '1.00']);
    expect([0, 5, 10].map(tickFormatter([0, 5, 10]))).toEqual(['0', '5', '10']);
    expect([0.1, 0.2, 0.30000000000000004].map(tickFormatter([0.1, 0.2, 0.30000000000000004]))).toEqual(['0.1', '0.2', '0.3']);
  });

  it('switches to scientific notation for tiny and huge magnitudes', () => {
    expect([0, 2e-5, 4e-5].map(tickFormatter([0, 2e-5, 4e-5]))).toEqual(['0', '2e-5', '4e-5']);
    expect([1e6, 2e6].map(tickFormatter([1e6, 2e6]))).toEqual(['1e6', '2e6']);
    expect(tickFormatter([1.5e6, 2.5e6])(1.5e6)).toBe('1.5e6');
  });

  it('prints non-finite values without NaN', () => {
    const f = tickFormatter([0, 1]);
    expect(f(Number.NaN)).toBe('');
    expect(f(Infinity)).toBe('∞');
  });
});

describe('formatValue', () => {
  it('trims zeros, uses a true minus and handles extremes', () => {
    expect(formatValue(0.5)).toBe('0.5');
    expect(formatValue(-1.23456)).toBe(`${MINUS}1.23`);
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(1234.5)).toBe('1235');
    expect(formatValue(3e-7)).toBe('3e-7');
    expect(formatValue(Number.NaN)).toBe('–');
  });
});

describe('estimateTextWidth', () => {
  it('is chars × font size × 0.6', () => {
    expect(estimateTextWidth('1.00', 10)).toBeCloseTo(24);
  });
});

describe('superscripts and scientific notation', () => {
  it('writes exponents in superscripts, and numbers plainly inside the plain range only', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(superscript(4)).toBe('⁴');
    expect(formatScientific(0)).toBe('0');
    expect(formatScientific(NaN)).toBe('–');
    expect(formatScientific(0.0523)).toBe('0.0523');
    expect(formatScientific(1.234e-5)).toBe('1.23 × 10⁻⁵');
    expect(formatScientific(4.4e-4, { plain: [1e-3, 1e3] })).toBe('4.40 × 10⁻⁴');
    expect(formatScientific(0.0481, { plain: [1e-3, 1e3] })).toBe('0.0481');
    expect(formatScientific(1.1e-5, { digits: 2, plain: null })).toBe('1.1 × 10⁻⁵');
    expect(formatScientific(0.5, { digits: 2, plain: null })).toBe('5.0 × 10⁻¹');
  });
});

describe('fixed decimals and percentages for stats lines', () => {
  it('uses a true minus, drops the sign of a rounded zero, and signs percentages on request', () => {
    expect(formatFixed(-0.2566123)).toBe('\u22120.2566');
    expect(formatFixed(2.6597508, 7)).toBe('2.6597508');
    expect(formatFixed(-0.00001)).toBe('0.0000');
    expect(formatPercent(-0.088423)).toBe('\u22128.84%');
    expect(formatPercent(0.129, 1, true)).toBe('+12.9%');
    expect(formatPercent(0.129, 1)).toBe('12.9%');
  });
});
