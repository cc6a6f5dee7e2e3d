import { describe, expect, it } from 'vitest';
import { bibliography, citeAuthors, citeYears } from './bibliography';

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
  it('letters the years where two entries would cite alike, and only there', () => {
    const years = citeYears(bibliography);
    expect(years.get('bellman1952')).toBe('1952');
    expect([years.get('jiazhou2022'), years.get('jiazhou2022pg')].sort()).toEqual(['2022a', '2022b']);
    expect([years.get('song2021'), years.get('song2021mle')].sort()).toEqual(['2021a', '2021b']);
    const labels = bibliography.map((b) => `${citeAuthors(b)} ${years.get(b.id)}`);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
