import { describe, expect, it } from 'vitest';
import { Rng, jumpState, nextU32, rngStreams, seedState } from './random';

/** Independent reference: xoshiro128** written with BigInt (tests only). */
function referenceXoshiro(state: number[], count: number): number[] {
  const s = state.map((v) => BigInt(v >>> 0));
  const mask = 0xffffffffn;
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & mask;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number((rotl((s[1] * 5n) & mask, 7n) * 9n) & mask));
    const t = (s[1] << 9n) & mask;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
  }
  return out;
}

describe('xoshiro128**', () => {
  it('matches the reference algorithm bit for bit', () => {
    const st = new Int32Array([1, 2, 3, 4]);
    const ours = Array.from({ length: 1000 }, () => nextU32(st));
    const ref = referenceXoshiro([1, 2, 3, 4], 1000);
    expect(ours.slice(0, 4)).toEqual([11520, 0, 5927040, 70819200]);
    expect(ours).toEqual(ref);
    const seeded = seedState(12345);
    const a = Array.from(seeded);
    expect(Array.from({ length: 200 }, () => nextU32(seeded))).toEqual(referenceXoshiro(a, 200));
  });

  it('is deterministic per seed, and different seeds and streams differ', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const d = new Rng(7, 1);
    const xa = Array.from({ length: 10 }, () => a.nextU32());
    expect(Array.from({ length: 10 }, () => b.nextU32())).toEqual(xa);
    expect(Array.from({ length: 10 }, () => c.nextU32())).not.toEqual(xa);
    expect(Array.from({ length: 10 }, () => d.nextU32())).not.toEqual(xa);
    // Large seeds (above 2^32) are accepted and differ from their low 32 bits.
    expect(new Rng(2 ** 40 + 7).nextU32()).not.toBe(new Rng(7).nextU32());
  });

  it('jump is a polynomial in the transition: jump(next(s)) = next(jump(s)), and streams use it', () => {
    const s1 = seedState(99);
    const s2 = Int32Array.from(s1);
    nextU32(s1);
    jumpState(s1);
    jumpState(s2);
    nextU32(s2);
    expect(Array.from(s1)).toEqual(Array.from(s2));
    const [r0, r1, r2] = rngStreams(5, 3);
    expect(Array.from(r1.state)).toEqual(Array.from(new Rng(5, 1).state));
    expect(Array.from(r2.state)).toEqual(Array.from(new Rng(5, 2).state));
    expect(Array.from(r0.state)).toEqual(Array.from(new Rng(5, 0).state));
  });

  it('streams are uncorrelated: sample correlation of 1e5 uniforms within 4 standard errors of 0', () => {
    const [r0, r1] = rngStreams(2024, 2);
    const n = 100_000;
    let sxy = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      const x = r0.uniform() - 0.5;
      const y = r1.uniform() - 0.5;
      sxy += x * y;
      sx += x;
      sy += y;
    }
    // corr ~ N(0, 1/n): se = 1/sqrt(n); cov/(1/12) estimates the correlation.
    const corr = (sxy / n - (sx / n) * (sy / n)) * 12;
    expect(Math.abs(corr)).toBeLessThan(4 / Math.sqrt(n));
  });

  it('uniforms: mean 1/2 and variance 1/12 within 4 standard errors; uniformOpen never hits 0 or 1', () => {
    const r = new Rng(3);
    const n = 200_000;
    let s = 0;
    let ss = 0;
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      s += u;
      ss += u * u;
      const v = r.uniformOpen();
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const mean = s / n;
    const variance = ss / n - mean * mean;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // Var of U^2 is 4/45 - 1/9 = 1/180 => se of the variance estimate ~ sqrt(1/180/n).
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
  });

  it('rejects bad seeds and streams with a message naming the allowed range', () => {
    expect(() => new Rng(-1)).toThrow(/seed must be an integer in \[0, 2\^53 - 1\]/);
    expect(() => new Rng(1.5)).toThrow(/seed/);
    expect(() => new Rng(1, -2)).toThrow(/stream must be an integer/);
    expect(() => Rng.fromState([0, 0, 0, 0])).toThrow(/all zero/);
  });
});
