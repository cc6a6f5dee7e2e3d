/**
 * Layout checks a person would otherwise make by eye, on every page at desktop, phone and projector sizes: no label
 * in a figure sticks out of its plot or runs into another label, and no display equation is wider than the page on
 * a phone (it would have to be scrolled sideways).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, origin, waitForFigures, pagePaths, waitForLive } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// The looks, in the order each page is seen: the figures compute once per page, and each look resizes the window or
// switches the theme with the reader's own theme menu.
const looks = [
  { name: 'desktop', width: 1280, height: 800, theme: 'light' },
  { name: 'phone', width: 390, height: 844, theme: 'light' },
  { name: 'projector', width: 1280, height: 720, theme: 'projector' },
];

// Runs in the page. Text boxes are the font's boxes, taller than the ink: the vertical test allows for that.
const findProblems = `(() => {
  const out = [];
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 0.3 * Math.min(a.height, b.height) && b.top < a.bottom - 0.3 * Math.min(a.height, b.height);
  for (const svg of document.querySelectorAll('[data-figure] svg')) {
    const fig = svg.closest('[data-figure]').getAttribute('data-figure');
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue;
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent && t.getBoundingClientRect().width > 0);
    for (let i = 0; i < texts.length; i++) {
      const a = texts[i].getBoundingClientRect();
      if (a.left < box.left - 1 || a.right > box.right + 1 || a.top < box.top - 1 || a.bottom > box.bottom + 1) out.push(fig + ': "' + texts[i].textContent + '" sticks out of its plot');
      for (let j = i + 1; j < texts.length; j++) if (hit(a, texts[j].getBoundingClientRect())) out.push(fig + ': "' + texts[i].textContent + '" runs into "' + texts[j].textContent + '"');
    }
  }
  if (window.innerWidth < 500) {
    for (const d of document.querySelectorAll('.chapter .katex-display')) {
      if (d.scrollWidth > d.clientWidth + 1) out.push('a display equation is ' + (d.scrollWidth - d.clientWidth) + ' px too wide: ' + d.textContent.slice(0, 60));
    }
  }
  return [...new Set(out)];
})()`;

describe('layout', () => {
  it('figure labels stay inside their plots without running into each other, and equations fit a phone', async () => {
    const problems: string[] = [];
    // No service worker: it would download the whole book beside what this test looks at (as in useBrowser).
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: looks[0].width, height: looks[0].height } });
    await context.addInitScript(() => localStorage.setItem('btd.theme', 'light'));
    const page = await context.newPage();
    await page.goto(origin() + '/');
    const routes = (await pagePaths(page)).filter((p) => p !== '/glossary/');
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const route of routes) {
      await page.setViewportSize({ width: looks[0].width, height: looks[0].height });
      await page.goto(origin() + route);
      await waitForLive(page);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'));
      for (const look of looks) {
        await page.setViewportSize({ width: look.width, height: look.height });
        await page.getByLabel('Theme').selectOption(look.theme);
        await page.waitForFunction((t) => document.documentElement.dataset.theme === t, look.theme);
        expect(await waitForFigures(page), `figures on ${route} (${look.name})`).toEqual([]);
        await page.waitForTimeout(200);
        for (const p of (await page.evaluate(findProblems)) as string[]) problems.push(`[${look.name}] ${route} ${p}`);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 600_000);
});
