/**
 * Scales and extents shared by all primitives: the only place that turns data ranges into pixel mappings.
 */
import type { ScaleContinuousNumeric } from 'd3';

/** Numeric data as it arrives from workers: a typed array or a plain array, never copied by the primitives. */
export type Numeric = ArrayLike<number>;

/** A continuous position scale (linear, log, pow, symlog) from data units to px. */
export type Scale = ScaleContinuousNumeric<number, number, never>;

/** The x and y scales of one plot. */
export interface XYScales {
  /** Data x -> px from the left edge of the svg. */
  x: Scale;
  /** Data y -> px from the top edge of the svg. */
  y: Scale;
}

/** A closed interval `[lo, hi]`. */
export type Domain = readonly [number, number];

/**
 * The smallest and largest finite value over one or more arrays, skipping NaN and ±Infinity. Returns `undefined`
 * when no value is finite (so the caller chooses what an empty plot shows).
 *
 * @param arrays - the data arrays
 */
export function finiteExtent(...arrays: Numeric[]): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0, n = a.length; i < n; i++) {
      const v = a[i];
      if (v < lo && v > -Infinity) lo = v;
      if (v > hi && v < Infinity) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * A domain that a scale can use: widens a zero-width interval (a constant series) to ±1 around it (or ±|v|/10), and
 * replaces a missing one by `fallback`.
 *
 * @param domain - the data extent, possibly undefined or degenerate
 * @param fallback - used when `domain` is undefined (default `[0, 1]`)
 */
export function safeDomain(domain: Domain | undefined, fallback: Domain = [0, 1]): [number, number] {
  if (!domain || !Number.isFinite(domain[0]) || !Number.isFinite(domain[1])) return [fallback[0], fallback[1]];
  const [a, b] = domain;
  if (a !== b) return [a, b];
  const pad = a === 0 ? 1 : Math.abs(a) / 10;
  return [a - pad, a + pad];
}

/**
 * Pads a domain by a fraction of its width on both sides (e.g. 0.05 so markers on the edge are not cut).
 *
 * @param domain - the domain
 * @param fraction - fraction of the width added on each side
 */
export function padDomain(domain: Domain, fraction: number): [number, number] {
  const w = domain[1] - domain[0];
  return [domain[0] - w * fraction, domain[1] + w * fraction];
}

/**
 * `[lo, hi]` over the finite values given, padded by `pad` of the span, never wider than `limit`: a y range that
 * follows the data but cannot be blown up by one runaway value. Returns `limit` when no value is finite.
 *
 * @param values - the data
 * @param limit - the widest range allowed
 * @param pad - fraction of the span added on each side
 */
export function finiteRange(values: Iterable<number>, limit: Domain, pad = 0.08): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return [limit[0], limit[1]];
  const span = hi - lo || Math.abs(hi) || 1;
  return [Math.max(limit[0], lo - pad * span), Math.min(limit[1], hi + pad * span)];
}

/**
 * The series with values outside `[lo, hi]` moved to the nearest edge, NaN kept: a line that leaves the plot stays
 * visible along its edge instead of vanishing.
 */
export function clampTo(values: ArrayLike<number>, [lo, hi]: Domain): Float64Array {
  return Float64Array.from(values, (v) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : NaN));
}

/**
 * How many ticks fit in `lengthPx` at `spacingPx` per tick (at least 2): the d3 tick-count hint used by scales and
 * axes alike, so `nice` domains and axis ticks agree.
 *
 * @param lengthPx - length of the axis in px
 * @param spacingPx - desired px between ticks
 */
export function tickCountForLength(lengthPx: number, spacingPx: number): number {
  if (!(lengthPx > 0) || !(spacingPx > 0)) return 2;
  return Math.max(2, Math.floor(lengthPx / spacingPx));
}

/**
 * Signed px per data unit along a linear scale (negative for a y scale that grows upwards): turns data-space
 * lengths (a vector's components, a cell's size) into px.
 *
 * @param scale - a linear scale
 */
export function scaleSlope(scale: Scale): number {
  const [d0, d1] = scale.domain();
  const [r0, r1] = scale.range();
  return d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
}

/**
 * The scale as a plain affine function `v => a * v + b` when it is one (linear and not clamped), else the scale
 * itself. Canvas primitives call it a million times per frame; the affine form skips d3's interpolator.
 *
 * @param scale - any continuous scale
 */
export function affine(scale: Scale): (v: number) => number {
  const [d0, d1] = scale.domain();
  if (scale.clamp() || d0 === d1) return scale;
  const r0 = scale(d0);
  const r1 = scale(d1);
  const a = (r1 - r0) / (d1 - d0);
  const b = r0 - a * d0;
  const mid = (d0 + d1) / 2;
  const q = d0 + (d1 - d0) * 0.123;
  const close = (v: number) => Math.abs(scale(v) - (a * v + b)) <= 1e-9 * (Math.abs(r0) + Math.abs(r1) + 1);
  return close(mid) && close(q) ? (v: number) => a * v + b : scale;
}
