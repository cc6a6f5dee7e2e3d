/**
 * Figure: the Bellman equation with step h against the HJB equation, on the deterministic scalar LQR. Left: the
 * discrete Riccati solution P_h and gain K_h relative to the continuous P and K, against h. Right: |P_h - P| and
 * |K_h - K| on log–log axes with their fitted slopes and the first-order prediction, plus the exact
 * sample-and-hold discretisation for contrast. The sweep over h runs in a worker (61 Riccati solutions, ~2 ms).
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import type { SurfaceSvg } from '../../app/plots/PlotSurface.tsx';
import type { XYScales } from '../../app/plots/scales.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { formatScientific, superscript } from '../../app/plots/format.ts';
import { lqrDiscounted } from '../../workers/engines/lqr.ts';
import { lqrStepNoControl } from '../../workers/engines/hjbLimit.ts';
import discreteListing from '../../workers/engines/lqr.ts?fn=lqrDiscrete&code';
import sweepListing from '../../workers/engines/hjbLimit.ts?fn=lqrStepSweep&code';
import holdListing from '../../workers/engines/hjbLimit.ts?fn=lqrSampledHold&code';

const pow10 = (t: number) => (t === 0 ? '1' : `10${superscript(t)}`);
const f4 = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)).toString().replace('-', '−') : '–');
const e3 = (x: number) => formatScientific(x, { plain: [1e-3, 1e3] });
const H_TICKS = [-3, -2, -1, 0];

/** A marker (circle) at a data point, in the series colour. */
function dot(svg: SurfaceSvg, s: XYScales, x: number, y: number, color: string, r: number): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  svg
    .append('circle')
    .attr('cx', s.x(x))
    .attr('cy', s.y(y))
    .attr('r', r)
    .attr('fill', color)
    .attr('stroke', themeColor.background)
    .attr('stroke-width', 1.5)
    .attr('aria-hidden', 'true');
}

/** The chosen h as a dashed vertical line across the plot. */
function hCursor(svg: SurfaceSvg, s: XYScales & { frame: { top: number; bottom: number } }, x: number): void {
  svg
    .append('line')
    .attr('x1', s.x(x))
    .attr('x2', s.x(x))
    .attr('y1', s.frame.top)
    .attr('y2', s.frame.bottom)
    .attr('stroke', themeColor.muted)
    .attr('stroke-width', 1.5)
    .attr('stroke-dasharray', '3 3')
    .attr('aria-hidden', 'true');
}

