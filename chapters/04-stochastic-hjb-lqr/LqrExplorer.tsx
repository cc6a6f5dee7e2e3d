/**
 * Figure: the LQR explorer. The optimal value and policy in closed form beside the value and policy of the reader's
 * own gain K; paired sample paths under K* and K (same noise); Feynman–Kac Monte Carlo values of both from x0 with
 * standard errors, against the exact value of the Euler chain and the continuous-time value.
 */
import { useMemo, type ReactNode } from 'react';
import { defineFigureParams, useFigureState } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { useMediaQuery } from '../../app/state/settings.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/scales.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawCanvasPaths } from '../../app/plots/canvasPaths.ts';
import { seriesColor, themeColor, themeSeries } from '../../app/plots/theme.ts';
import { A_BOUND, explorerCurves, stableGainBound } from './lqrCurves.ts';
import lqrListing from '../../workers/engines/lqr.ts?fn=lqrDiscounted&code';
import mcListing from '../../workers/engines/feynmanKac.ts?fn=evaluatePolicyMC&code';
import chainListing from '../../workers/engines/feynmanKac.ts?fn=lqrChainValue&code';
import gainListing from '../../workers/engines/feynmanKac.ts?fn=lqrContinuousPolicyValue&code';
import type { LqrExplorerParams, McSummary } from '../../workers/tasks/stochasticHjbLqr.ts';
import './lqr.css';
import { Legend } from '../../app/components/Legend.tsx';

