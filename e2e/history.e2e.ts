/**
 * History follows the reader: after moving a slider, Back and Forward restore both the page and every figure's
 * values (the address always reproduces the picture), and the scroll position comes back with the page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, readyFigure, waitForLive } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

const h1 = (page: Page) => page.locator('main h1').first().innerText();
/** Waits until the figures' values have been written to the address (the write waits 150 ms after a change). */
const addressSays = (page: Page, text: string) => page.waitForFunction((t) => location.search.includes(t), text, { timeout: 5000 });
const sliderValue = (page: Page, param: string) => page.locator(`input[data-param="${param}"]`).getAttribute('aria-valuetext');

describe('history', () => {
  it('Back and Forward after a slider move restore the page and the figure values', async () => {
    const { page, problems } = await openPage(session.context, '/preface/');
    const prefaceTitle = await h1(page);
    await page.locator('a[rel="next"]').click();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent !== t && document.documentElement.hasAttribute('data-live'), prefaceTitle);
    const chapterTitle = await h1(page);
    const gamma = page.locator('input[data-param="gridworld-vi.gamma"]');
    await gamma.scrollIntoViewIfNeeded();
    const before = await gamma.getAttribute('aria-valuetext');
    await gamma.focus();
    await page.keyboard.press('ArrowLeft');
    await addressSays(page, 'gridworld-vi.gamma=');
    const moved = await gamma.getAttribute('aria-valuetext');
    expect(moved).not.toBe(before);
    await page.waitForTimeout(400); // the reading place is remembered a moment after scrolling stops
    const topOf = (p: Page) => p.evaluate(() => document.querySelector('input[data-param="gridworld-vi.gamma"]')?.getBoundingClientRect().top ?? NaN);
    const before2 = await topOf(page);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);

    await page.goBack();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, prefaceTitle);
    expect(new URL(page.url()).pathname).toBe('/preface/');

    await page.goForward();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, chapterTitle);
    await waitForLive(page);
    // The same words are at the same place in the window (prose off screen has estimated heights, and figures above
    // may not have computed yet, so the pixel offset of the page may differ; what the reader sees must not).
    await expect.poll(async () => Math.abs((await topOf(page)) - before2), { timeout: 15_000 }).toBeLessThan(40);
    await readyFigure(page, 'gridworld-vi');
    expect(await sliderValue(page, 'gridworld-vi.gamma')).toBe(moved);
    expect(await page.evaluate(() => location.search)).toContain('gridworld-vi.gamma=');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('Back to a place deep in a long chapter shows the same words at the same height', async () => {
    const { page, problems } = await openPage(session.context, '/stochastic-hjb-lqr/');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'));
    // The last paragraph before the references: thousands of pixels of prose and math lie above it.
    const mark = 'article.chapter > p:nth-last-of-type(2)';
    await page.locator(mark).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(400); // the reading place is remembered a moment after scrolling stops
    const where = (p: Page) => p.locator(mark).evaluate((el) => ({ top: el.getBoundingClientRect().top, text: el.textContent?.slice(0, 60) }));
    const before = await where(page);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(3000);
    // Followed where the reader is (a click would first scroll the link at the chapter's end into view).
    await page.evaluate(() => (location.href = document.querySelector<HTMLAnchorElement>('a[rel="next"]')!.href));
    await page.waitForFunction(() => location.pathname !== '/stochastic-hjb-lqr/' && document.documentElement.hasAttribute('data-live'));
    await page.goBack();
    await page.waitForFunction(() => location.pathname === '/stochastic-hjb-lqr/' && document.documentElement.hasAttribute('data-live'));
    await expect.poll(async () => Math.abs((await where(page)).top - before.top), { timeout: 5000 }).toBeLessThan(40);
    expect((await where(page)).text).toBe(before.text);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('a link followed just after scrolling opens at its target, and stays there when the page comes alive', async () => {
    // The prerendered page opens at its fragment; the chapter's module, here slow as on a bad network, then renders
    // the page again live, and the target must not move.
    const { page, problems } = await openPage(session.context, '/policy-iteration/');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'));
    // The next chapter's module arrives after the recorder's 250 ms, as on a slow network.
    await page.route(/03-noise-[^/]*\.js$/, (route) => setTimeout(() => void route.continue(), 800));
    await page.evaluate(() => {
      window.scrollTo(0, 2000);
      location.href = '../noise/#eq-girsanov';
    });
    await page.waitForFunction(() => !!document.getElementById('eq-girsanov') && document.documentElement.hasAttribute('data-live'));
    await page.waitForTimeout(600);
    const top = await page.locator('#eq-girsanov').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(300);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('a figure whose address changes under it by Back takes the address’s values', async () => {
    const { page, problems } = await openPage(session.context, '/preface/');
    await readyFigure(page, 'ou-paths');
    const theta = page.locator('input[data-param="ou-paths.theta"]');
    const original = await theta.getAttribute('aria-valuetext');
    // A new entry in the same chapter (a reference followed), then a slider move written into it.
    await page.evaluate(() => (location.hash = '#fig-ou-paths'));
    await theta.focus();
    await page.keyboard.press('ArrowRight');
    await addressSays(page, 'ou-paths.theta=');
    const moved = await theta.getAttribute('aria-valuetext');
    expect(moved).not.toBe(original);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('ou-paths.theta='));
    await page.waitForFunction((v) => document.querySelector('input[data-param="ou-paths.theta"]')?.getAttribute('aria-valuetext') === v, original);
    await page.goForward();
    await page.waitForFunction((v) => document.querySelector('input[data-param="ou-paths.theta"]')?.getAttribute('aria-valuetext') === v, moved);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
