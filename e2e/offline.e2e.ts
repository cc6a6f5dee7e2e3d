/**
 * Offline reading: after one visit the service worker holds the whole book, so with the network off a reload
 * works and every chapter opens with its figures computed; the book is installable (a manifest with icons); a new
 * build is offered with a reload, never mixed into the page that runs.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { origin, useBrowser, waitForFigures, pagePaths } from './browser.ts';
import { serveStatic } from './serve.mjs';

const session = useBrowser({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' });

describe('offline', () => {
  it('reads every chapter with the network off after one visit', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin()}/`);
    // Installed and active: every precached file is in the cache.
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', null, { timeout: 60_000 });
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')!.getAttribute('href')!;
      return (await fetch(href)).json();
    });
    expect(manifest.name).toBe('From Bellman to Diffusion');
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

    await session.context.setOffline(true);
    await page.reload();
    expect(await page.locator('main h1').first().innerText()).toBe('From Bellman to Diffusion');
    const chapters = await pagePaths(page);
    expect(chapters.length).toBeGreaterThan(10);
    for (const path of chapters) {
      await page.goto(origin() + path);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-live') && !!document.querySelector('main article'), null, {
        timeout: 20_000,
      });
      if (path === '/stochastic-hjb-lqr/' || path === '/diffusion-control/') expect(await waitForFigures(page)).toEqual([]);
    }
    // A lecture too: its page, its deck and its figures' worker are precached.
    await page.goto(origin() + '/stochastic-hjb-lqr/lecture/');
    await page.waitForSelector('[data-slide][aria-current="step"]', { timeout: 20_000 });
    for (let i = 0; i < 15 && !(await page.$('[aria-current="step"] [data-figure]')); i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[aria-current="step"] [data-figure]')?.getAttribute('data-status') === 'ready', null, {
      timeout: 30_000,
    });
    // The whole book on one page is not precached: offline it opens from the 404 page's shell and the cached modules.
    await page.goto(origin() + '/whole-book/');
    await page.waitForFunction(() => document.querySelectorAll('.whole-book > article.chapter').length > 10, null, { timeout: 30_000 });
    // The search index is precached too.
    await page.keyboard.press('/');
    await page.getByRole('combobox', { name: 'Search the book' }).fill('Riccati');
    await page.getByRole('option').first().waitFor();
    await session.context.setOffline(false);
    expect(errors).toEqual([]);
  }, 240_000);

  it('offers a new build with a reload, and the page keeps running the old one until the reader accepts', async () => {
    // A copy of the build on its own server, so that the test can publish a "new build" over it.
    const dir = mkdtempSync(path.join(tmpdir(), 'book-edition-'));
    cpSync('dist', dir, { recursive: true });
    const server = await serveStatic(dir, 0);
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    const context = await session.browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(url + 'preface/');
      await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', null, { timeout: 60_000 });
      await page.reload();
      await page.waitForFunction(() => !!navigator.serviceWorker.controller);
      expect(await page.getByText('A new edition of the book').count()).toBe(0);

      // The new build: a changed page, so its precache entry and the service worker change.
      const marker = '<meta name="edition" content="2" />';
      const chapter = path.join(dir, 'preface', 'index.html');
      writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('<head>', `<head>\n    ${marker}`));
      const sw = path.join(dir, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace(/url:"preface\/index.html",revision:"[^"]*"/, 'url:"preface/index.html",revision:"edition-2"'));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const notice = page.getByText('A new edition of the book has been downloaded');
      await notice.waitFor({ timeout: 60_000 });
      // Until the reader accepts, the page is the old edition.
      expect(await page.locator('meta[name="edition"]').count()).toBe(0);
      await page.getByRole('button', { name: 'Reload' }).click();
      await page.waitForFunction(() => !!document.querySelector('meta[name="edition"]'), null, { timeout: 30_000 });
      expect(await page.locator('main h1').first().innerText()).toBeTruthy();
    } finally {
      await context.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
