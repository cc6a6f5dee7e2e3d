/**
 * Search: `/` focuses the box; typing lists sections, equations, figures and glossary terms with the match marked;
 * arrow keys and Enter open a result at its place, where the matched words are highlighted; a query with no match
 * says so; a slider keeps `/` from nothing (it is not a text field, so `/` still opens search).
 */
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, useBrowser, waitForLive } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 900 } });

describe('search', () => {
  it('finds a section from any page and opens it with the words highlighted', async () => {
    const { page, problems } = await openPage(session.context, '/');
    const box = page.getByRole('combobox', { name: 'Search the book' });
    await box.waitFor();
    await page.keyboard.press('/');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('policy iteration sampled');
    const options = page.getByRole('option');
    await options.first().waitFor();
    const titles = await options.locator('.search-title').allInnerTexts();
    expect(titles[0]).toMatch(/^6\.\d+ Policy iteration with sampled evaluation$/);
    expect(await options.first().locator('mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'search-results');
    await box.press('Enter');
    await page.waitForFunction(() => location.pathname === '/policy-iteration/' && location.hash.length > 1);
    const anchor = await page.evaluate(() => location.hash.slice(1));
    await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-match')?.size ?? 0) > 0);
    // The highlighted words are in the opened section, and are the words searched for.
    const marked = await page.evaluate((id) => {
      const ranges = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-match')!];
      const heading = document.getElementById(id)!;
      return ranges.map((r) => ({
        word: r.toString().toLowerCase(),
        after: !!(heading.compareDocumentPosition(r.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING),
      }));
    }, anchor);
    expect(marked.every((m) => m.after)).toBe(true);
    // Fuzzy and prefix matches count: "sample" for "sampled", "iterations" for "iteration".
    expect(marked.map((m) => m.word).filter((w) => !/(polic|itera|sampl)/.test(w))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('opens equations, figures and glossary terms, moves with the arrow keys, and says when nothing matches', async () => {
    const { page, problems } = await openPage(session.context, '/merton/');
    await page.locator('[data-figure="merton-explorer"] input[type="range"]').first().focus();
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search the book' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('Girsanov');
    await page.getByRole('option').first().waitFor();
    const titles = await page.locator('.search-title').allInnerTexts();
    expect(titles).toContain('Girsanov’s theorem'.replace('’', "'"));
    expect(titles.some((t) => /^Equation \(\d+\.\d+\)$/.test(t))).toBe(true);
    // Down to the first equation, then open it.
    const equation = titles.findIndex((t) => t.startsWith('Equation'));
    for (let i = 0; i < equation; i++) await box.press('ArrowDown');
    expect(await page.getByRole('option', { selected: true }).locator('.search-title').innerText()).toBe(titles[equation]);
    await box.press('Enter');
    await page.waitForFunction(() => /^#eq-/.test(location.hash));
    await page.waitForFunction(() => {
      const id = location.hash.slice(1);
      const el = document.getElementById(id);
      return !!el && Math.abs(el.getBoundingClientRect().top) < window.innerHeight;
    });
    // The equation may be on another page: its search box listens for '/' once that page is live.
    await waitForLive(page);
    await page.keyboard.press('/');
    await box.fill('zzqqxx');
    await expect.poll(() => page.locator('.search-empty').innerText()).toMatch(/Nothing in the book matches/);
    await box.press('Escape');
    await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
    expect(await box.inputValue()).toBe('zzqqxx');
    expect(problems).toEqual([]);
  });
});
