import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fontCharacters,
  parseUnicodeRange,
  renameReferences,
  sourceCharacters,
  subsetBuiltFonts,
  textCharacters,
  unicodeRange,
  atTwoWeights,
} from './subsetFonts.ts';

const katexFont = createRequire(import.meta.url).resolve('katex/dist/fonts/KaTeX_Main-Regular.woff2');
const katexTtf = (stem: string) => createRequire(import.meta.url).resolve(`katex/dist/fonts/${stem}.ttf`);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A built assets folder: KaTeX's main font under a Vite name, a style sheet naming it and one that does not. */
function assets(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'subset-'));
  dirs.push(dir);
  copyFileSync(katexFont, path.join(dir, 'KaTeX_Main-Regular-B22Nviop.woff2'));
  writeFileSync(
    path.join(dir, 'index-AbCd1234.css'),
    '@font-face{font-family:KaTeX_Main;src:url(./KaTeX_Main-Regular-B22Nviop.woff2) format("woff2")}.katex{font:1em KaTeX_Main}',
  );
  writeFileSync(path.join(dir, 'Other-Zz99Yy88.css'), '.x{color:red}');
  return dir;
}

describe('subsetFonts', () => {
  it('reads the characters of the text: no tags, scripts or styles, entities decoded', () => {
    const chars = textCharacters('<p title="ζ">a&amp;b&#x3b1;&#946;&lt;</p><script>ω</script><style>.ψ{}</style>');
    expect([...chars].sort().join('')).toBe([...' &<abαβ'].sort().join(''));
  });

  it('cuts a font down, names it by its new bytes, and moves the @font-face rule that names it to the pages', async () => {
    const dir = assets();
    const before = statSync(katexFont).size;
    const { renames, fontFaces } = await subsetBuiltFonts(dir, 'Bellman');
    const font = renames.get('KaTeX_Main-Regular-B22Nviop.woff2')!;
    expect(font).toMatch(/^KaTeX_Main-Regular-[\w-]{8}\.woff2$/);
    // Printable ASCII and Greek are always kept, but not the rest of KaTeX's main font (accents, symbols, Cyrillic).
    expect(statSync(path.join(dir, font)).size).toBeLessThan(0.8 * before);
    // The rule names the new file from the book's root; the style sheet keeps its name and the rest of its rules.
    expect(fontFaces).toBe(`@font-face{font-family:KaTeX_Main;src:url(./assets/${font}) format("woff2")}`);
    expect(readFileSync(path.join(dir, 'index-AbCd1234.css'), 'utf8')).toBe('.katex{font:1em KaTeX_Main}');
    expect(readdirSync(dir).sort()).toEqual([font, 'Other-Zz99Yy88.css', 'index-AbCd1234.css'].sort());
    expect(readFileSync(path.join(dir, 'Other-Zz99Yy88.css'), 'utf8')).toBe('.x{color:red}');
  });

  it('the same characters give the same file; more characters a larger one', async () => {
    const [a, b, c] = [assets(), assets(), assets()];
    const name = async (dir: string, chars: string) => (await subsetBuiltFonts(dir, chars)).renames.get('KaTeX_Main-Regular-B22Nviop.woff2')!;
    const [first, again, more] = [await name(a, 'x'), await name(b, 'x'), await name(c, 'x∑∫∂∇≤≥√∞')];
    expect(again).toBe(first);
    expect(statSync(path.join(c, more)).size).toBeGreaterThan(statSync(path.join(a, first)).size);
  });

  it('renames every reference in a page', () => {
    const renames = new Map([['a-11111111.css', 'a-22222222.css']]);
    expect(renameReferences('<link href="./assets/a-11111111.css"><link href="../assets/a-11111111.css">', renames)).toBe(
      '<link href="./assets/a-22222222.css"><link href="../assets/a-22222222.css">',
    );
  });
});

