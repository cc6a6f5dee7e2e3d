/**
 * Figure: the LQR explorer. The optimal value and policy in closed form beside the value and policy of the reader's
 * own gain K; paired sample paths under K* and K (same noise); Feynman–Kac Monte Carlo values of both from x0 with
 * standard errors, against the exact value of the Euler chain and the continuous-time value. A switch draws the other
 * root P- of the Riccati equation instead: its HJB solution, its feedback and its transversality term, which grows.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { memoizeLast } from '../../app/figure/memo.ts';
import type { Readout } from '../../app/figure/types.ts';
import { choice, type Values, seedParam, formatGrouped } from '../../app/state/schema.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawCanvasPaths } from '../../app/plots/canvasPaths.ts';
import { formatFixed } from '../../app/plots/format.ts';
import { seriesColor, themeColor, themeSeries } from '../../app/plots/theme.ts';
import { A_BOUND, explorerCurves, otherRoot, stableGainBound, transversalityCurve } from './lqrCurves.ts';
import lqrListing from '../../workers/engines/lqr.ts?fn=lqrDiscounted&code';
import mcListing from '../../workers/engines/feynmanKac.ts?fn=evaluatePolicyMCReference&code';
import chainListing from '../../workers/engines/feynmanKac.ts?fn=lqrChainValue&code';
import gainListing from '../../workers/engines/feynmanKac.ts?fn=lqrContinuousPolicyValue&code';
import type { McSummary } from '../../workers/tasks/stochasticHjbLqr.ts';

const schema = {
  alpha: { label: 'drift of the state', symbol: 'α', min: -1, max: 1, step: 0.05, default: -0.5 },
  beta: { label: 'control effect', symbol: 'β', min: 0, max: 2, step: 0.05, default: 1 },
  q: { label: 'state cost', symbol: 'q', min: 0, max: 5, step: 0.1, default: 1 },
  r: { label: 'action cost', symbol: 'R', min: 0.01, max: 2, step: 0.01, default: 0.1, log: true },
  sigma: { label: 'noise', symbol: 'σ', min: 0, max: 1, step: 0.05, default: 0.3 },
  rho: { label: 'discount rate', symbol: 'ρ', min: 0.01, max: 1, step: 0.01, default: 0.1 },
  gain: { label: 'your gain (a = −K x)', symbol: 'K', min: -2, max: 10, step: 0.05, default: 1 },
  x0: { label: 'start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 1 },
  dt: { label: 'time step of the simulation', symbol: 'Δt', min: 0.001, max: 0.1, step: 0.001, default: 0.01, log: true },
  seed: seedParam(),
  root: choice('Riccati root: the value P₊ or the other root P₋', 'P±', ['P₊ (value)', 'P₋ (other)']),
};
type V = Values<typeof schema>;

const X_MAX = 3;
const HORIZON = 10;
/** Time range of the transversality panel (the P- term grows like e^{6.4 T} at the post's values). */
const T_TRANS = 5;
const MC_PATHS = 4000;
const BATCHES = 40;
const DRAW = 12;
const RECORD = 201;

const fmt = (v: number, d = 4) => (Number.isFinite(v) ? formatFixed(v, d) : '—');
const modelOf = (v: V) => ({ alpha: v.alpha, beta: v.beta, q: v.q, r: v.r, sigma: v.sigma, rho: v.rho });
/** The closed forms at the sliders' values; `blocked` and the view share one evaluation per change. */
const curvesOf = memoizeLast((v: V) => explorerCurves(modelOf(v), v.gain, X_MAX));

/** One Monte Carlo readout against the two exact values. */
function mcReadout(label: string, m: McSummary, dt: number, paths: number): Readout {
  const pct = (100 * (m.chainValue - m.continuousValue)) / Math.abs(m.continuousValue);
  return {
    label,
    value: `${fmt(m.mean)} ± ${fmt(m.stderr)}`,
    detail:
      `(Monte Carlo, ${formatGrouped(paths, 0)} paths); exact for the Euler chain with Δt = ${dt}: ${fmt(m.chainValue)}; ` +
      `continuous-time value ${fmt(m.continuousValue)} (the chain is ${fmt(Math.abs(pct), 2)}% ${pct < 0 ? 'lower' : 'higher'})`,
  };
}

