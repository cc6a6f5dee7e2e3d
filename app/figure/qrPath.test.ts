/**
 * The QR codes under printed figures and on lecture slides decode to the address they were made from: each code is
 * drawn from qrPath's SVG path into a bitmap (a quiet zone of four modules, four pixels per module) and read back
 * with jsQR, an independent decoder.
 */
import fc from 'fast-check';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qrPath.ts';

function decode(text: string): string | null {
  const { size, d } = qrPath(text);
  const scale = 4;
  const quiet = 4;
  const side = (size + 2 * quiet) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  // Each subpath is a run of dark modules in one row: M<column> <row>h<length>v1h-<length>z.
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  expect(runs.map((m) => m[0]).join('')).toBe(d);
  for (const m of runs) {
    const [c, r, n] = [Number(m[1]), Number(m[2]), Number(m[3])];
    expect(Number(m[4])).toBe(n);
    for (let y = 0; y < scale; y++)
      for (let x = 0; x < n * scale; x++) {
        const i = (((r + quiet) * scale + y) * side + (c + quiet) * scale + x) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
  }
  return jsQR(rgba, side, side)?.data ?? null;
}

describe('qrPath', () => {
  it('draws a code that decodes to a figure address with its values', () => {
    const href = 'https://example.org/book/stochastic-hjb-lqr/?v=1&lqr-explorer.gain=2.2&lqr-explorer.sigma=0.8&lqr-explorer.seed=7#fig-lqr-explorer';
    expect(decode(href)).toBe(href);
  });

  it('decodes to the text it was made from, for any address a figure can have', () => {
    const param = fc.tuple(fc.stringMatching(/^[a-z][a-z-]{0,20}\.[a-z]{1,8}$/), fc.double({ min: -1e3, max: 1e3, noNaN: true }));
    fc.assert(
      fc.property(fc.array(param, { maxLength: 12 }), fc.stringMatching(/^[a-z-]{1,30}$/), (params, slug) => {
        const query = params.map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`).join('&');
        const href = `http://127.0.0.1:4173/${slug}/?v=1&${query}#fig-${slug}`;
        return decode(href) === href;
      }),
      { numRuns: 40, seed: 12 },
    );
  });
});
