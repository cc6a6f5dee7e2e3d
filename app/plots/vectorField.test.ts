// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { drawAxes } from './axes.ts';
import { frame } from './frame.ts';
import { plotScales } from './setup.ts';
import { setupSvg } from './svg.ts';
import { createSvg, normalizeSvg } from './testing.ts';
import { drawVectorField } from './vectorField.ts';

/** Tail, tip and length of each arrow, read back from its path: "M tail L neck M tip ...". */
function arrows(svg: SVGSVGElement) {
  return Array.from(svg.querySelectorAll('.plot-vector-field path')).map((p) => {
    const nums = (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);
    const [tx, ty, , , hx, hy] = nums;
    return { tx, ty, hx, hy, len: Math.hypot(hx - tx, hy - ty) };
  });
}

/** A square plot with equal px per unit on both axes. */
function squarePlot() {
  const size = { width: 300, height: 300 };
  const f = frame(size, { bare: true });
  return { size, f, s: plotScales(f, [0, 4], [0, 4], { nice: false }) };
}

describe('vector field', () => {
  it('scales arrow length with magnitude, the longest filling 0.9 of a cell', () => {
    const { size, f, s } = squarePlot();
    const svg = createSvg(size.width, size.height);
    // four arrows on a 1-unit grid, magnitudes 1, 2, 3, 4, all along +x
    drawVectorField(svg, { x: [0.5, 1.5, 2.5, 3.5], y: [0.5, 1.5, 2.5, 3.5], u: [1, 2, 3, 4], v: [0, 0, 0, 0] }, s);
    const a = arrows(svg);
    expect(a).toHaveLength(4);
    const cell = f.innerWidth / 4;
    expect(a[3].len).toBeCloseTo(0.9 * cell, 1);
    for (let i = 0; i < 4; i++) expect(a[i].len / a[3].len).toBeCloseTo((i + 1) / 4, 2);
    // pointing right, centred on the anchor
    for (const [i, arrow] of a.entries()) {
      expect(arrow.hx).toBeGreaterThan(arrow.tx);
      expect((arrow.tx + arrow.hx) / 2).toBeCloseTo(s.x(0.5 + i), 1);
    }
    svg.remove();
  });

  it('points up on screen for a positive v and skips zero and NaN vectors', () => {
    const { size, s } = squarePlot();
    const svg = createSvg(size.width, size.height);
    drawVectorField(svg, { x: [1, 2, 3], y: [1, 1, 1], u: [0, 0, Number.NaN], v: [1, 0, 1] }, s, { anchor: 'tail' });
    const a = arrows(svg);
    expect(a).toHaveLength(1);
    expect(a[0].hy).toBeLessThan(a[0].ty);
    expect(a[0].ty).toBeCloseTo(s.y(1), 1);
    svg.remove();
  });

  it('keeps one scale across frames with maxMagnitude, and equal lengths with normalize', () => {
    const { size, s } = squarePlot();
    const svg = createSvg(size.width, size.height);
    const data = { x: [0.5, 1.5], y: [0.5, 0.5], u: [1, 2], v: [0, 0] };
    drawVectorField(svg, data, s, { maxMagnitude: 4 });
    const fixed = arrows(svg);
    expect(fixed[1].len).toBeCloseTo(0.9 * 0.5 * (s.x(1.5) - s.x(0.5)), 1);
    svg.replaceChildren();
    drawVectorField(svg, data, s, { normalize: true });
    const [p, q] = arrows(svg);
    expect(p.len).toBeCloseTo(q.len, 5);
    svg.remove();
  });

  it('matches the snapshot: the rotation-plus-contraction field on a 7 × 7 grid', async () => {
    const size = { width: 320, height: 320 };
    const svg = createSvg(size.width, size.height);
    setupSvg(svg, size, { ariaLabel: 'Drift field' });
    const f = frame(size, { yDomain: [-3, 3] });
    const s = plotScales(f, [-3, 3], [-3, 3]);
    const x: number[] = [];
    const y: number[] = [];
    const u: number[] = [];
    const v: number[] = [];
    for (let j = 0; j < 7; j++) {
      for (let i = 0; i < 7; i++) {
        const px = -3 + (6 * (i + 0.5)) / 7;
        const py = -3 + (6 * (j + 0.5)) / 7;
        x.push(px);
        y.push(py);
        u.push(-py - 0.3 * px);
        v.push(px - 0.3 * py);
      }
    }
    drawAxes(svg, s, f);
    drawVectorField(svg, { x, y, u, v }, s);
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/vector-field.svg');
    svg.remove();
  });
});
