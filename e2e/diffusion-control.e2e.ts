/**
 * Chapter 9 in a real browser: each figure responds to its controls, the numbers appear, the score network trains on
 * a button and can be cancelled, bad task input fails with a sentence, an exercise is judged wrong then right.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, readyFigure, nudgeSlider } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 800 } });

const stats = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-stats`).innerText();
const status = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`).getAttribute('data-status');

describe('chapter 9: diffusion models as stochastic control', () => {
  it('dc-particles: the default shows MMD² 0.00111 beside 0.00012; without the score no particle lands on a mode; playback moves', async () => {
    const { page, problems } = await openPage(session.context, '/diffusion-control/');
    await readyFigure(page, 'dc-particles');
    const before = await stats(page, 'dc-particles');
    expect(before).toContain('0.00111');
    expect(before).toContain('0.00012');
    expect(before).toContain('98.6%');
    await nudgeSlider(page, 'dc-particles', 'lambda', -20); // 1 -> 0
    await expect.poll(() => stats(page, 'dc-particles')).toContain('0.08391');
    expect(await stats(page, 'dc-particles')).toContain('on a mode: 0.0%');
    expect(await stats(page, 'dc-particles')).toContain('outside the window');
    // The probability flow.
    await page.locator('[data-choice="dc-particles.method=1"]').click();
    await readyFigure(page, 'dc-particles');
    await expect.poll(() => page.url()).toContain('dc-particles.method=1');
    // Playback: step back to the start shows tau = 0.
    const fig = page.locator('[data-figure="dc-particles"]');
    for (let i = 0; i < 25; i++)
      await fig
        .getByRole('button', { name: 'Step generation time back' })
        .click({ force: true })
        .catch(() => undefined);
    await expect.poll(() => fig.locator('.playback-value').innerText()).toBe('τ = 0.000');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('dc-verification: J at lambda = 1 equals V within its error; fewer steps change the numbers; bad task input is a sentence', async () => {
    const { page, problems } = await openPage(session.context, '/diffusion-control/');
    await readyFigure(page, 'dc-verification');
    const before = await stats(page, 'dc-verification');
    expect(before).toContain('J = 3.022');
    expect(before).toContain('V = 2.878');
    expect(before).toContain('pathwise residual: 0.0200 ± 0.0286');
    expect(before).toContain('SE ratio: 9–70×');
    await nudgeSlider(page, 'dc-verification', 'steps', -10);
    await expect.poll(() => stats(page, 'dc-verification')).not.toBe(before);
    const msg = await page.evaluate(async () => {
      const book = (window as unknown as { book: { run: (t: string, p: unknown) => Promise<unknown> } }).book;
      return book.run('dcVerification', { lambdas: [0], particles: 100, steps: 100, seed: 1 }).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    });
    expect(msg).toMatch(/control scales must be in \(0, 10\]/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('dc-value: from x0 = 1.5 the paths end in p(Y0 | YT = x0) (weights 0.117, 0.883); beta_max 20 forgets the start', async () => {
    const { page, problems } = await openPage(session.context, '/diffusion-control/');
    await readyFigure(page, 'dc-value');
    const before = await stats(page, 'dc-value');
    expect(before).toContain('0.117, 0.883');
    expect(before).toContain('V(x₀, 0): 1.9785');
    await nudgeSlider(page, 'dc-value', 'betaMax', 32); // 4 -> 20
    await expect.poll(() => stats(page, 'dc-value')).toContain('0.394, 0.606');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('dc-dsm: ready before training; trains on the button; a long run shows progress and can be cancelled', async () => {
    const { page, problems } = await openPage(session.context, '/diffusion-control/?v=1&dc-dsm.steps=100&dc-dsm.batch=32');
    await readyFigure(page, 'dc-dsm');
    expect(await stats(page, 'dc-dsm')).toContain('Not trained yet');
    const fig = page.locator('[data-figure="dc-dsm"]');
    await fig.locator('[data-action="train"]').click();
    await page.waitForFunction(() => document.querySelector('[data-figure="dc-dsm"] .figure-stats')?.textContent?.includes('100 steps × 32'), undefined, {
      timeout: 60_000,
    });
    expect(await status(page, 'dc-dsm')).toBe('ready');
    expect(await stats(page, 'dc-dsm')).toMatch(/score error at s = 0\.3: \d\.\d{3}/);
    await fig.screenshot({ path: '/tmp/shots/dc-dsm-trained.png' });
    // A long run: 8000 steps. It reports progress; cancel stops it and keeps the finished network.
    const slider = page.locator('input[data-param="dc-dsm.steps"]');
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => location.search.includes('dc-dsm.steps=8000'));
    await fig.locator('[data-action="train"]').click();
    await page.waitForFunction(() => document.querySelector('[data-figure="dc-dsm"]')?.getAttribute('data-status') === 'loading');
    await fig.locator('[data-action="cancel"]').click();
    await expect.poll(() => status(page, 'dc-dsm')).toBe('ready');
    expect(await fig.locator('.figure-notice').innerText()).toContain('Training stopped');
    expect(await stats(page, 'dc-dsm')).toContain('100 steps × 32');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('dc-dsm never retrains by itself: after a finished run, a new seed waits for the Train button', async () => {
    const { page, problems } = await openPage(session.context, '/diffusion-control/?v=1&dc-dsm.steps=100&dc-dsm.batch=32');
    await readyFigure(page, 'dc-dsm');
    const fig = page.locator('[data-figure="dc-dsm"]');
    await fig.locator('[data-action="train"]').click();
    await page.waitForFunction(() => document.querySelector('[data-figure="dc-dsm"] .figure-stats')?.textContent?.includes('100 steps × 32'), undefined, {
      timeout: 60_000,
    });
    await readyFigure(page, 'dc-dsm');
    const trained = await stats(page, 'dc-dsm');
    await fig.getByRole('button', { name: 'New random seed' }).click();
    await page.waitForFunction(() => location.search.includes('dc-dsm.seed='));
    await page.waitForTimeout(2000);
    expect(await status(page, 'dc-dsm')).toBe('ready');
    expect(await fig.locator('.figure-progress, [role="progressbar"]').count()).toBe(0);
    expect(await stats(page, 'dc-dsm')).toBe(trained);
    // The button trains with the new seed, once.
    await fig.locator('[data-action="train"]').click();
    await expect.poll(() => stats(page, 'dc-dsm'), { timeout: 60_000 }).not.toBe(trained);
    await readyFigure(page, 'dc-dsm');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an exercise accepts the computed answer and rejects a wrong one', async () => {
    const { page } = await openPage(session.context, '/diffusion-control/');
    const ex = page.locator('.exercise').nth(2); // u*(0.5, 0.7)
    await ex.scrollIntoViewIfNeeded();
    await ex.locator('input').fill('1.119');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('wrong');
    await ex.locator('input').fill('0.4542');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('right');
    await page.close();
  });
});
