/**
 * Argument checks shared by the engines. Each throws an `Error` naming the argument, the allowed set and the value
 * received, e.g. `steps must be an integer in [1, 100000]; got 0`. NaN, ±Infinity and non-numbers always fail;
 * an infinite bound only leaves that side unbounded.
 */

/** Shows a bound readably: 2^k and 2^k - 1 for large powers of two, 1e6… for large and tiny powers of ten. */
function show(n: number): string {
  if (!Number.isFinite(n) || n === 0) return String(n);
  const a = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (a >= 2 ** 31) {
    const k = Math.round(Math.log2(a + 1));
    if (2 ** k === a) return `${sign}2^${k}`;
    if (2 ** k - 1 === a) return `${sign}2^${k} - 1`;
  }
  const e = Math.round(Math.log10(a));
  if ((e >= 6 || e <= -4) && Number(`1e${e}`) === a) return `${sign}1e${e}`;
  return String(n);
}

/** Throws unless `v` is a finite number (not NaN, not ±Infinity, not a non-number). */
export function requireFinite(name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${name} must be a finite number; got ${v}`);
}

/** Throws unless `v` is a finite number > 0. */
export function requirePositive(name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) throw new Error(`${name} must be a finite number > 0; got ${v}`);
}

/** Throws unless `v` is a finite number >= 0. */
export function requireNonNegative(name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || !(v >= 0)) throw new Error(`${name} must be a finite number >= 0; got ${v}`);
}

/**
 * Throws unless `v` is an integer with lo <= v <= hi (both ends included). With hi = Infinity (the default) the
 * message reads `must be an integer >= lo`.
 */
export function requireInteger(name: string, v: number, lo: number, hi = Infinity): void {
  if (typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi) return;
  if (hi === Infinity) throw new Error(`${name} must be an integer >= ${show(lo)}; got ${v}`);
  throw new Error(`${name} must be an integer in [${show(lo)}, ${show(hi)}]; got ${v}`);
}

/** Which ends of a `requireInRange` interval are excluded. */
export type OpenEnds = 'lo' | 'hi' | 'both';

/**
 * Throws unless `v` is a number in the interval from lo to hi, both ends included unless `open` excludes them:
 * `{ open: 'lo' }` is (lo, hi], `'hi'` is [lo, hi), `'both'` is (lo, hi). NaN and ±Infinity always fail.
 */
export function requireInRange(name: string, v: number, lo: number, hi: number, opts: { open?: OpenEnds } = {}): void {
  const openLo = opts.open === 'lo' || opts.open === 'both';
  const openHi = opts.open === 'hi' || opts.open === 'both';
  const ok = typeof v === 'number' && Number.isFinite(v) && (openLo ? v > lo : v >= lo) && (openHi ? v < hi : v <= hi);
  if (!ok) throw new Error(`${name} must be in ${openLo ? '(' : '['}${show(lo)}, ${show(hi)}${openHi ? ')' : ']'}; got ${v}`);
}
