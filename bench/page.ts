/**
 * Page interaction timings: how long from a slider step to the redrawn figure, and whether the main thread stays
 * free while a reader drags. Runs Chromium against dist/ (build first). Figures, not a test: it never fails on a
 * slow machine. Usage: npm run build && npm run bench -- page [rounds] [route figure param], by default the
 * preface's OU figure and its sigma slider (e.g. `page 20 stochastic-hjb-lqr lqr-explorer K` for the LQR explorer).
 *
 * For each key press on the figure's slider (for the OU figure: 1,000 paths x 500 steps per run) it records the time from
 * the keydown to the frame after the figure's commit with the new result (data-status back to "ready"), the time to
 * the first visible change of its plots (closed forms redraw at once), and, for figures that show a quick preview
 * first (data-preview="true", see useSimulation), the time to the first simulated result.
 * During a pointer drag across the slider it records long tasks (> 50 ms on the main thread) and the longest frame gap.
 */
import { existsSync } from 'node:fs';
import { launch } from '../e2e/chromium.ts';
import { serveStatic } from '../e2e/serve.mjs';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

export async function main(args: string[]): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first');
  const rounds = Number(args[0] ?? 30);
  const [route, figure, param] = [args[1] ?? 'preface', args[2] ?? 'ou-paths', args[3] ?? 'sigma'];
  const server = await serveStatic('dist', 0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // tsx compiles this file with esbuild's keepNames, which wraps functions sent to the page in __name(...).
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(`http://127.0.0.1:${port}/${route}/`, { waitUntil: 'load' });
    // The prerendered figure says data-status="static" until it comes alive (when scrolled near); observe the live one.
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'), null, { timeout: 30_000 });
    // A first visit installs the service worker, which precaches the whole book on another thread for some seconds;
    // the timings are of a reader's steady state, so they start once it is active.
    await page.evaluate(() => ('serviceWorker' in navigator ? navigator.serviceWorker.ready.then(() => undefined) : undefined));
    const fig = page.locator(`[data-figure="${figure}"]`);
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction((id) => document.querySelector(`[data-figure="${id}"]`)?.getAttribute('data-status') === 'ready', figure);
    await page.evaluate((id) => {
      const w = window as unknown as {
        __t: { down: number; firstPending: boolean; changePending: boolean; done: number[]; first: number[]; change: number[] };
        __long: number[];
      };
      w.__t = { down: 0, firstPending: false, changePending: false, done: [], first: [], change: [] };
      w.__long = [];
      const el = document.querySelector(`[data-figure="${id}"]`)!;
      new MutationObserver(() => {
        const down = w.__t.down;
        if (!down) return;
        const ready = el.getAttribute('data-status') === 'ready';
        if (w.__t.firstPending && (ready || el.getAttribute('data-preview') === 'true')) {
          w.__t.firstPending = false;
          requestAnimationFrame(() => w.__t.first.push(performance.now() - down));
        }
        if (ready) {
          w.__t.down = 0;
          requestAnimationFrame(() => w.__t.done.push(performance.now() - down));
        }
      }).observe(el, { attributes: true, attributeFilter: ['data-status', 'data-preview'] });
      // The first visible change: any redraw inside the figure's plots (closed forms redraw at once, before a worker answers).
      new MutationObserver(() => {
        const down = w.__t.down;
        if (!down || !w.__t.changePending) return;
        w.__t.changePending = false;
        requestAnimationFrame(() => w.__t.change.push(performance.now() - down));
      }).observe(el.querySelector('.stage-plots') ?? el, { subtree: true, childList: true, attributes: true, characterData: true });
      document.addEventListener(
        'keydown',
        () => {
          w.__t.down = performance.now();
          w.__t.firstPending = true;
          w.__t.changePending = true;
        },
        { capture: true },
      );
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
    }, figure);
    const slider = fig.locator(`input[data-param="${figure}.${param}"]`);
    await slider.focus();
    for (let i = 0; i < rounds; i++) {
      await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
      await page.waitForFunction((n) => (window as unknown as { __t: { done: number[] } }).__t.done.length >= n, i + 1, { timeout: 20_000 });
    }
    const keyTimes = await page.evaluate(() => (window as unknown as { __t: { done: number[] } }).__t.done);
    const firstTimes = await page.evaluate(() => (window as unknown as { __t: { first: number[] } }).__t.first);
    const changeTimes = await page.evaluate(() => (window as unknown as { __t: { change: number[] } }).__t.change);
    const longDuringKeys = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0));

    // A pointer drag across the slider: 60 moves, one per frame.
    const box = (await slider.boundingBox())!;
    const gaps = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[] };
      w.__frames = [];
      const tick = (t: number) => {
        w.__frames.push(t);
        if (w.__frames.length < 400) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      return 0;
    });
    void gaps;
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 0; i <= 60; i++) {
      await page.mouse.move(box.x + 4 + ((box.width - 8) * i) / 60, box.y + box.height / 2);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.waitForFunction((id) => document.querySelector(`[data-figure="${id}"]`)?.getAttribute('data-status') === 'ready', figure, { timeout: 20_000 });
    const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
    const longDuringDrag = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0));
    const frameGaps = frames.slice(1).map((t, i) => t - frames[i]);
    console.log(
      `key step -> redrawn frame over ${keyTimes.length} steps: median ${median(keyTimes).toFixed(1)} ms, p90 ${quantile(keyTimes, 0.9).toFixed(1)} ms, max ${Math.max(...keyTimes).toFixed(1)} ms`,
    );
    console.log(`key step -> first visible change in the plots: median ${median(changeTimes).toFixed(1)} ms, p90 ${quantile(changeTimes, 0.9).toFixed(1)} ms`);
    console.log(
      `key step -> first redraw of a simulated result (a preview where the figure has one): median ${median(firstTimes).toFixed(1)} ms, p90 ${quantile(firstTimes, 0.9).toFixed(1)} ms`,
    );
    console.log(
      `long tasks (>50 ms) on the main thread: ${longDuringKeys.length} during key steps, ${longDuringDrag.length} during the drag${longDuringDrag.length ? ` (longest ${Math.max(...longDuringDrag).toFixed(0)} ms)` : ''}`,
    );
    console.log(`frames during the drag: median gap ${median(frameGaps).toFixed(1)} ms, longest ${Math.max(...frameGaps).toFixed(1)} ms`);
    console.log(
      `page (${figure}.${param}): key-to-first-change median ${median(changeTimes).toFixed(1)} ms, key-to-first-result median ${median(firstTimes).toFixed(1)} ms, key-to-full-redraw median ${median(keyTimes).toFixed(1)} ms, drag longest frame ${Math.max(...frameGaps).toFixed(1)} ms, long tasks ${longDuringKeys.length + longDuringDrag.length}`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}
