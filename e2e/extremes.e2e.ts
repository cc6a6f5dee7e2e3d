/**
 * Every chapter with every figure's every slider at its minimum, then at its maximum: one load per chapter per
 * extreme. The link writes ±1e300 for each key, which the book clamps to the slider's range with a notice. Every
 * figure must end ready or with a sentence (never stuck loading), show no "NaN", "undefined", "Infinity" or "null",
 * and the page must log no console or page error.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser, pagePaths } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 900 } });

const BROKEN = /\bNaN\b|\bundefined\b|\bInfinity\b|\bnull\b/;

async function chapterRoutes(page: Page): Promise<string[]> {
  return pagePaths(page);
}

/** The `figureId.key` of every slider and inline number on the page. */
async function sliderKeys(page: Page): Promise<string[]> {
  const keys = await page.$$eval('input[data-param], [role="slider"][data-param]', (els) => els.map((e) => e.getAttribute('data-param') ?? ''));
  return [...new Set(keys.filter((k) => k !== ''))];
}

/** Scrolls each figure into view and waits (60 s cap) until it is ready or shows an error; returns what it found. */
async function settle(page: Page): Promise<{ id: string; status: string; text: string }[]> {
  const out: { id: string; status: string; text: string }[] = [];
  for (const f of await page.$$('[data-figure]')) {
    await f.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => ['ready', 'error'].includes(el.getAttribute('data-status') ?? ''), f, { timeout: 60_000 }).catch(() => undefined);
    out.push(
      await f.evaluate((el) => {
        let text = (el as HTMLElement).innerText;
        for (const c of el.querySelectorAll<HTMLElement>('.code-panel')) text = text.replace(c.innerText, '');
        return { id: el.getAttribute('data-figure') ?? '', status: el.getAttribute('data-status') ?? '', text };
      }),
    );
  }
  return out;
}

describe('every slider at an extreme', () => {
  let routes: string[] = [];
  const keysOf = new Map<string, string[]>();

  it('collects the chapters and their sliders', async () => {
    const { page } = await openPage(session.context, '/');
    routes = await chapterRoutes(page);
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) {
      await page.goto(`${new URL(page.url()).origin}${r}`);
      await page.waitForSelector('[data-figure]', { timeout: 5000 }).catch(() => undefined);
      keysOf.set(r, await sliderKeys(page));
    }
    await page.close();
  });

  for (const [name, value] of [
    ['minimum', '-1e300'],
    ['maximum', '1e300'],
  ] as const) {
    it(`every chapter with every slider at its ${name}: every figure ready or a sentence, no broken number, no error`, async () => {
      const failures: string[] = [];
      const errors: string[] = [];
      for (const r of routes) {
        const keys = keysOf.get(r) ?? [];
        if (keys.length === 0) continue;
        const query = keys.map((k) => `${k}=${value}`).join('&');
        const { page, problems } = await openPage(session.context, `${r}?${query}`);
        await page.waitForSelector('[data-figure]');
        for (const f of await settle(page)) {
          if (f.status !== 'ready' && f.status !== 'error') failures.push(`${r} ${f.id}: stuck ${f.status}`);
          const m = BROKEN.exec(f.text);
          if (m) failures.push(`${r} ${f.id}: shows "${m[0]}" in …${f.text.slice(Math.max(0, m.index - 80), m.index + 40).replace(/\s+/g, ' ')}…`);
        }
        // The link's values reached the figures: the book says it clamped them.
        if ((await page.locator('.notice').count()) === 0) failures.push(`${r}: no notice about the clamped link values`);
        errors.push(
          ...(await page.$$eval('[data-figure][data-status="error"]', (els) =>
            els.map((e) => `${e.getAttribute('data-figure')}: ${e.querySelector('.figure-error')?.textContent ?? ''}`),
          )),
        );
        for (const p of problems) failures.push(`${r}: ${p}`);
        await page.close();
      }
      console.log(`figures with a sentence at the ${name}:\n${errors.join('\n')}`);
      expect(failures).toEqual([]);
    }, 300_000);
  }
});
