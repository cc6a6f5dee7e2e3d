/**
 * The stage, for every figure of the book:
 * - projector theme at 1024×768, 1280×720 and 1920×1080: with the figure scrolled to the top, its caption, every
 *   plot and every control are on screen together (nothing inside it scrolls), and each plot is at least 180×120;
 * - full screen (the two explorers) at 1024×768: the same inside the full-screen figure;
 * - phone (390×844): while the first or the last slider moves, most of a plot stays on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, origin, pagePaths, waitForLive } from './browser.ts';
import { offScreen } from './offScreen.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(width: number, height: number, theme: string): Promise<Page> {
  // No service worker: it would download the whole book beside what this test looks at (as in useBrowser).
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width, height } });
  await context.addInitScript((t) => localStorage.setItem('btd.theme', t), theme);
  return context.newPage();
}

/** The chapter routes, from the table of contents. */
async function routes(page: Page): Promise<string[]> {
  await page.goto(origin() + '/');
  const found = (await pagePaths(page)).filter((p) => p !== '/glossary/');
  expect(found.length).toBeGreaterThanOrEqual(8);
  return found;
}

async function openChapter(page: Page, route: string): Promise<string[]> {
  await page.goto(origin() + route);
  await waitForLive(page);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'));
  return page.$$eval('[data-figure]', (fs) => fs.map((f) => f.getAttribute('data-figure') ?? ''));
}

/** Waits (bounded) until a figure is no longer computing, so its readouts have their final size. */
async function settle(page: Page, id: string): Promise<void> {
  await page
    .waitForFunction((f) => ['ready', 'error'].includes(document.querySelector(`[data-figure="${f}"]`)?.getAttribute('data-status') ?? ''), id, {
      timeout: 60_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

async function stageProblems(page: Page, id: string): Promise<string[]> {
  const root = page.locator(`[data-figure="${id}"]`);
  await root.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await settle(page, id);
  await root.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  const stage = await root.getAttribute('data-stage');
  const problems: string[] = await page.evaluate(`(${offScreen})(document.querySelector('[data-figure="${id}"]'))`);
  if (stage !== 'stage') {
    // A figure whose island never came alive keeps its prerendered, reading layout: say why, when it says.
    const failure = await page.evaluate(
      (f) => document.querySelector(`[data-figure="${f}"]`)?.closest('book-island')?.querySelector('.figure-error')?.textContent,
      id,
    );
    problems.unshift(`laid out as "${stage}", not for the stage${failure ? ` (${failure})` : ''}`);
  }
  return problems.map((p) => `${id}: ${p}`);
}

describe('stage', () => {
  it('projector at 1024×768, 1280×720 and 1920×1080: every figure’s plots and controls are on one screen', async () => {
    // One visit per chapter, the window resized under it: figures answer a resize from the results they have.
    const sizes = [
      [1024, 768],
      [1280, 720],
      [1920, 1080],
    ] as const;
    const page = await newPage(sizes[0][0], sizes[0][1], 'projector');
    const problems: string[] = [];
    const figures = new Set<string>();
    for (const route of await routes(page)) {
      const ids = await openChapter(page, route);
      for (const [width, height] of sizes) {
        await page.setViewportSize({ width, height });
        for (const id of ids) {
          figures.add(id);
          problems.push(...(await stageProblems(page, id)).map((p) => `${width}×${height} ${p}`));
        }
      }
    }
    expect(figures.size).toBeGreaterThanOrEqual(25);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 600_000);

  it('full screen at 1024×768: every figure shows its plots and controls together', async () => {
    const page = await newPage(1024, 768, 'light');
    const problems: string[] = [];
    let checked = 0;
    for (const route of await routes(page)) {
      for (const id of await openChapter(page, route)) {
        const root = page.locator(`[data-figure="${id}"]`);
        await root.scrollIntoViewIfNeeded();
        await settle(page, id);
        await root.getByRole('button', { name: 'Full screen' }).click();
        await page.waitForFunction((f) => document.fullscreenElement?.getAttribute('data-figure') === f, id, { timeout: 5000 });
        await settle(page, id);
        const stage = await root.getAttribute('data-stage');
        if (stage !== 'stage') problems.push(`${id}: laid out as "${stage}" in full screen`);
        const found: string[] = await page.evaluate(`(${offScreen})(document.fullscreenElement)`);
        problems.push(...found.map((p) => `${id}: ${p}`));
        checked++;
        await page.evaluate(() => document.exitFullscreen());
        await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 5000 });
      }
    }
    expect(checked).toBeGreaterThanOrEqual(25);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 400_000);

  it('phone 390×844: while the first or the last slider of a figure moves, a plot it drives stays on screen', async () => {
    const page = await newPage(390, 844, 'light');
    const problems: string[] = [];
    let checked = 0;
    for (const route of await routes(page)) {
      for (const id of await openChapter(page, route)) {
        const root = page.locator(`[data-figure="${id}"]`);
        const sliders = root.locator('.figure-side input[type=range]');
        const count = await sliders.count();
        if (count === 0) continue;
        // A figure comes alive as the reader nears it; jumped to, it needs a moment to.
        await root.scrollIntoViewIfNeeded();
        await settle(page, id);
        for (const which of count > 1 ? [0, count - 1] : [0]) {
          const slider = sliders.nth(which);
          await slider.scrollIntoViewIfNeeded();
          await slider.focus();
          await page.keyboard.press('ArrowRight');
          await page.waitForTimeout(120);
          // The best share of any plot's area on screen.
          const share = await root.evaluate((el) => {
            let best = 0;
            for (const svg of el.querySelectorAll('.figure-plot .stage-box')) {
              const r = svg.getBoundingClientRect();
              if (r.width * r.height < 1000) continue;
              const w = Math.max(0, Math.min(r.right, window.innerWidth) - Math.max(r.left, 0));
              const h = Math.max(0, Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0));
              best = Math.max(best, (w * h) / (r.width * r.height));
            }
            return best;
          });
          checked++;
          if (share < 0.8) problems.push(`${id}: slider ${which + 1} of ${count} moved with ${Math.round(share * 100)}% of the best plot on screen`);
          await page.keyboard.press('ArrowLeft');
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 400_000);
});
