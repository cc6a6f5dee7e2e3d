import { describe, expect, it } from 'vitest';
import { parseHash } from './route.ts';

describe('parseHash', () => {
  it('reads page and anchor', () => {
    expect(parseHash('#/preface/fig-ou-paths')).toEqual({ page: 'preface', anchor: 'fig-ou-paths' });
    expect(parseHash('')).toEqual({ page: '', anchor: '' });
    expect(parseHash('#/')).toEqual({ page: '', anchor: '' });
  });

  it('ignores a query string inside the hash instead of falling back to the cover', () => {
    expect(parseHash('#/preface?x=1')).toEqual({ page: 'preface', anchor: '' });
    expect(parseHash('#/preface/eq-ou?x=1')).toEqual({ page: 'preface', anchor: 'eq-ou' });
  });

  it('keeps a page name that is not a slug, so the book can say it has no such page', () => {
    expect(parseHash('#/<img src=x onerror=alert(1)>').page).toBe('<img src=x onerror=alert(1)>');
    expect(parseHash('#/%E0%A4%A').page).toBe('%E0%A4%A');
    expect(parseHash('#/' + 'x'.repeat(500) + '!').page).toHaveLength(60);
    expect(parseHash('#/preface/<b>').anchor).toBe('');
  });
});
