/**
 * Export a figure as a stand-alone SVG, a PNG at twice its size, or its data as CSV.
 *
 * The SVG export inlines the theme: every `var(--…)` and `currentColor` is replaced by the colour in effect, so the
 * file looks the same outside the book. A figure may hold several plot surfaces (side-by-side panels); they are
 * composed at their on-screen positions, canvas layers embedded as PNG images.
 */
import { cssCustomProperty, readPlotTheme } from './theme.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Attributes whose value may be a colour written with `var()` or `currentColor`. */
const COLOR_ATTRIBUTES = ['fill', 'stroke', 'color', 'stop-color', 'flood-color', 'lighting-color'];

/** One plot surface: its layers bottom to top and where it sits relative to the exported element. */
interface Panel {
  layers: Array<SVGSVGElement | HTMLCanvasElement>;
  x: number;
  y: number;
  width: number;
  height: number;
}

function computed(el: Element): CSSStyleDeclaration | null {
  return el.ownerDocument?.defaultView?.getComputedStyle(el) ?? null;
}

/**
 * Replaces every `var(--name, fallback)` in `value` by the custom property's value at `el` (or the fallback).
 *
 * @param value - a CSS value or a whole style attribute
 * @param el - the element whose cascade resolves the variables
 */
export function resolveCssVars(value: string, el: Element): string {
  let out = value;
  // Innermost first, so `var(--a, var(--b, #000))` resolves too.
  const re = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/;
  for (let guard = 0; guard < 50 && re.test(out); guard++) {
    out = out.replace(re, (_m, name: string, fallback?: string) => cssCustomProperty(el, name) || (fallback ?? '').trim());
  }
  return out;
}

/** The colour `currentColor` means at `el`, with variables resolved. */
function currentColorAt(el: Element): string {
  const c = computed(el)?.color ?? '';
  if (c && !c.includes('var(') && c !== 'currentcolor' && c !== 'currentColor') return c;
  // Engines that do not resolve var() in computed styles (jsdom): find the nearest specified colour.
  for (let node: Element | null = el; node; node = node.parentElement) {
    const own = (node as HTMLElement | SVGElement).style?.color || node.getAttribute('color');
    if (own && !/^currentcolor$/i.test(own)) return resolveCssVars(own, node);
  }
  return c ? resolveCssVars(c, el) : '#000';
}

function inlineValue(value: string, original: Element): string {
  let v = value;
  if (v.includes('var(')) v = resolveCssVars(v, original);
  if (/currentcolor/i.test(v)) v = v.replace(/currentcolor/gi, currentColorAt(original));
  return v;
}

/** Copies `original` with every colour that depends on the page's CSS made explicit. */
function inlineClone(original: SVGSVGElement): SVGSVGElement {
  const clone = original.cloneNode(true) as SVGSVGElement;
  const a: Element[] = [original, ...Array.from(original.querySelectorAll('*'))];
  const b: Element[] = [clone, ...Array.from(clone.querySelectorAll('*'))];
  for (let i = 0; i < a.length; i++) {
    const src = a[i];
    const dst = b[i];
    for (const name of COLOR_ATTRIBUTES) {
      const v = dst.getAttribute(name);
      if (v && (v.includes('var(') || /currentcolor/i.test(v))) dst.setAttribute(name, inlineValue(v, src));
    }
    const style = dst.getAttribute('style');
    if (style && (style.includes('var(') || /currentcolor/i.test(style))) dst.setAttribute('style', inlineValue(style, src));
  }
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('xmlns:xlink', XLINK_NS);
  clone.removeAttribute('class');
  const cs = computed(original);
  const font = cs?.fontFamily;
  if (font && !font.includes('var(')) clone.style.fontFamily = font;
  return clone;
}

function number(attr: string | null, fallback: number): number {
  const v = attr === null ? NaN : Number.parseFloat(attr);
  return Number.isFinite(v) ? v : fallback;
}

function isSvg(el: Element): el is SVGSVGElement {
  return el.localName === 'svg' && el.namespaceURI === SVG_NS;
}

/** The panels under `el`: each plot surface (svg and canvas layers in stacking order), or `el` itself if an svg. */
function collectPanels(el: Element): Panel[] {
  const origin = el.getBoundingClientRect();
  const panel = (box: Element, layers: Panel['layers']): Panel => {
    const r = box.getBoundingClientRect();
    const top = layers.filter(isSvg).at(-1);
    return {
      layers,
      x: r.left - origin.left,
      y: r.top - origin.top,
      width: number(top?.getAttribute('width') ?? null, r.width),
      height: number(top?.getAttribute('height') ?? null, r.height),
    };
  };
  if (isSvg(el)) return [panel(el, [el])];
  const surfaces = el.matches('[data-plot-surface]') ? [el] : Array.from(el.querySelectorAll('[data-plot-surface]'));
  const panels = surfaces
    .map((s) =>
      panel(
        s,
        Array.from(s.children).filter((c): c is SVGSVGElement | HTMLCanvasElement => isSvg(c) || c.localName === 'canvas'),
      ),
    )
    .filter((p) => p.layers.some(isSvg));
  if (panels.length) return panels;
  return Array.from(el.querySelectorAll('svg'))
    .filter((svg) => !svg.parentElement?.closest('svg'))
    .map((svg) => panel(svg, [svg]));
}

function boundsOf(panels: Panel[]): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const p of panels) {
    width = Math.max(width, p.x + p.width);
    height = Math.max(height, p.y + p.height);
  }
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

