/**
 * The fonts, cut down to the characters the book sets. A chapter's first screen needs six or seven font files (the
 * body text's regular and italic, KaTeX's main, math-italic, AMS and size fonts), and they travelled in full: 186 kB
 * on chapter 4, more than its HTML. Each file now keeps only the glyphs of the characters that occur in the built
 * pages, in the book's sources (what the live parts write: a notice's quotation marks, a key's arrow, a lecture
 * slide), printable ASCII and the Greek alphabet (what a reader types into an answer box, and what a figure's labels
 * show in states other than their defaults); the body font's weight axis keeps 400–700, the weights the style sheets
 * use. Chapter 4's first-screen fonts go from 186 kB to about 100 kB.
 *
 * A cut-down file is a new file: it gets a name of its own (the stem and a hash of its bytes). A reader's browser or
 * service worker that holds an earlier edition's files keeps using those whole; nothing already cached is ever read
 * as the new, smaller file. The `@font-face` rules that name the files move out of the style sheet into each page
 * (a `<style>` in its head, some 9 kB, 2 kB compressed): the style sheet then keeps Vite's name, which is a hash of
 * what it was before, and what it is now follows from that. Renaming the style sheet instead would break every
 * script that names it (Vite lists a chunk's style sheets in the script that imports it), so no module that imports
 * the book's styles could be a chunk of its own.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';

/** Characters any page may show beyond those in the prerendered text. */
function alwaysKept(): string {
  let chars = '';
  for (let c = 0x20; c <= 0x7e; c++) chars += String.fromCodePoint(c);
  for (let c = 0x391; c <= 0x3c9; c++) chars += String.fromCodePoint(c);
  return chars + 'ϑϕϖϵϱ';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The characters of some HTML's text: outside tags, scripts and styles, with entities decoded. */
export function textCharacters(html: string): Set<string> {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  return new Set(text);
}

/** The characters beyond ASCII in the sources under `dirs` (.ts, .tsx and .mdx files; tests left out). */
export function sourceCharacters(dirs: readonly string[]): Set<string> {
  const chars = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(tsx?|mdx)$/.test(name) && !/\.test\.|\.slow\./.test(name)) for (const c of readFileSync(file, 'utf8')) if (c > '~') chars.add(c);
    }
  };
  dirs.forEach(walk);
  return chars;
}

/** Vite's way of naming a built file: the stem, '-', eight characters of a hash of its bytes. */
function hashedName(stem: string, bytes: Buffer | string, ext: string): string {
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 8);
  return `${stem}-${hash}${ext}`;
}

/** 'KaTeX_Main-Regular-B22Nviop.woff2' → 'KaTeX_Main-Regular'. */
function stemOf(file: string, ext: string): string {
  return file.slice(0, -(ext.length + 9));
}

/** The body font's files are variable in weight; the style sheets use 400 to 700. */
function variationAxes(file: string): Record<string, { min: number; max: number }> | undefined {
  return /-wght-/.test(file) ? { wght: { min: 400, max: 700 } } : undefined;
}

/** What cutting the fonts down gives the pages: the renamed fonts and the `@font-face` rules they now carry. */
export interface SubsetFonts {
  /** Old font file name → new. */
  renames: Map<string, string>;
  /** The style sheets' `@font-face` rules that name a cut-down file, with its new name, as `./assets/<file>`. */
  fontFaces: string;
}

/**
 * Cuts every .woff2 file in `assetsDir` down to `characters` (and those always kept), renames it, and takes the
 * `@font-face` rules that name it out of the style sheets, for the pages to carry.
 */
export async function subsetBuiltFonts(assetsDir: string, characters: Iterable<string>): Promise<SubsetFonts> {
  const text = [...new Set([...characters, ...alwaysKept()])].join('');
  const renames = new Map<string, string>();
  const files = readdirSync(assetsDir);
  for (const file of files.filter((f) => f.endsWith('.woff2'))) {
    const source = readFileSync(path.join(assetsDir, file));
    const subset = await subsetFont(source, text, { targetFormat: 'woff2', variationAxes: variationAxes(file) });
    const name = hashedName(stemOf(file, '.woff2'), subset, '.woff2');
    writeFileSync(path.join(assetsDir, name), subset);
    if (name !== file) unlinkSync(path.join(assetsDir, file));
    renames.set(file, name);
  }
  const names = (text: string) => [...renames.keys()].find((old) => text.includes(old));
  const faces: string[] = [];
  for (const file of files.filter((f) => f.endsWith('.css'))) {
    const css = readFileSync(path.join(assetsDir, file), 'utf8');
    const moved = (css.match(/@font-face\s*\{[^}]*\}/g) ?? []).filter(names);
    const rest = moved.reduce((sheet, face) => sheet.replace(face, ''), css);
    const left = names(rest);
    if (left) throw new Error(`subsetFonts: ${file} names ${left} outside an @font-face rule`);
    if (!moved.length) continue;
    writeFileSync(path.join(assetsDir, file), rest);
    // The style sheet's url(./x) is relative to assets/; the page's is relative to the book's root.
    faces.push(...moved.map((face) => renameReferences(face, renames).replace(/url\((['"]?)\.\//g, 'url($1./assets/')));
  }
  // Scripts may not name a renamed file: it would ask for a file that is gone.
  for (const script of files.filter((f) => f.endsWith('.js'))) {
    const named = names(readFileSync(path.join(assetsDir, script), 'utf8'));
    if (named) throw new Error(`subsetFonts: ${script} names ${named}, which is cut down and gets a new name`);
  }
  return { renames, fontFaces: faces.join('') };
}

/** `text` with every file name in `renames` replaced by its new name. */
export function renameReferences(text: string, renames: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [from, to] of renames) out = out.split(from).join(to);
  return out;
}
