/**
 * Shared set-up for the browser tests: find Chromium, serve dist/, open pages, collect console errors and
 * requests to other origins, save screenshots for review (e2e/screenshots/).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch } from './chromium.ts';
export { chromiumPath, launch } from './chromium.ts';

export const SCREENSHOTS = path.resolve('e2e/screenshots');

/**
 * One Chromium for a test file, and one context in it with `options` (desktop size by default): call at the top
 * level of the file; tests read `session.context` (and `session.browser` for contexts of their own).
 */
export function useBrowser(options: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }): { browser: Browser; context: BrowserContext } {
  const session = {} as { browser: Browser; context: BrowserContext };
  beforeAll(async () => {
    session.browser = await launch();
    // The book's service worker precaches every chapter (~15 MB) in each new context; the offline test allows it,
    // the others would only download the book again beside what they test.
    session.context = await session.browser.newContext({ serviceWorkers: 'block', ...options });
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}

export function origin(): string {
  return inject('origin');
}

export interface Watched {
  page: Page;
  /** Console errors, page errors, failed requests and requests to other origins, as they happen. */
  problems: string[];
}

export async function openPage(context: BrowserContext, url: string): Promise<Watched> {
  const page = await context.newPage();
  const problems: string[] = [];
  const base = origin();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A download cancelled by navigation is not a failure of the page.
    if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`foreign request: ${u}`);
  });
  await page.goto(base + url, { waitUntil: 'load' });
  // The prerendered page is on screen at once; its controls work once the page has been rendered live.
  await waitForLive(page);
  return { page, problems };
}

/**
 * The paths of the pages `page`'s contents (<nav>) links to: every chapter, the appendix and the glossary, e.g.
 * '/noise/'. Prefix the origin to open one.
 */
export async function pagePaths(page: Page): Promise<string[]> {
  const paths = await page.$$eval('nav a[href]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(paths)].filter((p) => p !== '/');
}

/** Opens the page `page` shows with another query string (figure values), keeping its path, and waits until it is live. */
export async function gotoWithQuery(page: Page, query: string): Promise<void> {
  const u = new URL(page.url());
  u.search = query;
  await page.goto(u.href);
  await waitForLive(page);
}

/** Scrolls every figure into view and waits until each says data-status="ready"; returns the ids that did not. */
export async function waitForFigures(page: Page, timeout = 30_000): Promise<string[]> {
  await waitForLive(page);
  const figures = await page.$$('[data-figure]');
  const stuck: string[] = [];
  for (const f of figures) {
    await f.scrollIntoViewIfNeeded();
    const ok = await page
      .waitForFunction((el) => el.getAttribute('data-status') === 'ready', f, { timeout })
      .then(
        () => true,
        () => false,
      );
    if (!ok) stuck.push(`${await f.getAttribute('data-figure')}:${await f.getAttribute('data-status')}`);
  }
  return stuck;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Waits until the page has been rendered live: its prerendered figures and controls are then replaced by live ones. */
export async function waitForLive(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'), null, { timeout: 30_000 });
  } catch (e) {
    throw new Error(`${page.url()} never came alive: ${await notLiveReport(page).catch(String)}`, { cause: e });
  }
}

/** What a page that has not come alive shows: its notices, the islands not yet mounted, the errors it reported. */
function notLiveReport(page: Page): Promise<string> {
  return page.evaluate(() => {
    const mounted = (el: Element) => Object.keys(el).some((k) => k.startsWith('__reactContainer'));
    const waiting = [...document.querySelectorAll<HTMLElement>('book-island')].filter((i) => !mounted(i));
    const notices = [...document.querySelectorAll('[role="alert"]')].map((n) => n.textContent?.trim()).filter(Boolean);
    return JSON.stringify({
      readyState: document.readyState,
      frameMounted: mounted(document.getElementById('root')!),
      islands: document.querySelectorAll('book-island').length,
      notMounted: waiting.map((i) => `${i.dataset.island} ${i.dataset.props ?? ''}`.slice(0, 120)).slice(0, 10),
      notMountedCount: waiting.length,
      notices,
      errors: (window as unknown as { __errors?: string[] }).__errors ?? 'not recorded',
    });
  });
}

/** Scrolls a figure into view and waits until it says data-status="ready". */
export async function readyFigure(page: Page, id: string, timeout = 30_000): Promise<void> {
  await waitForLive(page);
  await page.locator(`[data-figure="${id}"]`).scrollIntoViewIfNeeded();
  await page.waitForFunction((fid) => document.querySelector(`[data-figure="${fid}"]`)?.getAttribute('data-status') === 'ready', id, { timeout });
}

/**
 * Moves a figure's slider (`figureId.key`) with the keyboard, `presses` steps (negative: to the left), and waits
 * for the figure to be ready again with its value in the URL.
 */
export async function nudgeSlider(page: Page, figureId: string, key: string, presses = 1): Promise<void> {
  const slider = page.locator(`input[data-param="${figureId}.${key}"]`);
  await slider.focus();
  for (let i = 0; i < Math.abs(presses); i++) await page.keyboard.press(presses > 0 ? 'ArrowRight' : 'ArrowLeft');
  // A value equal to its default is left out of the address: a test must not nudge a slider onto its default.
  await page.waitForFunction((k) => location.search.includes(k), `${figureId}.${key}=`);
  await readyFigure(page, figureId);
}
