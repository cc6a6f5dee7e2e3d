/** Small helpers shared by chapter 8's figures: a y range from finite data, and clamping a series into it. */

/** [lo, hi] over the finite values given, padded by `pad` of the span, never wider than `limit`. */
export function finiteRange(values: Iterable<number>, limit: [number, number], pad = 0.08): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  if (!(lo <= hi)) return limit;
  const span = hi - lo || Math.abs(hi) || 1;
  return [Math.max(limit[0], lo - pad * span), Math.min(limit[1], hi + pad * span)];
}

/** The series with values outside [lo, hi] drawn at the edge (so a line that leaves the plot stays visible). */
export function clampTo(values: ArrayLike<number>, [lo, hi]: [number, number]): Float64Array {
  return Float64Array.from(values, (v) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : NaN));
}
