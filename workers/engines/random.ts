/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018) in plain 32-bit integer operations,
 * seeded through splitmix32, with independent streams obtained by the generator's jump function (each jump
 * advances the state by 2^64 draws, so stream k and stream k+1 never overlap in any realistic run).
 *
 * Everything here works on a four-word state held in an `Int32Array` so that hot kernels (see sde.ts) can copy the
 * state into local variables, run a fused loop, and write it back. No BigInt, no closures in inner loops.
 */
import { requireInteger } from './validate';

/** Largest seed accepted: seeds are integers in [0, 2^53 - 1] (a JavaScript safe integer). */
const MAX_SEED = Number.MAX_SAFE_INTEGER;
/** Largest stream index accepted (each stream costs one 128-step jump to reach). */
const MAX_STREAM = 1 << 20;

/**
 * splitmix32 finaliser (a 32-bit variant of Steele, Lea & Flood's SplitMix): state += 0x9e3779b9, then
 * z = (z ^ z>>>16) * 0x21f0aaad; z = (z ^ z>>>15) * 0x735a2d97; z ^= z>>>15.
 * Returns the mixed word for the *already advanced* state `x` (a uint32 or int32).
 */
export function splitmix32Mix(x: number): number {
  let z = x | 0;
  z ^= z >>> 16;
  z = Math.imul(z, 0x21f0aaad);
  z ^= z >>> 15;
  z = Math.imul(z, 0x735a2d97);
  z ^= z >>> 15;
  return z >>> 0;
}

function checkSeed(seed: number): void {
  requireInteger('seed', seed, 0, MAX_SEED);
}

function checkStream(stream: number): void {
  requireInteger('stream', stream, 0, MAX_STREAM);
}

/**
 * The xoshiro128** state for `seed` on stream `stream`: the four words are successive splitmix32 outputs of a
 * counter started at (low 32 bits of seed) xor mix(high 21 bits of seed) (as SplitMix seeds xoshiro in its
 * authors' reference code; seeds below 2^32 give distinct starting states), then the state is jumped `stream` times (2^64 draws per jump).
 */
export function seedState(seed: number, stream = 0): Int32Array {
  checkSeed(seed);
  checkStream(stream);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  let counter = (lo ^ splitmix32Mix(hi + 0x6a09e667)) >>> 0;
  const st = new Int32Array(4);
  for (let i = 0; i < 4; i++) {
    counter = (counter + 0x9e3779b9) >>> 0;
    st[i] = splitmix32Mix(counter) | 0;
  }
  // The all-zero state is the one fixed point of xoshiro; splitmix32 is a bijection of distinct counters, so four
  // zero words cannot happen, but guard anyway.
  if ((st[0] | st[1] | st[2] | st[3]) === 0) st[0] = 1;
  for (let k = 0; k < stream; k++) jumpState(st);
  return st;
}

/**
 * One xoshiro128** step on `st` (in place); returns the 32-bit output as a uint32.
 * result = rotl(s1 * 5, 7) * 9; t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11).
 */
export function nextU32(st: Int32Array): number {
  const s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  const m = Math.imul(s1, 5);
  const r = Math.imul((m << 7) | (m >>> 25), 9);
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  st[0] = s0 ^ s3;
  st[1] = s1;
  st[2] = s2 ^ t;
  st[3] = (s3 << 11) | (s3 >>> 21);
  return r >>> 0;
}

const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];

/** Advances `st` by 2^64 steps in place (xoshiro128**'s jump polynomial). */
export function jumpState(st: Int32Array): void {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let w = 0; w < 4; w++) {
    const word = JUMP[w];
    for (let bit = 0; bit < 32; bit++) {
      if ((word >>> bit) & 1) {
        a ^= st[0];
        b ^= st[1];
        c ^= st[2];
        d ^= st[3];
      }
      nextU32(st);
    }
  }
  st[0] = a;
  st[1] = b;
  st[2] = c;
  st[3] = d;
}

const TWO_M32 = 2.3283064365386963e-10; // 2^-32
const TWO_M53 = 1.1102230246251565e-16; // 2^-53

/**
 * A seeded xoshiro128** generator. `state` is exposed so that fused kernels can load it into locals and store it
 * back; any code that does so must leave it consistent.
 */
export class Rng {
  readonly state: Int32Array;

  /** Stream `stream` (default 0) of the generator seeded with `seed`; see `seedState`. */
  constructor(seed: number, stream = 0) {
    this.state = seedState(seed, stream);
  }

  /** A generator continuing from a copy of a raw state (four words, not all zero). */
  static fromState(state: ArrayLike<number>): Rng {
    if (state.length !== 4) throw new Error(`an xoshiro128** state has 4 words; got ${state.length}`);
    const r = new Rng(0);
    for (let i = 0; i < 4; i++) r.state[i] = state[i] | 0;
    if ((r.state[0] | r.state[1] | r.state[2] | r.state[3]) === 0) {
      throw new Error('an xoshiro128** state must not be all zero');
    }
    return r;
  }

  /** A copy of this generator (same state, independent from now on). */
  clone(): Rng {
    return Rng.fromState(this.state);
  }

  /** Uniform uint32 in [0, 2^32). */
  nextU32(): number {
    return nextU32(this.state);
  }

  /** Uniform double in [0, 1) with 53 random bits (two draws). */
  uniform(): number {
    const hi = nextU32(this.state) >>> 5; // 27 bits
    const lo = nextU32(this.state) >>> 6; // 26 bits
    return (hi * 67108864 + lo) * TWO_M53;
  }

  /** Uniform double in (0, 1) from one 32-bit draw: (u + 1/2) 2^-32. Never 0 or 1: safe inside log. */
  uniformOpen(): number {
    return (nextU32(this.state) + 0.5) * TWO_M32;
  }

  /** Advances this generator by 2^64 draws. */
  jump(): void {
    jumpState(this.state);
  }
}

/** `count` generators on streams 0..count-1 of one seed: independent, non-overlapping, for parallel workers. */
export function rngStreams(seed: number, count: number): Rng[] {
  requireInteger('stream count', count, 1, 4096);
  const first = new Rng(seed);
  const out: Rng[] = [first];
  for (let k = 1; k < count; k++) {
    const next = out[k - 1].clone();
    next.jump();
    out.push(next);
  }
  return out;
}
