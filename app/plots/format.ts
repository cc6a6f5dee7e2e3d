/**
 * Number formatting for tick labels and legends, and the text-width estimate that layout uses. One formatter for
 * every axis and legend in the book, so a number looks the same everywhere.
 */

/** Typographic minus (U+2212), used for negative labels. */
export const MINUS = '\u2212';

/** Width of one character as a fraction of the font size, for {@link estimateTextWidth}. */
export const CHAR_WIDTH_EM = 0.6;

/**
 * Estimated rendered width of `text` in px: characters × font size × 0.6. Deliberately generous for digits in a UI
 * font, so layout built on it does not overlap; it needs no DOM, so it behaves the same in tests and browsers.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * CHAR_WIDTH_EM;
}

function withMinus(s: string): string {
  // `-0`, `-0.00`, `-0e+0` are noise from floating-point ticks: drop the sign.
  if (/^-0(\.0*)?(e[+-]?\d+)?$/.test(s)) s = s.slice(1);
  return s.startsWith('-') ? MINUS + s.slice(1) : s;
}

function tidyExponent(s: string): string {
  // "1.50e+6" -> "1.5e6", "2e-5" stays; trailing zeros in the mantissa go.
  const [m, e] = s.split('e');
  const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
  return `${mant}e${Number(e)}`;
}

function allDistinct(labels: string[]): boolean {
  return new Set(labels).size === labels.length;
}

/**
 * Builds a formatter for a set of tick values: fixed-point with just enough decimals to tell neighbouring ticks
 * apart (all labels share the same number of decimals), or scientific notation for very large or very small
 * magnitudes. Values within 1e-9 steps of zero print as `0`, never `−0.0000`; negatives use a true minus sign.
 *
 * @param values - the tick values the formatter will be asked to print (non-finite ones are ignored)
 * @returns a function from a number to its label
 */
export function tickFormatter(values: readonly number[]): (v: number) => string {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  let maxAbs = 0;
  for (const v of finite) maxAbs = Math.max(maxAbs, Math.abs(v));
  let step = Infinity;
  for (let i = 1; i < finite.length; i++) {
    const d = finite[i] - finite[i - 1];
    if (d > 0) step = Math.min(step, d);
  }
  if (!Number.isFinite(step)) step = maxAbs > 0 ? maxAbs : 1;
  const snap = (v: number) => (Math.abs(v) < step * 1e-9 ? 0 : v);
  const finiteOr = (fmt: (v: number) => string) => (v: number) => (Number.isFinite(v) ? fmt(snap(v)) : Number.isNaN(v) ? '' : v > 0 ? '∞' : `${MINUS}∞`);

  const scientific = maxAbs >= 1e6 || (maxAbs > 0 && maxAbs < 1e-3);
  if (scientific) {
    for (let p = 0; p <= 8; p++) {
      const fmt = (v: number) => (v === 0 ? '0' : withMinus(tidyExponent(v.toExponential(p))));
      const labels = finite.map((v) => fmt(snap(v)));
      const exact = finite.every((v) => Math.abs(Number(snap(v).toExponential(p)) - snap(v)) <= step * 1e-6);
      if (allDistinct(labels) && exact) return finiteOr(fmt);
    }
    return finiteOr((v) => withMinus(tidyExponent(v.toExponential(8))));
  }
  // Decimals needed to show the step: 0.25 -> 2, 0.5 -> 1, 5 -> 0.
  let p = Math.max(0, Math.min(12, -Math.floor(Math.log10(step) + 1e-9)));
  while (p < 12) {
    const q = p;
    const labels = finite.map((v) => withMinus(snap(v).toFixed(q)));
    const exact = finite.every((v) => Math.abs(Number(snap(v).toFixed(q)) - v) <= step * 1e-6);
    if (allDistinct(labels) && exact) break;
    p++;
  }
  const decimals = p;
  return finiteOr((v) => withMinus(v.toFixed(decimals)));
}

/**
 * Formats one value for a legend, a readout or a CSV-free label: `digits` significant digits, trailing zeros
 * trimmed, true minus sign, no `−0`. Non-finite values print as `–` (NaN) or `±∞`.
 *
 * @param v - the value
 * @param digits - significant digits (default 3)
 */
export function formatValue(v: number, digits = 3): string {
  if (Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : `${MINUS}∞`;
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-3) return withMinus(tidyExponent(v.toExponential(Math.max(0, digits - 1))));
  if (a >= 10 ** digits) return withMinus(String(Math.round(v)));
  const s = v.toPrecision(digits);
  const fixed = s.includes('e') ? String(Number(s)) : s;
  return withMinus(fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed);
}

/** v with `digits` decimals and a true minus sign (a rounded −0.000 shows as 0.000): the stats lines' numbers. */
export function formatFixed(v: number, digits = 4): string {
  return withMinus(v.toFixed(digits));
}

/** v as a percentage with `digits` decimals, e.g. −8.84%; `signed` writes + before positive values. */
export function formatPercent(v: number, digits = 2, signed = false): string {
  return `${signed && v >= 0 ? '+' : ''}${formatFixed(100 * v, digits)}%`;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** An integer exponent in Unicode superscripts: -12 -> "⁻¹²" (for "10⁻¹²" in labels that cannot hold TeX). */
export function superscript(k: number): string {
  return String(Math.round(k))
    .replace('-', '⁻')
    .replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]);
}

/**
 * A number for a readout, in scientific notation with a superscript exponent ("1.23 × 10⁻⁵") unless its size is in
 * `plain` ([lo, hi), default [0.01, 1000)), where it prints as itself with `digits` significant digits; `plain: null`
 * always uses the scientific form. Zero prints as "0", a non-finite value as "–".
 */
export function formatScientific(v: number, { digits = 3, plain = [0.01, 1000] as readonly [number, number] | null } = {}): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (plain && a >= plain[0] && a < plain[1]) return Number(v.toPrecision(digits)).toString();
  const [m, e] = v.toExponential(digits - 1).split('e');
  return `${m} × 10${superscript(Number(e))}`;
}
