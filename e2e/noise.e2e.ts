/**
 * Chapter 3 (noise) in a real browser: every figure reacts to its controls, the convergence figure says when the
 * weak error cannot be measured, the worker's refusal of an ill-posed model reaches the reader as a sentence, and
 * an exercise is checked in the page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, nudgeSlider, openPage, readyFigure, waitForLive } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 800 } });

const stats = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-stats`).innerText();

describe('chapter 3: noise', () => {
  it('each figure changes when its controls move, and the page has no console error', async () => {
    const { page, problems } = await openPage(session.context, '/noise/');
    await waitForLive(page);

    // Brownian zoom: the zoom button, the rescale toggle and the centre slider.
    await readyFigure(page, 'brownian-zoom');
    const zoom0 = await stats(page, 'brownian-zoom');
    expect(zoom0).toContain('w = 2⁻⁴');
    await page.locator('[data-figure="brownian-zoom"]').getByRole('button', { name: 'Zoom in ×2' }).click();
    await page.waitForFunction(() => location.search.includes('brownian-zoom.zoom=5'));
    await readyFigure(page, 'brownian-zoom');
    await expect.poll(() => stats(page, 'brownian-zoom')).toContain('w = 2⁻⁵');
    const title = page.locator('[data-figure="brownian-zoom"] [data-panel="window"] .legend');
    expect(await title.innerText()).toContain('/ √w');
    await page.locator('[data-choice="brownian-zoom.rescale=0"]').click();
    await expect.poll(() => title.innerText()).toContain('not rescaled');
    const zoom1 = await stats(page, 'brownian-zoom');
    await nudgeSlider(page, 'brownian-zoom', 'center', 5);
    await expect.poll(() => stats(page, 'brownian-zoom')).not.toBe(zoom1);

    // Quadratic variation: a finer partition.
    await readyFigure(page, 'quadratic-variation');
    expect(await stats(page, 'quadratic-variation')).toContain('n = 16');
    await nudgeSlider(page, 'quadratic-variation', 'k', 3);
    await expect.poll(() => stats(page, 'quadratic-variation')).toContain('n = 128');

    // OU / GBM: switch the model, then move the volatility.
    await readyFigure(page, 'sde-laws');
    expect(await stats(page, 'sde-laws')).not.toContain('log X(T)');
    await page.locator('[data-choice="sde-laws.model=1"]').click();
    await page.waitForFunction(() => location.search.includes('sde-laws.model=1'));
    await readyFigure(page, 'sde-laws');
    await expect.poll(() => stats(page, 'sde-laws')).toContain('mean of log X(T)');
    const gbm0 = await stats(page, 'sde-laws');
    await nudgeSlider(page, 'sde-laws', 'vol', 2);
    await expect.poll(() => stats(page, 'sde-laws')).not.toBe(gbm0);

    // Convergence: the default slopes, then more paths change the estimates.
    await readyFigure(page, 'em-milstein-convergence', 60_000);
    const conv0 = await stats(page, 'em-milstein-convergence');
    expect(conv0).toMatch(/strong slope, Euler–Maruyama: 0\.5\d\d/);
    await nudgeSlider(page, 'em-milstein-convergence', 'v', 2);
    await expect.poll(() => stats(page, 'em-milstein-convergence')).not.toBe(conv0);

    expect(problems).toEqual([]);
    await page.close();
  });

  it('drift 0 in the convergence figure shows the sentence that the weak error is exactly zero', async () => {
    const { page, problems } = await openPage(session.context, '/noise/?v=1&em-milstein-convergence.m=0&em-milstein-convergence.paths=2000');
    await readyFigure(page, 'em-milstein-convergence', 60_000);
    await expect
      .poll(() => page.locator('[data-figure="em-milstein-convergence"] .figure-notice').innerText())
      .toContain('the weak error is zero at every step size');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an ill-posed model is refused by the worker with a sentence, not NaN', async () => {
    const { page } = await openPage(session.context, '/noise/');
    await waitForLive(page);
    await page.waitForFunction(() => Boolean(window.book));
    const message = await page.evaluate(async () => {
      const book = window.book!;
      const p = {
        model: 'ou',
        scheme: 'exact',
        theta: 0,
        mu: 0,
        sigma: 1,
        x0: 1,
        T: 1,
        steps: 10,
        paths: 10,
        seed: 1,
        record: 2,
        bins: 5,
        histMin: -1,
        histMax: 1,
      };
      return book.run('sdeLaws', p).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    });
    expect(message).toContain('pull rate θ must be > 0');
    await page.close();
  });

  it('an exercise is checked in the page', async () => {
    const { page } = await openPage(session.context, '/noise/');
    await waitForLive(page);
    const ex = page.locator('section.exercise').first();
    await ex.scrollIntoViewIfNeeded();
    await ex.locator('input').fill('3');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('wrong');
    await ex.locator('input').fill('3.5');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('right');
    await page.close();
  });
});
