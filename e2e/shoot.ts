/**
 * Screenshots of one page for a person to look at (not a test): `npm run shoot -- <route> [outDir]`, after
 * `npm run build`. For each of desktop (1280 px), phone (390 px), dark and projector it saves the top of the page
 * and every figure and exercise as its own image, plus one full-page image at desktop width, in outDir
 * (default /tmp/shots/<route>). It prints console errors and figures that never became ready.
 *
 *     npm run build && npm run shoot -- stochastic-hjb-lqr
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch } from './chromium.ts';
import { serveStatic } from './serve.mjs';

const route = (process.argv[2] ?? '').replace(/^#?\/?/, '');
const out = process.argv[3] ?? `/tmp/shots/${route || 'cover'}`;
mkdirSync(out, { recursive: true });

const looks = [
  { name: 'desktop', width: 1280, height: 800, theme: 'light', full: true },
  { name: 'phone', width: 390, height: 844, theme: 'light', full: false },
  { name: 'dark', width: 1280, height: 800, theme: 'dark', full: false },
  { name: 'projector', width: 1280, height: 720, theme: 'projector', full: false },
];

const server = await serveStatic('dist', 0);
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await launch();
let problems = 0;
for (const look of looks) {
  const context = await browser.newContext({ viewport: { width: look.width, height: look.height }, deviceScaleFactor: 1 });
  await context.addInitScript((theme) => localStorage.setItem('btd.theme', theme), look.theme);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && (problems++, console.log(`[${look.name}] console: ${m.text()}`)));
  page.on('pageerror', (e) => (problems++, console.log(`[${look.name}] pageerror: ${e.message}`)));
  await page.goto(`${origin}/${route ? `${route}/` : ''}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'));
  await page.screenshot({ path: path.join(out, `${look.name}-top.png`) });
  // The sticky top bar would cover the top of an element taller than the window.
  await page.addStyleTag({ content: '.topbar { position: static !important; }' });
  const items = await page.$$('[data-figure], .exercise');
  let k = 0;
  for (const item of items) {
    k++;
    await item.scrollIntoViewIfNeeded();
    const id = (await item.getAttribute('data-figure')) ?? `exercise-${k}`;
    if (await item.getAttribute('data-figure')) {
      const ok = await page
        .waitForFunction((el) => ['ready', 'error'].includes(el.getAttribute('data-status') ?? ''), item, { timeout: 60_000 })
        .then(
          () => true,
          () => false,
        );
      const status = await item.getAttribute('data-status');
      if (!ok || status !== 'ready') {
        problems++;
        console.log(`[${look.name}] figure ${id}: ${status}`);
      }
      await page.waitForTimeout(150);
    }
    await item.screenshot({ path: path.join(out, `${look.name}-${String(k).padStart(2, '0')}-${id}.png`) });
  }
  const katexErrors = await page.locator('.katex-error').count();
  if (katexErrors) {
    problems++;
    console.log(`[${look.name}] ${katexErrors} KaTeX errors`);
  }
  if (look.full) await page.screenshot({ path: path.join(out, `${look.name}-full.png`), fullPage: true });
  await context.close();
}
await browser.close();
server.close();
console.log(`${problems} problems; screenshots in ${out}`);
process.exit(problems ? 1 : 0);
