import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compactPolyline, compactPolylines } from './compactPath.ts';

/**
 * The points a path of M, m, L, l and Z/z commands visits, subpath by subpath, as a browser reads it (a close is the
 * subpath's start again, marked `close`).
 */
function points(d: string): { x: number; y: number; move: boolean; close?: boolean }[] {
  const tokens = d.match(/[MmLlZz]|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g) ?? [];
  const out: { x: number; y: number; move: boolean; close?: boolean }[] = [];
  let command = '';
  let x = 0;
  let y = 0;
  let start = { x: 0, y: 0 };
  for (let i = 0; i < tokens.length;) {
    if (/[Zz]/.test(tokens[i])) {
      i++;
      ({ x, y } = start);
      out.push({ x, y, move: false, close: true });
      continue;
    }
    if (/[MmLl]/.test(tokens[i])) command = tokens[i++];
    const a = Number(tokens[i++]);
    const b = Number(tokens[i++]);
    const relative = command === 'm' || command === 'l';
    x = relative ? x + a : a;
    y = relative ? y + b : b;
    out.push({ x, y, move: command === 'M' || command === 'm' });
    if (command === 'M' || command === 'm') start = { x, y };
    // After a move, further pairs are line segments of the same kind (absolute after M, relative after m).
    if (command === 'M') command = 'L';
    else if (command === 'm') command = 'l';
  }
  return out;
}

const coordinate = fc.double({ min: -2000, max: 2000, noNaN: true, noDefaultInfinity: true }).map((v) => Math.round(v * 100) / 100);
const point = fc.tuple(coordinate, coordinate);
const subpath = fc.array(point, { minLength: 1, maxLength: 30 });

/** d3's way of writing a polyline, subpaths one after another, each closed or not. */
const absolute = (parts: [number, number][][], closed: boolean[] = []) =>
  parts.map((pts, k) => pts.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('') + (closed[k] ? 'Z' : '')).join('');

describe('compactPolyline', () => {
  it('writes a polyline relative and to a tenth of a pixel', () => {
    expect(compactPolyline('M39,294.53L39.26,289.81L39.49,288.37')).toBe('M39,294.5l.3-4.7 .2-1.4');
    expect(compactPolyline('M0,0L1,0L1,2M5,5L4,4')).toBe('M0,0l1,0 0,2m4,3-1-1');
    expect(compactPolyline('M-0.04,0.04L0,10')).toBe('M0,0l0,10');
    // A close returns to the subpath's start: an arrow's shaft, then its head as a closed triangle.
    expect(compactPolyline('M62.58,302.28L59.68,290.42M58.62,286.05L61.87,289.89L57.5,290.96Z')).toBe('M62.6,302.3l-2.9-11.9m-1.1-4.3 3.3,3.8-4.4,1.1z');
    expect(compactPolyline('M0,0L1,0L1,1ZL2,2')).toBe('M0,0l1,0 0,1zl2,2');
  });

  it('keeps every point within 0.05 px of where it was drawn, subpaths and closes included, whatever the path', () => {
    fc.assert(
      fc.property(fc.array(subpath, { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (parts, closed) => {
        const d = absolute(parts, closed);
        const compact = compactPolyline(d);
        expect(compact).not.toBeNull();
        const before = points(d);
        const after = points(compact!);
        expect(after.length).toBe(before.length);
        after.forEach((p, i) => {
          expect(p.move).toBe(before[i].move);
          expect(p.close).toBe(before[i].close);
          expect(Math.abs(p.x - before[i].x)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Math.abs(p.y - before[i].y)).toBeLessThanOrEqual(0.05 + 1e-9);
        });
      }),
    );
  });

  it('is shorter than the path it replaces for a plotted curve (small steps across a 560 px picture)', () => {
    const step = fc.tuple(fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }));
    fc.assert(
      fc.property(fc.double({ min: 0, max: 560, noNaN: true }), fc.array(step, { minLength: 3, maxLength: 60 }), (y0, steps) => {
        let x = 40;
        let y = y0;
        const pts: [number, number][] = [[x, y]];
        for (const [dx, dy] of steps) pts.push([Math.round((x += dx) * 100) / 100, Math.round((y += dy) * 100) / 100]);
        const d = absolute([pts]);
        expect(compactPolyline(d)!.length).toBeLessThan(d.length);
      }),
    );
  });

  it('leaves curves, arcs and odd data alone', () => {
    for (const d of ['M0,0C1,1,2,2,3,3', 'M0,0L1,1Z1', 'Z', 'M0,0H5V5', 'M0,0A1,1,0,0,1,2,2', 'L1,1', 'M0', 'M0,0L1', 'M0,0LNaN,1', ''])
      expect(compactPolyline(d), d).toBeNull();
  });

  it('rewrites the polylines of a drawn picture and nothing else', () => {
    const { document } = new JSDOM('<svg><path d="M0,0L1.26,1.24"/><path d="M0,0C1,1,2,2,3,3"/><path/></svg>').window;
    compactPolylines(document);
    expect([...document.querySelectorAll('path')].map((p) => p.getAttribute('d'))).toEqual(['M0,0l1.3,1.2', 'M0,0C1,1,2,2,3,3', null]);
  });
});
