/**
 * Chapter 4 in a real browser: each figure responds to its sliders, the explorer explains an unstable gain in a
 * sentence, "Use K*" pairs the two policies exactly, and an exercise is checked in the page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, nudgeSlider, openPage, readyFigure } from './browser.ts';

const ROUTE = '/stochastic-hjb-lqr/';

const session = useBrowser({ viewport: { width: 1280, height: 900 } });

const stats = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-stats`).innerText();

describe('chapter 4: the stochastic HJB equation and the LQR', () => {
  it('the explorer: moving K changes the value and the Monte Carlo lines; "Use K*" makes the two policies coincide', async () => {
    const { page, problems } = await openPage(session.context, ROUTE);
    await readyFigure(page, 'lqr-explorer');
    const before = await stats(page, 'lqr-explorer');
    expect(before).toContain('P = 0.2659751');
    expect(before).toContain('K* = 2.6597508');
    expect(before).toContain('c = 0.1196888');
    expect(before).toMatch(/cuts a\*\(x\) for \|x\| > 1\.88/);
    // A change shows a quick preview (500 paths, data-preview="true") before the full 4,000 paths land.
    await page.evaluate(() => {
      const el = document.querySelector('[data-figure="lqr-explorer"]')!;
      const w = window as unknown as { __previews: string[] };
      w.__previews = [];
      new MutationObserver(() => {
        if (el.getAttribute('data-preview') === 'true') w.__previews.push(el.querySelector('.figure-stats')?.textContent ?? '');
      }).observe(el, { attributes: true, attributeFilter: ['data-preview'], subtree: false });
    });
    await nudgeSlider(page, 'lqr-explorer', 'gain', 4);
    await expect.poll(() => stats(page, 'lqr-explorer')).not.toBe(before);
    expect(await stats(page, 'lqr-explorer')).toContain('Your gain K = 1.2');
    await readyFigure(page, 'lqr-explorer');
    expect(await stats(page, 'lqr-explorer')).toContain('4,000 paths)');
    const previews = await page.evaluate(() => (window as unknown as { __previews: string[] }).__previews);
    expect(previews.length).toBeGreaterThan(0);
    expect(previews.some((t) => t.includes('500 paths)'))).toBe(true);

    await page.getByRole('button', { name: /Use K\*/ }).click();
    await page.waitForFunction(() => location.search.includes('lqr-explorer.gain=2.66'));
    await readyFigure(page, 'lqr-explorer');
    await expect.poll(() => stats(page, 'lqr-explorer')).toContain('Your gain K = 2.66');
    const text = await stats(page, 'lqr-explorer');
    const means = [...text.matchAll(/V_K\*?\(x₀\): (−?[\d.]+)/g)].map((m) => m[1]);
    expect(means.length).toBe(2);
    expect(Math.abs(Number(means[0].replace('−', '-')) - Number(means[1].replace('−', '-')))).toBeLessThan(2e-4);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the explorer: an unstable gain gives a sentence with the stable range, not NaN', async () => {
    const { page, problems } = await openPage(session.context, `${ROUTE}?v=1&lqr-explorer.gain=-1`);
    await readyFigure(page, 'lqr-explorer');
    const fig = page.locator('[data-figure="lqr-explorer"]');
    await expect.poll(() => fig.locator('.figure-notice').innerText()).toMatch(/does not stabilise.*Stable gains here are K > −0\.550/s);
    expect(await stats(page, 'lqr-explorer')).toContain('V_K = −∞');
    expect(await fig.locator('.figure-body').innerText()).not.toMatch(/NaN|Infinity/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the finite-horizon Riccati figure follows its terminal weight; the double integrator follows R, and its gain ignores the noise', async () => {
    const { page, problems } = await openPage(session.context, ROUTE);
    await readyFigure(page, 'lqr-riccati');
    const r0 = await stats(page, 'lqr-riccati');
    await nudgeSlider(page, 'lqr-riccati', 'T', -15);
    await expect.poll(() => stats(page, 'lqr-riccati')).not.toBe(r0);
    expect(await stats(page, 'lqr-riccati')).toContain('not yet within 1% of P');

    await readyFigure(page, 'lqr-double-integrator');
    const d0 = await stats(page, 'lqr-double-integrator');
    expect(d0).toContain('K = [2.9666, 3.9420]');
    await nudgeSlider(page, 'lqr-double-integrator', 'noise', 3);
    const d1 = await stats(page, 'lqr-double-integrator');
    expect(d1).toContain('K = [2.9666, 3.9420]');
    expect(d1).not.toBe(d0);
    await nudgeSlider(page, 'lqr-double-integrator', 'R', 20);
    await expect.poll(() => stats(page, 'lqr-double-integrator')).not.toContain('K = [2.9666, 3.9420]');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an exercise checks its answer in the page', async () => {
    const { page, problems } = await openPage(session.context, ROUTE);
    const ex = page.locator('.exercise', { hasText: 'Someone uses the gain' });
    await ex.scrollIntoViewIfNeeded();
    await ex.locator('input').fill('-0.80');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('wrong');
    await ex.locator('input').fill('-0.8694');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('right');
    expect(problems).toEqual([]);
    await page.close();
  });
});
