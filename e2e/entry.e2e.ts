/**
 * When the book's script starts on a prerendered page (index.html's inline loader): after the page's first paint,
 * however late that paint comes, so that the script never competes with the text; and at once on a page that is
 * hidden before it paints, which would otherwise never start.
 *
 * The paint is held back with a render-blocking script that the test answers when it chooses: it blocks the
 * page's rendering but neither its parsing nor DOMContentLoaded.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, origin } from './browser.ts';

const CHAPTER = '/stochastic-hjb-lqr/';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface HeldPage {
  page: Page;
  /** The address of every script the page asked for, in order. */
  scripts: string[];
  /** Lets the page paint. */
  release: () => void;
}

/** Opens `url` with its first paint held back until `release` is called. */
async function openWithPaintHeld(init?: () => void): Promise<HeldPage> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/hold-paint.js', async (route) => {
    await released;
    await route.fulfill({ contentType: 'text/javascript', body: '' });
  });
  await page.route(origin() + CHAPTER, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</head>', '<script async blocking="render" src="/hold-paint.js"></script></head>');
    const headers = { ...response.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ response, headers, body: html });
  });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(origin() + CHAPTER, { waitUntil: 'domcontentloaded' });
  return { page, scripts, release };
}

/** The page's entry script, as its <meta name="book-entry"> names it. */
async function entryPath(page: Page): Promise<string> {
  return page.evaluate(() => new URL(document.querySelector('meta[name="book-entry"]')!.getAttribute('content')!, location.href).pathname);
}

/**
 * Waits until the page is live. Polled on a timer: Playwright's default polling runs on requestAnimationFrame, which
 * does not run while rendering is held.
 */
async function waitForLiveWhilePaintHeld(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'), null, { polling: 100, timeout: 20_000 });
}

it('starts the script only after the first paint, even a paint that comes seconds after the page loaded', async () => {
  const { page, scripts, release } = await openWithPaintHeld();
  const entry = await entryPath(page);
  // Twice the 1.5 s on which the loader once gave up waiting (its timer for a paint never reported is 5 s).
  await page.waitForTimeout(3000);
  expect(await page.evaluate(() => performance.getEntriesByType('paint').length)).toBe(0);
  // Neither the script nor the modules it imports (no preload in the head either).
  expect(scripts.filter((s) => s !== '/hold-paint.js')).toEqual([]);

  release();
  await waitForLiveWhilePaintHeld(page);
  expect(scripts).toContain(entry);
  const [paint, firstScript] = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const js = performance.getEntriesByType('resource').filter((r) => /\/assets\/.*\.js$/.test(new URL(r.name).pathname));
    return [fcp, Math.min(...js.map((r) => r.startTime))];
  });
  expect(firstScript).toBeGreaterThanOrEqual(paint);
  await page.context().close();
}, 60_000);

it('starts the script at once on a page that is hidden before it paints', async () => {
  const { page, scripts, release } = await openWithPaintHeld(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
  });
  const entry = await entryPath(page);
  await waitForLiveWhilePaintHeld(page);
  expect(scripts).toContain(entry);
  expect(await page.evaluate(() => performance.getEntriesByType('paint').length)).toBe(0);
  release();
  await page.context().close();
}, 60_000);
