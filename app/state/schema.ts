/**
 * One parameter schema per figure: everything a control, a URL key, a reset button or a validation needs to know
 * about a number. Sliders, inline draggable numbers, URL sync and notices are all generated from it.
 */
export interface ParamSpec {
  /** Words for people and screen readers, e.g. "mean-reversion rate". */
  label: string;
  /** The symbol as Unicode text, e.g. "θ" or "x₀", or `base_sub` where Unicode has no subscript letter ("r_f"); controls
   * render it without KaTeX at run time (ParamSymbol). */
  symbol: string;
  min: number;
  max: number;
  /** One arrow-key step. Shift+arrow moves ten steps; Alt+arrow a tenth of a step, which is also the finest grid. */
  step: number;
  default: number;
  units?: string;
  /** Decimal places shown; defaults to the step's (one more when a fine step left the value between steps). */
  digits?: number;
  /** A whole number (paths, steps, seeds). */
  integer?: boolean;
  /** Slider position is logarithmic in the value (for ranges over decades, e.g. a step size). */
  log?: boolean;
  /**
   * A choice between named options instead of a range: the control is a radio group, and the value is one of the
   * options' numbers (numbers, so that links and the URL format stay what they are for sliders). `min`, `max` and
   * `step` must span the options' values.
   */
  choices?: readonly Choice[];
}

/** One option of a `choices` parameter. */
interface Choice {
  /** The number stored in the figure's values and the URL. */
  value: number;
  /** What the reader sees, e.g. "Euler–Maruyama". */
  label: string;
}

/**
 * A parameter that picks one of several named options (a model, a scheme, an on/off switch): a radio group in the
 * figure, a number in the URL. The first option is the default unless `defaultIndex` says otherwise.
 */
export function choice(label: string, symbol: string, labels: readonly string[], defaultIndex = 0): ParamSpec {
  return {
    label,
    symbol,
    min: 0,
    max: labels.length - 1,
    step: 1,
    default: defaultIndex,
    integer: true,
    choices: labels.map((l, value) => ({ value, label: l })),
  };
}

/** The random seed of a figure's Monte Carlo: any whole number from 1 to 99,999; the link keeps it. */
export function seedParam(defaultSeed = 1): ParamSpec {
  return { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: defaultSeed, integer: true };
}

export type Schema = Record<string, ParamSpec>;
export type Values<S extends Schema> = { [K in keyof S]: number };

/** Throws, saying what to fix, when a schema cannot work (min above max, default outside the range, ...). */
export function checkSchema(figureId: string, schema: Schema): void {
  if (!/^[a-z][a-z0-9-]*$/.test(figureId)) throw new Error(`figure id "${figureId}" must be lower-case letters, digits and hyphens (it is a URL key)`);
  for (const [key, s] of Object.entries(schema)) {
    const where = `figure "${figureId}", parameter "${key}"`;
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new Error(`${where}: the key must be letters and digits (it is a URL key)`);
    if (!(s.min < s.max)) throw new Error(`${where}: min ${s.min} must be below max ${s.max}`);
    if (!(s.step > 0)) throw new Error(`${where}: step must be positive, got ${s.step}`);
    if (!(s.default >= s.min && s.default <= s.max)) throw new Error(`${where}: default ${s.default} is outside [${s.min}, ${s.max}]`);
    if (s.log && !(s.min > 0)) throw new Error(`${where}: a logarithmic slider needs min > 0`);
    if (s.choices) {
      if (s.choices.length < 2) throw new Error(`${where}: a choice needs at least two options`);
      if (!s.choices.some((c) => c.value === s.default)) throw new Error(`${where}: default ${s.default} is not one of the options' values`);
      if (s.choices.some((c) => c.value < s.min || c.value > s.max)) throw new Error(`${where}: every option's value must lie in [min, max]`);
    }
  }
}

