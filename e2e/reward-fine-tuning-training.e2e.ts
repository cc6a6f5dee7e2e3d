/**
 * Chapter 10's training figure in a real browser: ready before training, trains on the button (its snapshots drawn
 * against the exact curve), a long run shows progress and can be cancelled, and bad task input fails with a sentence.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, readyFigure } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 800 } });

const stats = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-stats`).innerText();
const status = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`).getAttribute('data-status');

describe('chapter 10: a control network fine-tuned in the worker', () => {
  it('ft-training: ready before training; trains on the button; a long run shows progress and can be cancelled', async () => {
    const { page, problems } = await openPage(session.context, '/reward-fine-tuning/?v=1&ft-training.steps=100&ft-training.batch=64');
    await readyFigure(page, 'ft-training');
    expect(await stats(page, 'ft-training')).toContain('Not trained yet');
    const fig = page.locator('[data-figure="ft-training"]');
    await fig.locator('[data-action="train"]').click();
    await page.waitForFunction(() => document.querySelector('[data-figure="ft-training"] .figure-stats')?.textContent?.includes('100 steps × 64'), undefined, {
      timeout: 60_000,
    });
    expect(await status(page, 'ft-training')).toBe('ready');
    expect(await stats(page, 'ft-training')).toMatch(/expected reward: \d\.\d{3} ± 0\.\d{3}/);
    expect(await fig.locator('[aria-label^="Snapshots of the network"] circle').count()).toBe(7);
    await fig.screenshot({ path: '/tmp/shots/ft-training-trained.png' });
    // A long run: 6000 steps. It reports progress; cancel stops it and keeps the finished network.
    const slider = page.locator('input[data-param="ft-training.steps"]');
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => location.search.includes('ft-training.steps=6000'));
    await fig.locator('[data-action="train"]').click();
    await page.waitForFunction(() => document.querySelector('[data-figure="ft-training"]')?.getAttribute('data-status') === 'loading');
    // The progress bar appears and moves past zero before the run is cancelled.
    await page.waitForFunction(
      () => Number(document.querySelector('[data-figure="ft-training"] [role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) > 0,
      undefined,
      { timeout: 60_000 },
    );
    expect(await status(page, 'ft-training')).toBe('loading');
    await fig.locator('[data-action="cancel"]').click();
    await expect.poll(() => status(page, 'ft-training')).toBe('ready');
    expect(await fig.locator('.figure-notice').innerText()).toContain('Training stopped');
    expect(await stats(page, 'ft-training')).toContain('100 steps × 64');
    // Bad task input is a sentence.
    const msg = await page.evaluate(async () => {
      const book = (window as unknown as { book: { run: (t: string, p: unknown) => Promise<unknown> } }).book;
      return book.run('ftTraining', { lambda: 0, steps: 100, batch: 64, seed: 1, paths: 100, evalSteps: 50 }).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    });
    expect(msg).toMatch(/temperature lambda must be between 0\.1 and 10/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
