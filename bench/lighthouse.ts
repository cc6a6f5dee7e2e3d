/**
 * Lighthouse (12, simulated mobile: its defaults) on the built book: the cover, chapter 4 and chapter 9, served from
 * dist/ by the plain static server. Prints the performance and accessibility scores, largest contentful paint,
 * cumulative layout shift, total blocking time, the bytes transferred, the first paint of the unthrottled load the
 * simulation starts from, and the machine's benchmark index. A measurement: it fails on nothing.
 *
 *   npm run build && npm run bench -- lighthouse [route ...]
 *
 * With LIGHTHOUSE_JSON=/some/prefix set, each page's whole report is also written to /some/prefix-<page>.json.
 * With LIGHTHOUSE_RUNS=n, each page is measured n times, in turn, and a last line gives each page's median
 * performance, total blocking time and largest paint: Lighthouse's own advice for scores that vary from run to run
 * (the blocking time follows the machine's load).
 */
import { existsSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from '../e2e/serve.mjs';
import { chromiumPath } from '../e2e/chromium.ts';

/** The pages the issue names, as the book addresses them. */
const PAGES = ['', 'stochastic-hjb-lqr/', 'diffusion-control/'];

export async function main(args: string[]): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first');
  const pages = args.length ? args : PAGES;
  const server = await serveStatic('dist', 0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1) | 0);
  const measured = new Map<string, { performance: number; tbt: number; lcp: number }[]>();
  try {
    for (const page of Array.from({ length: runs }, () => pages).flat()) {
      const url = `http://127.0.0.1:${port}/${page}`;
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const ms = (id: string) => `${((audits[id]?.numericValue ?? NaN) / 1000).toFixed(2)} s`;
      const kb = ((audits['total-byte-weight']?.numericValue ?? NaN) / 1024).toFixed(0);
      // The simulation starts from the unthrottled load it observed: everything that loaded before that load's first
      // paint counts towards the simulated largest paint, and that paint comes late on a busy or slow machine. The
      // benchmark index (Lighthouse's measure of the machine's speed) says how comparable two runs are.
      const observed = (audits.metrics?.details as { items?: { observedFirstContentfulPaint?: number }[] } | undefined)?.items?.[0];
      const observedPaint = Math.round(observed?.observedFirstContentfulPaint ?? NaN);
      console.log(
        `lighthouse ${page || '(cover)'}: performance ${score('performance')}, accessibility ${score('accessibility')}, ` +
          `best practices ${score('best-practices')}, SEO ${score('seo')}; LCP ${ms('largest-contentful-paint')}, FCP ${ms('first-contentful-paint')}, ` +
          `CLS ${(audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)}, TBT ${(audits['total-blocking-time']?.numericValue ?? NaN) | 0} ms; ${kb} KiB transferred; ` +
          `observed first paint ${observedPaint} ms, benchmark index ${Math.round(result.lhr.environment.benchmarkIndex)}`,
      );
      if (process.env.LIGHTHOUSE_JSON) writeFileSync(`${process.env.LIGHTHOUSE_JSON}-${page.replace(/\W/g, '') || 'cover'}.json`, JSON.stringify(result.lhr));
      const run = {
        performance: score('performance'),
        tbt: audits['total-blocking-time']?.numericValue ?? NaN,
        lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
      };
      measured.set(page, [...(measured.get(page) ?? []), run]);
    }
    if (runs > 1)
      for (const [page, all] of measured) {
        const median = (key: keyof (typeof all)[number]) => {
          const sorted = all.map((r) => r[key]).sort((a, b) => a - b);
          const mid = sorted.length >> 1;
          return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        };
        console.log(
          `median of ${all.length} ${page || '(cover)'}: performance ${median('performance')} (runs ${all.map((r) => r.performance).join(', ')}), ` +
            `TBT ${Math.round(median('tbt'))} ms, LCP ${(median('lcp') / 1000).toFixed(2)} s`,
        );
      }
  } finally {
    chrome.kill();
    server.close();
  }
}
