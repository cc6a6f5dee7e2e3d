/**
 * SVG path data for polylines and bands, written directly: the same strings d3's `line()` and `area()` write with
 * the linear curve and `digits(2)` (a property test compares them), in about a third of the time. A figure's redraw
 * writes thousands of coordinates, and d3 turns each into text as a fractional number (`Math.round(v * 100) / 100`),
 * V8's slowest number-to-string case; here each becomes two small integers, the whole part and the hundredths.
 *
 * Non-finite points (of the data or after scaling) break a line into pieces, as d3's `defined` does: each piece
 * starts with M, and a piece of one point is closed (`Z`) so that round caps still show it.
 */
import type { Numeric, XYScales } from './scales.ts';

/** One coordinate rounded to hundredths, as text: exactly `String(Math.round(v * 100) / 100)`. */
export function coordinate(v: number): string {
  const n = Math.round(v * 100);
  // Beyond 2^53 / 100 the hundredths are not exact integers; such coordinates never occur on screen.
  if (!(n > -1e15 && n < 1e15)) return String(n / 100);
  const a = n < 0 ? -n : n;
  const whole = Math.floor(a / 100);
  const hundredths = a - whole * 100;
  const head = n < 0 ? '-' + whole : '' + whole;
  if (hundredths === 0) return head;
  if (hundredths < 10) return head + '.0' + hundredths;
  return hundredths % 10 === 0 ? head + '.' + hundredths / 10 : head + '.' + hundredths;
}

/**
 * The `d` attribute of the polyline through (x[i], y[i]), i < min(x.length, y.length), skipping non-finite points.
 *
 * @param x - x values (data units)
 * @param y - y values (data units)
 * @param scales - data to px
 * @returns the path data, "" when no point is finite
 */
export function polylineData(x: Numeric, y: Numeric, scales: XYScales): string {
  const n = Math.min(x.length, y.length);
  let d = '';
  let inPiece = 0; // points in the current piece
  for (let i = 0; i <= n; i++) {
    let px = NaN;
    let py = NaN;
    if (i < n) {
      const xi = x[i];
      const yi = y[i];
      if (Number.isFinite(xi) && Number.isFinite(yi)) {
        px = scales.x(xi);
        py = scales.y(yi);
      }
    }
    if (Number.isFinite(px) && Number.isFinite(py)) {
      d += (inPiece === 0 ? 'M' : 'L') + coordinate(px) + ',' + coordinate(py);
      inPiece++;
    } else {
      if (inPiece === 1) d += 'Z';
      inPiece = 0;
    }
  }
  return d;
}

/**
 * The `d` attribute of the band between `lower` and `upper` over x: each run of points where all three are finite
 * becomes one closed shape, along the upper edge forwards and the lower edge back.
 *
 * @param x - x values (data units)
 * @param lower - lower edge
 * @param upper - upper edge
 * @param scales - data to px
 * @returns the path data, "" when no point is finite
 */
export function bandData(x: Numeric, lower: Numeric, upper: Numeric, scales: XYScales): string {
  const n = Math.min(x.length, lower.length, upper.length);
  const px = new Float64Array(n);
  const pLower = new Float64Array(n);
  let d = '';
  let start = -1; // first index of the current run
  for (let i = 0; i <= n; i++) {
    let ok = false;
    let pUpper = NaN;
    if (i < n) {
      const xi = x[i];
      const lo = lower[i];
      const up = upper[i];
      if (Number.isFinite(xi) && Number.isFinite(lo) && Number.isFinite(up)) {
        px[i] = scales.x(xi);
        pLower[i] = scales.y(lo);
        pUpper = scales.y(up);
        ok = Number.isFinite(px[i]) && Number.isFinite(pLower[i]) && Number.isFinite(pUpper);
      }
    }
    if (ok) {
      if (start < 0) start = i;
      d += (i === start ? 'M' : 'L') + coordinate(px[i]) + ',' + coordinate(pUpper);
    } else if (start >= 0) {
      for (let k = i - 1; k >= start; k--) d += 'L' + coordinate(px[k]) + ',' + coordinate(pLower[k]);
      d += 'Z';
      start = -1;
    }
  }
  return d;
}
