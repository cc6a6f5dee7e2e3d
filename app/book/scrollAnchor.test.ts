import { describe, expect, it } from 'vitest';
import { readAnchor } from './scrollAnchor.ts';

describe('reading a remembered place from a history entry', () => {
  it('takes a well-formed anchor', () => {
    expect(readAnchor({ scrollY: 900, anchor: { index: 12, offset: -40 } })).toEqual({ index: 12, offset: -40 });
  });
  it('ignores old entries and garbled states', () => {
    for (const state of [
      null,
      undefined,
      3,
      'x',
      {},
      { anchor: null },
      { anchor: { index: -1, offset: 0 } },
      { anchor: { index: 1.5, offset: 0 } },
      { anchor: { index: 2, offset: NaN } },
      { anchor: { index: '2', offset: 0 } },
    ])
      expect(readAnchor(state)).toBeNull();
  });
});
