/**
 * When a prerendered page's figures come alive (app/islands/mountIslands.tsx): a figure screens away stays its
 * prerendered picture (data-status="static") until it nears the screen, and then the same `<figure>` element becomes
 * the live figure. It comes alive at once when the page's address sets its values, and a reader who tabbed onto one
 * of its controls keeps the keyboard there, and a drag begun on a scrub number goes on once the number is live. (A
 * scrub number changing a figure far away: app/islands/mountIslands.test.tsx.)
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, readyFigure, useBrowser, waitForLive } from './browser.ts';

const session = useBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
const CHAPTER = '/stochastic-hjb-lqr/';
const FAR = 'lqr-double-integrator';

const status = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`).getAttribute('data-status');

describe('figures come alive when needed', () => {
  it('a figure screens away is its picture until the reader nears it, then the same element comes alive', async () => {
    const { page, problems } = await openPage(session.context, CHAPTER);
    await waitForLive(page);
    await page.waitForTimeout(500);
    expect(await status(page, FAR)).toBe('static');
    const element = await page.$(`[data-figure="${FAR}"]`);
    await element!.scrollIntoViewIfNeeded();
    // Waited for on the element found before: the live figure is that element, not a new one.
    await page.waitForFunction((el) => el?.getAttribute('data-status') === 'ready', element, { timeout: 30_000 });
    expect(await element!.evaluate((el) => el.isConnected && el.id)).toBe(`fig-${FAR}`);
    expect(problems).toEqual([]);
  });

  it('keeps the keyboard, and the keys pressed, on the control a reader reached before the figure came alive', async () => {
    const { page, problems } = await openPage(session.context, CHAPTER);
    await waitForLive(page);
    expect(await status(page, FAR)).toBe('static');
    // The figure's code arrives late, as on a slow phone: the keys below reach the prerendered slider.
    await page.route('**/*.js', async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    // Focus lands on the prerendered slider (as a Tab would, which scrolls it into view).
    const slider = page.locator(`[data-figure="${FAR}"] input[type="range"]`).first();
    const param = await slider.getAttribute('data-param');
    const before = await slider.getAttribute('aria-valuetext');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await status(page, FAR)).not.toBe('ready');
    await page.waitForFunction((id) => document.querySelector(`[data-figure="${id}"]`)?.getAttribute('data-status') === 'ready', FAR, { timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.param)).toBe(param);
    // Both keys moved the live slider: two steps back bring the value the page was drawn with.
    await expect.poll(() => slider.getAttribute('aria-valuetext')).not.toBe(before);
    await page.waitForTimeout(100);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe(before);
    expect(problems).toEqual([]);
  });

  it('carries on a drag that began on a scrub number before its figure came alive', async () => {
    const { page, problems } = await openPage(session.context, CHAPTER);
    await waitForLive(page);
    expect(await status(page, 'lqr-riccati')).toBe('static');
    await page.route('**/*.js', async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    const scrub = page.locator('.scrub[data-param="lqr-riccati.qT"]');
    const before = Number(await scrub.getAttribute('aria-valuenow'));
    await scrub.scrollIntoViewIfNeeded();
    const drawn = await scrub.elementHandle();
    const box = (await scrub.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // Pressed on the prerendered number; the live one replaces it while the button is still down.
    await page.waitForFunction((el) => !el?.isConnected, drawn, { timeout: 30_000 });
    await page.waitForTimeout(200);
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => Number(await scrub.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
    await expect.poll(() => page.url()).toContain('lqr-riccati.qT=');
    expect(problems).toEqual([]);
  });

  it('a figure whose values the address sets is alive at once, wherever it is', async () => {
    const { page, problems } = await openPage(session.context, `${CHAPTER}?v=1&${FAR}.noise=0.5`);
    await waitForLive(page);
    expect(await page.evaluate((id) => document.querySelector(`[data-figure="${id}"]`)!.getBoundingClientRect().top > 2 * innerHeight, FAR)).toBe(true);
    await expect.poll(() => status(page, FAR), { timeout: 30_000 }).not.toBe('static');
    await readyFigure(page, FAR);
    expect(await page.locator(`[data-figure="${FAR}"] input[data-param="${FAR}.noise"]`).getAttribute('aria-valuetext')).toMatch(/^0\.50?\b/);
    expect(problems).toEqual([]);
  });
});
