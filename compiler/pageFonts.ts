/**
 * Each page's own cut of KaTeX's fonts. The book-wide files (subsetFonts.ts) keep every character the book sets, and
 * a chapter's first screen asks for five or six of them: 54 kB on chapter 4, more than half of what its first paint
 * waits for beyond the page itself. Cut down to the characters of that page's own formulas, the same files are 18 kB.
 *
 * A page's cut is declared after the book-wide file, for the same family, weight and style, with a `unicode-range` of
 * exactly its characters. For each character the browser takes the last declared face whose range holds it, so the
 * page's formulas are set from its own cut, and the book-wide file loads only for a character the cut lacks: one a
 * live figure writes in a state other than its default. A character is never without its glyph.
 *
 * Which element is set in which file follows KaTeX's own style sheet: each rule's family, weight and style, inherited
 * as CSS inherits them (`.katex` sets KaTeX_Main upright; `.mathnormal` sets KaTeX_Math italic; `.textbf` only the
 * weight).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import { parseUnicodeRange, SUBSET_OPTIONS, unicodeRange } from './subsetFonts.ts';

/** What one rule of katex.css sets for an element with all of `classes`. */
export interface FontDeclaration {
  classes: string[];
  family?: string;
  bold?: boolean;
  italic?: boolean;
}

/** The rules of katex.css that set a font's family, weight or style (each selector's last compound, as its classes). */
export function katexFontDeclarations(css: string): FontDeclaration[] {
  const declarations: FontDeclaration[] = [];
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (selectors.includes('@font-face')) continue;
    const family = /font-family:\s*(KaTeX_\w+)/.exec(body)?.[1];
    const weight = /font-weight:\s*(\w+)/.exec(body)?.[1];
    const style = /font-style:\s*(\w+)/.exec(body)?.[1];
    if (!family && !weight && !style) continue;
    for (const selector of selectors.split(',')) {
      const compounds = selector
        .trim()
        .split(/\s*>\s*|\s+/)
        .filter((c) => c.startsWith('.') && c !== '.katex');
      const last = compounds.at(-1);
      if (!last) continue;
      declarations.push({
        classes: last.slice(1).split('.'),
        ...(family && { family }),
        ...(weight && { bold: weight === 'bold' || Number(weight) >= 600 }),
        ...(style && { italic: style === 'italic' }),
      });
    }
  }
  return declarations;
}

