/** Small drawing helpers shared by chapter 7's figures (log axes drawn as log10 values on a linear scale). */
import type { SurfaceSvg } from '../../app/plots/PlotSurface.tsx';
import type { XYScales } from '../../app/plots/scales.ts';
import { markGroup } from '../../app/plots/svg.ts';
import type { PlotTheme } from '../../app/plots/theme.ts';
import { show } from './numbers.ts';

/** Tick values (log10 units) at 1, 2, 5 times each power of ten inside [lo, hi]; only powers of ten if the range is wide. */
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

/** Label of a log10 tick: the number itself (0.5, 1, 20, 1000). */
export function logTickLabel(v: number): string {
  const x = 10 ** v;
  return x >= 1e5 || x < 1e-3 ? `1e${Math.round(v)}` : String(Number(x.toPrecision(2)));
}

/** A short text label at a data point (plot foreground colour). */
export function drawText(svg: SurfaceSvg, s: XYScales, x: number, y: number, text: string, theme: PlotTheme, anchor: 'start' | 'middle' | 'end' = 'start', color = 'var(--plot-fg)'): void {
  markGroup(svg, 'label', text)
    .append('text')
    .attr('x', s.x(x))
    .attr('y', s.y(y))
    .attr('font-size', theme.fontSize)
    .attr('text-anchor', anchor)
    .attr('dy', '0.32em')
    .style('fill', color)
    .text(text);
}

/** Formats a value for the stats lines: 4 significant digits, Unicode minus, "−∞" / "+∞" for infinities. */
export function fmt(v: number, digits = 4): string {
  if (v === Infinity) return '+∞';
  if (v === -Infinity) return '−∞';
  if (!Number.isFinite(v)) return '—';
  return show(v, digits);
}
