/**
 * The fonts, cut down to the characters the book sets. A chapter's first screen needs six or seven font files (the
 * body text's regular and italic, KaTeX's main, math-italic, AMS and size fonts), and they travelled in full: 186 kB
 * on chapter 4, more than its HTML. Each file now keeps only the glyphs of the characters that occur in the built
 * pages, in the book's sources (what the live parts write: a notice's quotation marks, a key's arrow, a lecture
 * slide), printable ASCII and the Greek alphabet (what a reader types into an answer box, and what a figure's labels
 * show in states other than their defaults); the body font's weight axis keeps 400–700, the weights the style sheets
 * use, and its italic becomes two files fixed at 400 and 600. Chapter 4's first-screen fonts went from 186 kB to
 * about 100 kB with the characters alone.
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

/** HTML text with its character references decoded: numeric ones, and the named ones React and KaTeX write. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The characters of some HTML's text: outside tags, scripts and styles, with entities decoded. */
export function textCharacters(html: string): Set<string> {
  return new Set(decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]*>/g, ' ')));
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

/** The body font's regular files vary in weight; the style sheets use 400 to 700. */
const REGULAR = /-wght-normal$/;

/**
 * The body font's italic is set at 400 in the prose (emphasis) and rarely heavier (emphasis in a heading). Each italic
 * file becomes two fixed at 400 and 600: a variable file carries every glyph's deltas and is about twice the size of
 * one instance (the latin italic: 23.6 kB, against 13.0 at 400), and a page whose italic is all at 400 loads only the
 * smaller file.
 */
const ITALIC = /-wght-italic$/;
const TEXT = 400;
const HEADING = 600;
/**
 * The OpenType layout features the pages use: the browser's defaults for Latin and Greek text, and tabular figures
 * (the style sheets' `font-variant-numeric: tabular-nums`). The body font's others (small capitals, old-style and
 * fraction figures, stylistic sets) only add glyphs nothing asks for: 3.3 kB of its 25 kB regular.
 */
const LAYOUT_FEATURES = ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'clig', 'calt', 'rlig', 'rvrn', 'tnum'];

/**
 * How every file is cut: the features above, and no hinting. Hinting is TrueType's instructions for snapping outlines
 * to the pixel grid at small sizes on Windows; KaTeX's files carry them (a sixth of each file, half of the small
 * ones), the body font does not.
 */
