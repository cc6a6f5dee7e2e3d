/**
 * Accessibility: axe-core (WCAG 2 A and AA rules) finds no serious or critical violation on any page of the book, in
 * the light, dark and projector themes, with the figures drawn. The policy is bypassed for this test only, to let
 * axe's script into the page (the policy has its own test in book.e2e.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, origin, waitForFigures, pagePaths, waitForLive } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

async function audit(page: Page): Promise<Violation[]> {
  const found: Violation[] = await page.evaluate(`(async () => {
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  })()`);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('accessibility', () => {
  it('no serious or critical axe violation on any page, in the light, dark and projector themes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, reducedMotion: 'reduce' });
    await context.addInitScript(() => localStorage.setItem('btd.theme', 'light'));
    const page = await context.newPage();
    await page.goto(origin() + '/');
    const routes = ['/', ...(await pagePaths(page))];
    expect(routes.length).toBeGreaterThanOrEqual(9);
    const problems: string[] = [];
    for (const route of routes) {
      await page.goto(origin() + route);
      await waitForLive(page);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'));
      await waitForFigures(page, 60_000);
      await page.evaluate(axeSource);
      // The figures compute once; each theme then restyles and redraws them (the reader's own theme menu).
      for (const theme of ['light', 'dark', 'projector']) {
        await page.getByLabel('Theme').selectOption(theme);
        await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
        await page.waitForTimeout(150);
        for (const v of await audit(page))
          problems.push(`${theme} ${route} ${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      }
      await page.getByLabel('Theme').selectOption('light');
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 600_000);

  it('no serious or critical axe violation in lecture mode: an equation slide, a figure slide, the presenter window, the keys', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, bypassCSP: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const problems: string[] = [];
    const check = async (what: string) => {
      await page.evaluate(axeSource);
      for (const v of await audit(page)) problems.push(`${what} ${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    };
    for (const fragment of ['#1', '#presenter-1']) {
      await page.goto(`${origin()}/stochastic-hjb-lqr/lecture/${fragment}`);
      await page.waitForSelector('[data-slide][aria-current="step"]');
      await check(`${fragment} slide 1`);
      for (let i = 0; i < 15 && !(await page.$('[aria-current="step"] [data-figure]')); i++) await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('[aria-current="step"] [data-figure]')?.getAttribute('data-status') === 'ready', null, {
        timeout: 60_000,
      });
      await check(`${fragment} figure slide`);
    }
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await check('keys dialog');
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it("every formula's MathML copy is in the browser's accessibility tree, on screen and off, though it is never laid out", async () => {
    // book.css skips the layout of KaTeX's MathML (content-visibility: auto on a box clipped to nothing) and of prose
    // off screen; screen readers must still get every formula, from the accessibility tree Chromium builds.
    // As with a screen reader running: without it, Chromium builds the tree only for what is laid out.
    const reader = await launch(['--force-renderer-accessibility']);
    const context = await reader.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    await page.goto(origin() + '/stochastic-hjb-lqr/');
    await waitForLive(page);
    // A folded worked solution is out of the tree until it is opened, as it is out of sight: open them all.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const formulas = await page.locator('.katex-mathml math').count();
    expect(formulas).toBeGreaterThan(400);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Accessibility.enable');
    // The tree is built after accessibility is switched on, not at once.
    const mathInTree = async () => {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string } }[] };
      return nodes.filter((n) => !n.ignored && n.role?.value === 'MathMLMath').length;
    };
    await expect.poll(mathInTree, { timeout: 20_000, interval: 500 }).toBe(formulas);
    await reader.close();
  }, 60_000);
});
