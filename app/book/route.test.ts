import { afterEach, describe, expect, it } from 'vitest';
import { bookRoot, chapterHref, glossaryHref, lectureOf, lecturePage, pageOfPath, setServerPage } from './route.ts';

describe('addresses', () => {
  afterEach(() => setServerPage(null));

  it('a path names the page in its last folder, whatever folder the book lives in', () => {
    expect(pageOfPath('/preface/')).toBe('preface');
    expect(pageOfPath('/book/preface/index.html')).toBe('preface');
    expect(pageOfPath('/glossary')).toBe('glossary');
    expect(pageOfPath('/')).toBe('');
    expect(pageOfPath('/book/')).toBe('');
    expect(pageOfPath('/%E0%A4%A/')).toBe('');
    expect(pageOfPath('/<img src=x onerror=alert(1)>/')).toBe('');
  });

  it('links from the cover go down into a folder, links from a page go up and down', () => {
    setServerPage('');
    expect(chapterHref('preface')).toBe('./preface/');
    expect(chapterHref('preface', 'eq-ou')).toBe('./preface/#eq-ou');
    expect(chapterHref('')).toBe('./');
    setServerPage('noise');
    expect(bookRoot()).toBe('../');
    expect(chapterHref('preface', 'eq-ou')).toBe('../preface/#eq-ou');
    expect(glossaryHref('generator')).toBe('../glossary/#term-generator');
    expect(chapterHref('')).toBe('../');
  });

  it('a place on the same page is its fragment alone, so the figures in the query string stay', () => {
    setServerPage('noise');
    expect(chapterHref('noise', 'eq-ito')).toBe('#eq-ito');
    expect(chapterHref('noise')).toBe('../noise/');
  });

  it("a chapter's lecture is the folder lecture/ inside the chapter's, and links from it go up two folders", () => {
    expect(pageOfPath('/noise/lecture/')).toBe('noise/lecture');
    expect(pageOfPath('/book/noise/lecture/index.html')).toBe('noise/lecture');
    expect(pageOfPath('/lecture/')).toBe('');
    expect(pageOfPath('/no-such-chapter/lecture/')).toBe('');
    expect(lectureOf('noise/lecture')).toBe('noise');
    expect(lectureOf('noise')).toBeNull();
    setServerPage(lecturePage('noise'));
    expect(bookRoot()).toBe('../../');
    expect(chapterHref('noise', 'eq-ito')).toBe('../../noise/#eq-ito');
  });

  it('the 404 page, served at any address, links from the host root', () => {
    setServerPage('404');
    expect(chapterHref('preface')).toBe('/preface/');
  });
});
