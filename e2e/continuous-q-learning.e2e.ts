/** Chapter 8 in a real browser: every figure shows its numbers and responds to a slider, an oversized run says so in a sentence, an exercise checks. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, readyFigure, nudgeSlider, gotoWithQuery } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 800 } });

const stats = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-stats`).innerText();

describe('chapter 8: continuous-time q-learning', () => {
  it('ql-collapse: q-learning 2.661 against discrete Q 3.003 (+12.9%) at dt = 0.005; a smaller budget changes the numbers', async () => {
    const { page, problems } = await openPage(session.context, '/continuous-q-learning/');
    await readyFigure(page, 'ql-collapse', 60_000);
    const before = await stats(page, 'ql-collapse');
    expect(before).toContain('q-learning gain at Δt = 0.005: 2.661 (+0.1%');
    expect(before).toContain('discrete Q gain at Δt = 0.005: 3.003 (+12.9%)');
    expect(before).toContain('near its K_Δt = 2.262');
    expect(before).toContain('exact −2.53 × 10⁻⁴');
    await nudgeSlider(page, 'ql-collapse', 'time', -10);
    await expect.poll(() => stats(page, 'ql-collapse'), { timeout: 30_000 }).not.toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ql-learning: 2.657 and 2.719 at dt = 0.01; moving dt changes both', async () => {
    const { page, problems } = await openPage(session.context, '/continuous-q-learning/');
    await readyFigure(page, 'ql-learning', 60_000);
    const before = await stats(page, 'ql-learning');
    expect(before).toContain('q-learning gain: 2.657');
    expect(before).toContain('discrete Q gain: 2.719 (K_Δt = 2.617)');
    expect(before).toContain('−0.0502');
    await nudgeSlider(page, 'ql-learning', 'dt', 10);
    await expect.poll(() => stats(page, 'ql-learning'), { timeout: 30_000 }).not.toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ql-ergodic: psi and the average reward against the closed form; a slider reruns it; an oversized run is refused with a sentence', async () => {
    const { page, problems } = await openPage(session.context, '/continuous-q-learning/');
    await readyFigure(page, 'ql-ergodic', 60_000);
    const before = await stats(page, 'ql-ergodic');
    expect(before).toContain('−0.3478, −0.7082, −1.0391 vs ψ* = −0.3542, −0.7085, −1.0378');
    expect(before).toContain('average reward: 0.6368 vs exact 0.633374');
    await nudgeSlider(page, 'ql-ergodic', 'paths', -5);
    await expect.poll(() => stats(page, 'ql-ergodic'), { timeout: 30_000 }).not.toBe(before);
    await gotoWithQuery(page, '?v=1&ql-ergodic.dt=0.01&ql-ergodic.paths=2000&ql-ergodic.time=3000');
    await page.locator('[data-figure="ql-ergodic"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-figure="ql-ergodic"]')?.getAttribute('data-status') === 'error');
    expect(await page.locator('[data-figure="ql-ergodic"] .figure-error').innerText()).toMatch(/600 million path-steps, more than the 300 million/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an exercise rejects the leading-order gap and accepts the exact one', async () => {
    const { page } = await openPage(session.context, '/continuous-q-learning/');
    const ex = page.locator('.exercise').nth(0);
    await ex.scrollIntoViewIfNeeded();
    await ex.locator('input').fill('-0.005');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('wrong');
    await ex.locator('input').fill('-0.00651');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('right');
    await page.close();
  });
});
