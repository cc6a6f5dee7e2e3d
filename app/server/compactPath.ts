/**
 * Shorter path data for the pictures prerendered into the pages. A plotted curve is d3's absolute polyline,
 * `M39,294.53L39.25,289.81…`, with two decimals of a pixel: chapter 3's Brownian paths alone were 60 kB of its
 * 133 kB document (gzip). Written relative to the previous point and to a tenth of a pixel (`M39,294.5l.3-4.7…`),
 * the numbers are small and repeat (the time steps are equal), so they take fewer characters and compress far better.
 *
 * The points are rounded once, as absolute positions, and the steps are taken between the rounded points, so the
 * rounding never accumulates along the path: every point lands within 0.05 px of where it was drawn (the pictures
 * are 560 px wide). Only paths made of M, L and Z commands are rewritten (plotted curves, contour rings, arrows); arcs
 * and curves keep their data.
 */

const POLYLINE = /^\s*M[\s\d.,eE+-]*(?:[MLZ][\s\d.,eE+-]*)*$/;
const COMMAND = /([MLZ])([^MLZ]*)/g;
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;

/** A count of tenths as path data: 3 → ".3", -12 → "-1.2", 40 → "4". */
function tenths(n: number): string {
  if (n === 0) return '0';
  const s = (Math.abs(n) / 10).toString().replace(/^0\./, '.');
  return n < 0 ? `-${s}` : s;
}

/** Joins numbers the way path data allows: no separator is needed before a minus sign. */
function joinNumbers(parts: string[]): string {
  let out = '';
  for (const p of parts) out += out === '' || p.startsWith('-') ? p : `,${p}`;
  return out;
}

/**
 * The same polyline, relative and to a tenth of a pixel; null when `d` is not made of M, L and Z commands. A Z closes
 * its subpath and returns to the subpath's start, from which the next step is taken.
 */
export function compactPolyline(d: string): string | null {
  if (!POLYLINE.test(d)) return null;
  const steps: ({ move: boolean; x: number; y: number } | 'close')[] = [];
  for (const [, command, args] of d.matchAll(COMMAND)) {
    if (command === 'Z') {
      if (args.trim() !== '') return null;
      steps.push('close');
      continue;
    }
    const numbers = (args.match(NUMBER) ?? []).map(Number);
    if (numbers.length === 0 || numbers.length % 2 !== 0 || numbers.some((v) => !Number.isFinite(v))) return null;
    for (let i = 0; i < numbers.length; i += 2)
      steps.push({ move: command === 'M' && i === 0, x: Math.round(numbers[i] * 10), y: Math.round(numbers[i + 1] * 10) });
  }
  const first = steps[0];
  if (first === undefined || first === 'close' || !first.move) return null;
  let out = `M${joinNumbers([tenths(first.x), tenths(first.y)])}`;
  let previous = first;
  let start = first;
  // After `l` or `m`, further pairs are relative line segments: a run of segments names its command once.
  let relative = false;
  for (const step of steps.slice(1)) {
    if (step === 'close') {
      out += 'z';
      previous = start;
      relative = false;
      continue;
    }
    const pair = joinNumbers([tenths(step.x - previous.x), tenths(step.y - previous.y)]);
    if (step.move) out += `m${pair}`;
    else if (relative) out += pair.startsWith('-') ? pair : ` ${pair}`;
    else out += `l${pair}`;
    relative = true;
    previous = step;
    if (step.move) start = step;
  }
  return out;
}

/** Rewrites the polylines among the `path` elements under `root` (the other paths are left as they are). */
export function compactPolylines(root: ParentNode): void {
  for (const path of root.querySelectorAll('path')) {
    const d = path.getAttribute('d');
    const compact = d ? compactPolyline(d) : null;
    if (compact !== null) path.setAttribute('d', compact);
  }
}
