/**
 * Chapter 10 in a real browser: each figure draws its numbers at the defaults and responds to its controls (the
 * trade-off figure to the particle figure's shared sliders), bad task input fails with a sentence, and an exercise
 * is judged wrong then right.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, readyFigure, nudgeSlider } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 800 } });

const stats = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-stats`).innerText();

describe('chapter 10: rewarding a diffusion model', () => {
  it('rf-particles: the default shows E[r] against its exact value and the KL; moving b changes them; playback moves', async () => {
    const { page, problems } = await openPage(session.context, '/reward-fine-tuning/');
    await readyFigure(page, 'rf-particles');
    const before = await stats(page, 'rf-particles');
    expect(before).toContain('exact 1.418');
    expect(before).toContain('KL(Pᵘ* ‖ Pᵖʳᵉ): 0.5829');
    await nudgeSlider(page, 'rf-particles', 'b2', 10); // b = (1, 0) -> (1, 1)
    await expect.poll(() => stats(page, 'rf-particles')).not.toBe(before);
    const fig = page.locator('[data-figure="rf-particles"]');
    for (let i = 0; i < 25; i++)
      await fig
        .getByRole('button', { name: 'Step generation time back' })
        .click({ force: true })
        .catch(() => undefined);
    await expect.poll(() => fig.locator('.playback-value').innerText()).toBe('t = 0.000');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('rf-tradeoff: the exact point at the default temperature; the shared temperature slider moves it', async () => {
    const { page, problems } = await openPage(session.context, '/reward-fine-tuning/');
    await readyFigure(page, 'rf-tradeoff');
    const before = await stats(page, 'rf-tradeoff');
    expect(before).toContain('E[r] = 1.4182');
    expect(before).toContain('KL(Pᵘ* ‖ Pᵖʳᵉ): 0.5829');
    // The temperature slider of this figure lives in the particle figure's slice (one value, one URL key).
    const slider = page.locator('[data-figure="rf-tradeoff"] input[data-param$=".lambda"]');
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.url()).toContain('rf-particles.lambda=');
    await readyFigure(page, 'rf-tradeoff');
    await expect.poll(() => stats(page, 'rf-tradeoff')).not.toBe(before);
    const msg = await page.evaluate(async () => {
      const book = (window as unknown as { book: { run: (t: string, p: unknown) => Promise<unknown> } }).book;
      return book.run('rfTradeoff', { b: [1, 0], lambda: 0 }).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    });
    expect(msg).toMatch(/the temperature λ must be between 0.01 and 100/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('rf-bias: with beta_max 2 the end law misses the tilted law by KL 0.0911; beta_max 20 forgets the start', async () => {
    const { page, problems } = await openPage(session.context, '/reward-fine-tuning/');
    await readyFigure(page, 'rf-bias');
    const before = await stats(page, 'rf-bias');
    expect(before).toContain('0.0911');
    expect(before).toContain('α(T) = 0.5916');
    await page.goto(new URL('/reward-fine-tuning/?v=1&rf-bias.betaMax=20', page.url()).href);
    await readyFigure(page, 'rf-bias');
    await expect.poll(() => stats(page, 'rf-bias')).toContain('α(T) = 0.0066');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an exercise accepts the computed answer and rejects a wrong one', async () => {
    const { page } = await openPage(session.context, '/reward-fine-tuning/');
    const ex = page.locator('.exercise').nth(0); // the tilted weight of the mode at angle 0
    await ex.scrollIntoViewIfNeeded();
    await ex.locator('input').fill('0.125');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('wrong');
    await ex.locator('input').fill('0.4052');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => ex.locator('output').getAttribute('data-verdict')).toBe('right');
    await page.close();
  });
});
