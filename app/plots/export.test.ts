// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { drawAxes } from './axes.ts';
import { exportSvg, resolveCssVars, toCsv } from './export.ts';
import { frame } from './frame.ts';
import { drawLine } from './line.ts';
import { plotScales } from './setup.ts';
import { setupSvg } from './svg.ts';
import { installThemeStylesheet } from './testing.ts';
import { readPlotTheme, seriesColor } from './theme.ts';

beforeAll(() => {
  installThemeStylesheet();
});

afterEach(() => {
  document.documentElement.removeAttribute('data-theme');
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** A plot surface as PlotSurface renders it: a div[data-plot-surface] with an optional canvas and an svg. */
function surface(withCanvas: boolean): HTMLDivElement {
  const div = document.createElement('div');
  div.setAttribute('data-plot-surface', '');
  if (withCanvas) div.appendChild(document.createElement('canvas'));
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  div.appendChild(svg);
  const size = { width: 320, height: 200 };
  setupSvg(svg, size, { ariaLabel: 'Test plot' });
  const f = frame(size);
  const s = plotScales(f, [0, 1], [0, 1]);
  drawAxes(svg, s, f);
  drawLine(svg, { x: [0, 1], y: [0, 1] }, s, { color: seriesColor(0) });
  return div;
}

describe('readPlotTheme', () => {
  it('reads the theme in effect, including the projector sizes', () => {
    const el = document.body.appendChild(document.createElement('div'));
    expect(readPlotTheme(el).series[0]).toBe('#0072b2');
    document.documentElement.setAttribute('data-theme', 'dark');
    expect(readPlotTheme(el).series[0]).toBe('#56b4e9');
    expect(readPlotTheme(el).fg).toBe('#dcdad4');
    document.documentElement.setAttribute('data-theme', 'projector');
    const t = readPlotTheme(el);
    expect([t.fontSize, t.strokeWidth]).toEqual([20, 3]);
  });
});

describe('exportSvg', () => {
  it('inlines the theme so the file stands alone (dark theme)', () => {
    document.documentElement.setAttribute('data-theme', 'dark');
    const div = document.body.appendChild(surface(false));
    const text = exportSvg(div, { background: false });
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).not.toMatch(/var\(|currentColor/i);
    expect(text).toContain('#56b4e9'); // --plot-1 (dark) on the line
    expect(text).toContain('#dcdad4'); // --plot-fg (dark) on the axes
    expect(text).toContain('#2d2f35'); // --plot-grid (dark)
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    // the page itself still uses the variables
    expect(div.innerHTML).toContain('var(--plot-1');
  });

  it('adds the theme background and composes panels with their canvas layers', () => {
    const box = document.body.appendChild(document.createElement('div'));
    const a = box.appendChild(surface(true));
    const b = box.appendChild(surface(false));
    const rect = (left: number, top: number, width: number, height: number) =>
      ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON() {} }) as DOMRect;
    vi.spyOn(box, 'getBoundingClientRect').mockReturnValue(rect(10, 10, 660, 200));
    vi.spyOn(a, 'getBoundingClientRect').mockReturnValue(rect(10, 10, 320, 200));
    vi.spyOn(b, 'getBoundingClientRect').mockReturnValue(rect(350, 10, 320, 200));
    const canvas = a.querySelector('canvas')!;
    canvas.width = 640;
    vi.spyOn(canvas, 'toDataURL').mockReturnValue('data:image/png;base64,AAAA');
    const text = exportSvg(box);
    expect(text).toContain('width="660"');
    expect(text).toContain('fill="#fdfcf9"'); // --bg (light)
    expect(text).toContain('translate(340,0)');
    expect((text.match(/<image /g) ?? []).length).toBe(1);
    // stacking order kept: the canvas image comes before (under) its svg
    expect(text.indexOf('<image ')).toBeLessThan(text.indexOf('aria-label="Test plot"'));
    expect(text).not.toMatch(/var\(|currentColor/i);
  });
});

describe('resolveCssVars', () => {
  it('resolves nested variables and falls back', () => {
    const el = document.body.appendChild(document.createElement('div'));
    expect(resolveCssVars('var(--nope, var(--plot-2, red))', el)).toBe('#d55e00');
    expect(resolveCssVars('var(--nope, #123)', el)).toBe('#123');
  });
});

describe('toCsv', () => {
  it('writes a header and one row per index, typed arrays in full precision', () => {
    const csv = toCsv({ t: new Float64Array([0, 0.1, 0.2]), 'x, "raw"': new Float32Array([1.5, Number.NaN]), y: [Infinity, -Infinity, 1 / 3] });
    expect(csv).toBe('t,"x, ""raw""",y\n0,1.5,inf\n0.1,,-inf\n0.2,,0.3333333333333333\n');
  });

  it('handles no columns', () => {
    expect(toCsv({})).toBe('\n');
  });
});
