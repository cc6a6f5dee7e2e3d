/** Chapter 6 in a real browser: each figure responds to a slider, the error paths show sentences, an exercise checks. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, readyFigure, nudgeSlider, gotoWithQuery } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 800 } });

const stats = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-stats`).innerText();
const summary = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .visually-hidden`).innerText();

describe('chapter 6: policy iteration', () => {
  it('kleinman: the default sequence reaches K*; K0 changes it; an unstable K0 says why', async () => {
    const { page, problems } = await openPage(session.context, '/policy-iteration/');
    await readyFigure(page, 'kleinman');
    const before = await stats(page, 'kleinman');
    expect(before).toContain('9.0909091 → 4.8047662');
    await nudgeSlider(page, 'kleinman', 'K0', 10); // 0 -> 1
    await expect.poll(() => stats(page, 'kleinman')).not.toBe(before);
    // Between -0.55 and 0 only the double integrator is unstable: a notice, the scalar run still shown.
    await nudgeSlider(page, 'kleinman', 'K0', -12); // -> -0.2
    await expect.poll(() => page.locator('[data-figure="kleinman"] .figure-notice').innerText()).toMatch(/Double integrator.*does not stabilise/);
    // Below -0.55 both are unstable: the figure is in error with a sentence.
    await gotoWithQuery(page, '?v=1&kleinman.K0=-0.8');
    await page.locator('[data-figure="kleinman"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-figure="kleinman"]')?.getAttribute('data-status') === 'error');
    expect(await page.locator('[data-figure="kleinman"] .figure-error').innerText()).toMatch(/need K₀ > −0.55/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('pi-sampled: ends near K*; fewer paths change the diagnostics; an unstable K0 is refused', async () => {
    const { page, problems } = await openPage(session.context, '/policy-iteration/');
    await readyFigure(page, 'pi-sampled');
    const before = await summary(page, 'pi-sampled');
    expect(before).toContain('2.6634');
    await nudgeSlider(page, 'pi-sampled', 'paths', -1);
    await expect.poll(() => summary(page, 'pi-sampled')).not.toBe(before);
    await gotoWithQuery(page, '?v=1&pi-sampled.K0=-0.8');
    await page.locator('[data-figure="pi-sampled"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-figure="pi-sampled"]')?.getAttribute('data-status') === 'error');
    expect(await page.locator('[data-figure="pi-sampled"] .figure-error').innerText()).toMatch(/does not stabilise/);
    // Just above the edge, a coarse time step makes the iteration run away: a sentence again, not NaN.
    await gotoWithQuery(page, '?v=1&pi-sampled.K0=-0.5&pi-sampled.dt=0.05');
    await page.locator('[data-figure="pi-sampled"]').scrollIntoViewIfNeeded();
    await expect
      .poll(
        () =>
          page
            .locator('[data-figure="pi-sampled"] .figure-error')
            .innerText()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toMatch(/ran away at Δt = 0.05/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('mc-grid: first-order ratios at the default; a finer h lowers the error', async () => {
    const { page, problems } = await openPage(session.context, '/policy-iteration/');
    await readyFigure(page, 'mc-grid');
    const before = await stats(page, 'mc-grid');
    expect(before).toContain('4.91e-2');
    expect(before).toContain('2.00, 2.00, 2.00');
    await nudgeSlider(page, 'mc-grid', 'h', -30);
    await expect.poll(() => stats(page, 'mc-grid')).not.toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the Kleinman-step exercise accepts 9.0909', async () => {
    const { page } = await openPage(session.context, '/policy-iteration/');
    const ex = page.locator('.exercise').first();
    await ex.scrollIntoViewIfNeeded();
    await ex.locator('input').fill('9.0909');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('right');
    await page.close();
  });
});
