/** Chapter 5 in a real browser: both figures respond to their sliders, the error paths show sentences, an exercise checks. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, readyFigure, nudgeSlider, gotoWithQuery } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 800 } });

const stats = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-stats`).innerText();
const status = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`).getAttribute('data-status');

describe('chapter 5: Feynman–Kac', () => {
  it('fk-paths: the default shows the chain value and its 1.66% bias; more time step moves it; an unstable gain says so', async () => {
    const { page, problems } = await openPage(session.context, '/feynman-kac/');
    await readyFigure(page, 'fk-paths');
    const before = await stats(page, 'fk-paths');
    expect(before).toContain('−0.2569');
    expect(before).toContain('−1.66%');
    await nudgeSlider(page, 'fk-paths', 'dt', 8); // 0.01 -> 0.05
    await expect.poll(() => stats(page, 'fk-paths')).toContain('−8.84%');
    expect(await stats(page, 'fk-paths')).toContain('−0.2750');
    // K below -0.55 does not stabilise: a sentence, not a plot of NaN.
    await gotoWithQuery(page, '?v=1&fk-paths.K=-0.8');
    await page.waitForFunction(() => document.querySelector('[data-figure="fk-paths"]')?.getAttribute('data-status') === 'error');
    const err = await page.locator('[data-figure="fk-paths"] .figure-error').innerText();
    expect(err).toMatch(/does not stabilise/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("fk-dt: shows the source post's -8.84% at dt = 0.05; moving K changes the numbers; a huge gain marks diverging steps", async () => {
    const { page, problems } = await openPage(session.context, '/feynman-kac/');
    await readyFigure(page, 'fk-dt');
    const before = await stats(page, 'fk-dt');
    expect(before).toContain('chain at Δt = 0.05: −0.2750 vs continuous −0.2527 (−8.84%)');
    await nudgeSlider(page, 'fk-dt', 'K', -10);
    await expect.poll(() => stats(page, 'fk-dt')).not.toBe(before);
    await gotoWithQuery(page, '?v=1&fk-dt.K=10&fk-dt.paths=200');
    await readyFigure(page, 'fk-dt');
    await expect.poll(() => stats(page, 'fk-dt')).toContain('diverges at Δt = 0.2');
    expect(await status(page, 'fk-dt')).toBe('ready');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an exercise accepts the computed answer and rejects a wrong one', async () => {
    const { page } = await openPage(session.context, '/feynman-kac/');
    const ex = page.locator('.exercise').nth(2); // V^K(2) for K = 5
    await ex.scrollIntoViewIfNeeded();
    await ex.locator('input').fill('-0.7725');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('right');
    await ex.locator('input').fill('-0.6516');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('wrong');
    await page.close();
  });
});
