// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { frame } from './frame.ts';
import { drawPoints, logScale } from './points.ts';
import { decadeTicks, formatDecade } from './logTicks.ts';
import { plotScales } from './setup.ts';
import { createSvg } from './testing.ts';

describe('points with error bars', () => {
  it('draws one dot per finite point and one bar per positive half-width, skipping NaN', () => {
    const svg = createSvg(300, 200);
    const f = frame({ width: 300, height: 200 });
    const s = plotScales(f, [0, 4], [-1, 1]);
    drawPoints(svg, { x: [0, 1, 2, 3, 4], y: [0, NaN, 0.5, -0.5, 0.2], err: [0.1, 0.1, 0, NaN, 0.3] }, s);
    expect(svg.querySelectorAll('circle').length).toBe(4);
    const bars = [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? '');
    expect(bars.length).toBe(2); // x = 0 and x = 4; zero and NaN half-widths draw no bar
    for (const d of bars) expect(d).not.toMatch(/NaN|Infinity/);
    // The bar at x = 0 spans y = -0.1 .. 0.1 in px.
    expect(bars[0]).toContain(`V${Math.round(s.y(0.1) * 100) / 100}`);
  });

  it('asymmetric bars from lo and hi clip at the plot edge; hollow points are outlines', () => {
    const svg = createSvg(300, 200);
    const f = frame({ width: 300, height: 200 });
    const s = plotScales(f, [0, 2], [-3, 0], { nice: false });
    // On a log10 axis the lower end of an interval that reaches 0 is -Infinity: the bar runs to the bottom edge.
    drawPoints(svg, { x: [0, 1, 2], y: [-1, -2, -0.5], lo: [-1.5, -Infinity, -0.6], hi: [-0.5, -1.5, 5] }, s, { hollow: [false, true, false] });
    const bars = [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? '');
    expect(bars.length).toBe(3);
    const [bottom, top] = s.y.range();
    expect(bars[1]).toContain(`,${Math.round(bottom * 100) / 100}V`);
    expect(bars[2]).toContain(`V${Math.round(top * 100) / 100}`);
    const fills = [...svg.querySelectorAll('circle')].map((c) => c.getAttribute('fill'));
    expect(fills).toEqual(['currentColor', 'var(--bg, #fff)', 'currentColor']);
  });

  it('decade ticks and their labels', () => {
    expect(decadeTicks(7, 5600)).toEqual([10, 100, 1000]);
    expect(decadeTicks(1e-16, 100, 7).length).toBeLessThanOrEqual(7);
    expect(decadeTicks(1e-16, 100, 7)[0]).toBe(1e-16);
    expect(formatDecade(1000)).toBe('1000');
    expect(formatDecade(1e-3)).toBe('10⁻³');
    expect(formatDecade(1e4)).toBe('10⁴');
    const s = logScale([1, 100], [0, 200]);
    expect(s(10)).toBeCloseTo(100, 9);
  });
});
