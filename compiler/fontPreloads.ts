/**
 * The fonts a prerendered page needs on its first screen, to preload. A page's text paints before the browser has
 * laid out its math, and only layout asks for KaTeX's fonts; a font that arrives after the first paint changes the
 * width of every formula set in it and moves the text around it (Lighthouse measured a layout shift of 0.125 on
 * chapter 4). Preloaded, the fonts are there for the first layout. Only the first screen's fonts are preloaded: the
 * rest load as the reader scrolls, off screen, where a change of width moves nothing the reader sees.
 *
 * Which class needs which font is read from KaTeX's own style sheet, so it follows the installed KaTeX.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** One KaTeX rule: an element with all of `classes` is set in the font file `file` (e.g. 'KaTeX_Math-Italic'). */
interface FontRule {
  classes: string[];
  file: string;
}

/** 'KaTeX_Main' with weight and style → the stem of its font file, as KaTeX names them. */
function fontFile(family: string, bold: boolean, italic: boolean): string {
  return `${family}-${bold && italic ? 'BoldItalic' : bold ? 'Bold' : italic ? 'Italic' : 'Regular'}`;
}

/** The rules of katex.css that set a KaTeX font, each selector's last compound read as the classes it needs. */
export function katexFontRules(css: string): FontRule[] {
  const rules: FontRule[] = [];
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*font-family:\s*(KaTeX_\w+)[^{}]*)\}/g)) {
    if (selectors.includes('@font-face')) continue;
    const family = /font-family:\s*(KaTeX_\w+)/.exec(body)![1];
    const file = fontFile(family, /font-weight:\s*(bold|700)/.test(body), /font-style:\s*italic/.test(body));
    for (const selector of selectors.split(',')) {
      // '.katex .delimsizing.mult .delim-size1 > span' needs an element of class delim-size1 (its span inherits).
      const compounds = selector
        .trim()
        .split(/\s*>\s*|\s+/)
        .filter((c) => c.startsWith('.') && c !== '.katex');
      const last = compounds.at(-1);
      if (last) rules.push({ classes: last.slice(1).split('.'), file });
    }
  }
  return rules;
}

let cachedRules: FontRule[] | null = null;
function installedRules(): FontRule[] {
  cachedRules ??= katexFontRules(readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.css'), 'utf8'));
  return cachedRules;
}

/**
 * How much of the page's text counts as its first screen: a phone shows some 1,600 characters of prose, a desk's
 * window some 2,100; the rest is to spare.
 */
const FIRST_SCREEN_CHARS = 2500;

/**
 * The HTML of the page's first screen: from the start of <main> until FIRST_SCREEN_CHARS characters of text.
 * KaTeX's MathML copies of the formulas (read by screen readers, not shown) do not count.
 */
export function firstScreen(page: string): string {
  const body = page.slice(Math.max(0, page.indexOf('<main'))).replace(/<span class="katex-mathml"><math[\s\S]*?<\/math><\/span>/g, '');
  let text = 0;
  let at = 0;
  for (const tag of body.matchAll(/<[^>]*>/g)) {
    text += tag.index - at;
    at = tag.index + tag[0].length;
    if (text >= FIRST_SCREEN_CHARS) return body.slice(0, tag.index);
  }
  return body;
}

/** The text of some HTML outside its formulas (and its tags). */
function prose(html: string): string {
  let text = '';
  let depth = 0; // inside a formula: how many of its spans are open
  let at = 0;
  for (const tag of html.matchAll(/<[^>]*>/g)) {
    if (depth === 0) text += html.slice(at, tag.index) + ' ';
    at = tag.index + tag[0].length;
    if (depth > 0) depth += tag[0].startsWith('<span') ? 1 : tag[0] === '</span>' ? -1 : 0;
    else if (tag[0] === '<span class="katex">') depth = 1;
  }
  return depth === 0 ? text + html.slice(at) : text;
}

/**
 * The font files (stems such as 'KaTeX_Main-Regular', 'source-serif-4-latin-wght-italic') the first screen of a
 * page's HTML is set in, beyond the body font that every page preloads.
 */
export function firstScreenFonts(body: string, rules: readonly FontRule[] = installedRules()): string[] {
  // Figures are laid out wherever they are (book.css keeps them out of content-visibility), so their fonts are asked
  // for with the first screen's.
  const top = firstScreen(body);
  const figures = body.match(/<figure\b[\s\S]*?<\/figure>/g) ?? [];
  const html = [top, ...figures].join('');
  const fonts = new Set<string>();
  if (html.includes('class="katex"')) fonts.add('KaTeX_Main-Regular');
  const elements = [...html.matchAll(/\bclass="([^"]*)"/g)].map((m) => new Set(m[1].split(/\s+/)));
  for (const rule of rules) if (elements.some((classes) => rule.classes.every((c) => classes.has(c)))) fonts.add(rule.file);
  // Emphasis in the prose is the body font's italic at 400 (a file fixed at that weight, subsetFonts.ts); Greek
  // letters outside the math are in the body font's Greek subset.
  if (/<(em|i|cite)\b/.test(html)) fonts.add('source-serif-4-latin-wght-italic-400');
  // (A figure's Greek letters are its parameters' symbols, set in KaTeX's math font.)
  if (/[\u0370-\u03ff]/.test(prose(top))) fonts.add('source-serif-4-greek-wght-normal');
  return [...fonts].sort();
}

/**
 * `<link rel="preload">` tags for `fonts`: the page's own cut of a font where it has one (`own`, pageFonts.ts), else
 * the book-wide file, found by stem among the built assets (`assets/<stem>-<8-character hash>.woff2`).
 */
export function fontPreloadTags(fonts: readonly string[], assets: readonly string[], own: ReadonlyMap<string, string> = new Map()): string[] {
  return fonts.map((stem) => {
    const file = own.get(stem) ?? assets.find((a) => a.startsWith(`${stem}-`) && /^[\w-]{8}\.woff2$/.test(a.slice(stem.length + 1)));
    if (!file) throw new Error(`prerender: no built font file for ${stem}`);
    return `<link rel="preload" href="./assets/${file}" as="font" type="font/woff2" crossorigin />`;
  });
}
