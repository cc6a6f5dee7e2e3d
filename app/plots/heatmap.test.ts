// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { drawAxes } from './axes.ts';
import { colorLegendHeight, drawColorLegend } from './colorLegend.ts';
import { contourLevels, drawContours } from './contours.ts';
import { frame } from './frame.ts';
import { colorLut, gridColorScale, type GridData } from './grid.ts';
import { drawHeatmapCanvas, drawHeatmapSvg, heatmapNeedsCanvas } from './heatmap.ts';
import { plotScales } from './setup.ts';
import { setupSvg } from './svg.ts';
import { createSvg, lcg, mockContext, normalizeSvg } from './testing.ts';

/** A two-bump density on [-3, 3] × [-2, 2], sampled at cell centres, with a little seeded noise. */
function bumps(nx: number, ny: number, seed = 5): GridData {
  const rand = lcg(seed);
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const x = -3 + (6 * (i + 0.5)) / nx;
      const y = -2 + (4 * (j + 0.5)) / ny;
      values[j * nx + i] = Math.exp(-((x - 1) ** 2 + y ** 2)) + 0.6 * Math.exp(-((x + 1.2) ** 2 + (y - 0.8) ** 2) / 0.5) + 0.01 * rand();
    }
  }
  return { values, nx, ny, x: [-3, 3], y: [-2, 2] };
}

describe('heatmap (svg)', () => {
  it('draws one rect per finite cell, tiling the grid extent', () => {
    const grid = bumps(6, 4);
    (grid.values as Float64Array)[0] = Number.NaN;
    const size = { width: 320, height: 240 };
    const svg = createSvg(size.width, size.height);
    const f = frame(size, { bare: true });
    const s = plotScales(f, grid.x, grid.y, { nice: false });
    drawHeatmapSvg(svg, grid, s);
    const rects = Array.from(svg.querySelectorAll('rect'));
    expect(rects).toHaveLength(6 * 4 - 1);
    const area = rects.reduce((a, r) => a + Number(r.getAttribute('width')) * Number(r.getAttribute('height')), 0);
    expect(area / (f.innerWidth * f.innerHeight)).toBeCloseTo(23 / 24, 2);
    // row 0 is at the bottom: the last rect (row 3) is above the first drawn one (row 0)
    expect(Number(rects[rects.length - 1].getAttribute('y'))).toBeLessThan(Number(rects[0].getAttribute('y')));
    svg.remove();
  });

  it('says what is wrong with a badly shaped grid', () => {
    const svg = createSvg(100, 100);
    const s = plotScales(frame({ width: 100, height: 100 }), [0, 1], [0, 1]);
    expect(() => drawHeatmapSvg(svg, { values: [1, 2, 3], nx: 2, ny: 2, x: [0, 1], y: [0, 1] }, s)).toThrow(/row-major/);
    svg.remove();
  });

  it('uses the canvas above 1024 cells', () => {
    expect(heatmapNeedsCanvas({ nx: 32, ny: 32 })).toBe(false);
    expect(heatmapNeedsCanvas({ nx: 33, ny: 32 })).toBe(true);
  });

  it('matches the snapshot: heatmap, contours and colour legend', async () => {
    const grid = bumps(16, 12);
    const size = { width: 360, height: 300 };
    const svg = createSvg(size.width, size.height);
    setupSvg(svg, size, { ariaLabel: 'A two-bump density with its contours' });
    const color = gridColorScale(grid.values);
    const legendH = colorLegendHeight({ title: 'density p(x, y)' });
    const f = frame(size, { yDomain: grid.y, margin: { top: legendH + 10 } });
    const s = plotScales(f, grid.x, grid.y, { nice: false });
    drawHeatmapSvg(svg, grid, s, { color });
    drawContours(svg, grid, s, { thresholds: 5 });
    drawAxes(svg, s, f, { grid: false });
    drawColorLegend(svg, color, { x: f.left, y: 4, width: 160, title: 'density p(x, y)', id: 'density-ramp' });
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/heatmap-contours.svg');
    svg.remove();
  });
});

describe('contours', () => {
  it('chooses nice levels strictly inside the data and maps grid units onto the extent', () => {
    const grid = bumps(20, 20);
    const levels = contourLevels(grid, 5);
    expect(levels.length).toBeGreaterThan(2);
    const size = { width: 300, height: 300 };
    const svg = createSvg(size.width, size.height);
    const f = frame(size, { bare: true });
    const s = plotScales(f, grid.x, grid.y, { nice: false });
    const g = drawContours(svg, grid, s, { thresholds: levels });
    const paths = Array.from(svg.querySelectorAll('path'));
    expect(paths.map((p) => Number(p.getAttribute('data-level')))).toEqual(levels);
    for (const p of paths) {
      const nums = (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);
      for (let k = 0; k < nums.length; k += 2) {
        expect(nums[k]).toBeGreaterThanOrEqual(f.left - 0.01);
        expect(nums[k]).toBeLessThanOrEqual(f.right + 0.01);
      }
    }
    expect(g.attr('aria-label')).toBe(`Contours at ${levels.length} levels`);
    svg.remove();
  });

  it('tolerates NaN cells', () => {
    const grid = bumps(10, 10);
    (grid.values as Float64Array).fill(Number.NaN, 0, 30);
    const svg = createSvg(200, 200);
    drawContours(svg, grid, plotScales(frame({ width: 200, height: 200 }), grid.x, grid.y), { thresholds: [0.2, 0.5] });
    for (const p of Array.from(svg.querySelectorAll('path'))) expect(p.getAttribute('d')).not.toMatch(/NaN/);
    svg.remove();
  });
});

describe('heatmap (canvas)', () => {
  it('puts one pixel per cell, top row = highest y, NaN transparent, and scales the image onto the extent', () => {
    const nx = 3;
    const ny = 2;
    const grid: GridData = { values: [0, 1, 2, 3, 4, Number.NaN], nx, ny, x: [0, 3], y: [0, 2] };
    const f = frame({ width: 200, height: 150 }, { bare: true });
    const s = plotScales(f, [0, 3], [0, 2], { nice: false });
    const main = mockContext();
    const off = mockContext();
    const offCanvas = {
      width: 0,
      height: 0,
      getContext: () => off.ctx,
    } as unknown as HTMLCanvasElement;
    const color = gridColorScale(grid.values, { domain: [0, 4] });
    drawHeatmapCanvas(main.ctx, grid, s, { color, createCanvas: () => offCanvas });
    expect(offCanvas.width).toBe(3);
    expect(offCanvas.height).toBe(2);
    const put = off.calls.find((c) => c[0] === 'putImageData')!;
    const image = put[1] as { data: Uint8ClampedArray };
    const { table } = colorLut(color);
    const rgbaAt = (r: number, c: number) => Array.from(image.data.slice((r * nx + c) * 4, (r * nx + c) * 4 + 4));
    // image row 0 is grid row 1 (values 3, 4, NaN); row 1 is grid row 0 (values 0, 1, 2)
    expect(rgbaAt(1, 0)).toEqual(Array.from(table.slice(0, 4)));
    expect(rgbaAt(0, 1)).toEqual(Array.from(table.slice(255 * 4, 256 * 4)));
    expect(rgbaAt(0, 2)[3]).toBe(0);
    const draw = main.calls.find((c) => c[0] === 'drawImage')!;
    expect(draw.slice(2).map((v) => Math.round(v as number))).toEqual([f.left, f.top, f.innerWidth, f.innerHeight]);
    expect(main.calls).toContainEqual(['set:imageSmoothingEnabled', false]);
  });
});
