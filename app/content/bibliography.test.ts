import { describe, expect, it } from 'vitest';
import { bibliography, citeAuthors } from './bibliography';

describe('citation names', () => {
  it('uses surnames, drops suffixes and "(eds.)", and takes an explicit short form', () => {
    expect(citeAuthors({ authors: 'R. Bellman' })).toBe('Bellman');
    expect(citeAuthors({ authors: 'W. H. Fleming and H. M. Soner' })).toBe('Fleming & Soner');
    expect(citeAuthors({ authors: 'J. L. Kelly Jr.' })).toBe('Kelly');
    expect(citeAuthors({ authors: 'L. C. MacLean, E. O. Thorp and W. T. Ziemba (eds.)' })).toBe('MacLean et al.');
    expect(citeAuthors({ authors: 'D. López Montero', short: 'López Montero' })).toBe('López Montero');
  });
  it('every entry has a unique id and a citation name', () => {
    const ids = bibliography.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of bibliography) expect(citeAuthors(b)).toMatch(/^\p{Lu}/u);
  });
});