export const LqrExplorer = defineFigure({
  id: 'lqr-explorer',
  schema,
  code: [lqrListing, gainListing, mcListing, chainListing],
  request: (v) => ({
    ...modelOf(v),
    gain: v.gain,
    x0: v.x0,
    seed: v.seed,
    dt: v.dt,
    horizon: HORIZON,
    paths: MC_PATHS,
    batches: BATCHES,
    drawPaths: DRAW,
    record: RECORD,
  }),
  // While a slider moves, an eighth of the paths (the first 5 of the 40 batches) answers within a frame or two.
  preview: (request) => ({ ...request, paths: MC_PATHS / 8, batches: BATCHES / 8 }),
  blocked: (v) => curvesOf(v).optError,
  useView: ({ values: v, shown, set }) => {
    const curves = curvesOf(v);
    const opt = curves.opt;
    const r = shown?.result ?? null;
    const x0 = shown?.values.x0 ?? v.x0;
    // The other root, drawn only when the switch asks for it: w-(x) = -P- x^2/2 - c-, its feedback -K- x, and the
    // transversality terms e^{-rho T} E[w(X_T)] of both roots along their own closed loops (closed forms).
    const minus = v.root === 1 && opt !== null;
    const other = useMemo(() => (minus ? otherRoot(modelOf(v)) : null), [minus, v]);
    const wMinus = useMemo(() => (other ? curves.x.map((x) => -0.5 * other.P * x * x - other.c) : null), [other, curves]);
    const trans = useMemo(() => {
      if (!other || !opt) return null;
      const plus = transversalityCurve(modelOf(v), opt.P, v.x0, T_TRANS);
      const minusCurve = transversalityCurve(modelOf(v), other.P, v.x0, T_TRANS);
      const log = (a: Float64Array) => a.map((y) => (y !== 0 ? Math.log10(Math.abs(y)) : NaN));
      return {
        T: plus.T,
        plus: log(plus.value),
        minus: log(minusCurve.value),
        plusEnd: plus.value[plus.value.length - 1],
        minusEnd: minusCurve.value[minusCurve.value.length - 1],
      };
    }, [other, opt, v]);

    // Value plot range: from the optimal value at the edge (times 3, so a poor gain shows but cannot flatten it) to 0.
    const vLo = opt ? Math.min(-0.5 * opt.P * X_MAX * X_MAX * 3 - opt.c, curves.gain ? -0.5 * curves.gain.P * X_MAX * X_MAX - curves.gain.c : 0) : -1;
    const vMin = Math.max(vLo, opt ? -0.5 * opt.P * X_MAX * X_MAX * 3 - 3 * opt.c - 0.1 : -1);
    const vMax = wMinus ? Math.max(...wMinus) * 1.05 : 0;
    const vGainShown = useMemo(() => curves.vGain.map((y) => (y >= vMin ? y : NaN)), [curves, vMin]);
    const aMax = Math.max(A_BOUND * 1.6, Math.min(40, X_MAX * Math.max(opt ? Math.abs(opt.K) : 0, Math.abs(v.gain), other ? Math.abs(other.K) : 0) * 1.05));

    // Paths range: what the optimal paths cover, and the reader's up to a cap (an unstable gain runs away).
    const pDomain = useMemo<[number, number]>(() => {
      const edge = Math.max(1, Math.abs(x0));
      if (!r) return [-edge * 1.2, edge * 1.2];
      let lo = Math.min(0, x0);
      let hi = Math.max(0, x0);
      for (const a of [r.pathsStar, r.pathsGain])
        for (const y of a)
          if (Number.isFinite(y)) {
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
          }
      return [Math.max(lo, -4 * edge), Math.min(hi, 4 * edge)];
    }, [r, x0]);

    const readouts: Readout[] = [];
    if (opt) {
      readouts.push({ label: 'P', value: fmt(opt.P, 7) }, { label: 'K*', value: fmt(opt.K, 7) }, { label: 'c', value: fmt(opt.c, 7) });
      if (curves.gain)
        readouts.push({ label: 'P_K', value: fmt(curves.gain.P, 5), secondary: true }, { label: 'c_K', value: fmt(curves.gain.c, 5), secondary: true });
      else readouts.push({ label: 'Your gain: V_K = −∞', secondary: true });
    }
    if (other && trans) {
      readouts.push(
        { label: 'P₋', value: fmt(other.P, 7) },
        { label: 'K₋', value: fmt(other.K, 7) },
        { label: 'c₋', value: fmt(other.c, 7) },
        { label: 'ρ − 2(α − βK₋)', value: fmt(other.rate, 4), detail: '(negative: the closed loop outgrows the discount)' },
        {
          label: `e^(−ρT) E[w(X_T)] at T = ${T_TRANS}`,
          value: `${trans.minusEnd.toExponential(3)} for P₋`,
          detail: `, ${trans.plusEnd.toExponential(3)} for P₊`,
          secondary: true,
        },
      );
    }
    if (r && shown) {
      const s = shown.values;
      const paths = shown.request.paths;
      readouts.push(mcReadout('Optimal gain, V_K*(x₀)', r.mcStar, s.dt, paths));
      if (r.mcGain) readouts.push({ ...mcReadout(`Your gain K = ${s.gain}, V_K(x₀)`, r.mcGain, s.dt, paths), secondary: true });
      if (r.difference) {
        const d = r.difference;
        readouts.push({
          label: 'Difference V_K − V_K*, paired (same noise)',
          value: `${fmt(d.mean)} ± ${fmt(d.stderr)}`,
          detail: `; exact for the chain ${fmt(d.chain)}, continuous ${fmt(d.continuous)}; with independent noise the standard error would be about ${fmt(d.independentStderr)}`,
          secondary: true,
        });
      }
    }
    if (opt) {
      readouts.push({
        label:
          Number.isFinite(curves.clipAt) && curves.clipAt < X_MAX
            ? `The source post bounds actions by |a| ≤ ${A_BOUND}; that cuts a*(x) for |x| > ${fmt(curves.clipAt, 2)}. The book does not clip.`
            : `The source post's bound |a| ≤ ${A_BOUND} does not bind on this range.`,
        secondary: true,
      });
    }

    const notice = !opt
      ? null
      : other
        ? `The other root P₋ = ${fmt(other.P, 4)} also solves the Riccati equation, so w₋(x) = −½P₋x² − c₋ solves the HJB equation ` +
          `with the maximising feedback a = −K₋x, K₋ = ${fmt(other.K, 3)}. It is positive, and no policy earns a positive value from rewards ` +
          `that are never positive. Under its feedback e^(−ρT) E[w₋(X_T)] grows like e^(${fmt(-other.rate, 2)} T) (bottom panel): ` +
          `transversality fails and the verification theorem does not apply.`
        : !curves.gain
          ? `Your gain K = ${v.gain} does not stabilise the discounted problem: 2(α − βK) = ${fmt(2 * (v.alpha - v.beta * v.gain), 2)} is not below ρ = ${v.rho}, ` +
            `so E[X²] grows at least as fast as the discount e^(−ρt) shrinks and V_K(x) = −∞ for every x (no dashed value curve). ` +
            (v.beta > 0 ? `Stable gains here are K > ${fmt(stableGainBound(modelOf(v)), 3)}.` : 'With β = 0 no gain helps.')
          : r?.gainProblem && r.mcGain === null && shown?.values.gain === v.gain
            ? r.gainProblem
            : null;

    return {
      notice,
      readouts,
      actions: (
        <button
          type="button"
          className="figure-action"
          disabled={!opt}
          onClick={() => opt && set('gain', opt.K)}
          title="Set your gain K to the optimal gain K*"
        >
          Use K* {opt ? `= ${fmt(opt.K, 3)}` : ''}
        </button>
      ),
      csv: () => ({ x: curves.x, V_opt: curves.vStar, V_gain: curves.vGain, a_opt: curves.aStar, a_gain: curves.aGain }),
      panels: [
        {
          key: 'value',
          title: 'value',
          aspect: 0.75,
          legend: [
            { label: 'V(x), optimal', color: seriesColor(0) },
            { label: 'V_K(x), your K', color: seriesColor(1), shape: 'dash' },
            ...(wMinus ? [{ label: 'w₋(x) from P₋ (not a value)', color: seriesColor(2), shape: 'dotted' as const }] : []),
            { label: 'Monte Carlo at x₀, ± 2 se', color: themeColor.fg },
          ],
          ariaLabel: 'Optimal value V(x) and the value V_K(x) of your gain',
          deps: [curves, vGainShown, r, x0, vMin, vMax, wMinus],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, { x: { domain: [-X_MAX, X_MAX], label: 'state x' }, y: { domain: [vMin, vMax], label: 'value' } });
            if (wMinus)
              drawLine(svg, { x: curves.x, y: wMinus }, s, {
                theme,
                color: seriesColor(2),
                dash: '2 3',
                weight: 2,
                ariaLabel: 'The HJB solution w₋(x) from the other root P₋, positive, not a value',
              });
            drawLine(svg, { x: curves.x, y: curves.vStar }, s, { theme, color: seriesColor(0), ariaLabel: 'Optimal value V(x)' });
            drawLine(svg, { x: curves.x, y: vGainShown }, s, { theme, color: seriesColor(1), dash: '6 4', ariaLabel: 'Value V_K(x) of your gain' });
            [r?.mcStar, r?.mcGain].forEach((m, k) => {
              if (!m) return;
              const lo = Math.max(vMin, m.mean - 2 * m.stderr);
              const hi = Math.min(vMax, m.mean + 2 * m.stderr);
              drawLine(svg, { x: [x0, x0], y: [lo, hi] }, s, {
                theme,
                color: themeColor.fg,
                weight: 2,
                ariaLabel: 'Monte Carlo estimate plus and minus two standard errors',
              });
              drawLine(svg, { x: [x0 - 0.15, x0 + 0.15], y: [m.mean, m.mean] }, s, {
                theme,
                color: seriesColor(k),
                weight: 3,
                ariaLabel: `Monte Carlo estimate ${m.mean.toFixed(4)}`,
              });
            });
          },
        },
        {
          key: 'action',
          title: 'action',
          aspect: 0.75,
          legend: [
            { label: 'a*(x), not clipped', color: seriesColor(0) },
            { label: '−K x, your K', color: seriesColor(1), shape: 'dash' },
            { label: 'a* clipped at |a| ≤ 5 (the post)', color: seriesColor(2), shape: 'dotted' },
            ...(other ? [{ label: '−K₋ x, from P₋', color: seriesColor(3), shape: 'dash' as const }] : []),
          ],
          ariaLabel: "Optimal action a*(x) and your action -K x, with the source post's clipping bound",
          deps: [curves, aMax, other],
          draw: (svg, _ctx, size, theme) => {
            const aDomain: [number, number] = [-aMax, aMax];
            const s = plotAxes(svg, size, theme, { x: { domain: [-X_MAX, X_MAX], label: 'state x' }, y: { domain: aDomain, label: 'action a' } });
            drawBand(svg, { x: [-X_MAX, X_MAX], lower: [-A_BOUND, -A_BOUND], upper: [A_BOUND, A_BOUND] }, s, {
              ariaLabel: 'The source post’s action range |a| ≤ 5',
            });
            const clip = (y: Float64Array) => y.map((a) => (a >= -aMax && a <= aMax ? a : NaN));
            drawLine(svg, { x: curves.x, y: clip(curves.aStar) }, s, { theme, color: seriesColor(0), ariaLabel: 'Optimal action a*(x), not clipped' });
            drawLine(svg, { x: curves.x, y: clip(curves.aGain) }, s, { theme, color: seriesColor(1), dash: '6 4', ariaLabel: 'Your action -K x' });
            drawLine(svg, { x: curves.x, y: curves.aClipped }, s, {
              theme,
              color: seriesColor(2),
              dash: '2 3',
              weight: 1.5,
              ariaLabel: 'The optimal action clipped to |a| ≤ 5, as the source post does',
            });
            if (other)
              drawLine(svg, { x: [-X_MAX, X_MAX], y: [other.K * X_MAX, -other.K * X_MAX] }, s, {
                theme,
                color: seriesColor(3),
                dash: '8 3',
                ariaLabel: 'The feedback −K₋ x of the other root, pushing the state away',
              });
            if (Number.isFinite(curves.clipAt) && curves.clipAt < X_MAX) {
              for (const sgn of [-1, 1])
                drawLine(svg, { x: [sgn * curves.clipAt, sgn * curves.clipAt], y: aDomain }, s, {
                  theme,
                  color: themeColor.muted,
                  dash: '1 3',
                  ariaLabel: `Clipping starts at x = ${(sgn * curves.clipAt).toFixed(2)}`,
                });
            }
          },
        },
        trans
          ? {
              key: 'transversality',
              title: 'transversality',
              wide: true,
              aspect: 0.32,
              legend: [
                { label: '|e^(−ρT) E[w₊(X_T)]| under K*', color: seriesColor(0) },
                { label: 'e^(−ρT) E[w₋(X_T)] under K₋', color: seriesColor(3), shape: 'dash' },
              ],
              ariaLabel: `The transversality term of each Riccati root along its own closed loop from x0 = ${v.x0}, on a log scale: it decays for P₊ and grows for P₋`,
              deps: [trans],
              draw: (svg, _ctx, size, theme) => {
                let lo = Infinity;
                let hi = -Infinity;
                for (const a of [trans.plus, trans.minus])
                  for (const y of a)
                    if (Number.isFinite(y)) {
                      lo = Math.min(lo, y);
                      hi = Math.max(hi, y);
                    }
                const s = plotAxes(svg, size, theme, {
                  x: { domain: [0, T_TRANS], label: 'time T' },
                  y: { domain: [Math.floor(lo), Math.ceil(hi)], label: '|e^(−ρT) E w(X_T)|', log: true },
                });
                drawLine(svg, { x: trans.T, y: trans.plus }, s, { theme, color: seriesColor(0), ariaLabel: 'Transversality term of P₊, decaying' });
                drawLine(svg, { x: trans.T, y: trans.minus }, s, {
                  theme,
                  color: seriesColor(3),
                  dash: '6 4',
                  ariaLabel: 'Transversality term of P₋, growing',
                });
              },
            }
          : {
              key: 'paths',
              title: 'paths',
              wide: true,
              aspect: 0.32,
              canvas: true,
              legend: [
                { label: 'paths under K*', color: seriesColor(0) },
                { label: 'paths under your K (same noise)', color: seriesColor(1) },
              ],
              ariaLabel: `Paths from x0 = ${x0} under the optimal gain and under your gain, driven by the same noise`,
              deps: [r, pDomain],
              draw: (svg, ctx, size, theme) => {
                const s = plotAxes(svg, size, theme, {
                  x: { domain: [0, r ? r.t[r.t.length - 1] : HORIZON], label: 'time t' },
                  y: { domain: pDomain, label: 'state Xₜ' },
                });
                if (!ctx || !r) return;
                // Paths under K* (series 0) and under the reader's K (series 1), the first of each highlighted.
                [r.pathsStar, r.pathsGain].forEach((values, series) =>
                  drawCanvasPaths(ctx, { t: r.t, values }, s, theme, {
                    color: themeSeries(theme, series),
                    alpha: 0.35,
                    highlight: [0],
                    highlightColors: [themeSeries(theme, series)],
                    clip: s.frame,
                  }),
                );
              },
            },
      ],
    };
  },
});
