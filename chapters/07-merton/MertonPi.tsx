/**
 * Figure: sampled policy iteration on Merton's problem (worker): the iterates pi_n and k_n divided by their
 * closed forms, and the RMS HJB residual of the fitted value and its RMS error against the exact value of the
 * evaluated policy, per iteration. The market and preferences are the explorer's.
 */
import { useMemo, type ReactNode } from 'react';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { useMediaQuery } from '../../app/state/settings.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawLegend, legendSize } from '../../app/plots/legend.ts';
import { mertonClosedForm, mertonPolicyCE, type SampledPiIteration } from '../../workers/engines/index.ts';
import piListing from '../../workers/engines/policyIteration.ts?fn=policyIterationSampled&code';
import improveListing from '../../workers/engines/policyIteration.ts?fn=improveMerton&code';
import { explorerParams, illPosedMessage, market, piParams, piRequest } from './params.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { fmt, logTickLabel, logTicks } from './plotHelpers.ts';
import './merton.css';

type MP = { pi: number; k: number };

export function MertonPi({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const stacked = useMediaQuery('(max-width: 640px)');
  const ev = explorerParams.useValues();
  const pv = piParams.useValues();
  const m = market(ev);
  const ill = illPosedMessage(m);
  const startInfinite = !ill && mertonPolicyCE(m, { pi: pv.pi0, k: pv.k0 }) === 0;
  const blocked = ill ??
    (startInfinite
      ? `The initial policy (π₀ = ${pv.pi0}, k₀ = ${pv.k0}) has value −∞: under it the lower tail of wealth is so heavy that expected utility, unbounded below for γ > 1, falls faster than it is discounted, and there is nothing to evaluate. Lower k₀ or move π₀ towards ${fmt(mertonClosedForm(m).pi, 3)}.`
      : null);
  const request = piRequest(m, pv);
  const { sim, figure } = useFigureSimulation('mertonPolicyIteration', request, { blocked });
  const r = blocked ? null : sim.result;
  const shown = sim.resultParams;

  const data = useMemo(() => {
    if (!r || !shown) return null;
    const ex = r.exact as MP;
    const its = r.iterations;
    const n = its.length;
    const x = Float64Array.from({ length: n + 1 }, (_, i) => i);
    const pi = new Float64Array(n + 1);
    const k = new Float64Array(n + 1);
    // With mu = r_f the optimum holds no stock (pi* = 0): show 1 + pi_n - pi* instead of a ratio.
    const zero = Math.abs(ex.pi) < 1e-9;
    const rel = (p: number) => (zero ? 1 + p - ex.pi : p / ex.pi);
    pi[0] = rel((its[0].policy as MP).pi);
    k[0] = (its[0].policy as MP).k / ex.k;
    its.forEach((it: SampledPiIteration, i: number) => {
      pi[i + 1] = rel((it.improved as MP).pi);
      k[i + 1] = (it.improved as MP).k / ex.k;
    });
    const xi = Float64Array.from(its, (it) => it.iteration);
    const res = Float64Array.from(its, (it) => Math.log10(Math.max(it.hjbResidual, 1e-12)));
    const err = Float64Array.from(its, (it) => Math.log10(Math.max(it.valueError, 1e-12)));
    const A = Float64Array.from(its, (it) => it.theta[1]);
    return { x, pi, k, xi, res, err, A, ex, zero };
  }, [r, shown]);

  const stats = data && r && shown
    ? `After ${r.iterations.length} iterations: π = ${fmt((r.final as MP).pi)} (closed form ${fmt(data.ex.pi)}, reached at the first improvement), k = ${fmt((r.final as MP).k)} (closed form ${fmt(data.ex.k)}, ${fmt(100 * Math.abs((r.final as MP).k / data.ex.k - 1), 2)}% off); ` +
      `fitted A = ${fmt(data.A[data.A.length - 1])} (closed form ${fmt(mertonClosedForm(market(shown)).A)}); RMS HJB residual ${fmt(r.iterations[0].hjbResidual, 3)} at the first iteration, ${fmt(r.iterations[r.iterations.length - 1].hjbResidual, 3)} at the last.`
    : '';

  const left = [
    { label: data?.zero ? '1 + πₙ − π*' : 'πₙ / π*', color: 'var(--plot-1)', shape: 'dot' as const },
    { label: 'kₙ / k*', color: 'var(--plot-2)', shape: 'dot' as const },
  ];
  const right = [
    { label: 'HJB residual', color: 'var(--plot-3)', shape: 'dot' as const },
    { label: 'value error', color: 'var(--plot-4)', shape: 'dot' as const },
  ];

  return (
    <Figure
      params={piParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[piListing, improveListing]}
      summary={blocked ?? stats}
      csv={(): Record<string, ArrayLike<number>> => (data ? { iteration: data.xi, pi_over_pistar: data.pi.subarray(1), k_over_kstar: data.k.subarray(1), log10_hjb_residual: data.res, log10_value_error: data.err, A: data.A } : {})}
      controls={
        <>
          <Controls params={explorerParams} names={['gamma', 'rho']} />
          <Controls params={piParams} />
        </>
      }
    >
      <div ref={figure.plotRef} className="merton-pi-plots">
        <PlotSurface
          aspect={stacked ? 0.7 : 0.85}
          ariaLabel="Policy-iteration iterates divided by their closed forms"
          deps={[data]}
          draw={(svg, _ctx, size, theme) => {
            const lg = legendSize(left, { theme, maxWidth: size.width - 40 });
            const n = data ? data.x.length - 1 : 6;
            let lo = 0.5;
            let hi = 1.5;
            if (data) for (const a of [data.pi, data.k]) for (const v of a) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            lo = Math.max(lo, -2);
            hi = Math.min(hi, 4);
            const yd: [number, number] = [lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)];
            const f = frame(size, { theme, xLabel: 'n', yLabel: 'r', yDomain: yd, margin: { top: lg.height + theme.fontSize } });
            const s = plotScales(f, [-0.3, n + 0.3], yd, { nice: false, clamp: true });
            drawAxes(svg, s, f, { theme, xLabel: 'iteration n', yLabel: 'iterate / closed form', xTicks: Array.from({ length: n + 1 }, (_, i) => i) });
            drawLegend(svg, left, { theme, x: f.left, y: 4, maxWidth: size.width - f.left - 8 });
            drawLine(svg, { x: [-0.3, n + 0.3], y: [1, 1] }, s, { theme, color: 'var(--plot-fg)', dash: '5 4', weight: 0.8, ariaLabel: 'Closed form (ratio 1)' });
            if (!data) return;
            for (const [arr, color, name] of [[data.pi, 'var(--plot-1)', 'pi'], [data.k, 'var(--plot-2)', 'k']] as const) {
              drawLine(svg, { x: data.x, y: arr }, s, { theme, color, ariaLabel: `${name}_n / ${name}*` });
              drawPoints(svg, { x: Array.from(arr, (_, i) => i), y: arr }, s, { theme, color, radius: 0.4, halo: true, ariaLabel: `${name}_n / ${name}* for n = 0 to ${arr.length - 1}: ${Array.from(arr, (v) => fmt(v)).join(', ')}` });
            }
          }}
        />
        <PlotSurface
          aspect={stacked ? 0.7 : 0.85}
          ariaLabel="RMS HJB residual and value error per iteration, log scale"
          deps={[data]}
          draw={(svg, _ctx, size, theme) => {
            const lg = legendSize(right, { theme, maxWidth: size.width - 40 });
            const n = data ? data.xi.length : 6;
            let lo = Infinity;
            let hi = -Infinity;
            if (data) for (const a of [data.res, data.err]) for (const v of a) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            if (!(hi >= lo)) { lo = -1; hi = 2; }
            const yd: [number, number] = [Math.floor(lo * 4) / 4 - 0.1, Math.ceil(hi * 4) / 4 + 0.1];
            const f = frame(size, { theme, xLabel: 'n', yLabel: 'r', yDomain: [0, 1000], margin: { top: lg.height + theme.fontSize } });
            const s = plotScales(f, [0.7, n + 0.3], yd, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'iteration n', yLabel: 'RMS (log scale)', xTicks: Array.from({ length: n }, (_, i) => i + 1), yTicks: logTicks(yd[0], yd[1]), yFormat: logTickLabel });
            drawLegend(svg, right, { theme, x: f.left, y: 4, maxWidth: size.width - f.left - 8 });
            if (!data) return;
            for (const [arr, color, name] of [[data.res, 'var(--plot-3)', 'HJB residual'], [data.err, 'var(--plot-4)', 'value error']] as const) {
              drawLine(svg, { x: data.xi, y: arr }, s, { theme, color, ariaLabel: name });
              drawPoints(svg, { x: Array.from(arr, (_, i) => i + 1), y: arr }, s, { theme, color, radius: 0.4, halo: true, ariaLabel: `${name} at iterations 1 to ${arr.length}: ${Array.from(arr, (v) => fmt(10 ** v, 3)).join(', ')}` });
            }
          }}
        />
      </div>
      {stats && <p className="figure-stats">{stats}</p>}
    </Figure>
  );
}
