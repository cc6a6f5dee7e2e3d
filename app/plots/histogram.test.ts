// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { drawAxes } from './axes.ts';
import { frame } from './frame.ts';
import { drawHistogram } from './histogram.ts';
import { histogramOnEdges, uniformEdges } from '../../workers/engines/stats.ts';
import { scaleSlope } from './scales.ts';
import { plotScales } from './setup.ts';
import { setupSvg } from './svg.ts';
import { createSvg, lcg, normals, normalizeSvg } from './testing.ts';

const size = { width: 400, height: 260 };

function gaussianCurve(lo: number, hi: number, n: number) {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = lo + ((hi - lo) * i) / (n - 1);
    y[i] = Math.exp(-(x[i] ** 2) / 2) / Math.sqrt(2 * Math.PI);
  }
  return { x, y };
}

describe('drawHistogram', () => {
  it('draws bars whose areas sum to ~1 for a density (measured from the svg)', () => {
    const z = normals(lcg(11), 4000);
    const edges = uniformEdges(-5, 5, 40);
    const density = histogramOnEdges(z, edges, { density: true }).values;
    const svg = createSvg(size.width, size.height);
    const f = frame(size);
    const s = plotScales(f, [-5, 5], [0, 0.5], { nice: false });
    drawHistogram(svg, { edges, density }, s, { inset: 0 });
    const unitArea = Math.abs(scaleSlope(s.x) * scaleSlope(s.y));
    let pxArea = 0;
    for (const r of Array.from(svg.querySelectorAll('rect'))) pxArea += Number(r.getAttribute('width')) * Number(r.getAttribute('height'));
    expect(pxArea / unitArea).toBeGreaterThan(0.99);
    expect(pxArea / unitArea).toBeLessThan(1.01);
    svg.remove();
  });

  it('skips bins with non-finite density and keeps bars on the baseline', () => {
    const svg = createSvg(size.width, size.height);
    const f = frame(size);
    const s = plotScales(f, [0, 3], [0, 1]);
    const g = drawHistogram(svg, { edges: [0, 1, 2, 3], density: [0.5, Number.NaN, 0.2] }, s);
    const rects = Array.from(svg.querySelectorAll('rect'));
    expect(rects).toHaveLength(2);
    for (const r of rects) expect(Number(r.getAttribute('y')) + Number(r.getAttribute('height'))).toBeCloseTo(s.y(0), 1);
    expect(g.attr('aria-label')).toBe('Histogram of 3 bins');
    svg.remove();
  });

  it('matches the snapshot: seeded normal samples against the exact density', async () => {
    const z = normals(lcg(2024), 800);
    const edges = uniformEdges(-4, 4, 24);
    const svg = createSvg(size.width, size.height);
    setupSvg(svg, size, { ariaLabel: 'Histogram of 800 normal samples with the standard normal density' });
    const f = frame(size, { xLabel: 'x', yDomain: [0, 0.5] });
    const s = plotScales(f, [-4, 4], [0, 0.5]);
    drawAxes(svg, s, f, { xLabel: 'x', grid: 'y' });
    drawHistogram(svg, { edges, density: histogramOnEdges(z, edges, { density: true }).values, curve: gaussianCurve(-4, 4, 81) }, s);
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/histogram.svg');
    svg.remove();
  });
});
