import { describe, expect, it } from 'vitest';
import { RecentResults } from './recentResults.ts';

const copy = (v: Float32Array) => v.slice();

describe('recent results', () => {
  it('returns a copy of what was stored, so transferring a result leaves the stored one intact', () => {
    const recent = new RecentResults<Float32Array>(2, copy);
    const value = Float32Array.of(1, 2, 3);
    recent.set('a', value);
    value[0] = 99; // the caller's array is not the stored one
    const got = recent.get('a')!;
    expect([...got]).toEqual([1, 2, 3]);
    got[1] = 99;
    expect([...recent.get('a')!]).toEqual([1, 2, 3]);
  });

  it('keeps the most recently used entries and drops the oldest', () => {
    const recent = new RecentResults<Float32Array>(2, copy);
    recent.set('a', Float32Array.of(1));
    recent.set('b', Float32Array.of(2));
    recent.get('a'); // a is now newer than b
    recent.set('c', Float32Array.of(3));
    expect(recent.get('b')).toBeUndefined();
    expect(recent.get('a')?.[0]).toBe(1);
    expect(recent.get('c')?.[0]).toBe(3);
  });
});
