/**
 * The fonts a prerendered page needs on its first screen, to preload. A page's text paints before the browser has
 * laid out its math, and only layout asks for KaTeX's fonts; a font that arrives after the first paint changes the
 * width of every formula set in it and moves the text around it (Lighthouse measured a layout shift of 0.125 on
 * chapter 4). Preloaded, the fonts are there for the first layout. Only the first screen's fonts are preloaded: the
 * rest load as the reader scrolls, off screen, where a change of width moves nothing the reader sees.
 *
 * Which text is set in which font file is read as the page's own cuts read it (pageFonts.ts), so it follows the
 * installed KaTeX's style sheet.
 */
import { pageCharacters } from './pageFonts.ts';

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

/**
 * The font files (stems such as 'KaTeX_Main-Regular', 'source-serif-4-latin-wght-italic-400') the first screen of a
 * page's HTML is set in, beyond the body font that every page preloads.
 */
export function firstScreenFonts(body: string): string[] {
  // Figures are laid out wherever they are (book.css keeps them out of content-visibility), so their fonts are asked
  // for with the first screen's.
  const top = firstScreen(body);
  const figures = body.match(/<figure\b[\s\S]*?<\/figure>/g) ?? [];
  const fonts = new Set<string>();
  for (const key of pageCharacters([top, ...figures].join('')).keys()) {
    // Emphasis is the body font's italic at 400 (a file fixed at that weight, subsetFonts.ts).
    if (key === 'body-italic') fonts.add('source-serif-4-latin-wght-italic-400');
    // A formula: the file its text asks for first, and KaTeX's main font, which every formula's root is set in.
    else if (key !== 'body') fonts.add(key.split(',')[0]).add('KaTeX_Main-Regular');
  }
  // Greek letters in the first screen's prose are in the body font's Greek subset. (A figure's Greek letters are its
  // parameters' symbols, set in KaTeX's math font, or its labels, set in the interface's system font.)
  if ([...(pageCharacters(top).get('body') ?? [])].some((c) => /[\u0370-\u03ff]/.test(c))) fonts.add('source-serif-4-greek-wght-normal');
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
