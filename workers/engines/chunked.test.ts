import { describe, expect, it } from 'vitest';
import { runToEnd, within, type Chunked } from './chunked';

function* job(ps: number[], result: string): Chunked<string> {
  for (const p of ps) yield p;
  return result;
}

describe('within', () => {
  it('maps each progress p of the job to lo + (hi - lo) p and returns its result', () => {
    const seen: number[] = [];
    const r = runToEnd(within(job([0, 0.25, 0.5, 1], 'done'), 0.2, 0.6), (f) => seen.push(f));
    expect(r).toBe('done');
    expect(seen).toHaveLength(4);
    [0.2, 0.3, 0.4, 0.6].forEach((v, i) => expect(seen[i]).toBeCloseTo(v, 15));
  });

  it('passes a job that never yields straight through', () => {
    const seen: number[] = [];
    expect(runToEnd(within(job([], 'x'), 0, 1), (f) => seen.push(f))).toBe('x');
    expect(seen).toEqual([]);
  });

  it('composes with yield*: consecutive parts give a monotone overall progress from 0 to 1', () => {
    function* outer(): Chunked<string[]> {
      const a = yield* within(job([0, 0.5, 1], 'a'), 0, 0.5);
      const b = yield* within(job([0.5, 1], 'b'), 0.5, 1);
      return [a, b];
    }
    const seen: number[] = [];
    expect(runToEnd(outer(), (f) => seen.push(f))).toEqual(['a', 'b']);
    expect(seen).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('nests: a part of a part', () => {
    const seen: number[] = [];
    runToEnd(within(within(job([0.5], ''), 0.5, 1), 0, 0.5), (f) => seen.push(f));
    expect(seen).toEqual([0.375]);
  });
});
