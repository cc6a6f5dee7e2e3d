/**
 * What each page of the built book makes a reader download, by kind (document, script, style, font, other), as the
 * browser received it (gzip-compressed by the static server, as hosts do) and uncompressed: the before-and-after
 * table for the move to prerendered pages. Pages are read from the chapters folder, so new chapters appear.
 *
 *   npm run build && npm run bench -- bytes
 */
import { existsSync } from 'node:fs';
import { scanBook } from '../compiler/scanBook.ts';
import { serveStatic } from '../e2e/serve.mjs';
import { launch } from '../e2e/chromium.ts';

const KINDS = ['document', 'script', 'stylesheet', 'font'] as const;

export async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first');
  const server = await serveStatic('dist', 0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launch();
  const pages = ['', ...scanBook('chapters').chapters.map((c) => `${c.slug}/`)];
  try {
    console.log('page'.padEnd(28) + [...KINDS, 'other'].map((k) => `${k} kB (raw)`.padStart(20)).join(''));
    for (const route of pages) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const sizes = new Map<string, { wire: number; raw: number }>();
      const pending: Promise<void>[] = [];
      page.on('requestfinished', (request) => pending.push(count(request)));
      const count = async (request: import('playwright-core').Request) => {
        const kind = (KINDS as readonly string[]).includes(request.resourceType()) ? request.resourceType() : 'other';
        const response = await request.response();
        const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        const wire = (await request.sizes().catch(() => ({ responseBodySize: 0 }))).responseBodySize;
        const s = sizes.get(kind) ?? { wire: 0, raw: 0 };
        s.wire += wire;
        s.raw += body.length;
        sizes.set(kind, s);
      };
      await page.goto(`http://127.0.0.1:${port}/${route}`, { waitUntil: 'networkidle' });
      // A chapter is on the page when its prose is; its figures' modules load with it.
      if (route) await page.waitForFunction(() => document.querySelectorAll('.chapter p').length > 3);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      await Promise.all(pending);
      const cell = (k: string) => {
        const s = sizes.get(k) ?? { wire: 0, raw: 0 };
        return `${(s.wire / 1000).toFixed(1)} (${(s.raw / 1000).toFixed(0)})`.padStart(20);
      };
      console.log((route || '(cover)').padEnd(28) + [...KINDS, 'other'].map(cell).join(''));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}
