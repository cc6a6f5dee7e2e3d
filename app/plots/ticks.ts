/**
 * Tick selection: how many ticks an axis gets from its pixel length, and the guarantee that their labels do not
 * overlap (checked with {@link estimateTextWidth}), also on a 320 px phone and in the projector's large type.
 */
import { estimateTextWidth, tickFormatter } from './format.ts';
import { tickCountForLength, type Scale } from './scales.ts';

/** One tick: its data value, its px position along the axis and its label. */
export interface Tick {
  /** Data value. */
  value: number;
  /** Px position along the axis (x for a horizontal axis, y for a vertical one). */
  position: number;
  /** Formatted label. */
  label: string;
  /** Px the label is shifted along the axis from the tick so it stays inside `bounds` (0 for most ticks). */
  offset: number;
}

/** Options for {@link chooseTicks}. */
export interface TickOptions {
  /** Horizontal (`'x'`: labels side by side) or vertical (`'y'`: labels stacked) axis. */
  orient: 'x' | 'y';
  /** Label font size in px (theme `fontSize`). */
  fontSize: number;
  /** Px kept free between neighbouring labels. Default 0.8 × font size along x, 0.4 × along y. */
  gap?: number;
  /** Px interval along the axis that each label must stay inside (e.g. `[0, svgWidth]`). A label that would stick
   *  out is shifted inward (see {@link Tick.offset}); one wider than the interval is dropped. */
  bounds?: readonly [number, number];
  /** Explicit tick values instead of d3's; still thinned if their labels would overlap. */
  values?: readonly number[];
  /** Explicit label formatter; default {@link tickFormatter} over the chosen values. */
  format?: (v: number) => string;
  /** Desired px between ticks, which sets d3's tick count. Default 5 × font size along x, 3 × along y. */
  spacing?: number;
}

/** Extent a label occupies along the axis, in px. */
function halfExtent(label: string, o: TickOptions): number {
  return o.orient === 'x' ? estimateTextWidth(label, o.fontSize) / 2 : (o.fontSize * 1.2) / 2;
}

function labelExtent(t: Tick, o: TickOptions): [number, number] {
  const half = halfExtent(t.label, o);
  const c = t.position + t.offset;
  return [c - half, c + half];
}

/** Shifts a label inside the bounds; null when it cannot fit at all. */
function flush(t: Tick, o: TickOptions): Tick | null {
  if (!o.bounds) return t;
  const half = halfExtent(t.label, o);
  const b0 = Math.min(o.bounds[0], o.bounds[1]);
  const b1 = Math.max(o.bounds[0], o.bounds[1]);
  if (2 * half > b1 - b0) return null;
  const c = Math.min(b1 - half, Math.max(b0 + half, t.position));
  return { ...t, offset: c - t.position };
}

function gapOf(o: TickOptions): number {
  return o.gap ?? (o.orient === 'x' ? 0.8 : 0.4) * o.fontSize;
}

/**
 * Whether any two neighbouring labels overlap (closer than the gap). Exported for tests and for callers that place
 * their own labels.
 *
 * @param ticks - ticks in any order
 * @param options - orientation, font size, gap
 */
export function ticksOverlap(ticks: readonly Tick[], options: TickOptions): boolean {
  const sorted = [...ticks].sort((a, b) => a.position - b.position);
  const gap = gapOf(options);
  for (let i = 1; i < sorted.length; i++) {
    if (labelExtent(sorted[i], options)[0] < labelExtent(sorted[i - 1], options)[1] + gap) return true;
  }
  return false;
}

function build(scale: Scale, values: readonly number[], o: TickOptions): Tick[] {
  const finite = values.filter(Number.isFinite);
  const fmt = o.format ?? tickFormatter(finite);
  return finite
    .map((value) => ({ value, position: scale(value), label: fmt(value), offset: 0 }))
    .filter((t) => Number.isFinite(t.position) && t.label !== '')
    .map((t) => flush(t, o))
    .filter((t): t is Tick => t !== null);
}

/** Keeps ticks greedily from the lowest position, dropping any whose label would touch the previous one kept. */
function thin(ticks: Tick[], o: TickOptions): Tick[] {
  const sorted = [...ticks].sort((a, b) => a.position - b.position);
  const gap = gapOf(o);
  const kept: Tick[] = [];
  for (const t of sorted) {
    const prev = kept[kept.length - 1];
    if (!prev || labelExtent(t, o)[0] >= labelExtent(prev, o)[1] + gap) kept.push(t);
  }
  return kept;
}

/**
 * Chooses the ticks of one axis. The count starts from the axis's pixel length (one tick per ~5 font sizes along
 * x, ~3 along y) and is lowered until no two labels overlap; as a last resort labels are thinned greedily, so the
 * result never overlaps. Labels that would leave `bounds` are dropped.
 *
 * @param scale - the axis's scale (its range gives the pixel length)
 * @param options - orientation, font size and optional explicit values/format
 * @returns the ticks, sorted by position
 */
export function chooseTicks(scale: Scale, options: TickOptions): Tick[] {
  const [r0, r1] = scale.range();
  const length = Math.abs(r1 - r0);
  const byPosition = (a: Tick, b: Tick) => a.position - b.position;
  if (options.values) return thin(build(scale, options.values, options), options);
  const spacing = options.spacing ?? (options.orient === 'x' ? 5 : 3) * options.fontSize;
  let best: Tick[] = [];
  const start = tickCountForLength(length, spacing);
  // Fewer ticks first (down from the count the length allows); if none gives two labels that fit, a finer step
  // may (a range like 0.0009..0.97 has one tick at step 0.5 but four at step 0.2).
  const counts = [...Array.from({ length: start }, (_, i) => start - i), ...Array.from({ length: start + 3 }, (_, i) => start + 1 + i)];
  for (const count of counts) {
    const ticks = build(scale, scale.ticks(count), options);
    if (ticks.length >= 2 && !ticksOverlap(ticks, options)) return ticks.sort(byPosition);
    if (best.length === 0 || ticks.length >= 2) best = ticks;
  }
  // Too short for two nice ticks: two round values just inside the ends (0.1 and 0.9 for 3e-9..0.999), if they fit.
  const [d0, d1] = scale.domain();
  const lo = Math.min(d0, d1);
  const hi = Math.max(d0, d1);
  if (hi > lo) {
    const unit = 10 ** (Math.floor(Math.log10(hi - lo)) - 1);
    const round = (k: number) => Number((k * unit).toPrecision(12));
    const ends = build(scale, [round(Math.ceil(lo / unit - 1e-9)), round(Math.floor(hi / unit + 1e-9))], options);
    if (ends.length === 2 && !ticksOverlap(ends, options)) return ends.sort(byPosition);
  }
  return thin(best, options);
}
