/**
 * The quick browser check that `npm test` runs (the full browser suite runs with `npm run test:all`): one figure's
 * whole pipeline, from slider to worker to picture to address and back, and how it fails and recovers.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, origin, readyFigure, useBrowser } from './browser.ts';

const session = useBrowser();

const stats = (page: Page) => page.locator('[data-figure="ou-paths"] .figure-stats').innerText();
const figureStatus = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`).getAttribute('data-status');

describe('the figure pipeline', () => {
  it('moving a slider changes the figure and the URL; reloading the URL restores the same picture', async () => {
    const { page, problems } = await openPage(session.context, '/preface/');
    await readyFigure(page, 'ou-paths');
    const before = await stats(page);
    const slider = page.locator('input[data-param="ou-paths.sigma"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('ou-paths.sigma=0.7');
    await readyFigure(page, 'ou-paths');
    await expect.poll(() => stats(page)).not.toBe(before);
    const after = await stats(page);
    // The inline number in the prose drives the same value.
    // (It comes alive with the figure's module: app/islands/mountIslands.tsx, mountScrubsWithTheirFigures.)
    await expect.poll(() => page.locator('.scrub[data-param="ou-paths.sigma"]').innerText()).toBe('0.7');

    const url = page.url();
    const { page: again } = await openPage(session.context, url.replace(origin(), ''));
    await readyFigure(again, 'ou-paths');
    expect(await again.locator('input[data-param="ou-paths.sigma"]').getAttribute('aria-valuetext')).toBe('0.7');
    expect(await stats(again)).toBe(after); // same seed, same numbers
    expect(problems).toEqual([]);
    await page.close();
    await again.close();
  });

  it('the seed re-roll draws new paths and reset brings back the defaults', async () => {
    const { page } = await openPage(session.context, '/preface/');
    await readyFigure(page, 'ou-paths');
    const before = await stats(page);
    await page.getByRole('button', { name: 'New random seed' }).click();
    await expect.poll(() => page.url()).toMatch(/ou-paths\.seed=\d+/);
    await readyFigure(page, 'ou-paths');
    await expect.poll(() => stats(page)).not.toBe(before);
    await page.locator('[data-figure="ou-paths"]').getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => page.url()).not.toContain('ou-paths.');
    await readyFigure(page, 'ou-paths');
    await expect.poll(() => stats(page)).toBe(before);
    await page.close();
  });

  it('exports the figure as a standalone SVG, a PNG and its data as CSV', async () => {
    const { page } = await openPage(session.context, '/preface/');
    await readyFigure(page, 'ou-paths');
    const fig = page.locator('[data-figure="ou-paths"]');
    const fetchDownload = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name, exact: true }).click()]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return { name: download.suggestedFilename(), body: Buffer.concat(chunks) };
    };
    const svg = await fetchDownload('SVG');
    expect(svg.name).toBe('ou-paths.svg');
    const text = svg.body.toString('utf8');
    expect(text).toMatch(/^<\?xml|^<svg/);
    expect(text).not.toContain('var(--'); // colours resolved: the file stands alone
    expect(text).toContain('<image'); // the canvas layer (paths) is embedded
    const png = await fetchDownload('PNG');
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    const csv = await fetchDownload('CSV');
    const lines = csv.body.toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('t,path1,path2,path3');
    expect(lines.length).toBe(202);
    await page.close();
  });

  it('a garbled URL shows notices, falls back to valid values, and the page still works', async () => {
    const { page, problems } = await openPage(
      session.context,
      '/preface/?%25%25%3Cscript%3Ealert(1)%3C%2Fscript%3E=NaN&ou-paths.theta=abc&ou-paths.sigma=-1e999&ou-paths.paths=1e12',
    );
    await readyFigure(page, 'ou-paths');
    const pageNotice = await page.locator('.notice-page').innerText();
    expect(pageNotice).toContain('<script>');
    const figNotice = await page.locator('[data-figure="ou-paths"] .notice').innerText();
    expect(figNotice).toMatch(/not a number/);
    expect(figNotice).toMatch(/outside what this figure allows/);
    expect(await page.locator('input[data-param="ou-paths.sigma"]').getAttribute('aria-valuetext')).toBe('0.1');
    expect(await page.locator('input[data-param="ou-paths.paths"]').getAttribute('aria-valuetext')).toBe('5,000');
    expect(await page.locator('input[data-param="ou-paths.theta"]').getAttribute('aria-valuetext')).toBe('1.0');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an engine error and a dying worker show a sentence in the figure; the next change recovers', async () => {
    // Fault injection: corrupt the horizon the page sends to the worker (the engine rejects T <= 0), then stop.
    await session.context.addInitScript(() => {
      const w = window as unknown as { __inject?: string };
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
        const m = message as { path?: string[]; argumentList?: Array<{ value?: unknown }> };
        const params = m?.path?.[0] === 'run' ? (m.argumentList?.[2]?.value as { T?: number } | undefined) : undefined;
        if (params && 'theta' in params && w.__inject === 'bad-T') params.T = -1;
        if (params && 'theta' in params && w.__inject === 'crash') {
          // A worker that dies mid-job: the request never runs, and the worker reports an uncaught error.
          setTimeout(() => this.dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' })), 5);
          return;
        }
        return (post as (...a: unknown[]) => void).call(this, message, ...rest);
      };
    });
    const { page } = await openPage(session.context, '/preface/');
    await readyFigure(page, 'ou-paths');
    const slider = page.locator('input[data-param="ou-paths.theta"]');

    await page.evaluate(() => ((window as unknown as { __inject?: string }).__inject = 'bad-T'));
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => figureStatus(page, 'ou-paths')).toBe('error');
    expect(await page.locator('[data-figure="ou-paths"] .figure-error').innerText()).toMatch(/could not be computed: .*T/);

    await page.evaluate(() => ((window as unknown as { __inject?: string }).__inject = 'crash'));
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() =>
        page
          .locator('[data-figure="ou-paths"] .figure-error')
          .innerText()
          .catch(() => ''),
      )
      .toMatch(/stopped unexpectedly/);
    expect(await page.evaluate(() => window.book!.pool().replaced)).toBeGreaterThanOrEqual(1);

    await page.evaluate(() => ((window as unknown as { __inject?: string }).__inject = ''));
    await page.keyboard.press('ArrowRight');
    await readyFigure(page, 'ou-paths');
    expect(await page.locator('[data-figure="ou-paths"] .figure-error').count()).toBe(0);
    // The rest of the page kept working throughout.
    expect(await page.locator('main h1').innerText()).toBe('Preface');
    await page.close();
    await session.context.close();
    session.context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  });

  it('a figure off screen does not compute; it comes alive a screen ahead and computes when near the viewport', async () => {
    const small = await session.browser.newContext({ viewport: { width: 1280, height: 500 } });
    const { page } = await openPage(small, '/preface/');
    await page.waitForSelector('[data-figure="ou-paths"]');
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => window.book!.pool().started)).toBe(0);
    // Screens away it is still its prerendered picture.
    expect(await figureStatus(page, 'ou-paths')).toBe('static');
    // 400 px below the window: alive (figures come alive a screen ahead) but not computing (that starts at 300 px).
    await page.evaluate(() => {
      const top = document.querySelector('[data-figure="ou-paths"]')!.getBoundingClientRect().top + scrollY;
      scrollTo(0, top - innerHeight - 400);
    });
    await expect.poll(() => figureStatus(page, 'ou-paths')).toBe('loading');
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => window.book!.pool().started)).toBe(0);
    await readyFigure(page, 'ou-paths');
    expect(await page.evaluate(() => window.book!.pool().started)).toBe(1);
    await small.close();
  });

  it('the worker pool: errors arrive as messages, a crashed worker is replaced, a superseded run is cancelled', async () => {
    const { page } = await openPage(session.context, '/');
    const result = await page.evaluate(async () => {
      const book = window.book!;
      const out: Record<string, unknown> = {};
      out.throw = await book.run('selfTest', { mode: 'throw' }).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      out.crash = await book.run('selfTest', { mode: 'crash' }).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      out.replaced = book.pool().replaced;
      const ok = (await book.run('selfTest', { mode: 'ok' })) as { values: Float64Array };
      out.okIsTyped = ok.values instanceof Float64Array;
      // Cancel a 3-second run after 100 ms: it must stop long before it would have finished.
      const controller = new AbortController();
      const t0 = performance.now();
      const slow = book.run('selfTest', { mode: 'slow', ms: 3000 }, { signal: controller.signal }).then(
        () => 'resolved',
        (e: Error) => e.name,
      );
      setTimeout(() => controller.abort(), 100);
      out.slow = await slow;
      const next = (await book.run('selfTest', { mode: 'ok' })) as { mode: string };
      out.nextMs = performance.now() - t0;
      out.next = next.mode;
      return out;
    });
    expect(result.throw).toMatch(/asked to fail/);
    expect(result.crash).toMatch(/stopped unexpectedly/);
    expect(result.replaced).toBe(1);
    expect(result.okIsTyped).toBe(true);
    expect(result.slow).toBe('AbortError');
    expect(result.next).toBe('ok');
    // The next job waited only for the cancelled one to stop (one chunk), not for its 3 seconds.
    expect(result.nextMs as number).toBeLessThan(2000);
    await page.close();
  });
});
