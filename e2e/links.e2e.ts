/**
 * Fuzzed links: random query strings built from the figures' keys (sliders and choice groups, read from the
 * pages) and unknown keys, with garbage values (empty, huge, negative, NaN, text, broken and unbroken
 * percent-escapes, unicode, `__proto__`/`constructor` as keys). For each (fixed seed), the chapter the keys belong
 * to loads with no page or console error, every figure the link names ends ready or with a sentence, every slider
 * shows a valid value, and every notice is short.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { openPage, useBrowser, pagePaths } from './browser.ts';

const session = useBrowser({ viewport: { width: 1280, height: 900 } });

/** Chapters that have figures (and so keys), and their keys, read once per chapter. */
async function chapterRoutes(page: Page): Promise<string[]> {
  return pagePaths(page);
}

async function pageKeys(page: Page): Promise<string[]> {
  const keys = await page.$$eval('[data-param]', (els) => els.map((e) => e.getAttribute('data-param') ?? ''));
  const figures = await page.$$eval('[data-figure]', (els) => els.map((e) => e.getAttribute('data-figure') ?? ''));
  return [...new Set([...keys, ...figures.map((f) => `${f}.seed`)].filter((k) => k !== ''))];
}

const garbage = fc.oneof(
  fc.constantFrom(
    '',
    '1e309',
    '-1e309',
    '1e300',
    '-1e300',
    '1e-320',
    '-0',
    'NaN',
    'Infinity',
    '-Infinity',
    'abc',
    '0x10',
    '1,5',
    ' 3 ',
    'true',
    'null',
    'undefined',
  ),
  fc.constantFrom('%', '%E0%A4%A', '%zz', '%41', '%2', '%C3%A9', '%00', '%FF%FE', '%25', '%26a%3Db'),
  fc.double().map(String),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);

const keyChoice = fc.oneof(
  { weight: 4, arbitrary: fc.nat().map((i) => ({ known: i })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__.x', 'toString', 'v', '', '.', 'x.', '.y').map((k) => ({ raw: k })),
  },
  { weight: 1, arbitrary: fc.nat().map((i) => ({ unknownOf: i })) },
);

const entry = fc.record({ key: keyChoice, value: garbage, encode: fc.boolean() });
const link = fc.record({ chapter: fc.nat(), entries: fc.array(entry, { minLength: 1, maxLength: 8 }) });

describe('fuzzed links', () => {
  it('load with no error, figures ready or a sentence, valid sliders and short notices', async () => {
    // Keys are read from a chapter the first time a link needs them (a second page, kept open).
    const { page: home } = await openPage(session.context, '/');
    const routes = await chapterRoutes(home);
    const base = new URL(home.url()).origin;
    expect(routes.length).toBeGreaterThan(5);
    const keysOf = new Map<string, string[]>();
    const keysFor = async (r: string): Promise<string[]> => {
      if (!keysOf.has(r)) {
        await home.goto(`${base}${r}`);
        await home.waitForSelector('[data-figure]', { timeout: 5000 }).catch(() => undefined);
        keysOf.set(r, await pageKeys(home));
      }
      return keysOf.get(r)!;
    };
    const chapters = routes;

    await fc.assert(
      fc.asyncProperty(link, async ({ chapter, entries }) => {
        const route = chapters[chapter % chapters.length];
        const found = await keysFor(route);
        const keys = found.length > 0 ? found : ['__proto__.x'];
        const parts = entries.map(({ key, value, encode }) => {
          const k =
            'known' in key
              ? keys[key.known % keys.length]
              : 'raw' in key
                ? key.raw
                : `${keys[key.unknownOf % keys.length].split('.')[0]}.bogus${key.unknownOf}`;
          // A raw '#' would end the query: the garbage stays in the query.
          const v = encode ? encodeURIComponent(value) : value.replace(/#/g, '%23');
          return `${encodeURIComponent(k).replace(/%2E/gi, '.')}=${v}`;
        });
        const url = `${route}?${parts.join('&')}`;
        const { page, problems } = await openPage(session.context, url);
        try {
          const failures: string[] = [];
          // The figures the link names (untouched figures keep their defaults, which the book test loads).
          const named = new Set(parts.map((p) => decodeURIComponent(p.split('=')[0]).split('.')[0]));
          await page.waitForSelector('[data-figure]', { timeout: 10_000 }).catch(() => undefined);
          for (const f of await page.$$('[data-figure]')) {
            if (!named.has((await f.getAttribute('data-figure')) ?? '')) continue;
            await f.scrollIntoViewIfNeeded();
            const ok = await page
              .waitForFunction((el) => ['ready', 'error'].includes(el.getAttribute('data-status') ?? ''), f, { timeout: 30_000 })
              .then(
                () => true,
                () => false,
              );
            if (!ok) failures.push(`${await f.getAttribute('data-figure')} stuck ${await f.getAttribute('data-status')}`);
            else if ((await f.getAttribute('data-status')) === 'error') {
              const sentence = (await f.$eval('.figure-error', (e) => e.textContent ?? '').catch(() => '')).trim();
              if (sentence.length < 10) failures.push(`${await f.getAttribute('data-figure')} error without a sentence`);
            }
          }
          const texts = await page.$$eval('input[data-param], [role="slider"][data-param]', (els) =>
            els.map((e) => `${e.getAttribute('data-param')}=${e.getAttribute('aria-valuetext')}`),
          );
          for (const t of texts) if (/NaN|=null$|=$|undefined|Infinity/.test(t)) failures.push(`slider shows ${t}`);
          const notices = await page.$$eval('.notice li', (els) => els.map((e) => e.textContent ?? ''));
          for (const n of notices) if (n.length >= 400) failures.push(`notice of ${n.length} characters: ${n.slice(0, 120)}…`);
          failures.push(...problems);
          expect(failures, url).toEqual([]);
        } finally {
          await page.close();
        }
      }),
      { numRuns: 15, seed: 20261203, endOnFailure: true },
    );
    await home.close();
  }, 300_000);
});
