// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { alphaForCount, prepareCanvas } from './canvas.ts';
import { drawCanvasPaths } from './canvasPaths.ts';
import { frame } from './frame.ts';
import { drawParticles } from './particles.ts';
import { affine } from './scales.ts';
import { plotScales } from './setup.ts';
import { scaleLinear, scaleLog } from 'd3';
import { lcg, mockContext, normals, type Call } from './testing.ts';
import { defaultPlotTheme } from './theme.ts';

const size = { width: 300, height: 200 };

function canvasWith(ctx: CanvasRenderingContext2D): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  vi.spyOn(canvas, 'getContext').mockReturnValue(ctx as never);
  return canvas;
}

const named = (calls: Call[], name: string) => calls.filter((c) => c[0] === name);

describe('prepareCanvas', () => {
  it('sizes the backing store by the device pixel ratio and installs the dpr transform', () => {
    const { ctx, calls } = mockContext();
    const canvas = canvasWith(ctx);
    expect(prepareCanvas(canvas, size, 2)).toBe(ctx);
    expect(canvas.width).toBe(600);
    expect(canvas.height).toBe(400);
    expect(canvas.style.width).toBe('300px');
    expect(canvas.style.height).toBe('200px');
    expect(calls[0]).toEqual(['setTransform', 2, 0, 0, 2, 0, 0]);
    expect(calls[1]).toEqual(['clearRect', 0, 0, 300, 200]);
  });

  it('rounds fractional ratios and clamps silly ones', () => {
    const { ctx, calls } = mockContext();
    const canvas = canvasWith(ctx);
    prepareCanvas(canvas, { width: 301, height: 100 }, 1.5);
    expect(canvas.width).toBe(452);
    expect(calls[0]).toEqual(['setTransform', 1.5, 0, 0, 1.5, 0, 0]);
    prepareCanvas(canvas, size, 0);
    expect(canvas.width).toBe(300);
  });
});

describe('affine', () => {
  it('replaces a linear scale by a x + b, and leaves log and clamped scales alone', () => {
    const lin = scaleLinear().domain([-2, 3]).range([180, 10]);
    const f = affine(lin);
    expect(f).not.toBe(lin);
    for (const v of [-2, 0, 0.7, 3, 10]) expect(f(v)).toBeCloseTo(lin(v), 9);
    const log = scaleLog().domain([1, 100]).range([0, 100]);
    expect(affine(log)).toBe(log);
    const clamped = scaleLinear().domain([0, 1]).range([0, 100]).clamp(true);
    expect(affine(clamped)).toBe(clamped);
  });
});

describe('alphaForCount', () => {
  it('fades as paths multiply, within [0.03, 0.9]', () => {
    expect(alphaForCount(1)).toBe(0.9);
    expect(alphaForCount(100)).toBeCloseTo(0.3);
    expect(alphaForCount(1e6)).toBe(0.03);
    expect(alphaForCount(100)).toBeGreaterThan(alphaForCount(1000));
  });
});

describe('drawCanvasPaths', () => {
  const f = frame(size);
  const s = plotScales(f, [0, 1], [-3, 3]);

  function paths(count: number, steps: number, seed: number) {
    const t = new Float64Array(steps).map((_, k) => k / (steps - 1));
    const z = normals(lcg(seed), count * steps);
    const values = new Float32Array(count * steps);
    for (let p = 0; p < count; p++) {
      let x = 0;
      for (let k = 0; k < steps; k++) {
        values[p * steps + k] = x;
        x += z[p * steps + k] * Math.sqrt(1 / steps);
      }
    }
    return { t, values };
  }

  it('strokes each path once at the count alpha, then the highlights opaque in series colours, clipped', () => {
    const { ctx, calls } = mockContext();
    drawCanvasPaths(ctx, paths(50, 20, 1), s, defaultPlotTheme, { highlight: [3, 7, 999], clip: f });
    expect(named(calls, 'stroke')).toHaveLength(50 + 2);
    expect(named(calls, 'moveTo')).toHaveLength(52);
    expect(named(calls, 'lineTo')).toHaveLength(52 * 19);
    expect(calls).toContainEqual(['set:globalAlpha', alphaForCount(50)]);
    expect(calls).toContainEqual(['rect', f.left, f.top, f.innerWidth, f.innerHeight]);
    expect(named(calls, 'clip')).toHaveLength(1);
    const styles = named(calls, 'set:strokeStyle').map((c) => c[1]);
    expect(styles).toEqual([defaultPlotTheme.series[0], defaultPlotTheme.series[1], defaultPlotTheme.series[2]]);
    expect(calls[calls.length - 1]).toEqual(['restore']);
  });

  it('draws in CSS px: the first point of path 0 is at the scaled (t0, x0)', () => {
    const { ctx, calls } = mockContext();
    const data = paths(2, 5, 2);
    drawCanvasPaths(ctx, data, s, defaultPlotTheme);
    const [, mx, my] = named(calls, 'moveTo')[0] as [string, number, number];
    expect(mx).toBeCloseTo(s.x(0), 9);
    expect(my).toBeCloseTo(s.y(data.values[0]), 9);
  });

  it('breaks a path at non-finite values instead of drawing through them', () => {
    const { ctx, calls } = mockContext();
    const t = [0, 0.25, 0.5, 0.75, 1];
    drawCanvasPaths(ctx, { t, values: [0, 1, Number.NaN, 1, 0, 0, Infinity, 0, 0, 0] }, s, defaultPlotTheme);
    expect(named(calls, 'moveTo')).toHaveLength(2 + 2);
    expect(named(calls, 'lineTo')).toHaveLength(2 + 2);
    for (const c of calls) for (const a of c.slice(1)) if (typeof a === 'number') expect(Number.isFinite(a)).toBe(true);
  });
});

describe('drawParticles', () => {
  const f = frame(size, { bare: true });
  const s = plotScales(f, [-1, 1], [-1, 1], { nice: false });

  it('draws small points as squares with the count alpha and skips non-finite ones', () => {
    const { ctx, calls } = mockContext();
    drawParticles(ctx, { x: [0, 0.5, Number.NaN, 1], y: [0, 0.5, 0, Infinity] }, s, defaultPlotTheme, { radius: 1 });
    const rects = named(calls, 'fillRect');
    expect(rects).toHaveLength(2);
    const [, rx, ry, rw, rh] = rects[0] as [string, number, number, number, number];
    expect([rx, ry, rw, rh].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([s.x(0) - 1, s.y(0) - 1, 2, 2].map((v) => Math.round(v * 1e6) / 1e6));
    expect(calls).toContainEqual(['set:globalAlpha', alphaForCount(4, 14)]);
  });

  it('draws larger points as arcs and highlights on top', () => {
    const { ctx, calls } = mockContext();
    drawParticles(ctx, { x: [0, 0.5], y: [0, 0.5] }, s, defaultPlotTheme, { radius: 3, highlight: [1], clip: f });
    expect(named(calls, 'arc')).toHaveLength(3);
    const [, ax, ay, ar] = named(calls, 'arc')[2] as [string, number, number, number];
    expect(ax).toBeCloseTo(s.x(0.5), 9);
    expect(ay).toBeCloseTo(s.y(0.5), 9);
    expect(ar).toBe(6);
    expect(named(calls, 'set:fillStyle').map((c) => c[1])).toEqual([defaultPlotTheme.series[0], defaultPlotTheme.series[1]]);
  });
});
