/**
 * Print: with print media, a chapter shows its text, math and figures (each with its caption, and a short link and a
 * QR code to the figure as it is now; footnotes after their marks), and no navigation, controls, tools or code; the palette is light whatever the
 * screen's theme.
 */
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, useBrowser, waitForFigures, waitForLive, pagePaths } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 900 } });

describe('print', () => {
  it('prints a chapter: figures with their link and QR code, no controls, light colours', async () => {
    const { page, problems } = await openPage(session.context, '/merton/?v=1&merton-explorer.gamma=3');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-live') && !!document.querySelector('[data-figure]'));
    expect(await waitForFigures(page)).toEqual([]);
    await page.selectOption('select[aria-label="Theme"]', 'dark');
    await page.emulateMedia({ media: 'print' });
    const figures = await page.locator('[data-figure]').count();
    expect(figures).toBeGreaterThan(2);
    await expect.poll(() => page.locator('[data-qr]').count()).toBe(figures);
    const links = await page.locator('[data-qr]').evaluateAll((els) => els.map((e) => e.getAttribute('data-href') ?? ''));
    // The explorer's link carries its changed value and opens at the figure.
    expect(links.find((l) => l.endsWith('#fig-merton-explorer'))).toContain('merton-explorer.gamma=3');
    for (const l of links) expect(l).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/merton\/\?.*#fig-/);
    const visible = (selector: string) => page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(await visible('input[type="range"]')).toBe(0);
    expect(await visible('.figure-toolbar button, .topbar, .toc, .code-panel, .print-chapter')).toBe(0);
    expect(await visible('[data-figure] svg')).toBeGreaterThan(0);
    expect(await visible('figcaption')).toBe(figures);
    // The controls' column is gone, and the plots and numbers take its width.
    const widths = await page
      .locator('[data-figure]')
      .evaluateAll((els) =>
        els.map((f) => [f.querySelector('.figure-main')!.getBoundingClientRect().width, f.querySelector('.figure-body')!.getBoundingClientRect().width]),
      );
    for (const [main, body] of widths) expect(main).toBeCloseTo(body, 0);
    // A footnote cannot open on paper: its note follows its mark.
    expect(await visible('.footnote-text')).toBeGreaterThan(0);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeGreaterThan(600);
    await page.locator('[data-figure="merton-explorer"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'print-merton');
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => page.locator('[data-qr]').count()).toBe(0);
    expect(await visible('.footnote-text')).toBe(0);
    expect(problems).toEqual([]);
  });

  it('Print / PDF computes every figure first, those never scrolled to included, then opens the print dialog', async () => {
    const { page, problems } = await openPage(session.context, '/diffusion-control/');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-live') && !!document.querySelector('[data-figure]'));
    await page.evaluate(() => {
      (window as unknown as { printedWith: string[] | null }).printedWith = null;
      window.print = () => {
        (window as unknown as { printedWith: string[] }).printedWith = [...document.querySelectorAll('[data-figure]')].map((f) =>
          f.getAttribute('data-status')!,
        );
      };
    });
    // Figures far below the top are still their prerendered pictures.
    const before = await page.locator('[data-figure]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(before.filter((s) => s === 'static').length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Print / PDF' }).click();
    await page.waitForFunction(() => (window as unknown as { printedWith: string[] | null }).printedWith !== null, null, { timeout: 90_000 });
    const statuses = await page.evaluate(() => (window as unknown as { printedWith: string[] }).printedWith);
    expect(statuses.length).toBeGreaterThan(2);
    // A figure that waits for a button (a training run) is ready without running; none is still loading.
    expect(statuses.filter((s) => s !== 'ready')).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('the whole book prints on one page, each chapter on a new sheet, each figure linked to its own chapter', async () => {
    const { page, problems } = await openPage(session.context, '/');
    await page.getByRole('link', { name: 'The whole book on one page' }).click();
    await page.waitForURL(/\/whole-book\/$/);
    // Ctrl+P does not wait for the figures: those not yet alive print their pictures with links to their defaults.
    await waitForLive(page);
    const statuses = await page.locator('[data-figure]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.filter((s) => s === 'static').length).toBeGreaterThan(20);
    const chapters = await page.locator('.whole-book > article.chapter').count();
    const toc = (await pagePaths(page)).filter((p) => p !== '/glossary/').length;
    expect(chapters).toBe(toc);
    await page.emulateMedia({ media: 'print' });
    expect(
      await page
        .locator('.whole-book > article.chapter')
        .nth(1)
        .evaluate((el) => getComputedStyle(el).breakBefore),
    ).toBe('page');
    const links = await page.locator('[data-qr]').evaluateAll((els) => els.map((e) => e.getAttribute('data-href') ?? ''));
    expect(links.length).toBe(await page.locator('[data-figure]').count());
    expect(links.find((l) => l.includes('fig-merton-explorer'))).toMatch(/\/merton\/(\?.*)?#fig-merton-explorer$/);
    expect(links.find((l) => l.includes('fig-ou-paths'))).toMatch(/\/preface\/(\?.*)?#fig-ou-paths$/);
    // A figure far down the page is not alive: its link is the build's (the site's address), to its defaults.
    expect(links.find((l) => l.includes('fig-ft-training'))).toMatch(/^https?:\/\/[^?#]+\/reward-fine-tuning\/#fig-ft-training$/);
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
  }, 60_000);
});
