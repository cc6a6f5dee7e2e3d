/**
 * Chapter 7 (Merton's portfolio problem) in a real browser: every figure becomes ready and reacts to a slider, an
 * ill-posed setting shows its sentence in all three figures, and an exercise checks its answer in the page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, readyFigure } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 800 } });

const FIGURES = ['merton-explorer', 'merton-value', 'merton-pi'];
const stats = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-stats`).innerText();
const status = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`).getAttribute('data-status');

/**
 * Moves the slider `param` (e.g. "merton-value.gamma") shown inside figure `id`, and waits for the figure; `urlKey`
 * is the key the URL carries (the explorer's for a shared parameter, e.g. "merton-explorer.gamma").
 */
async function nudge(page: Page, id: string, param: string, presses = 1, urlKey = param): Promise<void> {
  const slider = page.locator(`[data-figure="${id}"] input[data-param="${param}"]`);
  await slider.focus();
  for (let i = 0; i < Math.abs(presses); i++) await page.keyboard.press(presses > 0 ? 'ArrowRight' : 'ArrowLeft');
  await page.waitForFunction((k) => location.search.includes(k), `${urlKey}=`);
  await readyFigure(page, id);
}

describe('chapter 7: Merton', () => {
  it('every figure becomes ready, shows the closed forms, and a slider changes what it shows', async () => {
    const { page, problems } = await openPage(session.context, '/merton/');
    for (const id of FIGURES) await readyFigure(page, id);
    expect(await stats(page, 'merton-explorer')).toMatch(/π\* = 0\.625\s+k\* = 0\.04781/);
    expect(await stats(page, 'merton-value')).toMatch(/at π\* = 0\.625: 4\.57% of wealth a year/);
    expect(await stats(page, 'merton-pi')).toMatch(/π = 0\.625 \(closed form 0\.625/);

    // Explorer: the reader's fraction.
    let before = await stats(page, 'merton-explorer');
    await nudge(page, 'merton-explorer', 'merton-explorer.pi', 4);
    let after = await stats(page, 'merton-explorer');
    expect(after).not.toBe(before);
    expect(after).toMatch(/Your policy \(π = 1\.2,/);

    // Value curve: risk aversion, moved from this figure's own controls (the explorer follows).
    before = await stats(page, 'merton-value');
    await nudge(page, 'merton-value', 'merton-value.gamma', 10, 'merton-explorer.gamma');
    after = await stats(page, 'merton-value');
    expect(after).not.toBe(before);
    expect(after).toMatch(/π\* = 0\.417/); // 0.05 / (3 * 0.04)
    await readyFigure(page, 'merton-explorer');
    expect(await stats(page, 'merton-explorer')).toMatch(/π\* = 0\.4167/); // the explorer shares γ

    // Policy iteration: more paths.
    before = await stats(page, 'merton-pi');
    await nudge(page, 'merton-pi', 'merton-pi.paths', 5);
    after = await stats(page, 'merton-pi');
    expect(after).not.toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an ill-posed setting (γ = 0.5, ρ = 0.04) explains itself in every figure, with no NaN', async () => {
    const { page, problems } = await openPage(session.context, '/merton/?v=1&merton-explorer.gamma=0.5&merton-explorer.rho=0.04');
    await readyFigure(page, 'merton-explorer');
    const notice = await page.locator('[data-figure="merton-explorer"] .figure-notice').innerText();
    expect(notice).toMatch(/ill-posed.*Raise ρ above 0\.04625/);
    // The reader's own policy still has a finite value and is simulated.
    expect(await stats(page, 'merton-explorer')).toMatch(/Your policy \(π = 1, k = 0\.03\): V\(1\) = \d/);
    for (const id of ['merton-value', 'merton-pi']) {
      await page.locator(`[data-figure="${id}"]`).scrollIntoViewIfNeeded();
      await expect.poll(() => status(page, id)).toBe('error');
      expect(await page.locator(`[data-figure="${id}"] .figure-error`).innerText()).toMatch(/No optimal policy.*ill-posed/);
    }
    expect(await page.locator('main').innerText()).not.toMatch(/NaN/);
    // Back to a well-posed rho from the figure's slider: the notice goes away.
    await nudge(page, 'merton-explorer', 'merton-explorer.rho', 3); // 0.055 (0.05 is the default and leaves the URL)
    expect(await page.locator('[data-figure="merton-explorer"] .figure-notice').count()).toBe(0);
    await expect.poll(() => status(page, 'merton-value')).not.toBe('error');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a ruinous policy (π = 4 at γ = 2) reports value −∞, not a number', async () => {
    const { page } = await openPage(session.context, '/merton/?v=1&merton-explorer.pi=4');
    await readyFigure(page, 'merton-explorer');
    expect(await stats(page, 'merton-explorer')).toMatch(/Your policy \(π = 4, k = 0\.03\): value −∞/);
    await page.close();
  });

  it('the exercise on the threshold of a well-posed ρ accepts 0.04625 and rejects 0.05', async () => {
    const { page } = await openPage(session.context, '/merton/');
    const ex = page.locator('.exercise').nth(2);
    await ex.scrollIntoViewIfNeeded();
    const input = ex.locator('input');
    await input.fill('0.04625');
    await ex.locator('button[type="submit"]').click();
    await expect.poll(() => ex.locator('output.exercise-verdict').getAttribute('data-verdict')).toBe('right');
    await input.fill('0.05');
    await ex.locator('button[type="submit"]').click();
    await expect.poll(() => ex.locator('output.exercise-verdict').getAttribute('data-verdict')).toBe('wrong');
    await page.close();
  });
});
