/**
 * Nothing jumps while a page loads and comes alive: on every page, at phone and desk sizes, the layout shifts (the
 * Layout Instability API's scores, all of them added up, which is stricter than Lighthouse's worst window) come to at
 * most 0.02 from the first byte until the page is live and its first screen's figures have their results. The
 * islands replace prerendered nodes with live ones of the same size, and the fonts the first screen needs are
 * preloaded. (Over a slow network the body font can still arrive after the first paint and swap in: that is
 * font-display: swap, by choice, and outside this test.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, origin, pagePaths, waitForLive } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desk', width: 1280, height: 800 },
];

describe('layout shift', () => {
  it('every page, phone and desk, from the first byte until live: the shifts add up to at most 0.02', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const index = await context.newPage();
    await index.goto(origin() + '/');
    const paths = ['/', ...(await pagePaths(index))];
    await index.close();
    const found: string[] = [];
    for (const size of sizes) {
      for (const path of paths) {
        // A new context per page: nothing cached, fonts included, as for a first visit.
        const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: size.width, height: size.height } });
        const page = await ctx.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { shifts: { value: number; at: number; sources: string[] }[] };
          w.shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; startTime: number; sources?: { node?: Node }[] }[]) {
              if (e.hadRecentInput) continue;
              const sources = (e.sources ?? []).map((s) => {
                const el = s.node instanceof Element ? s.node : s.node?.parentElement;
                return el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}` : '?';
              });
              w.shifts.push({ value: e.value, at: Math.round(e.startTime), sources });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(origin() + path, { waitUntil: 'domcontentloaded' });
        await waitForLive(page);
        // The figures near the first screen come alive and compute; their results replace the prerendered pictures.
        await page
          .waitForFunction(
            () =>
              [...document.querySelectorAll('[data-figure]')].every(
                (f) => f.getBoundingClientRect().top > innerHeight || ['ready', 'error'].includes(f.getAttribute('data-status') ?? ''),
              ),
            null,
            { timeout: 30_000 },
          )
          .catch(() => undefined);
        await page.waitForTimeout(500);
        const shifts = await page.evaluate(() => (window as unknown as { shifts: { value: number; at: number; sources: string[] }[] }).shifts);
        const total = shifts.reduce((s, e) => s + e.value, 0);
        if (total > 0.02)
          found.push(
            `${size.name} ${path}: ${total.toFixed(3)} (${shifts.map((s) => `${s.value.toFixed(3)} at ${s.at} ms: ${s.sources.slice(0, 3).join(', ')}`).join('; ')})`,
          );
        await ctx.close();
      }
    }
    await context.close();
    expect(found).toEqual([]);
  }, 600_000);
});
