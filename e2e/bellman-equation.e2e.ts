/**
 * Chapter 1 in a real browser: the gridworld figure reacts to its sliders, its sweep controls and clicks on cells;
 * an impossible world shows a sentence; an exercise checks an answer.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, nudgeSlider, openPage, readyFigure } from './browser.ts';

// Reduced motion: the figure does not autoplay, so what it shows changes only when the test changes something.
const session = useBrowser({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

const FIG = 'gridworld-vi';
const stats = (page: Page) => page.locator(`[data-figure="${FIG}"] .figure-stats`).innerText();
const cellLabel = (page: Page, i: number) => page.locator(`[data-figure="${FIG}"] button[data-cell="${i}"]`).getAttribute('aria-label');

describe('chapter 1: the gridworld figure', () => {
  it('shows the converged sweep, steps back one sweep, and changes with the discount', async () => {
    const { page, problems } = await openPage(session.context, '/bellman-equation/');
    await readyFigure(page, FIG);
    const fig = page.locator(`[data-figure="${FIG}"]`);
    // Under reduced motion there is no play button, only steps.
    expect(await fig.getByRole('button', { name: 'Play' }).count()).toBe(0);
    const first = await stats(page);
    const m = /sweep k: (\d+) of (\d+)/.exec(first);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    await fig.getByRole('button', { name: 'Previous sweep' }).click();
    await expect.poll(() => stats(page)).toContain(`sweep k: ${Number(m![1]) - 1} of ${m![2]}`);

    const before = await stats(page);
    const cellBefore = await cellLabel(page, 20);
    await nudgeSlider(page, FIG, 'gamma', 5);
    await expect.poll(() => stats(page)).not.toBe(before);
    await expect.poll(() => cellLabel(page, 20)).not.toBe(cellBefore);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('clicking a cell makes it a wall, then a pit, then frees it; the URL keeps the world', async () => {
    const { page, problems } = await openPage(session.context, '/bellman-equation/');
    await readyFigure(page, FIG);
    const cell = page.locator(`[data-figure="${FIG}"] button[data-cell="12"]`);
    expect(await cellLabel(page, 12)).toMatch(/value .* greedy move/);
    const before = await stats(page);
    await cell.click();
    await expect.poll(() => page.url()).toContain(`${FIG}.walls=`);
    await readyFigure(page, FIG);
    await expect.poll(() => cellLabel(page, 12)).toMatch(/: wall\./);
    await expect.poll(() => stats(page)).not.toBe(before);
    // Keyboard: focus and Enter.
    await page.locator(`[data-figure="${FIG}"] button[data-cell="12"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`${FIG}.pits=`);
    await readyFigure(page, FIG);
    await expect.poll(() => cellLabel(page, 12)).toMatch(/: pit\./);
    await page.locator(`[data-figure="${FIG}"] button[data-cell="12"]`).click();
    await readyFigure(page, FIG);
    await expect.poll(() => cellLabel(page, 12)).toMatch(/greedy move/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a world with no free cell says so in the figure', async () => {
    const { page } = await openPage(session.context, `/bellman-equation/?${FIG}.walls=33554431`);
    await page.locator(`[data-figure="${FIG}"]`).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator(`[data-figure="${FIG}"]`).getAttribute('data-status')).toBe('error');
    expect(await page.locator(`[data-figure="${FIG}"] .figure-error`).innerText()).toMatch(/Every cell is a wall, a pit or the goal/);
    await page.close();
  });

  it('checks an exercise answer', async () => {
    const { page } = await openPage(session.context, '/bellman-equation/');
    const ex = page.locator('.exercise').first();
    await ex.scrollIntoViewIfNeeded();
    await ex.locator('input').fill('0.2505');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('.exercise-verdict').getAttribute('data-verdict')).toBe('right');
    await ex.locator('input').fill('0.30');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('.exercise-verdict').getAttribute('data-verdict')).toBe('wrong');
    await page.close();
  });
});
