/**
 * A parameter's symbol beside its control. Symbols are plain text ("γ", "x₀"); where Unicode has no subscript letter
 * (r_f, q_T) the schema writes TeX's `base_sub`, shown here as base with a subscript.
 */
export function ParamSymbol({ symbol }: { symbol: string }) {
  const at = symbol.indexOf('_');
  if (at <= 0 || at === symbol.length - 1) return <span className="symbol">{symbol}</span>;
  return (
    <span className="symbol">
      {symbol.slice(0, at)}
      <sub>{symbol.slice(at + 1)}</sub>
    </span>
  );
}
