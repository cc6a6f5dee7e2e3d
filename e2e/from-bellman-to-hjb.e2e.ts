/**
 * Chapter 2 in a real browser: the step-size figure reacts to h and to the problem's parameters, a problem with no
 * finite value shows a sentence, and an exercise checks an answer.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, nudgeSlider, openPage, readyFigure } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 900 } });

const FIG = 'lqr-step';
const stats = (page: Page) => page.locator(`[data-figure="${FIG}"] .figure-stats`).innerText();

describe('chapter 2: the step-size figure', () => {
  it("shows the post's numbers, and moving h or r changes them", async () => {
    const { page, problems } = await openPage(session.context, '/from-bellman-to-hjb/');
    await readyFigure(page, FIG);
    const first = await stats(page);
    expect(first).toContain('0.3141');
    expect(first).toContain('0.266');
    expect(first).toMatch(/slopes: 1\.02 \(P\), 0\.99 \(K\), 2\.00/);
    await nudgeSlider(page, FIG, 'h', -10);
    await expect.poll(() => stats(page)).not.toBe(first);
    const afterH = await stats(page);
    expect(afterH).toContain('vs P 0.266'); // the limit does not move with h
    await nudgeSlider(page, FIG, 'r', 5);
    await expect.poll(() => stats(page)).not.toBe(afterH);
    expect(await stats(page)).not.toContain('vs P 0.266');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a problem with no finite value says so in the figure', async () => {
    const { page } = await openPage(session.context, `/from-bellman-to-hjb/?${FIG}.beta=0&${FIG}.alpha=0.5`);
    await page.locator(`[data-figure="${FIG}"]`).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator(`[data-figure="${FIG}"]`).getAttribute('data-status')).toBe('error');
    expect(await page.locator(`[data-figure="${FIG}"] .figure-error`).innerText()).toMatch(/no finite value.*not stabilisable/);
    // Back to a stabilisable drift: still β = 0, so the figure says the control has no effect; β > 0 recovers it.
    await page.locator(`input[data-param="${FIG}.alpha"]`).focus();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator(`[data-figure="${FIG}"] .figure-error`).innerText()).toMatch(/β = 0 the control has no effect/);
    // Ten steps: β = 0.5. Twenty would land on the default, which the address leaves out.
    await nudgeSlider(page, FIG, 'beta', 10);
    await expect.poll(() => page.locator(`[data-figure="${FIG}"]`).getAttribute('data-status')).toBe('ready');
    await page.close();
  });

  it('with β = 0 the figure says the control has no effect instead of NaN slopes', async () => {
    const { page, problems } = await openPage(session.context, `/from-bellman-to-hjb/?${FIG}.beta=0`);
    const fig = page.locator(`[data-figure="${FIG}"]`);
    await fig.scrollIntoViewIfNeeded();
    await expect.poll(() => fig.getAttribute('data-status')).toBe('error');
    expect(await fig.locator('.figure-error').innerText()).toMatch(/β = 0 the control has no effect/);
    expect(await fig.innerText()).not.toMatch(/NaN/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('checks an exercise answer', async () => {
    const { page } = await openPage(session.context, '/from-bellman-to-hjb/');
    const ex = page.locator('.exercise').first();
    await ex.scrollIntoViewIfNeeded();
    await ex.locator('input').fill('0.266');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('.exercise-verdict').getAttribute('data-verdict')).toBe('right');
    await ex.locator('input').fill('0.5');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('.exercise-verdict').getAttribute('data-verdict')).toBe('wrong');
    await page.close();
  });
});

describe('chapter 2: value iteration to the kinked value', () => {
  it('shows the error after k sweeps and the sweeps to the fixed point, and moving k changes the error', async () => {
    const fig = 'exit-time-vi';
    const text = (page: Page) => page.locator(`[data-figure="${fig}"] .figure-stats`).innerText();
    const { page, problems } = await openPage(session.context, '/from-bellman-to-hjb/');
    await readyFigure(page, fig);
    const first = await text(page);
    expect(first).toMatch(/after k = 8: 0\.6\b/);
    expect(first).toMatch(/fixed point Vₕ: 20\b/);
    await nudgeSlider(page, fig, 'sweeps', 4);
    await expect.poll(() => text(page)).not.toBe(first);
    expect(await text(page)).toMatch(/after k = 12: 0\.4\b/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
