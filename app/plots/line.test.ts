// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { drawAxes } from './axes.ts';
import { drawBand } from './band.ts';
import { frame } from './frame.ts';
import { drawLegend, legendSize } from './legend.ts';
import { drawLine } from './line.ts';
import { polylineData } from './pathData.ts';
import { finiteExtent } from './scales.ts';
import { plotScales } from './setup.ts';
import { setupSvg } from './svg.ts';
import { createSvg, lcg, normals, normalizeSvg } from './testing.ts';
import { seriesColor, themeColor } from './theme.ts';

const size = { width: 480, height: 280 };

/** A seeded random walk with its mean ± 2 sd band (a stand-in for simulated paths and their quantiles). */
function walk(seed: number, n: number) {
  const z = normals(lcg(seed), n);
  const t = new Float64Array(n);
  const x = new Float32Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    t[i] = i / (n - 1);
    s += z[i] * Math.sqrt(1 / n);
    x[i] = s;
    lower[i] = -2 * Math.sqrt(t[i]);
    upper[i] = 2 * Math.sqrt(t[i]);
  }
  return { t, x, lower, upper };
}

/** Counts the subpaths (M commands) of a path and checks the d attribute has only numbers. */
function subpaths(d: string): number {
  expect(d).not.toMatch(/NaN|Infinity|undefined/);
  return (d.match(/M/g) ?? []).length;
}

describe('line', () => {
  it('skips NaN and infinite points by breaking the line', () => {
    const f = frame(size);
    const s = plotScales(f, [0, 4], [0, 4]);
    const x = new Float64Array([0, 1, 2, 3, 4]);
    expect(subpaths(polylineData(x, new Float64Array([0, 1, 2, 3, 4]), s))).toBe(1);
    expect(subpaths(polylineData(x, new Float64Array([0, 1, NaN, 3, 4]), s))).toBe(2);
    expect(subpaths(polylineData(x, new Float64Array([0, Infinity, 2, -Infinity, 4]), s))).toBe(3);
    expect(polylineData(x, new Float64Array(5).fill(NaN), s)).toBe('');
    // an x that is NaN is skipped too, and the path keeps the other points
    const d = polylineData(new Float64Array([0, NaN, 2]), new Float64Array([1, 1, 1]), s);
    expect(subpaths(d)).toBe(2);
  });

  it('draws only min(x, y) points and uses the series colour through currentColor', () => {
    const svg = createSvg(size.width, size.height);
    const f = frame(size);
    const g = drawLine(svg, { x: [0, 1, 2, 3], y: [0, 1] }, plotScales(f, [0, 3], [0, 1]), { color: seriesColor(2), dash: '4 3' });
    expect(g.attr('aria-label')).toBe('Line of 2 points');
    expect(g.attr('role')).toBe('img');
    expect(g.style('color')).toContain('--plot-3');
    const p = g.select('path');
    expect(p.attr('stroke')).toBe('currentColor');
    expect(p.attr('stroke-dasharray')).toBe('4 3');
    expect((p.attr('d').match(/[ML]/g) ?? []).length).toBe(2);
    svg.remove();
  });

  it('matches the snapshot: seeded walk, band with a NaN gap, dashed reference, legend', async () => {
    const { t, x, lower, upper } = walk(7, 60);
    upper[30] = Number.NaN;
    const svg = createSvg(size.width, size.height);
    setupSvg(svg, size, { ariaLabel: 'A random walk inside its two-sigma band' });
    const items = [
      { label: 'path', color: seriesColor(0) },
      { label: 'mean ± 2 sd', color: themeColor.band, shape: 'square' as const },
      { label: 'zero', color: seriesColor(1), shape: 'dash' as const },
    ];
    const leg = legendSize(items, { maxWidth: 300 });
    const yDomain = finiteExtent(x, lower, upper)!;
    const f = frame(size, { xLabel: 'time', yDomain, margin: { top: leg.height + 8 } });
    const s = plotScales(f, [0, 1], yDomain);
    drawAxes(svg, s, f, { xLabel: 'time' });
    const band = drawBand(svg, { x: t, lower, upper }, s, { ariaLabel: 'Two-sigma band' });
    expect(subpaths(band.select('path').attr('d'))).toBe(2);
    drawLine(svg, { x: t, y: x }, s, { ariaLabel: 'Random walk' });
    drawLine(svg, { x: [0, 1], y: [0, 0] }, s, { color: seriesColor(1), dash: '4 3', ariaLabel: 'Zero' });
    drawLegend(svg, items, { x: f.left, y: 2, maxWidth: 300 });
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/line-band.svg');
    svg.remove();
  });
});

describe('legend', () => {
  it('wraps onto more rows when narrow', () => {
    const items = ['first series', 'second series', 'third series'].map((label, i) => ({ label, color: seriesColor(i) }));
    expect(legendSize(items, { maxWidth: 1000 }).height).toBeLessThan(legendSize(items, { maxWidth: 150 }).height);
    expect(legendSize(items, { maxWidth: 150 }).width).toBeLessThanOrEqual(150);
  });
});
