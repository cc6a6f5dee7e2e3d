/**
 * Figure: sampled policy iteration on Merton's problem (worker): the iterates pi_n and k_n divided by their
 * closed forms, and the RMS HJB residual of the fitted value and its RMS error against the exact value of the
 * evaluated policy, per iteration. The market and preferences are the explorer's (shared).
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { formatValue as fmt } from '../../app/plots/format.ts';
import { mertonClosedForm, mertonPolicyCE, type SampledPiIteration } from '../../workers/engines/index.ts';
import piListing from '../../workers/engines/policyIteration.ts?fn=policyIterationSampledReference&code';
import improveListing from '../../workers/engines/policyIteration.ts?fn=improveMerton&code';
import { MertonExplorer } from './MertonExplorer.tsx';
import { MARKET_KEYS, illPosedMessage, market, piRequest, piSchema } from './params.ts';

type MP = { pi: number; k: number };

export const MertonPi = defineFigure({
  id: 'merton-pi',
  task: 'mertonPolicyIteration',
  schema: piSchema,
  shares: { params: MertonExplorer.params, keys: MARKET_KEYS },
  code: [piListing, improveListing],
  request: (v) => piRequest(market(v), v),
  blocked: (v) => {
    const m = market(v);
    const ill = illPosedMessage(m);
    if (ill) return ill;
    if (mertonPolicyCE(m, { pi: v.pi0, k: v.k0 }) !== 0) return null;
    return (
      `The initial policy (π₀ = ${v.pi0}, k₀ = ${v.k0}) has value −∞: under it the lower tail of wealth is so heavy that expected utility, unbounded below for γ > 1, ` +
      `falls faster than it is discounted, and there is nothing to evaluate. Lower k₀ or move π₀ towards ${fmt(mertonClosedForm(m).pi, 3)}.`
    );
  },
  useView: ({ shown }) => {
    const r = shown?.result ?? null;

    const data = useMemo(() => {
      if (!r) return null;
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
    }, [r]);

    const readouts: Readout[] = [];
    if (data && r && shown) {
      const fin = r.final as MP;
      const its = r.iterations;
      readouts.push(
        { label: 'π', value: fmt(fin.pi, 4), detail: `(closed form ${fmt(data.ex.pi, 4)}, reached at the first improvement) after ${its.length} iterations` },
        { label: 'k', value: fmt(fin.k, 4), detail: `(closed form ${fmt(data.ex.k, 4)}, ${fmt(100 * Math.abs(fin.k / data.ex.k - 1), 2)}% off)` },
        {
          label: 'fitted A',
          value: fmt(data.A[data.A.length - 1], 4),
          detail: `(closed form ${fmt(mertonClosedForm(market(shown.values)).A, 4)})`,
          secondary: true,
        },
        {
          label: 'RMS HJB residual',
          value: `${fmt(its[0].hjbResidual, 3)} → ${fmt(its[its.length - 1].hjbResidual, 3)}`,
          detail: '(first iteration → last)',
          secondary: true,
        },
      );
    }

    return {
      readouts,
      controlKeys: ['gamma', 'rho', 'iterations', 'paths', 'pi0', 'k0'],
      csv: (): Record<string, ArrayLike<number>> =>
        data
          ? {
              iteration: data.xi,
              pi_over_pistar: data.pi.subarray(1),
              k_over_kstar: data.k.subarray(1),
              log10_hjb_residual: data.res,
              log10_value_error: data.err,
              A: data.A,
            }
          : {},
      panels: [
        {
          key: 'iterates',
          title: 'iterates',
          aspect: 0.85,
          legend: [
            { label: data?.zero ? '1 + πₙ − π*' : 'πₙ / π*', color: 'var(--plot-1)', shape: 'dot' },
            { label: 'kₙ / k*', color: 'var(--plot-2)', shape: 'dot' },
            { label: 'closed form', color: 'var(--plot-fg)', shape: 'dash' },
          ],
          ariaLabel: 'Policy-iteration iterates divided by their closed forms',
          deps: [data],
          draw: (svg, _ctx, size, theme) => {
            const n = data ? data.x.length - 1 : 6;
            let lo = 0.5;
            let hi = 1.5;
            if (data)
              for (const a of [data.pi, data.k])
                for (const v of a)
                  if (Number.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                  }
            lo = Math.max(lo, -2);
            hi = Math.min(hi, 4);
            const yd: [number, number] = [lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)];
            const s = plotAxes(svg, size, theme, {
              x: { domain: [-0.3, n + 0.3], label: 'iteration n', ticks: Array.from({ length: n + 1 }, (_, i) => i) },
              y: { domain: yd, label: 'iterate / closed form' },
              clamp: true,
            });
            drawLine(svg, { x: [-0.3, n + 0.3], y: [1, 1] }, s, {
              theme,
              color: 'var(--plot-fg)',
              dash: '5 4',
              weight: 0.8,
              ariaLabel: 'Closed form (ratio 1)',
            });
            if (!data) return;
            for (const [arr, color, name] of [
              [data.pi, 'var(--plot-1)', 'pi'],
              [data.k, 'var(--plot-2)', 'k'],
            ] as const) {
              drawLine(svg, { x: data.x, y: arr }, s, { theme, color, ariaLabel: `${name}_n / ${name}*` });
              drawPoints(svg, { x: Array.from(arr, (_, i) => i), y: arr }, s, {
                theme,
                color,
                radius: 0.4,
                halo: true,
                ariaLabel: `${name}_n / ${name}* for n = 0 to ${arr.length - 1}: ${Array.from(arr, (v) => fmt(v, 4)).join(', ')}`,
              });
            }
          },
        },
        {
          key: 'residuals',
          title: 'residuals',
          aspect: 0.85,
          legend: [
            { label: 'HJB residual', color: 'var(--plot-3)', shape: 'dot' },
            { label: 'value error', color: 'var(--plot-4)', shape: 'dot' },
          ],
          ariaLabel: 'RMS HJB residual and value error per iteration, log scale',
          deps: [data],
          draw: (svg, _ctx, size, theme) => {
            const n = data ? data.xi.length : 6;
            let lo = Infinity;
            let hi = -Infinity;
            if (data)
              for (const a of [data.res, data.err])
                for (const v of a)
                  if (Number.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                  }
            if (!(hi >= lo)) {
              lo = -1;
              hi = 2;
            }
            const yd: [number, number] = [Math.floor(lo * 4) / 4 - 0.1, Math.ceil(hi * 4) / 4 + 0.1];
            const s = plotAxes(svg, size, theme, {
              x: { domain: [0.7, n + 0.3], label: 'iteration n', ticks: Array.from({ length: n }, (_, i) => i + 1) },
              y: { domain: yd, label: 'RMS (log scale)', log: true },
            });
            if (!data) return;
            for (const [arr, color, name] of [
              [data.res, 'var(--plot-3)', 'HJB residual'],
              [data.err, 'var(--plot-4)', 'value error'],
            ] as const) {
              drawLine(svg, { x: data.xi, y: arr }, s, { theme, color, ariaLabel: name });
              drawPoints(svg, { x: Array.from(arr, (_, i) => i + 1), y: arr }, s, {
                theme,
                color,
                radius: 0.4,
                halo: true,
                ariaLabel: `${name} at iterations 1 to ${arr.length}: ${Array.from(arr, (v) => fmt(10 ** v, 3)).join(', ')}`,
              });
            }
          },
        },
      ],
    };
  },
});
