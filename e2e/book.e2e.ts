/**
 * The book in a real browser, against the production build served by a plain static server (no rewrites).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, origin, readyFigure, screenshot, useBrowser, waitForFigures } from './browser.ts';

const session = useBrowser();

/** All pages of the book: the cover, every chapter linked from the contents, and the glossary. */
async function routes(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('nav a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  return ['#/', ...new Set(hrefs.filter((h) => h.startsWith('#/')))];
}

const stats = (page: Page) => page.locator('[data-figure="ou-paths"] .figure-stats').innerText();
const figureStatus = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`).getAttribute('data-status');

describe('every page', () => {
  it('loads with no console error, no failed or foreign request, no KaTeX error, no breach of the Content-Security-Policy, and every figure ready', async () => {
    await session.context.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    const { page, problems } = await openPage(session.context, '/#/');
    // The build writes a strict policy: scripts and workers from the book's origin, no eval (compiler/contentSecurityPolicy.ts).
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).toMatch(/worker-src 'self'/);
    expect(policy).not.toMatch(/unsafe-eval/);
    const all = await routes(page);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const route of all) {
      await page.goto(origin() + '/' + route, { waitUntil: 'load' });
      await page.waitForSelector('main h1');
      await page.waitForFunction(() => !document.querySelector('.chapter[aria-busy="true"]'));
      const stuck = await waitForFigures(page);
      expect(stuck, `figures not ready on ${route}`).toEqual([]);
      expect(await page.locator('.katex-error').count(), `KaTeX errors on ${route}`).toBe(0);
      expect(problems, `problems on ${route}`).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), `policy violations on ${route}`).toEqual([]);
      const name = route.replace(/[#/]+/g, ' ').trim() || 'cover';
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `desktop-${name}`);
    }
    await page.close();
  }, 300_000);

  it('an unknown page says so and links back; a query inside the hash still opens the chapter', async () => {
    const { page } = await openPage(session.context, '/#/no-such-chapter');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('No such page');
    await page.goto(origin() + '/#/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('No such page');
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    await page.goto(origin() + '/#/preface?x=1');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Preface');
    await page.close();
  });
});

describe('the figure pipeline', () => {
  it('moving a slider changes the figure and the URL; reloading the URL restores the same picture', async () => {
    const { page, problems } = await openPage(session.context, '/#/preface');
    await readyFigure(page, 'ou-paths');
    const before = await stats(page);
    const slider = page.locator('input[data-param="ou-paths.sigma"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('ou-paths.sigma=0.7');
    await readyFigure(page, 'ou-paths');
    await expect.poll(() => stats(page)).not.toBe(before);
    const after = await stats(page);
    // The inline number in the prose drives the same value.
    expect(await page.locator('.scrub[data-param="ou-paths.sigma"]').innerText()).toBe('0.7');

    const url = page.url();
    const { page: again } = await openPage(session.context, url.replace(origin(), ''));
    await readyFigure(again, 'ou-paths');
    expect(await again.locator('input[data-param="ou-paths.sigma"]').getAttribute('aria-valuetext')).toBe('0.7');
    expect(await stats(again)).toBe(after); // same seed, same numbers
    expect(problems).toEqual([]);
    await page.close();
    await again.close();
  });

  it('the seed re-roll draws new paths and reset brings back the defaults', async () => {
    const { page } = await openPage(session.context, '/#/preface');
    await readyFigure(page, 'ou-paths');
    const before = await stats(page);
    await page.getByRole('button', { name: 'New random seed' }).click();
    await expect.poll(() => page.url()).toMatch(/ou-paths\.seed=\d+/);
    await readyFigure(page, 'ou-paths');
    await expect.poll(() => stats(page)).not.toBe(before);
    await page.locator('[data-figure="ou-paths"]').getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => page.url()).not.toContain('ou-paths.');
    await readyFigure(page, 'ou-paths');
    await expect.poll(() => stats(page)).toBe(before);
    await page.close();
  });

  it('exports the figure as a standalone SVG, a PNG and its data as CSV', async () => {
    const { page } = await openPage(session.context, '/#/preface');
    await readyFigure(page, 'ou-paths');
    const fig = page.locator('[data-figure="ou-paths"]');
    const fetchDownload = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name, exact: true }).click()]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return { name: download.suggestedFilename(), body: Buffer.concat(chunks) };
    };
    const svg = await fetchDownload('SVG');
    expect(svg.name).toBe('ou-paths.svg');
    const text = svg.body.toString('utf8');
    expect(text).toMatch(/^<\?xml|^<svg/);
    expect(text).not.toContain('var(--'); // colours resolved: the file stands alone
    expect(text).toContain('<image'); // the canvas layer (paths) is embedded
    const png = await fetchDownload('PNG');
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    const csv = await fetchDownload('CSV');
    const lines = csv.body.toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('t,path1,path2,path3');
    expect(lines.length).toBe(202);
    await page.close();
  });

  it('a garbled URL shows notices, falls back to valid values, and the page still works', async () => {
    const { page, problems } = await openPage(
      session.context,
      '/?%25%25%3Cscript%3Ealert(1)%3C%2Fscript%3E=NaN&ou-paths.theta=abc&ou-paths.sigma=-1e999&ou-paths.paths=1e12#/preface',
    );
    await readyFigure(page, 'ou-paths');
    const pageNotice = await page.locator('.notice-page').innerText();
    expect(pageNotice).toContain('<script>');
    const figNotice = await page.locator('[data-figure="ou-paths"] .notice').innerText();
    expect(figNotice).toMatch(/not a number/);
    expect(figNotice).toMatch(/outside what this figure allows/);
    expect(await page.locator('input[data-param="ou-paths.sigma"]').getAttribute('aria-valuetext')).toBe('0.1');
    expect(await page.locator('input[data-param="ou-paths.paths"]').getAttribute('aria-valuetext')).toBe('5,000');
    expect(await page.locator('input[data-param="ou-paths.theta"]').getAttribute('aria-valuetext')).toBe('1.0');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an engine error and a dying worker show a sentence in the figure; the next change recovers', async () => {
    // Fault injection: corrupt the horizon the page sends to the worker (the engine rejects T <= 0), then stop.
    await session.context.addInitScript(() => {
      const w = window as unknown as { __inject?: string };
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
        const m = message as { path?: string[]; argumentList?: Array<{ value?: unknown }> };
        const params = m?.path?.[0] === 'run' ? (m.argumentList?.[2]?.value as { T?: number } | undefined) : undefined;
        if (params && 'theta' in params && w.__inject === 'bad-T') params.T = -1;
        if (params && 'theta' in params && w.__inject === 'crash') {
          // A worker that dies mid-job: the request never runs, and the worker reports an uncaught error.
          setTimeout(() => this.dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' })), 5);
          return;
        }
        return (post as (...a: unknown[]) => void).call(this, message, ...rest);
      };
    });
    const { page } = await openPage(session.context, '/#/preface');
    await readyFigure(page, 'ou-paths');
    const slider = page.locator('input[data-param="ou-paths.theta"]');

    await page.evaluate(() => ((window as unknown as { __inject?: string }).__inject = 'bad-T'));
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => figureStatus(page, 'ou-paths')).toBe('error');
    expect(await page.locator('[data-figure="ou-paths"] .figure-error').innerText()).toMatch(/could not be computed: .*T/);

    await page.evaluate(() => ((window as unknown as { __inject?: string }).__inject = 'crash'));
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() =>
        page
          .locator('[data-figure="ou-paths"] .figure-error')
          .innerText()
          .catch(() => ''),
      )
      .toMatch(/stopped unexpectedly/);
    expect(await page.evaluate(() => window.book!.pool().replaced)).toBeGreaterThanOrEqual(1);

    await page.evaluate(() => ((window as unknown as { __inject?: string }).__inject = ''));
    await page.keyboard.press('ArrowRight');
    await readyFigure(page, 'ou-paths');
    expect(await page.locator('[data-figure="ou-paths"] .figure-error').count()).toBe(0);
    // The rest of the page kept working throughout.
    expect(await page.locator('main h1').innerText()).toBe('Preface');
    await page.close();
    await session.context.close();
    session.context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  });

  it('a figure off screen does not compute; it starts when it comes near the viewport', async () => {
    const small = await session.browser.newContext({ viewport: { width: 1280, height: 500 } });
    const { page } = await openPage(small, '/#/preface');
    await page.waitForSelector('[data-figure="ou-paths"]');
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => window.book!.pool().started)).toBe(0);
    expect(await figureStatus(page, 'ou-paths')).toBe('loading');
    await readyFigure(page, 'ou-paths');
    expect(await page.evaluate(() => window.book!.pool().started)).toBe(1);
    await small.close();
  });

  it('the worker pool: errors arrive as messages, a crashed worker is replaced, a superseded run is cancelled', async () => {
    const { page } = await openPage(session.context, '/#/');
    const result = await page.evaluate(async () => {
      const book = window.book!;
      const out: Record<string, unknown> = {};
      out.throw = await book.run('selfTest', { mode: 'throw' }).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      out.crash = await book.run('selfTest', { mode: 'crash' }).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      out.replaced = book.pool().replaced;
      const ok = (await book.run('selfTest', { mode: 'ok' })) as { values: Float64Array };
      out.okIsTyped = ok.values instanceof Float64Array;
      // Cancel a 3-second run after 100 ms: it must stop long before it would have finished.
      const controller = new AbortController();
      const t0 = performance.now();
      const slow = book.run('selfTest', { mode: 'slow', ms: 3000 }, { signal: controller.signal }).then(
        () => 'resolved',
        (e: Error) => e.name,
      );
      setTimeout(() => controller.abort(), 100);
      out.slow = await slow;
      const next = (await book.run('selfTest', { mode: 'ok' })) as { mode: string };
      out.nextMs = performance.now() - t0;
      out.next = next.mode;
      return out;
    });
    expect(result.throw).toMatch(/asked to fail/);
    expect(result.crash).toMatch(/stopped unexpectedly/);
    expect(result.replaced).toBe(1);
    expect(result.okIsTyped).toBe(true);
    expect(result.slow).toBe('AbortError');
    expect(result.next).toBe('ok');
    // The next job waited only for the cancelled one to stop (one chunk), not for its 3 seconds.
    expect(result.nextMs as number).toBeLessThan(2000);
    await page.close();
  });
});

describe('reading with a keyboard and a screen reader', () => {
  it('keyboard alone reaches and moves a slider, and opens a popover that Escape closes', async () => {
    const { page } = await openPage(session.context, '/#/preface');
    await page.waitForSelector('[data-figure="ou-paths"]');
    // Tab until a glossary term has focus: its popover opens on focus.
    let opened = false;
    for (let i = 0; i < 60 && !opened; i++) {
      await page.keyboard.press('Tab');
      opened = await page.evaluate(() => document.activeElement?.classList.contains('term') === true);
    }
    expect(opened).toBe(true);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    const describedBy = await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'));
    expect(describedBy).toBe(await dialog.getAttribute('id'));
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // Keep tabbing to a slider and move it with the arrow keys.
    let onSlider = false;
    for (let i = 0; i < 200 && !onSlider; i++) {
      await page.keyboard.press('Tab');
      onSlider = await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.type === 'range' || document.activeElement?.getAttribute('role') === 'slider',
      );
    }
    expect(onSlider).toBe(true);
    const param = await page.evaluate(() => document.activeElement?.getAttribute('data-param'));
    const before = page.url();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => page.url()).not.toBe(before);
    expect(page.url()).toContain(param!.split('.')[0]);
    await page.close();
  });

  it('a popover stays open while the pointer moves into it, and closes after it leaves', async () => {
    const { page } = await openPage(session.context, '/#/preface');
    const term = page.locator('button.term').first();
    await term.hover();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    const box = (await dialog.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.waitForTimeout(600);
    expect(await dialog.count()).toBe(1);
    await page.mouse.move(5, 400);
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });

  it('a reference previews its equation on hover and follows the link on click', async () => {
    const { page } = await openPage(session.context, '/#/preface');
    const ref = page.locator('a.ref-equation').first();
    await ref.hover();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    await expect.poll(() => dialog.locator('.katex').count()).toBeGreaterThan(0);
    const href = await ref.getAttribute('href');
    await ref.click();
    await expect.poll(() => page.url()).toContain(href!);
    await page.close();
  });
});

describe('motion', () => {
  it('the time cursor plays to the end, and under reduced motion only steps are offered', async () => {
    const { page } = await openPage(session.context, '/#/preface');
    await readyFigure(page, 'ou-paths');
    const cursor = page.locator('[data-figure="ou-paths"] .playback input[type="range"]');
    expect(await cursor.getAttribute('aria-valuetext')).toBe('t = 5.00');
    await page.locator('[data-figure="ou-paths"]').getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => cursor.getAttribute('aria-valuetext')).not.toBe('t = 5.00');
    await expect.poll(() => cursor.getAttribute('aria-valuetext'), { timeout: 15_000 }).toBe('t = 5.00');
    await page.close();

    const calm = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const { page: p } = await openPage(calm, '/#/preface');
    await readyFigure(p, 'ou-paths');
    const fig = p.locator('[data-figure="ou-paths"]');
    expect(await fig.getByRole('button', { name: 'Play' }).count()).toBe(0);
    await fig.getByRole('button', { name: 'Step time back' }).click();
    expect(await fig.locator('.playback input[type="range"]').getAttribute('aria-valuetext')).toBe('t = 4.75');
    await calm.close();
  });
});

describe('themes and screens', () => {
  it('switches theme, remembers it, and looks right at phone and projector sizes', async () => {
    const { page } = await openPage(session.context, '/#/preface');
    await readyFigure(page, 'ou-paths');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await page.getByLabel('Theme').selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await bg()).not.toBe(light);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await readyFigure(page, 'ou-paths');
    await page.locator('[data-figure="ou-paths"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop-dark-preface-figure');

    await page.getByLabel('Theme').selectOption('projector');
    await page.setViewportSize({ width: 1920, height: 1080 });
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(24);
    await page.evaluate(() => window.scrollTo(0, 0));
    // Arrow keys step from section to section.
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    const y0 = await page.evaluate(() => scrollY);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(y0);
    await screenshot(page, 'projector-preface');
    await page.locator('[data-figure="ou-paths"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'projector-preface-figure');
    await page.getByLabel('Theme').selectOption('auto');
    await page.close();

    const phone = await session.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const { page: p } = await openPage(phone, '/#/preface');
    await readyFigure(p, 'ou-paths');
    // No sideways scrolling of the page on a phone.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await p.evaluate(() => window.scrollTo(0, 0));
    await screenshot(p, 'phone-preface');
    await p.locator('[data-figure="ou-paths"]').scrollIntoViewIfNeeded();
    await screenshot(p, 'phone-preface-figure');
    // The contents fold behind a button.
    expect(await p.locator('nav#toc').isVisible()).toBe(false);
    await p.getByRole('button', { name: 'Contents' }).click();
    expect(await p.locator('nav#toc').isVisible()).toBe(true);
    await screenshot(p, 'phone-contents');
    // A tap on a term opens its popover.
    await p.getByRole('button', { name: 'Contents' }).click();
    await p.locator('button.term').first().tap();
    await expect.poll(() => p.getByRole('dialog').count()).toBe(1);
    await phone.close();
  });
});
