/**
 * A legend in HTML below a plot: it never covers data and wraps on a phone. Each entry is a swatch (a line, dashed
 * or dotted line, point, square, diamond or area, in the entry's colour, a CSS variable) and a label. Hidden from screen readers:
 * the figure's summary says what the plot shows.
 */
import type { ReactNode } from 'react';

export interface LegendEntry {
  label: ReactNode;
  /** Swatch colour, e.g. 'var(--plot-1)'. */
  color: string;
  shape?: 'line' | 'dash' | 'dotted' | 'dot' | 'square' | 'diamond' | 'box';
}

export function Legend({ items, className }: { items: LegendEntry[]; className?: string }) {
  return (
    <p className={className ? `legend ${className}` : 'legend'} aria-hidden="true">
      {items.map((it, i) => (
        <span key={i}>
          <span className={`legend-swatch legend-swatch-${it.shape ?? 'line'}`} style={{ color: it.color }} />
          {it.label}
        </span>
      ))}
    </p>
  );
}
