/**
 * Figure: the Bellman equation with step h against the HJB equation, on the deterministic scalar LQR. Left: the
 * discrete Riccati solution P_h and gain K_h relative to the continuous P and K, against h. Right: |P_h - P| and
 * |K_h - K| on log–log axes with their fitted slopes and the first-order prediction, plus the exact
 * sample-and-hold discretisation for contrast. Closed forms (microseconds): computed on the main thread.
 */
import { useMemo, useRef, type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { useMediaQuery } from '../../app/state/settings.ts';
import { PlotSurface, type SurfaceSvg } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { type XYScales } from '../../app/plots/scales.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { lqrDiscrete, type DiscreteLqrSolution } from '../../workers/engines/lqr.ts';
import { lqrSampledHold, lqrStepExpansion, lqrStepSweep, type LqrStepExpansion, type LqrStepSweep } from '../../workers/engines/hjbLimit.ts';
import discreteListing from '../../workers/engines/lqr.ts?fn=lqrDiscrete&code';
import sweepListing from '../../workers/engines/hjbLimit.ts?fn=lqrStepSweep&code';
import holdListing from '../../workers/engines/hjbLimit.ts?fn=lqrSampledHold&code';
import './lqrStep.css';
import { formatScientific, superscript } from '../../app/plots/format.ts';
import { Legend } from '../../app/components/Legend.tsx';

export const lqrStepParams = defineFigureParams('lqr-step', {
  h: { label: 'time step', symbol: 'h', min: 0.001, max: 1, step: 0.001, default: 0.1, log: true },
  alpha: { label: 'drift', symbol: 'α', min: -2, max: 1, step: 0.05, default: -0.5 },
  beta: { label: 'control gain', symbol: 'β', min: 0, max: 2, step: 0.05, default: 1 },
  q: { label: 'state cost', symbol: 'q', min: 0.1, max: 5, step: 0.1, default: 1 },
  r: { label: 'control cost', symbol: 'r', min: 0.01, max: 2, step: 0.01, default: 0.1, log: true },
  rho: { label: 'discount rate', symbol: 'ρ', min: 0.01, max: 1, step: 0.01, default: 0.1 },
});

export interface LqrStepView {
  sweep: LqrStepSweep;
  expansion: LqrStepExpansion;
  /** The discrete solution at the slider's h (null when it has none). */
  atH: DiscreteLqrSolution | null;
  holdAtH: number;
}

/** Everything the figure shows, from the engines; throws the engine's sentence when the continuous problem has no solution. */
export function lqrStepView(v: { h: number; alpha: number; beta: number; q: number; r: number; rho: number }): LqrStepView {
  const p = { alpha: v.alpha, beta: v.beta, q: v.q, r: v.r, sigma: 0, rho: v.rho };
  const sweep = lqrStepSweep(p, { hMin: 1e-3, hMax: 1, count: 61, fitMax: 0.1 });
  const expansion = lqrStepExpansion(p);
  let atH: DiscreteLqrSolution | null = null;
  try {
    atH = lqrDiscrete({ ...p, h: v.h });
  } catch {
    atH = null;
  }
  let holdAtH = NaN;
  try {
    holdAtH = lqrSampledHold({ ...p, h: v.h }).P;
  } catch {
    holdAtH = NaN;
  }
  return { sweep, expansion, atH, holdAtH };
}

const pow10 = (t: number) => (t === 0 ? '1' : `10${superscript(t)}`);
const f4 = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)).toString().replace('-', '−') : '–');
const e3 = (x: number) => formatScientific(x, { plain: [1e-3, 1e3] });

/** A marker (circle) at a data point, in the series colour. */
function dot(svg: SurfaceSvg, s: XYScales, x: number, y: number, color: string, r: number): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  svg.append('circle').attr('cx', s.x(x)).attr('cy', s.y(y)).attr('r', r).attr('fill', color).attr('stroke', themeColor.background).attr('stroke-width', 1.5).attr('aria-hidden', 'true');
}

