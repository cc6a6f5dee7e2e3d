/**
 * The book in a real browser, against the production build served by a plain static server (no rewrites).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, origin, readyFigure, screenshot, useBrowser, waitForFigures, pagePaths, waitForLive } from './browser.ts';

const session = useBrowser();

/** All pages of the book: the cover, every chapter linked from the contents, and the glossary. */
async function routes(page: Page): Promise<string[]> {
  return ['/', ...(await pagePaths(page))];
}

describe('every page', () => {
  it('loads with no console error, no failed or foreign request, no KaTeX error, no breach of the Content-Security-Policy, and every figure ready', async () => {
    await session.context.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    const { page, problems } = await openPage(session.context, '/');
    // The build writes a strict policy: scripts and workers from the book's origin, no eval (compiler/contentSecurityPolicy.ts).
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).toMatch(/worker-src 'self'/);
    expect(policy).not.toMatch(/unsafe-eval/);
    const all = await routes(page);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const route of all) {
      await page.goto(origin() + route, { waitUntil: 'load' });
      await waitForLive(page);
      const stuck = await waitForFigures(page);
      expect(stuck, `figures not ready on ${route}`).toEqual([]);
      expect(await page.locator('.katex-error').count(), `KaTeX errors on ${route}`).toBe(0);
      expect(problems, `problems on ${route}`).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), `policy violations on ${route}`).toEqual([]);
      const name = route.replace(/\//g, ' ').trim() || 'cover';
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `desktop-${name}`);
    }
    await page.close();
  }, 300_000);

  it('an unknown page says so and links back; an old hash link opens its page, a query inside the hash ignored', async () => {
    const { page } = await openPage(session.context, '/no-such-chapter/');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('No such page');
    await page.goto(origin() + '/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/');
    await waitForLive(page);
    expect(await page.locator('main h1').innerText()).toBe('No such page');
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    expect(await page.locator('main a', { hasText: 'first chapter' }).getAttribute('href')).toBe('/preface/');
    await page.locator('main a', { hasText: 'first chapter' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/preface/');
    await page.goto(origin() + '/#/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('From Bellman to Diffusion');
    await page.goto(origin() + '/#/preface?x=1');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/preface/');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Preface');
    await page.close();
  });

  it("an old link with a figure's values opens the page's own address with the values, at the figure, which shows them", async () => {
    // The hash-routed book's links: values in the query, the page and the anchor in the fragment.
    const { page, problems } = await openPage(session.context, '/?v=1&merton-explorer.gamma=3#/merton/fig-merton-explorer');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/merton/');
    const url = new URL(page.url());
    expect(url.searchParams.get('merton-explorer.gamma')).toBe('3');
    expect(url.hash).toBe('#fig-merton-explorer');
    await readyFigure(page, 'merton-explorer');
    expect(await page.locator('[data-figure="merton-explorer"] input[data-param="merton-explorer.gamma"]').getAttribute('aria-valuetext')).toBe('3.0');
    expect(await page.locator('[data-figure="merton-explorer"] .figure-stats').first().innerText()).toMatch(/π\* = 0\.4167/);
    // Also when the old link is opened in a tab that already shows the cover: only its fragment changes.
    await page.goto(origin() + '/');
    await page.evaluate(() => history.replaceState(null, '', '/?v=1&merton-explorer.gamma=3'));
    await page.evaluate(() => (location.hash = '#/merton/fig-merton-explorer'));
    await expect.poll(() => new URL(page.url()).pathname).toBe('/merton/');
    expect(new URL(page.url()).searchParams.get('merton-explorer.gamma')).toBe('3');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('reading with a keyboard and a screen reader', () => {
  it('keyboard alone reaches and moves a slider, and opens a popover that Escape closes', async () => {
    const { page } = await openPage(session.context, '/preface/');
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
    const { page } = await openPage(session.context, '/preface/');
    const term = page.locator('button.term').first();
    await term.hover();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    // The definitions load with the first popover: the term's own definition arrives in it.
    await expect.poll(() => dialog.locator('.popover-loading').count()).toBe(0);
    expect((await dialog.innerText()).length).toBeGreaterThan(60);
    const box = (await dialog.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.waitForTimeout(600);
    expect(await dialog.count()).toBe(1);
    await page.mouse.move(5, 400);
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });

  it('a reference previews its equation on hover and follows the link on click', async () => {
    const { page } = await openPage(session.context, '/preface/');
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
    const { page } = await openPage(session.context, '/preface/');
    await readyFigure(page, 'ou-paths');
    const cursor = page.locator('[data-figure="ou-paths"] .playback input[type="range"]');
    expect(await cursor.getAttribute('aria-valuetext')).toBe('t = 5.00');
    await page.locator('[data-figure="ou-paths"]').getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => cursor.getAttribute('aria-valuetext')).not.toBe('t = 5.00');
    await expect.poll(() => cursor.getAttribute('aria-valuetext'), { timeout: 15_000 }).toBe('t = 5.00');
    await page.close();

    const calm = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const { page: p } = await openPage(calm, '/preface/');
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
    const { page } = await openPage(session.context, '/preface/');
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
    const { page: p } = await openPage(phone, '/preface/');
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
