import { describe, expect, it } from 'vitest';
import { pageHtml, sitemap, withFontFaces } from './prerender.ts';

const template = `<!doctype html>
<html lang="en">
  <head>
    <meta name="description" content="The book." />
    <title>From Bellman to Diffusion</title>
    <link rel="icon" href="./favicon.svg" type="image/svg+xml" />
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/shared-def.js">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;
const page = { body: '<main><h1>Noise</h1><p>costs $5 and $&amp; more</p></main>', title: '3. Noise · Book', description: 'Itô "and" more' };

describe('prerendered pages', () => {
  it('a chapter: its name, title, description, canonical and Open Graph tags, its HTML, assets one folder up', () => {
    const html = pageHtml(template, 'noise', page, 'https://book.example/');
    expect(html).toContain('<html lang="en" data-page="noise">');
    expect(html).toContain('<title>3. Noise · Book</title>');
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html).toContain('<meta name="description" content="Itô &quot;and&quot; more" />');
    expect(html).toContain('<link rel="canonical" href="https://book.example/noise/" />');
    expect(html).toContain('<meta property="og:title" content="3. Noise · Book" />');
    expect(html).toContain('<meta property="og:url" content="https://book.example/noise/" />');
    // The body goes in verbatim: "$&" in it is text, not a replacement pattern.
    expect(html).toContain(`<div id="root">${page.body}</div>`);
    expect(html).toContain('href="../favicon.svg"');
    expect(html).toContain('content="../assets/index-abc.js"');
  });

  it('the cover keeps its paths; the 404 page takes them from the root and is not indexed', () => {
    const cover = pageHtml(template, '', page, 'https://book.example/');
    expect(cover).toContain('data-page=""');
    expect(cover).toContain('content="./assets/index-abc.js"');
    expect(cover).toContain('<link rel="canonical" href="https://book.example/" />');
    const missing = pageHtml(template, '404', page, 'https://book.example/');
    expect(missing).toContain('src="/assets/index-abc.js"');
    expect(missing).toContain('<meta name="robots" content="noindex" />');
    expect(missing).not.toContain('canonical');
  });

  it('a page loads its script after the first paint, with the fonts of its math preloaded; the 404 page at once', () => {
    const plain = pageHtml(template, 'glossary', page, 'https://book.example/');
    expect(plain).not.toContain('<script type="module"');
    expect(plain).toContain('<meta name="book-entry" content="../assets/index-abc.js" />');
    // Its imports wait with it: the loader preloads them when it starts the script.
    expect(plain).not.toContain('rel="modulepreload"');
    expect(plain).toContain('<meta name="book-preload" content="../assets/shared-def.js" />');
    const math = { ...page, body: '<main><p><span class="katex"><span class="katex-html"><span class="mord mathnormal">x</span></span></span></p></main>' };
    const assets = ['KaTeX_Main-Regular-B22Nviop.woff2', 'KaTeX_Math-Italic-t53AETM-.woff2', 'KaTeX_Math-BoldItalic-CZnvNsCZ.woff2', 'index-abc.js'];
    const chapter = pageHtml(template, 'noise', math, 'https://book.example/', assets);
    expect(chapter).not.toContain('<script type="module"');
    expect(chapter).toContain('<meta name="book-entry" content="../assets/index-abc.js" />');
    expect(chapter.match(/rel="preload" href="[^"]*" as="font"/g)).toEqual([
      'rel="preload" href="../assets/KaTeX_Main-Regular-B22Nviop.woff2" as="font"',
      'rel="preload" href="../assets/KaTeX_Math-Italic-t53AETM-.woff2" as="font"',
    ]);
    expect(pageHtml(template, '404', page, 'https://book.example/')).toContain('<script type="module" crossorigin src="/assets/index-abc.js"></script>');
  });

  it("the fonts' @font-face rules go in the head, before the style sheet, naming the files from each page's folder", () => {
    const styled = template.replace('</head>', '<link rel="stylesheet" crossorigin href="./assets/index-abc.css">\n  </head>');
    const faces = '@font-face{font-family:KaTeX_Main;src:url(./assets/KaTeX_Main-Regular-Xy12Ab34.woff2)format("woff2")}';
    const withFaces = withFontFaces(styled, faces);
    expect(withFaces.indexOf(`<style>${faces}</style>`)).toBeGreaterThan(0);
    expect(withFaces.indexOf('<style>')).toBeLessThan(withFaces.indexOf('<link rel="stylesheet"'));
    expect(pageHtml(withFaces, '', page, 'https://book.example/')).toContain('url(./assets/KaTeX_Main-Regular-Xy12Ab34.woff2)');
    expect(pageHtml(withFaces, 'noise/lecture', page, 'https://book.example/')).toContain('url(../../assets/KaTeX_Main-Regular-Xy12Ab34.woff2)');
    expect(pageHtml(withFaces, '404', page, 'https://book.example/')).toContain('url(/assets/KaTeX_Main-Regular-Xy12Ab34.woff2)');
    // Only the head: the page's own text is left alone.
    const says = { ...page, body: '<main><p>url(./assets/x)</p></main>' };
    expect(pageHtml(withFaces, 'noise', says, 'https://book.example/')).toContain('<p>url(./assets/x)</p>');
    expect(() => withFontFaces(template, faces)).toThrow(/no style sheet/);
  });

  it("a page's own cuts of KaTeX's fonts are declared after the book-wide ones and preloaded instead of them", () => {
    const styled = template.replace('</head>', '<link rel="stylesheet" crossorigin href="./assets/index-abc.css">\n  </head>');
    const book = '@font-face{font-family:KaTeX_Math;src:url(./assets/KaTeX_Math-Italic-t53AETM-.woff2)format("woff2")}';
    const own = '@font-face{font-family:KaTeX_Math;src:url(./assets/KaTeX_Math-Italic-page-Ab12Cd34.woff2)format("woff2");unicode-range:U+78}';
    const math = { ...page, body: '<main><p><span class="katex"><span class="katex-html"><span class="mord mathnormal">x</span></span></span></p></main>' };
    const assets = ['KaTeX_Main-Regular-B22Nviop.woff2', 'KaTeX_Math-Italic-t53AETM-.woff2', 'KaTeX_Math-Italic-page-Ab12Cd34.woff2'];
    const fonts = { faces: own, files: new Map([['KaTeX_Math-Italic', 'KaTeX_Math-Italic-page-Ab12Cd34.woff2']]) };
    const preloaded = styled.replace('</head>', '<link\n  rel="preload"\n  href="./assets/serif-latin-wght-normal-Ee55Ff66.woff2" as="font" />\n</head>');
    fonts.files.set('serif-latin-wght-normal', 'serif-latin-wght-normal-page-Gg77Hh88.woff2');
    const html = pageHtml(withFontFaces(preloaded, book), 'noise', math, 'https://book.example/', assets, fonts);
    expect(html).toContain('<link\n  rel="preload"\n  href="../assets/serif-latin-wght-normal-page-Gg77Hh88.woff2" as="font" />');
    expect(html).not.toContain('Ee55Ff66');
    const at = (s: string) => html.indexOf(s.replace(/\.\/assets/g, '../assets'));
    expect(at(book)).toBeGreaterThan(0);
    expect(at(own)).toBeGreaterThan(at(book));
    expect(at(own)).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
    expect(html.match(/rel="preload" href="[^"]*" as="font"/g)).toEqual([
      'rel="preload" href="../assets/KaTeX_Main-Regular-B22Nviop.woff2" as="font"',
      'rel="preload" href="../assets/KaTeX_Math-Italic-page-Ab12Cd34.woff2" as="font"',
    ]);
  });

  it('the sitemap lists every page but the 404 page', () => {
    const xml = sitemap(['', 'noise', 'glossary', '404'], 'https://book.example/');
    expect(xml.match(/<loc>/g)).toHaveLength(3);
    expect(xml).toContain('<loc>https://book.example/noise/</loc>');
    expect(xml).not.toContain('404');
  });
});
