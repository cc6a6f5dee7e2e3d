/** A legend in HTML below a plot (it never covers data, and wraps on a phone). Colours are CSS variables. */
export interface LegendEntry {
  label: string;
  color: string;
  shape?: 'line' | 'dash' | 'dotted' | 'dot' | 'box';
}

export function Legend({ items }: { items: LegendEntry[] }) {
  return (
    <p className="legend noise-legend" aria-hidden="true">
      {items.map((it) => (
        <span key={it.label}>
          <span className={`noise-swatch noise-swatch-${it.shape ?? 'line'}`} style={{ color: it.color }} />
          {it.label}
        </span>
      ))}
    </p>
  );
}
