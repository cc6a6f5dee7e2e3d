/**
 * Reading with JavaScript off: every page shows its title, text and laid-out math, each figure its prerendered
 * picture, a notice of what needs JavaScript, and nothing wider than the window; footnotes follow their marks,
 * worked solutions open, citations and terms are links to the references and the glossary, at a desk and on a phone.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { origin, pagePaths, useBrowser } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });

/**
 * Opens `path` with the page's own scripts off (the test's evaluations still run), collecting failed and foreign
 * requests and the font files asked for.
 */
async function open(context: BrowserContext, path: string): Promise<{ page: Page; problems: string[]; fonts: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const fonts: string[] = [];
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin()) && !r.url().startsWith('data:')) problems.push(`foreign request: ${r.url()}`);
    if (r.resourceType() === 'font') fonts.push(r.url().split('/').pop()!);
  });
  await page.goto(origin() + path, { waitUntil: 'load' });
  return { page, problems, fonts };
}

/**
 * Lays out the whole page (every block the browser skips off screen, all but KaTeX's MathML copies, which are never
 * laid out in KaTeX's fonts) and waits for the fonts that asks for.
 */
async function layOutEverything(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const style = document.createElement('style');
    style.textContent = ':not(.katex-mathml) { content-visibility: visible !important }';
    document.head.append(style);
    document.body.getBoundingClientRect();
    await document.fonts.ready.then(() => true);
  });
}

/** What a reader sees of the page, measured in it. */
function reading(page: Page) {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const figures = [...document.querySelectorAll('[data-figure]')].map((f) => {
      f.scrollIntoView();
      const marks = [...f.querySelectorAll('.figure-main svg path[d], .figure-main svg line, .figure-main svg circle')];
      return {
        id: f.getAttribute('data-figure'),
        shown: shown(f),
        marks: marks.length,
        noData: /NaN|undefined/.test(f.querySelector('.figure-main')?.innerHTML ?? ''),
      };
    });
    // Formulas come into layout as they near the window (content-visibility): look at them one by one.
    const formulas = [...document.querySelectorAll('.katex-html')].filter((_, i) => i % 25 === 0);
    const unlaid = formulas.filter((k) => {
      k.scrollIntoView({ block: 'center' });
      return !shown(k);
    }).length;
    scrollTo(0, 0);
    return {
      title: document.querySelector('main h1')?.textContent?.trim() ?? '',
      words: (document.querySelector('main')?.textContent ?? '').split(/\s+/).length,
      formulas: document.querySelectorAll('.katex').length,
      katexErrors: document.querySelectorAll('.katex-error').length,
      sampled: formulas.length,
      unlaid,
      figures,
      notice: [...document.querySelectorAll('.noscript-notice')].some(shown),
      overflow: document.documentElement.scrollWidth - innerWidth,
    };
  });
}

describe('reading with JavaScript off', () => {
  it('every page: its title, text and laid-out math, each figure’s picture, the notice, nothing wider than the window', async () => {
    const { page: cover } = await open(session.context, '/');
    const paths = ['/', ...(await pagePaths(cover))];
    expect(paths.length).toBeGreaterThan(10);
    const found: string[] = [];
    let figures = 0;
    for (const path of paths) {
      const { page, problems, fonts } = await open(session.context, path);
      const r = await reading(page);
      const chapter = (await page.locator('article[data-chapter]').count()) > 0;
      if (!r.title) found.push(`${path}: no title`);
      if (r.words < (chapter ? 1000 : 100)) found.push(`${path}: only ${r.words} words`);
      if (chapter && r.formulas < 10) found.push(`${path}: only ${r.formulas} formulas`);
      if (r.katexErrors) found.push(`${path}: ${r.katexErrors} KaTeX errors`);
      if (r.unlaid) found.push(`${path}: ${r.unlaid} of ${r.sampled} sampled formulas not laid out`);
      for (const f of r.figures) {
        figures++;
        if (!f.shown || f.marks < 3 || f.noData)
          found.push(`${path}: figure ${f.id} shows ${f.shown ? `${f.marks} marks` : 'nothing'}${f.noData ? ' and a broken number' : ''}`);
      }
      if (!r.notice) found.push(`${path}: no notice that the figures need JavaScript`);
      if (r.overflow > 0) found.push(`${path}: ${r.overflow} px wider than the window`);
      found.push(...problems.map((p) => `${path}: ${p}`));
      // A page is set from its own cuts of KaTeX's fonts and the body font (compiler/pageFonts.ts): a book-wide file
      // asked for means a character the page sets is missing from its cut.
      await layOutEverything(page);
      for (const file of fonts.filter((f) => /^(KaTeX_\w+-\w+|source-serif-4-[\w-]+-wght-(normal|italic-400))-[\w-]{8}\.woff2$/.test(f)))
        found.push(`${path}: loads the book-wide ${file}: a character its own cut of that font lacks`);
      await page.close();
    }
    expect(found).toEqual([]);
    expect(figures).toBeGreaterThan(20);
  }, 240_000);

  it('a footnote follows its mark, a worked solution opens, a citation and a term lead to their entries, at a desk and on a phone', async () => {
    const phone = await session.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, javaScriptEnabled: false });
    for (const context of [session.context, phone]) {
      const { page, problems } = await open(context, '/feynman-kac/');
      const note = page.locator('.footnote-text').first();
      await note.scrollIntoViewIfNeeded();
      expect(await note.isVisible()).toBe(true);
      expect((await note.textContent())?.length).toBeGreaterThan(40);
      const solution = page.locator('details.exercise-solution').first();
      await solution.scrollIntoViewIfNeeded();
      const body = solution.locator('.exercise-solution-body');
      expect(await body.isVisible()).toBe(false);
      await solution.locator('summary').click();
      expect(await body.isVisible()).toBe(true);
      expect(await solution.locator('summary').innerText()).toBe('Hide the worked solution');
      expect((await body.textContent())?.length).toBeGreaterThan(40);
      // An answer box cannot check without JavaScript: none is shown.
      expect(await page.locator('.exercise-check').first().isVisible()).toBe(false);
      // A citation leads to the chapter's references, a term to its glossary entry.
      const cite = page.locator('a.cite-button').first();
      const target = (await cite.getAttribute('href'))!;
      expect(target).toMatch(/^#ref-/);
      expect(await page.locator(target).count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      const term = page.locator('a.term').first();
      await term.scrollIntoViewIfNeeded();
      await term.click();
      await page.waitForURL(/\/glossary\/#term-/);
      const entry = decodeURIComponent(new URL(page.url()).hash.slice(1));
      expect(await page.evaluate((id) => document.getElementById(id)?.textContent?.length ?? 0, entry)).toBeGreaterThan(20);
      expect(problems).toEqual([]);
    }
    await phone.close();
  }, 60_000);
});