describe('what a font has, and ranges of characters', () => {
  it("reads a font's characters from its cmap", () => {
    const math = fontCharacters(readFileSync(katexTtf('KaTeX_Math-Italic')));
    const size = fontCharacters(readFileSync(katexTtf('KaTeX_Size1-Regular')));
    expect([...'aZσΓ'].every((c) => math.has(c.codePointAt(0)!))).toBe(true);
    expect(math.has('∑'.codePointAt(0)!)).toBe(false);
    expect(size.has('∑'.codePointAt(0)!)).toBe(true);
    expect(size.has('a'.codePointAt(0)!)).toBe(false);
  });

  it('writes characters as a unicode-range, and reads one back', () => {
    expect(unicodeRange('σ)(+ab c')).toBe('U+20,U+28-29,U+2B,U+61-63,U+3C3');
    expect(parseUnicodeRange('U+20,U+28-29,U+3C3')).toEqual(new Set([0x20, 0x28, 0x29, 0x3c3]));
    expect(parseUnicodeRange('U+??,U+1F?')).toEqual(new Set([...Array.from({ length: 256 }, (_, i) => i), ...Array.from({ length: 16 }, (_, i) => 0x1f0 + i)]));
    expect(() => parseUnicodeRange('U+12-')).toThrow(/cannot read/);
    expect(() => parseUnicodeRange('U+1?-FF')).toThrow(/cannot read/);
  });

  it('gives a KaTeX rule the range of what its cut keeps and its font has, so a character it lacks loads nothing', async () => {
    const dir = assets();
    copyFileSync(katexTtf('KaTeX_Main-Regular'), path.join(dir, 'KaTeX_Main-Regular-Tt11Tt11.ttf'));
    writeFileSync(
      path.join(dir, 'index-AbCd1234.css'),
      '@font-face{font-family:KaTeX_Main;src:url(./KaTeX_Main-Regular-B22Nviop.woff2)format("woff2"),url(./KaTeX_Main-Regular-Tt11Tt11.ttf)format("truetype")}',
    );
    const { fontFaces } = await subsetBuiltFonts(dir, 'ℝ');
    const range = parseUnicodeRange(/unicode-range:([^;}]*)/.exec(fontFaces)![1]);
    expect(range.has('a'.codePointAt(0)!)).toBe(true); // printable ASCII is always kept
    expect(range.has('ℝ'.codePointAt(0)!)).toBe(false); // kept, but not in KaTeX's main font (\mathbb{R} is AMS's R)
    expect(range.has('≤'.codePointAt(0)!)).toBe(false); // in the font, but no page sets it
  });

  it("splits an italic's rule in two: its instance at 400 for the text, the one at 600 for every weight from 500", () => {
    const face =
      '@font-face{font-family:"Source Serif 4 Variable";font-style:italic;font-weight:200 900;src:url(./s-wght-italic-Aa11Bb22.woff2)format("woff2-variations");unicode-range:U+0-FF}';
    const [text, headings] = atTwoWeights(face, new Map([['s-wght-italic-Aa11Bb22.woff2', 's-wght-italic-600-Cc33Dd44.woff2']]));
    expect(text).toBe(face.replace('font-weight:200 900', 'font-weight:400').replace('woff2-variations', 'woff2'));
    expect(headings).toBe(
      '@font-face{font-family:"Source Serif 4 Variable";font-style:italic;font-weight:500 900;src:url(./s-wght-italic-600-Cc33Dd44.woff2)format("woff2");unicode-range:U+0-FF}',
    );
    expect(atTwoWeights('@font-face{src:url(./other.woff2)}', new Map([['s-wght-italic-Aa11Bb22.woff2', 'x']]))).toEqual([
      '@font-face{src:url(./other.woff2)}',
    ]);
  });

  it('cuts an italic file into two instances, at 400 and at 600, each far smaller than the variable file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'subset-'));
    dirs.push(dir);
    const variable = createRequire(import.meta.url).resolve('@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2');
    copyFileSync(variable, path.join(dir, 'source-serif-4-latin-wght-italic-Zz00Zz00.woff2'));
    writeFileSync(
      path.join(dir, 'index-AbCd1234.css'),
      '@font-face{font-family:S;font-weight:200 900;src:url(./source-serif-4-latin-wght-italic-Zz00Zz00.woff2)format("woff2-variations")}',
    );
    const { renames, fontFaces } = await subsetBuiltFonts(dir, 'Bellman');
    const text = renames.get('source-serif-4-latin-wght-italic-Zz00Zz00.woff2')!;
    const heading = readdirSync(dir).find((f) => f.startsWith('source-serif-4-latin-wght-italic-600-'))!;
    expect(text).toMatch(/^source-serif-4-latin-wght-italic-400-[\w-]{8}\.woff2$/);
    expect(fontFaces).toBe(
      `@font-face{font-family:S;font-weight:400;src:url(./assets/${text})format("woff2")}@font-face{font-family:S;font-weight:500 900;src:url(./assets/${heading})format("woff2")}`,
    );
    for (const file of [text, heading]) expect(statSync(path.join(dir, file)).size).toBeLessThan(0.6 * statSync(variable).size);
    expect(readdirSync(dir)).not.toContain('source-serif-4-latin-wght-italic-Zz00Zz00.woff2');
  });
});

describe('sourceCharacters', () => {
  it('collects the characters beyond ASCII that the sources write, tests left out', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sources-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'Notice.tsx'), 'const t = `“${x}” ↑`;');
    writeFileSync(path.join(dir, 'Notice.test.tsx'), 'expect("≫")');
    writeFileSync(path.join(dir, 'notes.txt'), '∞');
    expect([...sourceCharacters([dir])].sort()).toEqual(['“', '”', '↑'].sort());
  });
});

describe('subsetBuiltFonts refuses', () => {
  it('a script that names a cut-down font: it would ask for a file that is gone', async () => {
    const dir = assets();
    writeFileSync(path.join(dir, 'index-Qq11Ww22.js'), 'const font = "assets/KaTeX_Main-Regular-B22Nviop.woff2";');
    await expect(subsetBuiltFonts(dir, 'x')).rejects.toThrow(/index-Qq11Ww22\.js names KaTeX_Main-Regular-B22Nviop\.woff2/);
  });

  it('a style sheet that names a cut-down font outside an @font-face rule', async () => {
    const dir = assets();
    writeFileSync(path.join(dir, 'Other-Zz99Yy88.css'), '.x{background:url(./KaTeX_Main-Regular-B22Nviop.woff2)}');
    await expect(subsetBuiltFonts(dir, 'x')).rejects.toThrow(/Other-Zz99Yy88\.css names KaTeX_Main-Regular-B22Nviop\.woff2 outside/);
  });

  it('nothing, when a script names the style sheet: it keeps its name', async () => {
    const dir = assets();
    writeFileSync(path.join(dir, 'index-Qq11Ww22.js'), 'const deps = ["assets/index-AbCd1234.css"];');
    await expect(subsetBuiltFonts(dir, 'x')).resolves.toBeTruthy();
  });
});