export const SUBSET_OPTIONS = { targetFormat: 'woff2', keepFeatures: LAYOUT_FEATURES, noHinting: true } as const;

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
  const renames = new Map<string, string>(); // for an italic file: its instance at 400
  const headings = new Map<string, string>(); // an italic file → its instance at 600
  const files = readdirSync(assetsDir);
  const write = async (source: Buffer, stem: string, weight?: number) => {
    const axes = weight ? { wght: weight } : REGULAR.test(stem) ? { wght: { min: 400, max: 700 } } : undefined;
    const subset = await subsetFont(source, text, { ...SUBSET_OPTIONS, ...(axes && { variationAxes: axes }) });
    const name = hashedName(weight ? `${stem}-${weight}` : stem, subset, '.woff2');
    writeFileSync(path.join(assetsDir, name), subset);
    return name;
  };
  for (const file of files.filter((f) => f.endsWith('.woff2'))) {
    const source = readFileSync(path.join(assetsDir, file));
    const stem = stemOf(file, '.woff2');
    const italic = ITALIC.test(stem);
    const name = await write(source, stem, italic ? TEXT : undefined);
    if (italic) headings.set(file, await write(source, stem, HEADING));
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
    const kept = new Set(text);
    faces.push(
      ...moved
        .map((face) => withUnicodeRange(face, kept, assetsDir))
        .flatMap((face) => atTwoWeights(face, headings))
        .map((face) => renameReferences(face, renames).replace(/url\((['"]?)\.\//g, 'url($1./assets/')),
    );
  }
  // Scripts may not name a renamed file: it would ask for a file that is gone.
  for (const script of files.filter((f) => f.endsWith('.js'))) {
    const named = names(readFileSync(path.join(assetsDir, script), 'utf8'));
    if (named) throw new Error(`subsetFonts: ${script} names ${named}, which is cut down and gets a new name`);
  }
  return { renames, fontFaces: faces.join('') };
}

/**
 * An italic file's `@font-face` rule as two: the file's instance at 400 (which the renames give it) for weight 400,
 * its instance at 600 for the weights from 500 up, so that `<strong>` (700) takes it without a synthesized bold.
 * Other rules stay as they are.
 */
export function atTwoWeights(face: string, headings: ReadonlyMap<string, string>): string[] {
  const file = [...headings.keys()].find((old) => face.includes(old));
  if (!file) return [face];
  const weights = /font-weight:\s*\d+(\s+\d+)?/;
  if (!weights.test(face)) throw new Error(`subsetFonts: the body font's rule gives no weight: ${face}`);
  const fixed = face.replace(/format\((['"])woff2-variations\1\)/, 'format("woff2")');
  return [fixed.replace(weights, `font-weight:${TEXT}`), fixed.replace(weights, 'font-weight:500 900').split(file).join(headings.get(file)!)];
}

/** Characters as a `unicode-range`: 'U+28-29,U+2B,U+3C0'. */
export function unicodeRange(chars: Iterable<string>): string {
  const points = [...new Set([...chars].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const hex = (n: number) => n.toString(16).toUpperCase();
  const ranges: string[] = [];
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    ranges.push(i === j ? `U+${hex(points[i])}` : `U+${hex(points[i])}-${hex(points[j])}`);
    i = j + 1;
  }
  return ranges.join(',');
}

/** The code points of a `unicode-range`: single points, ranges and wildcards ('U+4??', as a minifier writes U+400-4FF). */
export function parseUnicodeRange(range: string): Set<number> {
  const points = new Set<number>();
  for (const part of range
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^U\+([0-9A-F]+\?*|\?+)(?:-([0-9A-F]+))?$/i.exec(part);
    if (!m || (m[1].includes('?') && m[2])) throw new Error(`subsetFonts: cannot read the unicode-range part ${part}`);
    const [first, last] = m[1].includes('?') ? [m[1].replace(/\?/g, '0'), m[1].replace(/\?/g, 'F')] : [m[1], m[2] ?? m[1]];
    for (let c = parseInt(first, 16); c <= parseInt(last, 16); c++) points.add(c);
  }
  return points;
}

/**
 * The characters a TrueType font maps to glyphs: its cmap's Unicode subtable (format 12, else format 4). KaTeX
 * ships each font as .ttf too, and reading that is simpler than decoding the .woff2.
 */
export function fontCharacters(sfnt: Buffer): Set<number> {
  let cmap = -1;
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) if (sfnt.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'cmap') cmap = sfnt.readUInt32BE(20 + 16 * i);
  if (cmap < 0) throw new Error('subsetFonts: the font has no cmap table');
  const subtables = Array.from({ length: sfnt.readUInt16BE(cmap + 2) }, (_, i) => {
    const record = cmap + 4 + 8 * i;
    const at = cmap + sfnt.readUInt32BE(record + 4);
    return { platform: sfnt.readUInt16BE(record), encoding: sfnt.readUInt16BE(record + 2), at, format: sfnt.readUInt16BE(at) };
  }).filter((t) => t.platform === 0 || (t.platform === 3 && (t.encoding === 1 || t.encoding === 10)));
  const chars = new Set<number>();
  const long = subtables.find((t) => t.format === 12);
  if (long) {
    for (let g = 0; g < sfnt.readUInt32BE(long.at + 12); g++) {
      const group = long.at + 16 + 12 * g;
      const [first, last, glyph] = [sfnt.readUInt32BE(group), sfnt.readUInt32BE(group + 4), sfnt.readUInt32BE(group + 8)];
      for (let c = first; c <= last; c++) if (glyph + c - first !== 0) chars.add(c);
    }
    return chars;
  }
  const short = subtables.find((t) => t.format === 4);
  if (!short) return chars; // a cut that kept no character has no Unicode subtable
  const segments = sfnt.readUInt16BE(short.at + 6) / 2;
  const ends = short.at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const [start, end] = [sfnt.readUInt16BE(starts + 2 * s), sfnt.readUInt16BE(ends + 2 * s)];
    const [delta, offset] = [sfnt.readInt16BE(deltas + 2 * s), sfnt.readUInt16BE(offsets + 2 * s)];
    for (let c = start; c <= end && c !== 0xffff; c++) {
      const glyph = offset === 0 ? (c + delta) & 0xffff : sfnt.readUInt16BE(offsets + 2 * s + offset + 2 * (c - start));
      if (glyph !== 0) chars.add(c);
    }
  }
  return chars;
}

/**
 * A rule for a cut-down file that gives no `unicode-range` gets one: the characters the cut keeps that its font has
 * (read from the .ttf the rule also names). Without it, a character the font lacks (a digit in a parameter's symbol,
 * set in KaTeX's math italic) makes the browser load the file to find that out.
 */
function withUnicodeRange(face: string, kept: ReadonlySet<string>, assetsDir: string): string {
  if (/unicode-range/.test(face)) return face;
  const ttf = /url\((['"]?)\.\/([^)'"]+\.ttf)\1\)/.exec(face)?.[2];
  if (!ttf) return face;
  const has = fontCharacters(readFileSync(path.join(assetsDir, ttf)));
  const range = unicodeRange([...kept].filter((c) => has.has(c.codePointAt(0)!)));
  return face.replace(/;?\s*\}$/, `;unicode-range:${range}}`);
}

/** `text` with every file name in `renames` replaced by its new name. */
export function renameReferences(text: string, renames: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [from, to] of renames) out = out.split(from).join(to);
  return out;
}
