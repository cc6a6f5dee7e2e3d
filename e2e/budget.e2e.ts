/** Budgets: the JavaScript the first page loads, gzip-compressed, at most 150 kB; no KaTeX JavaScript at all. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, origin } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function scriptsLoaded(url: string): Promise<string[]> {
  const page = await browser.newPage();
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' || r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(origin() + url, { waitUntil: 'networkidle' });
  await page.close();
  return [...new Set(scripts)];
}

function gzipKb(files: string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join('dist', f))).length, 0) / 1000;
}

it('the first page loads at most 150 kB of gzipped JavaScript, and no page loads KaTeX code', async () => {
  const cover = await scriptsLoaded('/');
  const kb = gzipKb(cover);
  console.log(`first page (cover): ${cover.length} scripts, ${kb.toFixed(1)} kB gzip`);
  expect(kb).toBeLessThanOrEqual(150);
  const chapter = await scriptsLoaded('/preface/');
  console.log(`preface: ${chapter.length} scripts, ${gzipKb(chapter).toFixed(1)} kB gzip`);
  for (const f of [...cover, ...chapter]) {
    expect(readFileSync(path.join('dist', f), 'utf8')).not.toContain('KaTeX parse error');
  }
});
