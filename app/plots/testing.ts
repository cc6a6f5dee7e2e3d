/**
 * Test helpers for the plot primitives (imported only by `*.test.ts`): a seeded generator, an SVG normaliser for
 * snapshots, and a recording 2-D context.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A tiny seeded linear congruential generator (Numerical Recipes constants): the same seed gives the same numbers
 * on every machine, independent of any engine.
 *
 * @param seed - any integer
 * @returns a function returning uniforms in [0, 1)
 */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Standard normals from a uniform generator (Box–Muller). */
export function normals(rand: () => number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = Math.max(rand(), 1e-12);
    const v = rand();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

function roundNumbers(value: string): string {
  // Decimal numbers not inside a word or a hex colour (`#e4e1d8` stays as it is).
  return value.replace(/(?<![#\w.])-?(?:\d*\.\d+(?:e[-+]?\d+)?|\d+e[-+]?\d+)(?![\w.])/gi, (m) => {
    const r = Math.round(Number(m) * 100) / 100;
    return String(Object.is(r, -0) ? 0 : r);
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Normalises an SVG subtree for snapshots: one element per line, attributes sorted by name, numbers rounded to
 * 2 decimals, ids renamed `id0, id1, …` in document order (with their `url(#…)` and `href="#…"` references).
 * The result is valid XML, so a snapshot file can be opened as an image.
 *
 * @param root - the element to print
 */
export function normalizeSvg(root: Element): string {
  const ids = new Map<string, string>();
  for (const el of [root, ...Array.from(root.querySelectorAll('[id]'))]) {
    const id = el.getAttribute('id');
    if (id && !ids.has(id)) ids.set(id, `id${ids.size}`);
  }
  const renameRefs = (v: string) =>
    v
      .replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : m))
      .replace(/^#(.+)$/, (m, id: string) => (ids.has(id) ? `#${ids.get(id)}` : m));
  const lines: string[] = [];
  const walk = (el: Element, depth: number) => {
    const pad = '  '.repeat(depth);
    const attrs = Array.from(el.attributes)
      .map((a) => [a.name, a.name === 'id' ? (ids.get(a.value) ?? a.value) : roundNumbers(renameRefs(a.value))] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([n, v]) => ` ${n}="${escapeXml(v)}"`)
      .join('');
    const tag = el.tagName;
    const children = Array.from(el.children);
    const text = children.length === 0 ? (el.textContent ?? '').trim() : '';
    if (children.length === 0 && !text) lines.push(`${pad}<${tag}${attrs}/>`);
    else if (children.length === 0) lines.push(`${pad}<${tag}${attrs}>${escapeXml(text)}</${tag}>`);
    else {
      lines.push(`${pad}<${tag}${attrs}>`);
      for (const c of children) walk(c, depth + 1);
      lines.push(`${pad}</${tag}>`);
    }
  };
  walk(root, 0);
  return `${lines.join('\n')}\n`;
}

/** A recorded call on the mock context: method name and arguments, or `set:<prop>` and the value. */
export type Call = [string, ...unknown[]];

/**
 * A 2-D context double that records every method call and property assignment, in order. Methods return
 * undefined, except `createImageData`, which returns `{ width, height, data }`.
 */
export function mockContext(): { ctx: CanvasRenderingContext2D; calls: Call[] } {
  const calls: Call[] = [];
  const props: Record<string | symbol, unknown> = {};
  const ctx = new Proxy(props, {
    get(target, key) {
      if (key in target) return target[key];
      if (typeof key === 'symbol') return undefined;
      if (key === 'createImageData') {
        return (w: number, h: number) => {
          calls.push(['createImageData', w, h]);
          return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
        };
      }
      return (...args: unknown[]) => {
        calls.push([key, ...args]);
      };
    },
    set(target, key, value) {
      target[key] = value;
      calls.push([`set:${String(key)}`, value]);
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

/** A fresh `<svg>` of the given size attached to the document body. */
export function createSvg(width: number, height: number): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  document.body.appendChild(svg);
  return svg;
}

/**
 * Adds `app/styles/theme.css` to the test document (vitest stubs CSS imports, so the file is read from disk; tests
 * run from the repository root). Returns the style element, to remove after the test.
 */
export function installThemeStylesheet(): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = readFileSync(join(process.cwd(), 'app/styles/theme.css'), 'utf8');
  document.head.appendChild(style);
  return style;
}