/** Decimal places of a number written in plain notation (0.05 -> 2). */
function decimalsOf(x: number): number {
  const s = String(x);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function digitsOf(spec: ParamSpec): number {
  return spec.digits ?? (spec.integer ? 0 : decimalsOf(spec.step));
}

/** The finest grid of valid values: a tenth of the step (1 for whole numbers). */
export function resolutionOf(spec: ParamSpec): number {
  return spec.integer ? Math.max(1, Math.round(spec.step / 10)) : spec.step / 10;
}

/**
 * The nearest valid value: clamped to [min, max], on the fine grid measured from min, an integer where the spec
 * says so. Log sliders keep three significant digits on that grid; whole-number log sliders (path counts, batch
 * sizes) land on multiples of their step from min. The ends are always exact. NaN has no nearest value: the default
 * is returned.
 */
export function nearestValid(spec: ParamSpec, x: number): number {
  if (!Number.isFinite(x)) {
    if (x === Infinity) return spec.max;
    if (x === -Infinity) return spec.min;
    return spec.default;
  }
  if (spec.choices) return nearestChoice(spec.choices, x);
  if (x >= spec.max) return spec.max;
  if (x <= spec.min) return spec.min;
  let v = x;
  const res = resolutionOf(spec);
  if (spec.log) v = Number(v.toPrecision(3));
  const grid = spec.log && spec.integer ? spec.step : res;
  v = spec.min + Math.round((v - spec.min) / grid) * grid;
  if (spec.integer) v = Math.round(v);
  v = Number(v.toFixed(Math.min(digitsOf(spec) + 1, 12)));
  return Math.min(spec.max, Math.max(spec.min, v));
}

/** The option whose value is nearest to x (the first on a tie). */
function nearestChoice(choices: readonly Choice[], x: number): number {
  let best = choices[0].value;
  for (const c of choices) if (Math.abs(c.value - x) < Math.abs(best - x)) best = c.value;
  return best;
}

/**
 * `v` with `decimals` places, commas between thousands: what Intl.NumberFormat('en-US') writes, without it. A page's
 * first Intl.NumberFormat loads the locale's data, 30 ms of a chapter's load on this machine (a scrub number in the
 * prose formats its value as the page comes alive), four times that on a phone.
 */
export function formatGrouped(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return notFinite(v);
  return signOf(v) + groupThousands(plainDecimal(v, decimals));
}

/** `v` to three significant digits, plain (no exponent), no trailing zeros: Intl's `maximumSignificantDigits: 3`. */
export function formatThreeDigits(v: number): string {
  const x = Number(v.toPrecision(3));
  if (!Number.isFinite(x)) return notFinite(x);
  return signOf(x) + groupThousands(plainDecimal(x, Math.max(0, -shortestDecimal(x).scale)));
}

/** NaN and the infinities as Intl writes them. */
function notFinite(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '-∞';
}

/** Intl writes a minus before every negative number, -0 and those that round to zero included. */
function signOf(v: number): string {
  return v < 0 || Object.is(v, -0) ? '-' : '';
}

/** |v| as the shortest digits that read back as v, and the power of ten of the last digit: 1.005 -> 1005, -3. */
function shortestDecimal(v: number): { digits: bigint; scale: number } {
  const [mantissa, exponent] = Math.abs(v).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  return { digits: BigInt(digits), scale: Number(exponent) - (digits.length - 1) };
}

/**
 * |v| to `decimals` places, rounded half away from zero on its shortest decimal, as Intl rounds (toFixed rounds the
 * binary value: 1.005 is 1.00 there, 1.01 here and in Intl).
 */
function plainDecimal(v: number, decimals: number): string {
  const { digits, scale } = shortestDecimal(v);
  const shift = decimals + scale;
  const n = shift >= 0 ? digits * 10n ** BigInt(shift) : (digits + 5n * 10n ** BigInt(-shift - 1)) / 10n ** BigInt(-shift);
  const s = n.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? s : `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

/** "1234567.5" -> "1,234,567.5". */
function groupThousands(s: string): string {
  const point = s.indexOf('.');
  const whole = point < 0 ? s : s.slice(0, point);
  return whole.replace(/\B(?=(\d{3})+$)/g, ',') + (point < 0 ? '' : s.slice(point));
}

/** The value as the figure shows it, e.g. "0.30" or "1,000": the step's digits, one more if the value needs it. */
export function formatValue(spec: ParamSpec, v: number): string {
  const named = spec.choices?.find((c) => c.value === v);
  if (named) return named.label;
  const d = digitsOf(spec);
  const needsMore = !spec.integer && Math.abs(Number(v.toFixed(d)) - v) > 1e-12;
  const shown = needsMore ? d + 1 : d;
  if (spec.log && !spec.digits) return formatThreeDigits(v);
  return formatGrouped(v, shown);
}

/**
 * The value after a key press, or null when the key is not one a number control handles. Arrows move one step
 * (Shift: ten, Alt: a tenth); PageUp/PageDown ten steps; Home/End the ends. Log sliders step in position.
 */
export function keyedValue(spec: ParamSpec, v: number, key: string, shift: boolean, alt: boolean): number | null {
  const dir =
    key === 'ArrowRight' || key === 'ArrowUp' ? 1 : key === 'ArrowLeft' || key === 'ArrowDown' ? -1 : key === 'PageUp' ? 10 : key === 'PageDown' ? -10 : 0;
  if (key === 'Home') return spec.min;
  if (key === 'End') return spec.max;
  if (!dir) return null;
  const mult = dir * (shift ? 10 : 1) * (alt ? 0.1 : 1);
  if (spec.log) {
    const next = fromPosition(spec, toPosition(spec, v) + mult * 0.01);
    // Where the grid is coarser than a 1% move (a batch of 32 steps by 32), a key still moves one grid step.
    if (next !== v) return next;
    return nearestValid(spec, v + Math.sign(mult) * (spec.integer ? spec.step : resolutionOf(spec)));
  }
  const res = resolutionOf(spec);
  const delta = spec.integer ? Math.sign(mult) * Math.max(1, Math.round(Math.abs(mult) * spec.step)) : mult * spec.step;
  return nearestValid(spec, Math.abs(delta) < res ? v + Math.sign(delta) * res : v + delta);
}

/** The value as the URL stores it: the shortest text that reads back to the same number. */
export function encodeValue(v: number): string {
  return String(Number(v.toPrecision(12)));
}

export type Parsed = { value: number; notice?: string };

/** Reads a URL value. Never throws: garbage gives the default, out of range gives the nearest valid value. */
export function parseValue(spec: ParamSpec, raw: string): Parsed {
  const trimmed = raw.trim();
  const x = trimmed === '' ? NaN : Number(trimmed);
  if (Number.isNaN(x))
    return { value: spec.default, notice: `“${truncate(raw)}” is not a number; ${spec.label} is back at its default ${formatValue(spec, spec.default)}.` };
  const v = nearestValid(spec, x);
  if (x < spec.min || x > spec.max) {
    return {
      value: v,
      notice: `${truncate(raw)} is outside what this figure allows for ${spec.label} (${formatValue(spec, spec.min)} to ${formatValue(spec, spec.max)}); using ${formatValue(spec, v)}.`,
    };
  }
  return { value: v };
}

export function truncate(s: string, n = 24): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** Slider position in [0, 1] for a value and back (linear or logarithmic). */
export function toPosition(spec: ParamSpec, v: number): number {
  return spec.log ? Math.log(v / spec.min) / Math.log(spec.max / spec.min) : (v - spec.min) / (spec.max - spec.min);
}
export function fromPosition(spec: ParamSpec, p: number): number {
  const q = Math.min(1, Math.max(0, p));
  return nearestValid(spec, spec.log ? spec.min * Math.pow(spec.max / spec.min, q) : spec.min + q * (spec.max - spec.min));
}

/** The default values of a schema. */
export function defaults<S extends Schema>(schema: S): Values<S> {
  const out = {} as Values<S>;
  for (const key of Object.keys(schema) as (keyof S)[]) out[key] = schema[key].default;
  return out;
}
