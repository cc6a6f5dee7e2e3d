import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { katexFontDeclarations, pageCharacters, pageFontFaces } from './pageFonts.ts';
import { fontCharacters, parseUnicodeRange, unicodeRange } from './subsetFonts.ts';

const katexFont = (file: string) => createRequire(import.meta.url).resolve(`katex/dist/fonts/${file}`);
const formula = (inner: string) =>
  `<span class="katex"><span class="katex-mathml"><math><mi>ζ</mi></math></span><span class="katex-html">${inner}</span></span>`;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('katexFontDeclarations', () => {
  it("reads each rule's family, weight and style, as far as it sets them", () => {
    const css =
      '.katex .textbf{font-weight:bold}.katex .mathnormal{font-family:KaTeX_Math;font-style:italic}' +
      '.katex .delimsizing.size1{font-family:KaTeX_Size1}.katex .vlist{display:block}@font-face{font-family:KaTeX_AMS;src:url(x.woff2)}';
    expect(katexFontDeclarations(css)).toEqual([
      { classes: ['textbf'], bold: true },
      { classes: ['mathnormal'], family: 'KaTeX_Math', italic: true },
      { classes: ['delimsizing', 'size1'], family: 'KaTeX_Size1' },
    ]);
  });
});

describe('pageCharacters', () => {
  it('follows how CSS inherits: a formula starts upright in the main font; a class sets what it sets; MathML does not count', () => {
    const html =
      `<p>Prose ${formula('<span class="mord mathnormal">x</span><span class="mbin">+</span><span class="mord text"><span class="mord textbf">B&amp;d</span></span>')}</p>` +
      formula(
        '<span class="mord mathrm">R</span><span class="mord mathnormal"><span class="mord mathrm">Q</span></span><span class="delimsizing size1">∑</span><span class="mspace"> </span>',
      );
    const found = Object.fromEntries([...pageCharacters(html)].map(([stems, chars]) => [stems, [...chars].sort().join('')]));
    expect(found).toEqual({
      body: ' Peors',
      'KaTeX_Math-Italic': 'Qx', // Q upright in KaTeX_Math, which has only italic faces
      'KaTeX_Main-Regular': ' +R',
      'KaTeX_Main-Bold': '&Bd',
      'KaTeX_Size1-Regular': '∑',
    });
  });

  it("adds a parameter's symbol beside its slider, set in the math font and then the main one", () => {
    const found = pageCharacters('<label class="slider-label"><span class="symbol">q<sub>T</sub></span> words</label>');
    expect([...found]).toEqual([
      ['KaTeX_Math-Italic,KaTeX_Main-Regular', new Set('qT')],
      ['body', new Set(' words')],
    ]);
  });

  it('files the body text as regular or italic (emphasis, citations), bold text with the regular, and leaves code out', () => {
    const found = pageCharacters('<h1>Ab</h1><p>c <em>d<strong>X</strong></em> <cite>e</cite> <code>zz</code><pre>qq</pre></p>');
    expect(Object.fromEntries([...found].map(([key, chars]) => [key, [...chars].sort().join('')]))).toEqual({ body: ' Abc', 'body-italic': 'de' });
  });
});

describe('pageFontFaces', () => {
  it("cuts the book-wide file down to the page's characters, with exactly those the font has as its range", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'page-fonts-'));
    dirs.push(dir);
    copyFileSync(katexFont('KaTeX_Math-Italic.woff2'), path.join(dir, 'KaTeX_Math-Italic-Aa11Bb22.woff2'));
    copyFileSync(katexFont('KaTeX_Main-Regular.woff2'), path.join(dir, 'KaTeX_Main-Regular-Cc33Dd44.woff2'));
    const has = (file: string) => fontCharacters(readFileSync(katexFont(file)));
    const book = (family: string, file: string, ttf: string) =>
      `@font-face{font-display:block;font-family:${family};font-style:normal;font-weight:400;src:url(./assets/${file})format("woff2");unicode-range:${unicodeRange([...has(ttf)].map((c) => String.fromCodePoint(c)))}}`;
    const bookFaces =
      book('KaTeX_Math', 'KaTeX_Math-Italic-Aa11Bb22.woff2', 'KaTeX_Math-Italic.ttf') +
      book('KaTeX_Main', 'KaTeX_Main-Regular-Cc33Dd44.woff2', 'KaTeX_Main-Regular.ttf');
    // σ is in the math italic; ± is not, and falls to the main font; ☃ is in neither, and is left to the browser.
    const body = `<main>${formula('<span class="mord mathnormal">σy</span><span class="mbin">≤</span>')}<span class="symbol">±☃</span></main>`;
    const { faces, files } = await pageFontFaces(body, bookFaces, dir);
    expect([...files.keys()]).toEqual(['KaTeX_Main-Regular', 'KaTeX_Math-Italic']);
    const rules = faces.match(/@font-face\{[^}]*\}/g)!;
    const range = (stem: string) => parseUnicodeRange(/unicode-range:([^;}]*)/.exec(rules.find((r) => r.includes(stem))!)![1]);
    expect(range('KaTeX_Math-Italic')).toEqual(new Set([...'σy'].map((c) => c.codePointAt(0)!)));
    const main = range('KaTeX_Main-Regular');
    expect(['≤', '±', '0', '9', '−'].every((c) => main.has(c.codePointAt(0)!))).toBe(true); // the page's, and a readout's digits
    expect(main.has('☃'.codePointAt(0)!)).toBe(false);
    for (const rule of rules)
      expect(rule).toMatch(
        /^@font-face\{font-display:block;font-family:KaTeX_\w+;font-style:normal;font-weight:400;src:url\(\.\/assets\/KaTeX_[\w-]+-page-[\w-]{8}\.woff2\)format\("woff2"\);unicode-range:[^;]+\}$/,
      );
    const own = path.join(dir, files.get('KaTeX_Math-Italic')!);
    expect(statSync(own).size).toBeLessThan(0.5 * statSync(path.join(dir, 'KaTeX_Math-Italic-Aa11Bb22.woff2')).size);
  });

  it('gives a page without formulas no faces of its own', async () => {
    expect(await pageFontFaces('<main><p>No math here.</p></main>', '', '/nonexistent')).toEqual({ faces: '', files: new Map() });
  });
});
