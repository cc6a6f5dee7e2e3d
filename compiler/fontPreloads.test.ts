import { describe, expect, it } from 'vitest';
import { firstScreen, firstScreenFonts, fontPreloadTags } from './fontPreloads.ts';

describe('fontPreloads', () => {
  it('the installed KaTeX gives the fonts of the first screen, with the emphasis font, and none from below it', () => {
    const formula = (cls: string) => `<span class="katex"><span class="katex-html"><span class="${cls}">x</span></span></span>`;
    const top = `<header>toc</header><main><p>Let ${formula('mord mathnormal')} be <em>any</em> ${formula('delimsizing size1')}.</p>`;
    const below = `<p>${'word '.repeat(1000)}</p><p>${formula('mord mathcal')}</p></main>`;
    expect(firstScreenFonts(top + below)).toEqual(['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_Size1-Regular', 'source-serif-4-latin-wght-italic-400']);
    expect(firstScreen(top + below)).not.toContain('mathcal');
  });

  it("does not count KaTeX's hidden MathML as text", () => {
    const mathml = `<span class="katex-mathml"><math><mi>${'y'.repeat(3000)}</mi></math></span>`;
    const html = `<main><p>${mathml}</p><p><span class="katex"><span class="mord mathbb">R</span></span></p></main>`;
    expect(firstScreenFonts(html)).toContain('KaTeX_AMS-Regular');
  });

  it('finds each font among the built files by its stem and an 8-character hash, and fails loudly without one', () => {
    const assets = [
      'KaTeX_Main-Bold-Cx986IdX.woff2',
      'KaTeX_Main-BoldItalic-DxDJ3AOS.woff2',
      'KaTeX_Main-Bold-Jm3AIy58.woff',
      'KaTeX_Caligraphic-Regular-Di6jR-x-.woff2',
    ];
    expect(fontPreloadTags(['KaTeX_Main-Bold', 'KaTeX_Caligraphic-Regular'], assets)).toEqual([
      '<link rel="preload" href="./assets/KaTeX_Main-Bold-Cx986IdX.woff2" as="font" type="font/woff2" crossorigin />',
      '<link rel="preload" href="./assets/KaTeX_Caligraphic-Regular-Di6jR-x-.woff2" as="font" type="font/woff2" crossorigin />',
    ]);
    expect(() => fontPreloadTags(['KaTeX_Script-Regular'], assets)).toThrow(/no built font file/);
  });
});

describe('fontPreloads, beyond the first screen', () => {
  it("adds the fonts of every figure, wherever it is, and the body font's Greek for Greek letters outside formulas", () => {
    const formula = (cls: string, text = 'x') => `<span class="katex"><span class="katex-html"><span class="${cls}">${text}</span></span></span>`;
    const top = `<main><p>Let ${formula('mord mathnormal', 'σ')} be given.</p>`;
    const far = `<p>${'word '.repeat(1000)}</p><figure class="figure"><figcaption>${formula('mord mathcal')}</figcaption></figure></main>`;
    expect(firstScreenFonts(top + far)).toEqual(['KaTeX_Caligraphic-Regular', 'KaTeX_Main-Regular', 'KaTeX_Math-Italic']);
    expect(firstScreenFonts(`<main><p>The σ-algebra ${formula('mord')}</p></main>`)).toContain('source-serif-4-greek-wght-normal');
  });
});