export const LqrStepLimit = defineFigure({
  id: 'lqr-step',
  schema: {
    h: { label: 'time step', symbol: 'h', min: 0.001, max: 1, step: 0.001, default: 0.1, log: true },
    alpha: { label: 'drift', symbol: 'α', min: -2, max: 1, step: 0.05, default: -0.5 },
    beta: { label: 'control gain', symbol: 'β', min: 0, max: 2, step: 0.05, default: 1 },
    q: { label: 'state cost', symbol: 'q', min: 0.1, max: 5, step: 0.1, default: 1 },
    r: { label: 'control cost', symbol: 'R', min: 0.01, max: 2, step: 0.01, default: 0.1, log: true },
    rho: { label: 'discount rate', symbol: 'ρ', min: 0.01, max: 1, step: 0.01, default: 0.1 },
  },
  code: [discreteListing, holdListing, sweepListing],
  request: (v) => ({ h: v.h, alpha: v.alpha, beta: v.beta, q: v.q, r: v.r, rho: v.rho }),
  // The continuous problem's solution is a closed form (microseconds): without one there is no limit to approach.
  blocked: (v) => {
    try {
      lqrDiscounted({ alpha: v.alpha, beta: v.beta, q: v.q, r: v.r, sigma: 0, rho: v.rho });
      const noControl = lqrStepNoControl(v.beta);
      return noControl === null ? null : `${noControl}.`;
    } catch (e) {
      return `this problem has no finite value, so there is nothing to converge to: ${(e as Error).message}.`;
    }
  },
  useView: ({ shown }) => {
    const view = shown?.result ?? null;
    const h = shown?.values.h ?? NaN;
    const lx = useMemo(() => (view ? Float64Array.from(view.sweep.h, Math.log10) : new Float64Array(0)), [view]);
    const hasK = view ? view.sweep.K !== 0 : false;

    const readouts: Readout[] = [];
    if (view) {
      const sw = view.sweep;
      if (view.atH) {
        readouts.push(
          { label: 'Pₕ', value: f4(view.atH.P), detail: `vs P ${f4(sw.P)}` },
          { label: 'Kₕ', value: f4(view.atH.K), detail: `vs K ${f4(sw.K)}` },
          { label: '|Pₕ − P|', value: e3(Math.abs(view.atH.P - sw.P)), detail: `(first order: ${e3(Math.abs(view.expansion.dP) * h)})` },
        );
      } else readouts.push({ label: 'No discrete solution at this h: the Euler-discretised problem has no finite solution at this step.' });
      readouts.push({
        label: 'fitted log–log slopes',
        value: `${sw.slopeP.toFixed(2)} (P)`,
        detail: `${hasK ? `, ${sw.slopeK.toFixed(2)} (K)` : ''}, ${sw.slopeHold.toFixed(2)} (sample-and-hold), over 0.001 ≤ h ≤ 0.1`,
      });
    }

    return {
      readouts,
      csv: (): Record<string, ArrayLike<number>> =>
        view
          ? {
              h: view.sweep.h,
              P_h: view.sweep.Ph,
              K_h: view.sweep.Kh,
              abs_P_error: view.sweep.errP,
              abs_K_error: view.sweep.errK,
              P_h_sampled_hold: view.sweep.PhHold,
            }
          : {},
      panels: [
        {
          key: 'ratio',
          title: 'ratio',
          aspect: 0.9,
          legend: [
            {
              label: (
                <>
                  P<sub>h</sub> / P (Euler)
                </>
              ),
              color: seriesColor(0),
            },
            ...(hasK
              ? [
                  {
                    label: (
                      <>
                        K<sub>h</sub> / K (Euler)
                      </>
                    ),
                    color: seriesColor(1),
                  },
                ]
              : []),
            {
              label: (
                <>
                  P<sub>h</sub> / P (exact sample-and-hold)
                </>
              ),
              color: seriesColor(2),
            },
            { label: 'continuous limit', color: themeColor.fg, shape: 'dash' as const },
          ],
          ariaLabel: 'Discrete Riccati solution and gain relative to the continuous ones, against the time step',
          deps: [view, h, lx],
          draw: (svg, _ctx, size, theme) => {
            if (!view) return;
            const sw = view.sweep;
            const rp = Float64Array.from(sw.Ph, (x) => x / sw.P);
            const rk = Float64Array.from(sw.Kh, (x) => (hasK ? x / sw.K : NaN));
            const rh = Float64Array.from(sw.PhHold, (x) => x / sw.P);
            let lo = 1;
            let hi = 1;
            for (const arr of [rp, rk, rh]) for (const x of arr) if (Number.isFinite(x)) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
            const pad = (hi - lo) * 0.06 || 0.05;
            const s = plotAxes(svg, size, theme, {
              x: { domain: [-3, 0], label: 'time step h', ticks: H_TICKS, format: pow10 },
              y: { domain: [lo - pad, hi + pad], label: 'ratio to the h → 0 limit' },
            });
            drawLine(svg, { x: [-3, 0], y: [1, 1] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'The continuous solution (ratio 1)' });
            drawLine(svg, { x: lx, y: rh }, s, { theme, color: seriesColor(2), weight: 0.9, ariaLabel: 'P_h / P, exact sample-and-hold' });
            if (hasK) drawLine(svg, { x: lx, y: rk }, s, { theme, color: seriesColor(1), ariaLabel: 'K_h / K, Euler scheme' });
            drawLine(svg, { x: lx, y: rp }, s, { theme, color: seriesColor(0), ariaLabel: 'P_h / P, Euler scheme' });
            const x = Math.log10(h);
            hCursor(svg, s, x);
            if (view.atH) {
              dot(svg, s, x, view.atH.P / sw.P, seriesColor(0), theme.fontSize * 0.38);
              if (hasK) dot(svg, s, x, view.atH.K / sw.K, seriesColor(1), theme.fontSize * 0.38);
            }
          },
        },
        {
          key: 'error',
          title: 'error',
          aspect: 0.9,
          legend: [
            {
              label: (
                <>
                  |P<sub>h</sub> − P| (Euler)
                </>
              ),
              color: seriesColor(0),
            },
            ...(hasK
              ? [
                  {
                    label: (
                      <>
                        |K<sub>h</sub> − K| (Euler)
                      </>
                    ),
                    color: seriesColor(1),
                  },
                ]
              : []),
            { label: 'sample-and-hold', color: seriesColor(2) },
            { label: 'first-order prediction', color: themeColor.fg, shape: 'dash' as const },
          ],
          ariaLabel: 'Errors of the discrete solution against the time step on log-log axes, with fitted slopes',
          deps: [view, h, lx],
          draw: (svg, _ctx, size, theme) => {
            if (!view) return;
            const sw = view.sweep;
            const lg = (x: number) => (x > 0 && Number.isFinite(x) ? Math.log10(x) : NaN);
            const eP = Float64Array.from(sw.errP, lg);
            const eK = Float64Array.from(sw.errK, (x) => (hasK ? lg(x) : NaN));
            const eH = Float64Array.from(sw.errHold, (x) => (x > 1e-13 * Math.max(1, sw.P) ? lg(x) : NaN));
            const pred = Float64Array.from(sw.h, (hh) => lg(Math.abs(view.expansion.dP) * hh));
            let lo = Infinity;
            let hi = -Infinity;
            for (const arr of [eP, eK, eH, pred]) for (const x of arr) if (Number.isFinite(x)) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
            if (!(lo < hi)) [lo, hi] = [-6, 0];
            lo = Math.floor(lo);
            hi = Math.ceil(hi);
            const yTicks: number[] = [];
            const stepT = Math.max(1, Math.ceil((hi - lo) / 5));
            for (let t = lo; t <= hi; t += stepT) yTicks.push(t);
            const s = plotAxes(svg, size, theme, {
              x: { domain: [-3, 0], label: 'time step h', ticks: H_TICKS, format: pow10 },
              y: { domain: [lo, hi], label: 'error', ticks: yTicks, format: pow10 },
            });
            drawLine(svg, { x: lx, y: pred }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'First-order prediction |dP| h' });
            drawLine(svg, { x: lx, y: eH }, s, { theme, color: seriesColor(2), weight: 0.9, ariaLabel: '|P_h - P|, exact sample-and-hold' });
            if (hasK) drawLine(svg, { x: lx, y: eK }, s, { theme, color: seriesColor(1), ariaLabel: '|K_h - K|, Euler scheme' });
            drawLine(svg, { x: lx, y: eP }, s, { theme, color: seriesColor(0), ariaLabel: '|P_h - P|, Euler scheme' });
            const x = Math.log10(h);
            hCursor(svg, s, x);
            if (view.atH) {
              dot(svg, s, x, lg(Math.abs(view.atH.P - sw.P)), seriesColor(0), theme.fontSize * 0.38);
              if (hasK) dot(svg, s, x, lg(Math.abs(view.atH.K - sw.K)), seriesColor(1), theme.fontSize * 0.38);
            }
            dot(svg, s, x, lg(Math.abs(view.holdAtH - sw.P)), seriesColor(2), theme.fontSize * 0.3);
          },
        },
      ],
    };
  },
});
