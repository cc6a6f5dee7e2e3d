/**
 * A look at one figure on one screen (not a test), after a build:
 *   npx tsx e2e/shoot-figure.ts <route> <figure-id> <width> <height> <light|dark|projector> <out.png>
 * It scrolls the figure to the top of the window and waits for it to be ready. Below 700 px wide it then moves the
 * figure's last slider with the keyboard, so the picture shows whether the plot stays on screen while a control
 * moves. It prints the stage the figure chose and whether the figure overflows its box.
 */
import { launch } from './chromium.ts';
import { serveStatic } from './serve.mjs';

const [route, fig, w, h, theme, out] = process.argv.slice(2);
const server = await serveStatic('dist', 0);
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const browser = await launch();
const context = await browser.newContext({ viewport: { width: +w, height: +h }, deviceScaleFactor: 1 });
await context.addInitScript((t) => localStorage.setItem('btd.theme', t), theme);
const page = await context.newPage();
page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
await page.goto(`http://127.0.0.1:${port}/${route ? `${route}/` : ''}`);
const el = page.locator(`[data-figure="${fig}"]`);
await el.scrollIntoViewIfNeeded();
await page.evaluate((f) => document.querySelector(`[data-figure="${f}"]`)!.scrollIntoView({ block: 'start', behavior: 'instant' }), fig);
await page
  .waitForFunction((f) => ['ready', 'error'].includes(document.querySelector(`[data-figure="${f}"]`)?.getAttribute('data-status') ?? ''), fig, {
    timeout: 60000,
  })
  .catch(() => console.log('still loading'));
if (+w <= 700) {
  const slider = el.locator('input[type=range]').last();
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(800);
} else await page.evaluate((f) => document.querySelector(`[data-figure="${f}"]`)!.scrollIntoView({ block: 'start', behavior: 'instant' }), fig);
await page.waitForTimeout(400);
await page.screenshot({ path: out });
const stage = await el.getAttribute('data-stage');
console.log('stage', stage, await el.evaluate((e) => ({ h: e.getBoundingClientRect().height, sh: e.scrollHeight, ch: e.clientHeight })));
await browser.close();
server.close();
