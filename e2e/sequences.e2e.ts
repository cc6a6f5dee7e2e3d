/**
 * A property-based reader: random quick sequences of slider keys, resets and seed re-rolls on representative figures
 * (a Monte Carlo explorer with a preview, a playback figure, a grid figure). Every sequence ends, within a bounded
 * time, in `ready` or in a readable error, and the picture it ends on is the one a fresh load of the final address
 * shows (same readouts), so a link always reproduces what the reader saw.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, readyFigure, waitForLive } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

type Action = { kind: 'key'; slider: number; key: string } | { kind: 'reset' } | { kind: 'reroll' };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('key' as const),
      slider: fc.nat(20),
      key: fc.constantFrom('ArrowRight', 'ArrowLeft', 'PageUp', 'PageDown', 'Home', 'End'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reroll' as const }) },
);

/** Runs the actions as fast as the page takes them (no waiting between them: races are the point). */
async function perform(page: Page, id: string, actions: Action[]): Promise<void> {
  const fig = page.locator(`[data-figure="${id}"]`);
  const sliders = fig.locator('.figure-side input[type=range]');
  const count = await sliders.count();
  for (const a of actions) {
    if (a.kind === 'key') {
      await sliders.nth(a.slider % count).focus();
      await page.keyboard.press(a.key);
    } else if (a.kind === 'reset') {
      const reset = fig.getByRole('button', { name: 'Reset' });
      if (await reset.isEnabled()) await reset.click();
    } else {
      const reroll = fig.getByRole('button', { name: 'New random seed' });
      if (await reroll.count()) await reroll.click();
    }
  }
}

/** Waits until the figure has settled: ready, or an error sentence; returns what it shows. */
async function settled(page: Page, id: string): Promise<{ status: string; text: string }> {
  const fig = page.locator(`[data-figure="${id}"]`);
  // A key press reaches the figure's status a frame or two later, and the address is written 150 ms after the last
  // change: settled means not loading on two looks 300 ms apart.
  for (let look = 0; look < 2;) {
    await page.waitForTimeout(300);
    await page.waitForFunction((f) => ['ready', 'error'].includes(document.querySelector(`[data-figure="${f}"]`)?.getAttribute('data-status') ?? ''), id, {
      timeout: 45_000,
    });
    look = (await fig.getAttribute('data-status')) === 'loading' ? 0 : look + 1;
  }
  const status = (await fig.getAttribute('data-status')) ?? '';
  const text =
    status === 'error'
      ? await fig.locator('.figure-error').innerText()
      : await fig
          .locator('.figure-stats')
          .innerText()
          .catch(() => '');
  return { status, text };
}

const figures = [
  { route: '/stochastic-hjb-lqr/', id: 'lqr-explorer' },
  { route: '/preface/', id: 'ou-paths' },
];

describe('random reader sequences', () => {
  for (const { route, id } of figures) {
    it(`${id}: every sequence settles, and its picture is what a fresh load of its address shows`, async () => {
      const { page, problems } = await openPage(session.context, route);
      await readyFigure(page, id);
      const fresh = await session.context.newPage();
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
          await perform(page, id, actions);
          const end = await settled(page, id);
          expect(end.status === 'ready' || (end.status === 'error' && /\w+ \w+/.test(end.text)), JSON.stringify(end)).toBe(true);
          await fresh.goto('about:blank');
          await fresh.goto(page.url());
          await waitForLive(fresh);
          await fresh.locator(`[data-figure="${id}"]`).scrollIntoViewIfNeeded();
          const again = await settled(fresh, id);
          expect(again).toEqual(end);
        }),
        { numRuns: 6, seed: 20261203, endOnFailure: true },
      );
      expect(problems).toEqual([]);
      await fresh.close();
      await page.close();
    }, 400_000);
  }
});
