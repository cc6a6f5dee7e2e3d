import { describe, expect, it } from 'vitest';
import { requireFinite, requireInRange, requireInteger, requireNonNegative, requirePositive } from './validate';

const bad = [NaN, Infinity, -Infinity, '1' as unknown as number, undefined as unknown as number];

describe('requireFinite', () => {
  it('accepts finite numbers, including 0, negatives and tiny values', () => {
    for (const v of [0, -0, -3.5, 1e-300, 1e300, Number.MAX_VALUE]) expect(() => requireFinite('x', v)).not.toThrow();
  });
  it('rejects NaN, ±Infinity and non-numbers, naming the argument and the value', () => {
    for (const v of bad) expect(() => requireFinite('x0', v)).toThrow(/^x0 must be a finite number; got /);
    expect(() => requireFinite('x0', NaN)).toThrow('x0 must be a finite number; got NaN');
    expect(() => requireFinite('x0', -Infinity)).toThrow('got -Infinity');
  });
});

describe('requirePositive / requireNonNegative', () => {
  it('requirePositive accepts finite v > 0 only', () => {
    for (const v of [1e-300, 1, 1e300]) expect(() => requirePositive('rho', v)).not.toThrow();
    for (const v of [0, -0, -1, ...bad]) expect(() => requirePositive('rho', v)).toThrow(/^rho must be a finite number > 0; got /);
    expect(() => requirePositive('rho', 0)).toThrow('rho must be a finite number > 0; got 0');
  });
  it('requireNonNegative accepts finite v >= 0 only', () => {
    for (const v of [0, -0, 2]) expect(() => requireNonNegative('q', v)).not.toThrow();
    for (const v of [-1e-300, -1, ...bad]) expect(() => requireNonNegative('q', v)).toThrow(/^q must be a finite number >= 0; got /);
  });
});

describe('requireInteger', () => {
  it('accepts integers within [lo, hi], both ends included', () => {
    for (const v of [1, 2, 10]) expect(() => requireInteger('steps', v, 1, 10)).not.toThrow();
    expect(() => requireInteger('k', 0, 0, 0)).not.toThrow();
  });
  it('rejects non-integers, out-of-range values, NaN and ±Infinity with the documented message', () => {
    expect(() => requireInteger('steps', 0, 1, 10)).toThrow('steps must be an integer in [1, 10]; got 0');
    expect(() => requireInteger('steps', 11, 1, 10)).toThrow('steps must be an integer in [1, 10]; got 11');
    expect(() => requireInteger('steps', 2.5, 1, 10)).toThrow('steps must be an integer in [1, 10]; got 2.5');
    for (const v of bad) expect(() => requireInteger('steps', v, 1, 10)).toThrow(/^steps must be an integer in \[1, 10\]; got /);
  });
  it('without hi, bounds only from below (and still rejects Infinity)', () => {
    expect(() => requireInteger('n', 1e15, 1)).not.toThrow();
    expect(() => requireInteger('n', 0, 1)).toThrow('n must be an integer >= 1; got 0');
    expect(() => requireInteger('n', Infinity, 1)).toThrow('n must be an integer >= 1; got Infinity');
  });
  it('writes large bounds readably', () => {
    expect(() => requireInteger('seed', -1, 0, 2 ** 53 - 1)).toThrow('seed must be an integer in [0, 2^53 - 1]; got -1');
    expect(() => requireInteger('seed', -1, 0, 2 ** 32)).toThrow('[0, 2^32]');
    expect(() => requireInteger('n', -1, 0, 1e8)).toThrow('[0, 1e8]');
    expect(() => requireInteger('n', -1, 0, 100_000)).toThrow('[0, 100000]');
    expect(() => requireInteger('n', -1, 0, 12_345_678)).toThrow('[0, 12345678]');
  });
});

describe('requireInRange', () => {
  it('closed by default', () => {
    for (const v of [0, 0.5, 1]) expect(() => requireInRange('p', v, 0, 1)).not.toThrow();
    expect(() => requireInRange('p', 1.0000001, 0, 1)).toThrow('p must be in [0, 1]; got 1.0000001');
    expect(() => requireInRange('p', -1e-9, 0, 1)).toThrow('p must be in [0, 1]; got -1e-9');
  });
  it("excludes the ends that `open` names: 'lo', 'hi', 'both'", () => {
    expect(() => requireInRange('lr', 0, 0, 10, { open: 'lo' })).toThrow('lr must be in (0, 10]; got 0');
    expect(() => requireInRange('lr', 10, 0, 10, { open: 'lo' })).not.toThrow();
    expect(() => requireInRange('g', 1, 0, 1, { open: 'hi' })).toThrow('g must be in [0, 1); got 1');
    expect(() => requireInRange('g', 0, 0, 1, { open: 'hi' })).not.toThrow();
    expect(() => requireInRange('t', 0, 0, 1, { open: 'both' })).toThrow('t must be in (0, 1); got 0');
    expect(() => requireInRange('t', 1, 0, 1, { open: 'both' })).toThrow('t must be in (0, 1); got 1');
    expect(() => requireInRange('t', 0.5, 0, 1, { open: 'both' })).not.toThrow();
  });
  it('rejects NaN, ±Infinity and non-numbers even when the interval is unbounded', () => {
    for (const v of bad) expect(() => requireInRange('x', v, -Infinity, Infinity)).toThrow(/^x must be in \[-Infinity, Infinity\]; got /);
  });
  it('writes tiny and huge powers of ten compactly, other bounds as they are', () => {
    expect(() => requireInRange('dt', 1, 1e-4, 0.5)).toThrow('dt must be in [1e-4, 0.5]; got 1');
    expect(() => requireInRange('s', 0, 0, 1e6, { open: 'lo' })).toThrow('s must be in (0, 1e6]; got 0');
    expect(() => requireInRange('dt', 1, 1e-3, 0.5)).toThrow('dt must be in [0.001, 0.5]; got 1');
    expect(() => requireInRange('l', 2000, -1000, 1000)).toThrow('l must be in [-1000, 1000]; got 2000');
  });
});
