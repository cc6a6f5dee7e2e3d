/**
 * A worker that dies without a word (closed, killed for memory, hung) is noticed by the pool's watchdog: the job it
 * held fails with the "stopped unexpectedly … restarted" sentence, the worker is replaced, and the figures waiting
 * behind it carry on.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser, openPage, readyFigure } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

describe('worker watchdog', () => {
  it('replaces a worker that closed itself; a figure queued behind it still gets its result', async () => {
    const { page, problems } = await openPage(session.context, '/preface/');
    await readyFigure(page, 'ou-paths');
    // The self-test task closes its worker mid-job: no error event, no answer, ever.
    await page.evaluate(() => {
      const w = window as unknown as { vanished?: Promise<string> };
      w.vanished = window.book!.run('selfTest', { mode: 'vanish' }).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    });
    const theta = page.locator('input[data-param="ou-paths.theta"]');
    await theta.focus();
    await page.keyboard.press('ArrowRight');
    const message = await page.evaluate(() => (window as unknown as { vanished: Promise<string> }).vanished);
    expect(message).toMatch(/stopped unexpectedly \(it stopped answering\)\. It has been restarted/);
    expect(await page.evaluate(() => window.book!.pool().replaced)).toBe(1);
    await readyFigure(page, 'ou-paths');
    expect(await page.locator('[data-figure="ou-paths"] .figure-error').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('the console API refuses names that are not tasks with a sentence (constructor, __proto__, toString)', async () => {
    const { page } = await openPage(session.context, '/');
    const answers = await page.evaluate(async () => {
      const out: string[] = [];
      for (const name of ['constructor', '__proto__', 'toString']) {
        out.push(
          await window.book!.run(name as never, {}).then(
            () => 'resolved',
            (e: Error) => e.message,
          ),
        );
      }
      return out;
    });
    for (const a of answers) expect(a).toMatch(/the worker has no task called/);
    await page.close();
  }, 30_000);
});