let installed: FontDeclaration[] | null = null;
function installedDeclarations(): FontDeclaration[] {
  installed ??= katexFontDeclarations(readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.css'), 'utf8'));
  return installed;
}

/**
 * 'KaTeX_Main', bold, upright → 'KaTeX_Main-Bold', as KaTeX names its files. KaTeX_Math has italic faces only, which
 * the browser takes for upright text too.
 */
function fileStem(family: string, bold: boolean, italic: boolean): string {
  const slanted = italic || family === 'KaTeX_Math';
  return `${family}-${bold && slanted ? 'BoldItalic' : bold ? 'Bold' : slanted ? 'Italic' : 'Regular'}`;
}

interface Font {
  family: string;
  bold: boolean;
  italic: boolean;
  /** The font files the browser falls back to, in order, for a character the first lacks. */
  fallback: readonly string[];
}

/** Where a formula starts: KaTeX's own root sets its main font, upright. */
const KATEX_ROOT: Font = { family: 'KaTeX_Main', bold: false, italic: false, fallback: [] };

/**
 * Text outside formulas that the book's style sheet sets in KaTeX's fonts: a parameter's symbol beside its slider
 * (book.css, `.slider-label .symbol`: KaTeX_Math upright, then KaTeX_Main).
 */
const BOOK_ROOTS: readonly { class: string; font: Font }[] = [
  { class: 'symbol', font: { family: 'KaTeX_Math', bold: false, italic: false, fallback: ['KaTeX_Main-Regular'] } },
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The characters a page sets in KaTeX's fonts, keyed by the font files it asks for them, in order of preference
 * ('KaTeX_Math-Italic', or 'KaTeX_Math-Italic,KaTeX_Main-Regular' where the style sheet names a fallback). KaTeX's
 * MathML copies are left out: the browser never lays them out in KaTeX's fonts.
 */
export function katexCharacters(html: string, declarations: readonly FontDeclaration[] = installedDeclarations()): Map<string, Set<string>> {
  const markup = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/g, '');
  const found = new Map<string, Set<string>>();
  // The open elements, each with the font it sets its text in (null outside formulas).
  const open: { tag: string; font: Font | null }[] = [];
  let at = 0;
  for (const tag of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const font = open.at(-1)?.font;
    if (font) {
      const stems = [fileStem(font.family, font.bold, font.italic), ...font.fallback].join(',');
      // Spaces too: the browser takes a space's width from the face whose range holds it.
      const text = decode(markup.slice(at, tag.index)).replace(/[\t\n\r]/g, ' ');
      for (const c of text) (found.get(stems) ?? found.set(stems, new Set()).get(stems)!).add(c);
    }
    at = tag.index + tag[0].length;
    const [, closing, name, attributes] = tag;
    if (closing) {
      const index = open.findLastIndex((e) => e.tag === name);
      if (index >= 0) open.length = index;
      continue;
    }
    if (VOID.has(name) || attributes.endsWith('/')) continue;
    const classes = new Set((/\bclass="([^"]*)"/.exec(attributes)?.[1] ?? '').split(/\s+/));
    const root = classes.has('katex') ? KATEX_ROOT : BOOK_ROOTS.find((r) => classes.has(r.class))?.font;
    let next: Font | null = root ?? font ?? null;
    if (next && !root) {
      for (const d of declarations) {
        if (!d.classes.every((c) => classes.has(c))) continue;
        next = { family: d.family ?? next.family, bold: d.bold ?? next.bold, italic: d.italic ?? next.italic, fallback: [] };
      }
    }
    open.push({ tag: name, font: next });
  }
  return found;
}

/**
 * Characters a page's cut of KaTeX's main font always keeps, though its formulas may not show them: what a live
 * figure's readouts write as its values change.
 */
const MAIN_ALWAYS = '0123456789.,+-=()[]\u2212';

/** A page's own font faces: the `@font-face` rules, and the file each font stem is set from on this page. */
export interface PageFonts {
  faces: string;
  files: Map<string, string>;
}

/**
 * Cuts the book-wide KaTeX files down to the characters of one page's formulas, writes each cut into `assetsDir`
 * (named by its bytes, so pages with the same characters share a file), and gives the rules that declare them.
 * `bookFaces` are the book-wide rules, naming their files as `./assets/<file>`.
 */
export async function pageFontFaces(body: string, bookFaces: string, assetsDir: string): Promise<PageFonts> {
  const rules = bookFaces.match(/@font-face\s*\{[^}]*\}/g) ?? [];
  const bookWide = new Map<string, { rule: string; file: string; has: Set<number> }>();
  const bookFile = (stem: string) => {
    if (!bookWide.has(stem)) {
      const file = new RegExp(`\\./assets/(${stem}-[\\w-]{8}\\.woff2)`);
      const rule = rules.find((r) => file.test(r));
      // A face the book-wide rules do not have (KaTeX_Math upright): the browser takes its nearest face, as before.
      if (!rule) return undefined;
      bookWide.set(stem, { rule, file: file.exec(rule)![1], has: parseUnicodeRange(/unicode-range:\s*([^;}]*)/.exec(rule)?.[1] ?? '') });
    }
    return bookWide.get(stem);
  };
  // Each character goes to the first file in its list that has it, as the browser looks for it. A face whose range
  // claimed a character its font lacks would send the browser on to the book-wide file, which would load for nothing.
  const found = katexCharacters(body);
  if (!found.size) return { faces: '', files: new Map() }; // a page without formulas
  const wanted = new Map<string, Set<string>>([['KaTeX_Main-Regular', new Set(MAIN_ALWAYS)]]);
  for (const [stems, chars] of found) {
    for (const c of chars) {
      const stem = stems.split(',').find((s) => bookFile(s)?.has.has(c.codePointAt(0)!));
      if (stem) (wanted.get(stem) ?? wanted.set(stem, new Set()).get(stem)!).add(c);
    }
  }
  const faces: string[] = [];
  const files = new Map<string, string>();
  for (const [stem, chars] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    const { rule, file, has } = bookFile(stem) ?? {};
    if (!rule || !file || !has) continue;
    const text = [...chars].filter((c) => has.has(c.codePointAt(0)!)).join('');
    if (!text) continue;
    const cut = await subsetFont(readFileSync(path.join(assetsDir, file)), text, SUBSET_OPTIONS);
    const name = `${stem}-page-${createHash('sha256').update(cut).digest('base64url').slice(0, 8)}.woff2`;
    writeFileSync(path.join(assetsDir, name), cut);
    files.set(stem, name);
    const body = rule
      .replace(/src:[^;}]*/, `src:url(./assets/${name})format("woff2")`)
      .replace(/;?\s*unicode-range:[^;}]*/, '')
      .replace(/;?\s*\}$/, '');
    faces.push(`${body};unicode-range:${unicodeRange(text)}}`);
  }
  return { faces: faces.join(''), files };
}