function canvasDataUrl(canvas: HTMLCanvasElement): string {
  if (canvas.width === 0) return '';
  try {
    const url = canvas.toDataURL('image/png');
    return typeof url === 'string' && url.startsWith('data:image/png') ? url : '';
  } catch {
    return '';
  }
}

/** Options for {@link exportSvg} and {@link exportPng}. */
export interface ExportOptions {
  /** Background colour: a CSS colour, `false` for transparent. Default the theme's `--bg`. */
  background?: string | false;
}

function backgroundFor(el: Element, options: ExportOptions): string | null {
  if (options.background === false) return null;
  return options.background ?? readPlotTheme(el).background;
}

/**
 * Serialises a figure to a stand-alone SVG document: the theme's colours inlined, several panels composed at their
 * on-screen positions, each panel's layers in stacking order, canvas layers embedded as PNG `<image>`s.
 *
 * @param el - a plot surface, an element containing plot surfaces (a figure's plot area), or an `<svg>`
 * @param options - background
 * @returns the SVG document as text
 */
export function exportSvg(el: Element, options: ExportOptions = {}): string {
  const panels = collectPanels(el);
  const bg = backgroundFor(el, options);
  const serializer = new XMLSerializer();
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (panels.length === 1 && panels[0].layers.length === 1 && !bg && panels[0].x === 0 && panels[0].y === 0) {
    return head + serializer.serializeToString(inlineClone(panels[0].layers[0] as SVGSVGElement));
  }
  const doc = el.ownerDocument;
  const { width, height } = boundsOf(panels);
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('xmlns:xlink', XLINK_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (bg) {
    const r = doc.createElementNS(SVG_NS, 'rect');
    r.setAttribute('width', '100%');
    r.setAttribute('height', '100%');
    r.setAttribute('fill', bg);
    root.appendChild(r);
  }
  for (const p of panels) {
    const g = doc.createElementNS(SVG_NS, 'g');
    g.setAttribute('transform', `translate(${p.x},${p.y})`);
    for (const layer of p.layers) {
      if (isSvg(layer)) {
        const inner = inlineClone(layer);
        inner.removeAttribute('xmlns');
        inner.removeAttribute('xmlns:xlink');
        g.appendChild(inner);
      } else {
        const href = canvasDataUrl(layer);
        if (!href) continue;
        const img = doc.createElementNS(SVG_NS, 'image');
        img.setAttribute('width', String(p.width));
        img.setAttribute('height', String(p.height));
        img.setAttribute('href', href);
        g.appendChild(img);
      }
    }
    root.appendChild(g);
  }
  return head + serializer.serializeToString(root);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('export: the browser could not render the SVG layer as an image.'));
    img.src = url;
  });
}

/**
 * Renders a figure to a PNG: each panel's layers in stacking order (grid svg, canvas, svg), at `scale` × the CSS
 * size.
 *
 * @param el - a plot surface, an element containing plot surfaces, or an `<svg>`
 * @param options - background and scale (default 2)
 * @returns the PNG
 */
export async function exportPng(el: Element, options: ExportOptions & { scale?: number } = {}): Promise<Blob> {
  const scale = options.scale ?? 2;
  const panels = collectPanels(el);
  const { width, height } = boundsOf(panels);
  const out = el.ownerDocument.createElement('canvas');
  out.width = Math.max(1, Math.round(width * scale));
  out.height = Math.max(1, Math.round(height * scale));
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('export: this browser has no 2-D canvas, so PNG export is not available.');
  ctx.scale(scale, scale);
  const bg = backgroundFor(el, options);
  if (bg) {
    ctx.fillStyle = bg;
    ctx.fillRect(0, 0, width, height);
  }
  for (const p of panels) {
    for (const layer of p.layers) {
      if (!isSvg(layer)) {
        if (layer.width > 0) ctx.drawImage(layer, p.x, p.y, p.width, p.height);
        continue;
      }
      const text = new XMLSerializer().serializeToString(inlineClone(layer));
      const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`);
      ctx.drawImage(img, p.x, p.y, p.width, p.height);
    }
  }
  return new Promise((resolve, reject) => {
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('export: the PNG could not be encoded.'))), 'image/png');
  });
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvNumber(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

/**
 * Named numeric columns as CSV text: a header row of the names, then one row per index. Shorter columns leave
 * empty cells; NaN is an empty cell, ±Infinity is `inf`/`-inf` (what pandas and R read); numbers keep full precision.
 *
 * @param columns - column name -> values (typed arrays welcome)
 * @returns CSV text ending in a newline
 */
export function toCsv(columns: Record<string, ArrayLike<number>>): string {
  const names = Object.keys(columns);
  const rows = Math.max(0, ...names.map((n) => columns[n].length));
  const lines = [names.map(csvField).join(',')];
  for (let i = 0; i < rows; i++) {
    lines.push(names.map((n) => csvNumber(i < columns[n].length ? columns[n][i] : undefined)).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Offers a blob to the reader as a download.
 *
 * @param filename - suggested file name
 * @param blob - the content
 */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Offers text to the reader as a download.
 *
 * @param filename - suggested file name
 * @param text - the content
 * @param mime - its MIME type (default `text/plain`)
 */
export function downloadText(filename: string, text: string, mime = 'text/plain'): void {
  downloadBlob(filename, new Blob([text], { type: `${mime};charset=utf-8` }));
}