export const explorerParams = defineFigureParams('lqr-explorer', {
  alpha: { label: 'drift of the state', symbol: 'α', min: -1, max: 1, step: 0.05, default: -0.5 },
  beta: { label: 'control effect', symbol: 'β', min: 0, max: 2, step: 0.05, default: 1 },
  q: { label: 'state cost', symbol: 'q', min: 0, max: 5, step: 0.1, default: 1 },
  r: { label: 'action cost', symbol: 'r', min: 0.01, max: 2, step: 0.01, default: 0.1, log: true },
  sigma: { label: 'noise', symbol: 'σ', min: 0, max: 1, step: 0.05, default: 0.3 },
  rho: { label: 'discount rate', symbol: 'ρ', min: 0.01, max: 1, step: 0.01, default: 0.1 },
  gain: { label: 'your gain (a = −K x)', symbol: 'K', min: -2, max: 10, step: 0.05, default: 1 },
  x0: { label: 'start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 1 },
  dt: { label: 'time step of the simulation', symbol: 'Δt', min: 0.001, max: 0.1, step: 0.001, default: 0.01, log: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

const X_MAX = 3;
const HORIZON = 10;
const MC_PATHS = 4000;
const BATCHES = 40;
const DRAW = 12;
const RECORD = 201;

const fmt = (v: number, d = 4) => (Number.isFinite(v) ? v.toFixed(d).replace('-', '−') : '—');

/** One line of Monte Carlo against the two exact values. */
function mcLine(name: string, m: McSummary, dt: number, paths: number): string {
  const pct = (100 * (m.chainValue - m.continuousValue)) / Math.abs(m.continuousValue);
  return (
    `${name}(x₀): Monte Carlo ${fmt(m.mean)} ± ${fmt(m.stderr)} (${paths.toLocaleString('en-US')} paths); exact for the Euler chain with Δt = ${dt}: ${fmt(m.chainValue)}; ` +
    `continuous-time value ${fmt(m.continuousValue)} (the chain is ${fmt(Math.abs(pct), 2)}% ${pct < 0 ? 'lower' : 'higher'})`
  );
}

export function LqrExplorer({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const stacked = useMediaQuery('(max-width: 560px)');
  const v = explorerParams.useValues();
  const set = useFigureState(explorerParams, (s) => s.set);
  const model = { alpha: v.alpha, beta: v.beta, q: v.q, r: v.r, sigma: v.sigma, rho: v.rho };
  const curves = useMemo(
    () => explorerCurves(model, v.gain, X_MAX),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [v.alpha, v.beta, v.q, v.r, v.sigma, v.rho, v.gain],
  );
  const request: LqrExplorerParams = {
    ...model, gain: v.gain, x0: v.x0, seed: v.seed, dt: v.dt, horizon: HORIZON, paths: MC_PATHS, batches: BATCHES, drawPaths: DRAW, record: RECORD,
  };
  // While a slider moves, an eighth of the paths (the first 5 of the 40 batches) answers within a frame or two.
  const preview: LqrExplorerParams = { ...request, paths: MC_PATHS / 8, batches: BATCHES / 8 };
  const { sim, figure } = useFigureSimulation('lqrExplorer', request, {
    preview,
    blocked: curves.optError ? `This figure could not be computed: ${curves.optError}` : null,
  });
  const r = sim.result;
  const shown = sim.resultParams ?? request;
  const opt = curves.opt;
  const kMin = v.beta > 0 ? stableGainBound(model) : NaN;

  // Value plot range: from the optimal value at the edge (times 3, so a poor gain shows but cannot flatten it) to 0.
  const vLo = opt ? Math.min(-0.5 * opt.P * X_MAX * X_MAX * 3 - opt.c, curves.gain ? -0.5 * curves.gain.P * X_MAX * X_MAX - curves.gain.c : 0) : -1;
  const vDomain: [number, number] = [Math.max(vLo, opt ? -0.5 * opt.P * X_MAX * X_MAX * 3 - 3 * opt.c - 0.1 : -1), 0];
  const vGainShown = useMemo(() => curves.vGain.map((y) => (y >= vDomain[0] ? y : NaN)), [curves, vDomain[0]]);
  const aMax = Math.max(A_BOUND * 1.6, Math.min(40, X_MAX * Math.max(opt ? Math.abs(opt.K) : 0, Math.abs(v.gain)) * 1.05));
  const aDomain: [number, number] = [-aMax, aMax];

  // Paths range: what the optimal paths cover, and the reader's up to a cap (an unstable gain runs away).
  const pDomain = useMemo<[number, number]>(() => {
    if (!r) return [-Math.max(1, Math.abs(shown.x0)) * 1.2, Math.max(1, Math.abs(shown.x0)) * 1.2];
    let lo = Math.min(0, shown.x0);
    let hi = Math.max(0, shown.x0);
    for (const a of [r.pathsStar, r.pathsGain]) for (const y of a) if (Number.isFinite(y)) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
    const cap = 4 * Math.max(1, Math.abs(shown.x0));
    return [Math.max(lo, -cap), Math.min(hi, cap)];
  }, [r, shown.x0]);

  const lines: string[] = [];
  if (r) {
    lines.push(mcLine(`Optimal gain, V_K*`, r.mcStar, shown.dt, shown.paths));
    if (r.mcGain) lines.push(mcLine(`Your gain K = ${shown.gain}, V_K`, r.mcGain, shown.dt, shown.paths));
    if (r.difference) {
      const d = r.difference;
      lines.push(
        `Difference V_K − V_K*, paired (same noise): ${fmt(d.mean)} ± ${fmt(d.stderr)}; exact for the chain ${fmt(d.chain)}, continuous ${fmt(d.continuous)}; ` +
          `with independent noise the standard error would be about ${fmt(d.independentStderr)}`,
      );
    }
  }
  const readout = opt
    ? `P = ${fmt(opt.P, 7)}, K* = ${fmt(opt.K, 7)}, c = ${fmt(opt.c, 7)}` +
      (curves.gain ? `; your gain: P_K = ${fmt(curves.gain.P, 7)}, c_K = ${fmt(curves.gain.c, 7)}` : '; your gain: V_K = −∞')
    : '';
  const gainNotice = !opt
    ? null
    : !curves.gain
    ? `Your gain K = ${v.gain} does not stabilise the discounted problem: 2(α − βK) = ${fmt(2 * (v.alpha - v.beta * v.gain), 2)} is not below ρ = ${v.rho}, ` +
      `so E[X²] grows at least as fast as the discount e^(−ρt) shrinks and V_K(x) = −∞ for every x (no dashed value curve). ` +
      (v.beta > 0 ? `Stable gains here are K > ${fmt(kMin, 3)}.` : 'With β = 0 no gain helps.')
    : r?.gainProblem && r.mcGain === null && shown.gain === v.gain
      ? r.gainProblem
      : null;
  const clipNote = opt && Number.isFinite(curves.clipAt) && curves.clipAt < X_MAX
    ? `The source post bounds actions by |a| ≤ ${A_BOUND}; that cuts a*(x) for |x| > ${fmt(curves.clipAt, 2)}. The book does not clip.`
    : `The source post's bound |a| ≤ ${A_BOUND} does not bind on this range.`;
  const summaryText = [readout, ...lines, clipNote, gainNotice ?? ''].filter(Boolean).join(' ');

  return (
    <Figure
      params={explorerParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[lqrListing, gainListing, mcListing, chainListing]}
      summary={summaryText}
      csv={() => ({
        x: curves.x,
        V_opt: curves.vStar,
        V_gain: curves.vGain,
        a_opt: curves.aStar,
        a_gain: curves.aGain,
      })}
      controls={
        <>
          <Controls params={explorerParams} />
          <button
            type="button"
            className="lqr-use-opt"
            disabled={!opt}
            onClick={() => opt && set('gain', opt.K)}
            title="Set your gain K to the optimal gain K*"
          >
            Use K* {opt ? `= ${fmt(opt.K, 3)}` : ''}
          </button>
        </>
      }
    >
      <div ref={figure.plotRef} className="lqr-plots">
        <div>
          <Legend items={[
            { label: 'V(x), optimal', color: seriesColor(0) },
            { label: 'V_K(x), your K', color: seriesColor(1), shape: 'dash' },
            { label: 'Monte Carlo at x₀, ± 2 se', color: themeColor.fg },
          ]} />
          <PlotSurface
            aspect={stacked ? 0.65 : 0.75}
            ariaLabel="Optimal value V(x) and the value V_K(x) of your gain"
            deps={[curves, vGainShown, r, shown.x0, vDomain[0]]}
            draw={(svg, _ctx, size, theme) => {
              const f = frame(size, { theme, xLabel: 'x', yLabel: 'value', yDomain: vDomain });
              const s = plotScales(f, [-X_MAX, X_MAX], vDomain, { nice: false });
              drawAxes(svg, s, f, { theme, xLabel: 'state x', yLabel: 'value' });
              drawLine(svg, { x: curves.x, y: curves.vStar }, s, { theme, color: seriesColor(0), ariaLabel: 'Optimal value V(x)' });
              drawLine(svg, { x: curves.x, y: vGainShown }, s, { theme, color: seriesColor(1), dash: '6 4', ariaLabel: 'Value V_K(x) of your gain' });
              if (r) {
                [r.mcStar, r.mcGain].forEach((m, k) => {
                  if (!m) return;
                  const lo = Math.max(vDomain[0], m.mean - 2 * m.stderr);
                  const hi = Math.min(0, m.mean + 2 * m.stderr);
                  const col = seriesColor(k);
                  drawLine(svg, { x: [shown.x0, shown.x0], y: [lo, hi] }, s, { theme, color: themeColor.fg, weight: 2, ariaLabel: 'Monte Carlo estimate plus and minus two standard errors' });
                  drawLine(svg, { x: [shown.x0 - 0.15, shown.x0 + 0.15], y: [m.mean, m.mean] }, s, { theme, color: col, weight: 3, ariaLabel: `Monte Carlo estimate ${m.mean.toFixed(4)}` });
                });
              }
            }}
          />
        </div>
        <div>
          <Legend items={[
            { label: 'a*(x), not clipped', color: seriesColor(0) },
            { label: '−K x, your K', color: seriesColor(1), shape: 'dash' },
            { label: 'a* clipped at |a| ≤ 5 (the post)', color: seriesColor(2), shape: 'dotted' },
          ]} />
          <PlotSurface
            aspect={stacked ? 0.65 : 0.75}
            ariaLabel="Optimal action a*(x) and your action -K x, with the source post's clipping bound"
            deps={[curves, aMax]}
            draw={(svg, _ctx, size, theme) => {
              const f = frame(size, { theme, xLabel: 'x', yLabel: 'action', yDomain: aDomain });
              const s = plotScales(f, [-X_MAX, X_MAX], aDomain, { nice: false });
              drawAxes(svg, s, f, { theme, xLabel: 'state x', yLabel: 'action a' });
              drawBand(svg, { x: [-X_MAX, X_MAX], lower: [-A_BOUND, -A_BOUND], upper: [A_BOUND, A_BOUND] }, s, { ariaLabel: 'The source post’s action range |a| ≤ 5' });
              const clip = (y: Float64Array) => y.map((a) => (a >= aDomain[0] && a <= aDomain[1] ? a : NaN));
              drawLine(svg, { x: curves.x, y: clip(curves.aStar) }, s, { theme, color: seriesColor(0), ariaLabel: 'Optimal action a*(x), not clipped' });
              drawLine(svg, { x: curves.x, y: clip(curves.aGain) }, s, { theme, color: seriesColor(1), dash: '6 4', ariaLabel: 'Your action -K x' });
              drawLine(svg, { x: curves.x, y: curves.aClipped }, s, { theme, color: seriesColor(2), dash: '2 3', weight: 1.5, ariaLabel: 'The optimal action clipped to |a| ≤ 5, as the source post does' });
              if (Number.isFinite(curves.clipAt) && curves.clipAt < X_MAX) {
                for (const sgn of [-1, 1]) drawLine(svg, { x: [sgn * curves.clipAt, sgn * curves.clipAt], y: aDomain }, s, { theme, color: themeColor.muted, dash: '1 3', ariaLabel: `Clipping starts at x = ${(sgn * curves.clipAt).toFixed(2)}` });
              }
            }}
          />
        </div>
        <div className="lqr-paths">
          <Legend items={[
            { label: 'paths under K*', color: seriesColor(0) },
            { label: 'paths under your K (same noise)', color: seriesColor(1) },
          ]} />
          <PlotSurface
            aspect={stacked ? 0.7 : 0.32}
            canvas
            ariaLabel={`Paths from x0 = ${shown.x0} under the optimal gain and under your gain, driven by the same noise`}
            deps={[r, pDomain]}
            draw={(svg, ctx, size, theme) => {
              const f = frame(size, { theme, xLabel: 't', yLabel: 'X', yDomain: pDomain });
              const s = plotScales(f, [0, r ? r.t[r.t.length - 1] : HORIZON], pDomain, { nice: false });
              drawAxes(svg, s, f, { theme, xLabel: 'time t', yLabel: 'state Xₜ' });
              if (ctx && r) {
                drawCanvasPaths(ctx, { t: r.t, values: r.pathsStar }, s, theme, { color: themeSeries(theme, 0), alpha: 0.35, highlight: [0], highlightColors: [themeSeries(theme, 0)], clip: f });
                drawCanvasPaths(ctx, { t: r.t, values: r.pathsGain }, s, theme, { color: themeSeries(theme, 1), alpha: 0.35, highlight: [0], highlightColors: [themeSeries(theme, 1)], clip: f });
              }
            }}
          />
        </div>
      </div>
      {gainNotice && (
        <p className="lqr-notice" role="status">
          {gainNotice}
        </p>
      )}
      {opt && (
        <div className="figure-stats lqr-stats">
          <span>
            P = <b>{fmt(opt.P, 7)}</b>, K* = <b>{fmt(opt.K, 7)}</b>, c = <b>{fmt(opt.c, 7)}</b>
            {curves.gain ? (
              <>
                ; your gain: P_K = <b>{fmt(curves.gain.P, 5)}</b>, c_K = <b>{fmt(curves.gain.c, 5)}</b>
              </>
            ) : (
              '; your gain: V_K = −∞'
            )}
          </span>
          {lines.map((l) => (
            <span key={l}>{l}.</span>
          ))}
          <span>{clipNote}</span>
        </div>
      )}
    </Figure>
  );
}
