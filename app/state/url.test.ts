import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUrl, encodeUrl, readFigure } from './url.ts';
import { checkSchema, defaults, nearestValid, parseValue, keyedValue, formatValue, fromPosition, type Schema } from './schema.ts';

const schema = {
  theta: { label: 'pull rate', symbol: 'θ', min: 0.1, max: 5, step: 0.1, default: 1 },
  sigma: { label: 'noise', symbol: 'σ', min: 0.1, max: 2, step: 0.1, default: 0.5 },
  x0: { label: 'start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 2 },
  paths: { label: 'paths', symbol: 'N', min: 10, max: 5000, step: 10, default: 1000, integer: true, log: true },
  dt: { label: 'step', symbol: 'Δt', min: 0.0001, max: 0.5, step: 0.0001, default: 0.01, log: true },
  seed: { label: 'seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
} satisfies Schema;

/** Any valid value of a spec: a point of its grid. */
const validValue = (key: keyof typeof schema) =>
  fc.double({ min: schema[key].min, max: schema[key].max, noNaN: true }).map((x) => nearestValid(schema[key], x));

const validValues = fc.record({
  theta: validValue('theta'),
  sigma: validValue('sigma'),
  x0: validValue('x0'),
  paths: validValue('paths'),
  dt: validValue('dt'),
  seed: validValue('seed'),
});

describe('figure state in the URL', () => {
  it('the schema used here is valid', () => {
    expect(() => checkSchema('ou-paths', schema)).not.toThrow();
  });

  it('round-trips any valid values exactly: state -> URL -> state', () => {
    fc.assert(
      fc.property(validValues, (values) => {
        const search = encodeUrl('', [{ id: 'ou-paths', schema, values }]);
        const back = readFigure(decodeUrl(search), 'ou-paths', schema);
        expect(back.notices).toEqual([]);
        expect({ ...defaults(schema), ...back.values }).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it('writes only values that differ from the defaults, with the version', () => {
    expect(encodeUrl('', [{ id: 'ou-paths', schema, values: defaults(schema) }])).toBe('');
    expect(encodeUrl('', [{ id: 'ou-paths', schema, values: { ...defaults(schema), theta: 2.5 } }])).toBe('?v=1&ou-paths.theta=2.5');
  });

  it('keeps the entries of figures in other chapters and drops garbage', () => {
    const out = encodeUrl('?v=1&lqr.rho=0.2&%%junk=1&sigma=3', [{ id: 'ou-paths', schema, values: { ...defaults(schema), seed: 7 } }]);
    expect(out).toBe('?v=1&lqr.rho=0.2&ou-paths.seed=7');
  });

  it('drops the entries of figures the book does not have', () => {
    const out = encodeUrl(
      '?v=1&lqr.rho=0.2&gone-figure.x=1',
      [{ id: 'ou-paths', schema, values: { ...defaults(schema), seed: 7 } }],
      new Set(['ou-paths', 'lqr']),
    );
    expect(out).toBe('?v=1&lqr.rho=0.2&ou-paths.seed=7');
  });

  it('keeps a notice about thousands of unknown keys to one short sentence', () => {
    const junk = Array.from({ length: 20000 }, (_, i) => `junk${i}=1`).join('&');
    const { notices } = decodeUrl('?' + junk);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/20000 settings .*and 19995 more/);
    expect(notices[0].length).toBeLessThan(300);
    const many = Array.from({ length: 5000 }, (_, i) => `ou-paths.k${i}=1`).join('&');
    const figure = readFigure(decodeUrl('?' + many), 'ou-paths', schema);
    expect(figure.notices).toHaveLength(1);
    expect(figure.notices[0].length).toBeLessThan(300);
  });

  it('never throws on garbled query strings, and every value it reads is valid', () => {
    const token = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '%',
        '%%',
        '%E0%A4%A',
        'NaN',
        '-1e999',
        '1e999',
        'Infinity',
        '0x10',
        ' ',
        '=',
        '&',
        '<script>',
        'ou-paths.theta',
        'ou-paths.paths',
        'v',
        'ou-paths.__proto__',
        'ou-paths.constructor',
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(token, token), { maxLength: 8 }), fc.string(), (pairs, tail) => {
        const search = '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&') + tail;
        const decoded = decodeUrl(search);
        const { values } = readFigure(decoded, 'ou-paths', schema);
        for (const [k, v] of Object.entries(values)) {
          const spec = schema[k as keyof typeof schema];
          expect(spec).toBeDefined();
          expect(v).toBeGreaterThanOrEqual(spec.min);
          expect(v).toBeLessThanOrEqual(spec.max);
        }
        expect(() => encodeUrl(search, [{ id: 'ou-paths', schema, values: defaults(schema) }])).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('explains what it could not use', () => {
    const decoded = decodeUrl('?ou-paths.theta=abc&ou-paths.sigma=-1e999&ou-paths.bogus=1&%25%25%3Cscript%3E=NaN');
    const { values, notices } = readFigure(decoded, 'ou-paths', schema);
    expect(values.theta).toBe(1); // garbage: the default
    expect(values.sigma).toBe(0.1); // out of range: the nearest valid value
    expect(notices.join(' ')).toMatch(/not a number/);
    expect(notices.join(' ')).toMatch(/outside what this figure allows/);
    expect(notices.join(' ')).toMatch(/bogus/);
    expect(decoded.notices.join(' ')).toMatch(/<script>/);
  });

  it('migrates links made by older versions before reading them', () => {
    // A hypothetical version 1 -> 2 change that renamed "x0" to "start".
    const rename = (e: Map<string, string>) => new Map([...e].map(([k, v]) => [k.replace(/\.x0$/, '.start'), v]));
    const decoded = decodeUrl('?v=1&ou-paths.x0=1.5', [(e) => e, rename], 2);
    expect(decoded.byFigure.get('ou-paths')?.get('start')).toBe('1.5');
    // A link without v is version 0.
    expect(
      decodeUrl('ou-paths.x0=1.5', [(e) => e, rename], 2)
        .byFigure.get('ou-paths')
        ?.get('start'),
    ).toBe('1.5');
    // A version from the future is read as the current one, with a notice.
    expect(decodeUrl('?v=9&ou-paths.x0=1').notices[0]).toMatch(/format version/);
  });
});

describe('parameter values', () => {
  it('snaps to the fine grid, clamps, and maps infinities to the ends', () => {
    expect(nearestValid(schema.theta, 1.234)).toBe(1.23);
    expect(nearestValid(schema.theta, 99)).toBe(5);
    expect(nearestValid(schema.theta, -Infinity)).toBe(0.1);
    expect(nearestValid(schema.theta, NaN)).toBe(1);
    expect(nearestValid(schema.paths, 1234.6)).toBe(1230); // log sliders keep three significant digits
    expect(parseValue(schema.theta, '').value).toBe(1);
  });

  it('keyboard: arrows one step, Shift ten, Alt a tenth, Home/End the ends', () => {
    expect(keyedValue(schema.theta, 1, 'ArrowRight', false, false)).toBe(1.1);
    expect(keyedValue(schema.theta, 1, 'ArrowRight', true, false)).toBe(2);
    expect(keyedValue(schema.theta, 1, 'ArrowLeft', false, true)).toBe(0.99);
    expect(keyedValue(schema.theta, 1, 'End', false, false)).toBe(5);
    expect(keyedValue(schema.theta, 1, 'a', false, false)).toBeNull();
    expect(keyedValue(schema.seed, 5, 'ArrowUp', false, true)).toBe(6);
    const up = keyedValue(schema.paths, 1000, 'ArrowRight', false, false)!;
    expect(up).toBeGreaterThan(1000);
  });

  it('a whole-number log slider lands on its step grid and reaches its ends exactly', () => {
    const batch = { label: 'batch size', symbol: 'B', min: 32, max: 1024, step: 32, default: 256, integer: true, log: true };
    expect(keyedValue(batch, 256, 'End', false, false)).toBe(1024);
    expect(nearestValid(batch, 1024)).toBe(1024);
    expect(nearestValid(batch, 1000)).toBe(992);
    expect(nearestValid(batch, 612) % 32).toBe(0);
    // One arrow press moves at least one step even where 1% of the range is less than a step.
    expect(keyedValue(batch, 32, 'ArrowRight', false, false)).toBe(64);
    expect(keyedValue(batch, 64, 'ArrowLeft', false, false)).toBe(32);
    const steps = { label: 'steps', symbol: 'K', min: 100, max: 8000, step: 100, default: 2000, integer: true, log: true };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        const v = fromPosition(steps, p);
        return v >= 100 && v <= 8000 && (v - 100) % 100 === 0;
      }),
    );
  });

  it('formats with the step’s digits, one more after a fine step', () => {
    expect(formatValue(schema.theta, 1)).toBe('1.0');
    expect(formatValue(schema.theta, 0.99)).toBe('0.99');
    expect(formatValue(schema.paths, 1000)).toBe('1,000');
  });

  it('rejects schemas that cannot work, saying what to fix', () => {
    expect(() => checkSchema('Bad Id', schema)).toThrow(/lower-case/);
    expect(() => checkSchema('ok', { a: { label: 'a', symbol: 'a', min: 1, max: 0, step: 1, default: 0 } })).toThrow(/min 1 must be below max 0/);
    expect(() => checkSchema('ok', { a: { label: 'a', symbol: 'a', min: 0, max: 1, step: 0.1, default: 2 } })).toThrow(/outside/);
  });
});
