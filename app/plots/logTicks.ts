/**
 * Ticks for log axes. Figures plot log10 of their data on a linear scale (so canvas and svg marks share one affine
 * map); these helpers choose tick positions in log10 units and label them as the numbers they stand for.
 */
import { superscript } from './format.ts';

/** Tick values (log10 units) at 1, 2, 5 times each power of ten inside [lo, hi]; only powers of ten on a wide range. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  const wide = hi - lo > 2.5;
  for (let d = Math.floor(lo); d <= Math.ceil(hi); d++) {
    for (const m of wide ? [1] : [1, 2, 5]) {
      const v = d + Math.log10(m);
      if (v >= lo - 1e-9 && v <= hi + 1e-9) out.push(v);
    }
  }
  return out;
}

/** Label of a log10 tick: the number itself (0.5, 1, 20, 1000), or 10ᵏ outside [10⁻³, 10⁵). */
export function logTickLabel(v: number): string {
  const x = 10 ** v;
  return x >= 1e5 || x < 1e-3 ? `10${superscript(Math.round(v))}` : String(Number(x.toPrecision(2)));
}

/** Powers of ten inside [lo, hi] (data units, lo > 0), thinned to at most `max` values by taking every k-th decade. */
export function decadeTicks(lo: number, hi: number, max = 8): number[] {
  const a = Math.ceil(Math.log10(lo) - 1e-9);
  const b = Math.floor(Math.log10(hi) + 1e-9);
  const out: number[] = [];
  const stride = Math.max(1, Math.ceil((b - a + 1) / max));
  for (let k = a; k <= b; k += stride) out.push(10 ** k);
  return out;
}

/** A power of ten as text: 1, 10, 100, 1000 stay plain; others are written 10⁻³, 10⁴. */
export function formatDecade(v: number): string {
  const k = Math.round(Math.log10(v));
  if (k >= 0 && k <= 3) return String(10 ** k);
  return `10${superscript(k)}`;
}
