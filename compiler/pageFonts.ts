/**
 * Each page's own cut of the fonts its first screen asks for: KaTeX's, and the body text's regular and italic. The
 * book-wide files (subsetFonts.ts) keep every character the book sets; chapter 4's first screen asked for 53 kB of
 * them, and Lighthouse's simulated slow 4G line counts every byte of that into the largest paint. Cut down to the
 * characters of the page itself, the same faces are about 40 kB.
 *
 * A page's cut is declared after the book-wide file, for the same family, weight and style, with a `unicode-range` of
 * exactly the characters it has. For each character the browser takes the last declared face whose range holds it, so
 * the page is set from its own cuts, and a book-wide file loads only for a character the cut lacks: one a live figure
 * or notice writes that the page as built does not show. A character is never without its glyph.
 *
 * Which text is set in which file: inside formulas, KaTeX's own style sheet, each rule's family, weight and style
 * inherited as CSS inherits them (`.katex` sets KaTeX_Main upright; `.mathnormal` sets KaTeX_Math italic; `.textbf`
 * only the weight). Outside, the body font, italic inside the elements browsers set in italic (`em`, `i`, `cite`…);
 * code is set in the monospace font and left out. Text in the UI font (a system font) is counted as body text too:
 * a few characters more in the cut, and nothing missing.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import { decodeEntities, fontCharacters, parseUnicodeRange, SUBSET_OPTIONS, unicodeRange } from './subsetFonts.ts';

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

/** The body text's font, in the keys `pageCharacters` gives: its regular ('body') and its italic ('body-italic'). */
const BODY = 'body';
const BODY_TEXT: Font = { family: BODY, bold: false, italic: false, fallback: [] };
const ITALIC_TAGS = new Set(['em', 'i', 'cite', 'dfn', 'var', 'address']);
const BOLD_TAGS = new Set(['strong', 'b', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CODE_TAGS = new Set(['pre', 'code', 'kbd', 'samp']);

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

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The key under which `pageCharacters` files text set in `font`. */
function fontKey(font: Font): string | null {
  if (font.family === BODY) return font.bold && font.italic ? null : font.italic ? 'body-italic' : BODY; // heavy italic: rare, left to the book-wide file
  return [fileStem(font.family, font.bold, font.italic), ...font.fallback].join(',');
}

/** The font an element sets its text in, given its parent's (null: not one of ours, as code). */
function elementFont(name: string, classes: ReadonlySet<string>, parent: Font | null, declarations: readonly FontDeclaration[]): Font | null {
  if (classes.has('katex')) return KATEX_ROOT;
  const root = BOOK_ROOTS.find((r) => classes.has(r.class))?.font;
  if (root) return root;
  if (!parent) return null;
  if (parent.family === BODY) {
    if (CODE_TAGS.has(name)) return null;
    if (ITALIC_TAGS.has(name) || BOLD_TAGS.has(name))
      return { ...parent, italic: parent.italic || ITALIC_TAGS.has(name), bold: parent.bold || BOLD_TAGS.has(name) };
    return parent;
  }
  let font = parent;
  for (const d of declarations) {
    if (!d.classes.every((c) => classes.has(c))) continue;
    font = { family: d.family ?? font.family, bold: d.bold ?? font.bold, italic: d.italic ?? font.italic, fallback: [] };
  }
  return font;
}

/**
 * The characters a page sets, keyed by the font files it asks for them, in order of preference: a formula's
 * 'KaTeX_Math-Italic', or 'KaTeX_Math-Italic,KaTeX_Main-Regular' where the style sheet names a fallback; the body
 * text's 'body' and 'body-italic'. KaTeX's MathML copies are left out: the browser never lays them out.
 */
export function pageCharacters(html: string, declarations: readonly FontDeclaration[] = installedDeclarations()): Map<string, Set<string>> {
  const markup = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/g, '');
  const found = new Map<string, Set<string>>();
  // The open elements, each with the font it sets its text in.
  const open: { tag: string; font: Font | null }[] = [];
  let at = 0;
  for (const tag of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const font = open.length ? open.at(-1)!.font : BODY_TEXT;
    const key = font && fontKey(font);
    if (key) {
      // Spaces too: the browser takes a space's width from the face whose range holds it.
      const text = decodeEntities(markup.slice(at, tag.index)).replace(/[\t\n\r]/g, ' ');
      for (const c of text) (found.get(key) ?? found.set(key, new Set()).get(key)!).add(c);
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
    open.push({ tag: name, font: elementFont(name, classes, font, declarations) });
  }
  return found;
}

/** A page's own font faces: the `@font-face` rules, and the file each font stem is set from on this page. */
export interface PageFonts {
  faces: string;
  files: Map<string, string>;
}

/** The book-wide files a key of `pageCharacters` stands for, by stem: the body font's, one per script it covers. */
const BODY_FILES: Record<string, RegExp> = {
  body: /^source-serif-4-[\w-]+-wght-normal$/,
  'body-italic': /^source-serif-4-[\w-]+-wght-italic-400$/,
};

/**
 * Characters the page's cut of a file always keeps beyond the page's own: what live parts write as values change (a
 * figure's readouts in KaTeX's main font; notices and labels in the body text).
 */
const ALWAYS: Record<string, string> = {
  'KaTeX_Main-Regular': '0123456789.,+-=()[]\u2212',
  'source-serif-4-latin-wght-normal': Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCodePoint(0x20 + i)).join(''),
};

/*
 * The book-wide files are named by their bytes (`<stem>-<hash>.woff2`), so what is read or cut from one file name
 * holds for the whole build: a file's coverage is read once, not once per page, and pages with the same characters
 * share one cut. Cutting the 26 pages' fonts took 5.0 s with these, 5.9 s without.
 */
const coverages = new Map<string, Promise<Set<number>>>();
const cuts = new Map<string, Promise<string>>();

/** The characters among `asked` that the font file `file` has glyphs for. */
function coverage(file: string, asked: string): Promise<Set<number>> {
  const key = `${file}\0${asked}`;
  let has = coverages.get(key);
  if (!has) {
    has = subsetFont(readFileSync(file), asked, { ...SUBSET_OPTIONS, targetFormat: 'sfnt' }).then((sfnt) => fontCharacters(Buffer.from(sfnt)));
    coverages.set(key, has);
  }
  return has;
}

/** Writes the cut of book-wide `file` to `text` into `assetsDir` and gives its name, named by its bytes. */
function writeCut(assetsDir: string, file: string, stem: string, text: string): Promise<string> {
  const key = `${path.join(assetsDir, file)}\0${text}`;
  let name = cuts.get(key);
  if (!name) {
    name = subsetFont(readFileSync(path.join(assetsDir, file)), text, SUBSET_OPTIONS).then((cut) => {
      const named = `${stem}-page-${createHash('sha256').update(cut).digest('base64url').slice(0, 8)}.woff2`;
      writeFileSync(path.join(assetsDir, named), cut);
      return named;
    });
    cuts.set(key, name);
  }
  return name;
}

/**
 * Cuts the book-wide files down to the characters of one page, writes each cut into `assetsDir` (named by its bytes,
 * so pages with the same characters share a file), and gives the rules that declare them. `bookFaces` are the
 * book-wide rules, naming their files as `./assets/<file>`.
 */
export async function pageFontFaces(body: string, bookFaces: string, assetsDir: string): Promise<PageFonts> {
  const book = (bookFaces.match(/@font-face\s*\{[^}]*\}/g) ?? []).flatMap((rule) => {
    const file = /\.\/assets\/(([\w-]+?)-[\w-]{8}\.woff2)/.exec(rule);
    const range = /unicode-range:\s*([^;}]*)/.exec(rule)?.[1];
    return file ? [{ rule, file: file[1], stem: file[2], has: range ? parseUnicodeRange(range) : null }] : [];
  });
  // Each character goes to the first file of its list whose range holds it, as the browser looks for it.
  const wanted = new Map<string, Set<string>>();
  for (const [key, chars] of pageCharacters(body)) {
    const files = key in BODY_FILES ? book.filter((b) => BODY_FILES[key].test(b.stem)) : key.split(',').flatMap((stem) => book.filter((b) => b.stem === stem));
    for (const c of chars) {
      const file = files.find((f) => f.has?.has(c.codePointAt(0)!));
      if (file) (wanted.get(file.stem) ?? wanted.set(file.stem, new Set()).get(file.stem)!).add(c);
    }
  }
  const faces: string[] = [];
  const files = new Map<string, string>();
  for (const [stem, chars] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    const { rule, file, has: range } = book.find((b) => b.stem === stem)!;
    // Only the characters the font has go in the range: a face whose range claimed one it lacks would send the
    // browser on to the book-wide file, which would load for nothing.
    const text = [...new Set([...chars, ...(ALWAYS[stem] ?? '')])];
    // The whole range the book-wide rule names, once per file; without a range, this page's characters.
    const has = await coverage(path.join(assetsDir, file), range ? String.fromCodePoint(...range) : text.join(''));
    const kept = text.filter((c) => has.has(c.codePointAt(0)!));
    if (!kept.length) continue;
    const name = await writeCut(assetsDir, file, stem, kept.join(''));
    files.set(stem, name);
    const declared = rule
      .replace(/src:[^;}]*/, `src:url(./assets/${name})format("woff2")`)
      .replace(/;?\s*unicode-range:[^;}]*/, '')
      .replace(/;?\s*\}$/, '');
    faces.push(`${declared};unicode-range:${unicodeRange(kept)}}`);
  }
  return { faces: faces.join(''), files };
}