export function LqrStepLimit({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const root = useRef<HTMLElement | null>(null);
  const plot = useRef<HTMLDivElement | null>(null);
  const stacked = useMediaQuery('(max-width: 560px)');
  const v = lqrStepParams.useValues();
  const computed = useMemo(() => {
    try {
      return { view: lqrStepView(v), error: null };
    } catch (e) {
      return { view: null, error: `This problem has no finite value, so there is nothing to converge to: ${(e as Error).message}.` };
    }
  }, [v]);
  const view = computed.view;
  const lx = useMemo(() => (view ? Float64Array.from(view.sweep.h, Math.log10) : new Float64Array(0)), [view]);
  const hasK = view ? view.sweep.K !== 0 : false;

  const stats = view
    ? `At h = ${v.h}: ` +
      (view.atH
        ? `P_h = ${f4(view.atH.P)} against P = ${f4(view.sweep.P)} (error ${e3(Math.abs(view.atH.P - view.sweep.P))}, first-order prediction ${e3(Math.abs(view.expansion.dP) * v.h)}); K_h = ${f4(view.atH.K)} against K = ${f4(view.sweep.K)}. `
        : 'the Euler-discretised problem has no finite solution at this step. ') +
      `Fitted log–log slope of |P_h − P| over 0.001 ≤ h ≤ 0.1: ${view.sweep.slopeP.toFixed(3)}` +
      (hasK ? `; of |K_h − K|: ${view.sweep.slopeK.toFixed(3)}` : '') +
      `; exact sample-and-hold: ${view.sweep.slopeHold.toFixed(3)}.`
    : '';

  return (
    <Figure
      params={lqrStepParams}
      number={number}
      anchor={anchor}
      status={computed.error ? 'error' : 'ready'}
      error={computed.error}
      caption={children}
      rootRef={root}
      plotRef={plot}
      code={[discreteListing, holdListing, sweepListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> =>
        view ? { h: view.sweep.h, P_h: view.sweep.Ph, K_h: view.sweep.Kh, abs_P_error: view.sweep.errP, abs_K_error: view.sweep.errK, P_h_sampled_hold: view.sweep.PhHold } : {}
      }
      controls={<Controls params={lqrStepParams} />}
    >
      <div ref={plot} className="lqrh-plots">
        <PlotSurface
          aspect={stacked ? 0.75 : 0.9}
          ariaLabel="Discrete Riccati solution and gain relative to the continuous ones, against the time step"
          deps={[view, v.h, stacked]}
          draw={(svg, _ctx, size, theme) => {
            if (!view) return;
            const sw = view.sweep;
            const rp = Float64Array.from(sw.Ph, (x) => x / sw.P);
            const rk = Float64Array.from(sw.Kh, (x) => (hasK ? x / sw.K : NaN));
            const rh = Float64Array.from(sw.PhHold, (x) => x / sw.P);
            let lo = 1;
            let hi = 1;
            for (const arr of [rp, rk, rh]) for (const x of arr) if (Number.isFinite(x)) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
            const pad = (hi - lo) * 0.06 || 0.05;
            const yDomain: [number, number] = [lo - pad, hi + pad];
            const f = frame(size, { theme, xLabel: 'time step h', yLabel: 'ratio to the h → 0 limit', yDomain });
            const s = plotScales(f, [-3, 0], yDomain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'time step h', yLabel: 'ratio to the h → 0 limit', xTicks: [-3, -2, -1, 0], xFormat: pow10 });
            drawLine(svg, { x: [-3, 0], y: [1, 1] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'The continuous solution (ratio 1)' });
            drawLine(svg, { x: lx, y: rh }, s, { theme, color: seriesColor(2), weight: 0.9, ariaLabel: 'P_h / P, exact sample-and-hold' });
            if (hasK) drawLine(svg, { x: lx, y: rk }, s, { theme, color: seriesColor(1), ariaLabel: 'K_h / K, Euler scheme' });
            drawLine(svg, { x: lx, y: rp }, s, { theme, color: seriesColor(0), ariaLabel: 'P_h / P, Euler scheme' });
            const x = Math.log10(v.h);
            svg.append('line').attr('x1', s.x(x)).attr('x2', s.x(x)).attr('y1', f.top).attr('y2', f.bottom).attr('stroke', themeColor.muted).attr('stroke-width', 1.5).attr('stroke-dasharray', '3 3').attr('aria-hidden', 'true');
            if (view.atH) {
              dot(svg, s, x, view.atH.P / sw.P, seriesColor(0), theme.fontSize * 0.38);
              if (hasK) dot(svg, s, x, view.atH.K / sw.K, seriesColor(1), theme.fontSize * 0.38);
            }
          }}
        />
        <PlotSurface
          aspect={stacked ? 0.75 : 0.9}
          ariaLabel="Errors of the discrete solution against the time step on log-log axes, with fitted slopes"
          deps={[view, v.h, stacked]}
          draw={(svg, _ctx, size, theme) => {
            if (!view) return;
            const sw = view.sweep;
            const lg = (x: number) => (x > 0 && Number.isFinite(x) ? Math.log10(x) : NaN);
            const eP = Float64Array.from(sw.errP, lg);
            const eK = Float64Array.from(sw.errK, (x) => (hasK ? lg(x) : NaN));
            const eH = Float64Array.from(sw.errHold, (x) => (x > 1e-13 * Math.max(1, sw.P) ? lg(x) : NaN));
            const pred = Float64Array.from(sw.h, (h) => lg(Math.abs(view.expansion.dP) * h));
            let lo = Infinity;
            let hi = -Infinity;
            for (const arr of [eP, eK, eH, pred]) for (const x of arr) if (Number.isFinite(x)) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
            if (!(lo < hi)) [lo, hi] = [-6, 0];
            lo = Math.floor(lo);
            hi = Math.ceil(hi);
            const yTicks: number[] = [];
            const stepT = Math.max(1, Math.ceil((hi - lo) / 5));
            for (let t = lo; t <= hi; t += stepT) yTicks.push(t);
            const f = frame(size, { theme, xLabel: 'time step h', yLabel: 'error', yDomain: [-10, 0] });
            const s = plotScales(f, [-3, 0], [lo, hi], { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'time step h', yLabel: 'error', xTicks: [-3, -2, -1, 0], xFormat: pow10, yTicks, yFormat: pow10 });
            drawLine(svg, { x: lx, y: pred }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'First-order prediction |dP| h' });
            drawLine(svg, { x: lx, y: eH }, s, { theme, color: seriesColor(2), weight: 0.9, ariaLabel: '|P_h - P|, exact sample-and-hold' });
            if (hasK) drawLine(svg, { x: lx, y: eK }, s, { theme, color: seriesColor(1), ariaLabel: '|K_h - K|, Euler scheme' });
            drawLine(svg, { x: lx, y: eP }, s, { theme, color: seriesColor(0), ariaLabel: '|P_h - P|, Euler scheme' });
            const x = Math.log10(v.h);
            svg.append('line').attr('x1', s.x(x)).attr('x2', s.x(x)).attr('y1', f.top).attr('y2', f.bottom).attr('stroke', themeColor.muted).attr('stroke-width', 1.5).attr('stroke-dasharray', '3 3').attr('aria-hidden', 'true');
            if (view.atH) {
              dot(svg, s, x, lg(Math.abs(view.atH.P - sw.P)), seriesColor(0), theme.fontSize * 0.38);
              if (hasK) dot(svg, s, x, lg(Math.abs(view.atH.K - sw.K)), seriesColor(1), theme.fontSize * 0.38);
            }
            dot(svg, s, x, lg(Math.abs(view.holdAtH - sw.P)), seriesColor(2), theme.fontSize * 0.3);
          }}
        />
      </div>
      <Legend items={[
        { label: <>P<sub>h</sub> (Euler)</>, color: seriesColor(0) },
        ...(hasK ? [{ label: <>K<sub>h</sub> (Euler)</>, color: seriesColor(1) }] : []),
        { label: <>P<sub>h</sub> (exact sample-and-hold)</>, color: seriesColor(2) },
        { label: 'continuous limit · first-order prediction', color: 'var(--plot-fg)', shape: 'dash' },
      ]} />
      {view && (
        <p className="figure-stats">
          {view.atH ? (
            <>
              <span>
                P<sub>h</sub> <b>{f4(view.atH.P)}</b> vs P {f4(view.sweep.P)}
              </span>
              <span>
                K<sub>h</sub> <b>{f4(view.atH.K)}</b> vs K {f4(view.sweep.K)}
              </span>
              <span>
                |P<sub>h</sub> − P| <b>{e3(Math.abs(view.atH.P - view.sweep.P))}</b> (first order: {e3(Math.abs(view.expansion.dP) * v.h)})
              </span>
            </>
          ) : (
            <span>No discrete solution at this h.</span>
          )}
          <span>
            slopes <b>{view.sweep.slopeP.toFixed(2)}</b> (P){hasK && <>, <b>{view.sweep.slopeK.toFixed(2)}</b> (K)</>}, <b>{view.sweep.slopeHold.toFixed(2)}</b> (sample-and-hold)
          </span>
        </p>
      )}
    </Figure>
  );
}
