/**
 * Figure: what a constant risky fraction pi is worth, at k = k*, as certainty-equivalent consumption (the steady
 * riskless consumption rate with the same expected discounted utility): the closed form for constant policies
 * against Feynman–Kac Monte Carlo (worker, common random numbers across pi) with a band of two standard errors.
 * The market and preferences are the explorer's (shared: moving them here moves them there).
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawText } from '../../app/plots/text.ts';
import { formatValue as fmt } from '../../app/plots/format.ts';
import { certaintyEquivalentConsumption, mertonPolicyCE } from '../../workers/engines/index.ts';
import ceListing from '../../workers/engines/mertonAnalysis.ts?fn=mertonPolicyCE&code';
import mcListing from '../../workers/engines/feynmanKac.ts?fn=evaluatePolicyMCReference&code';
import { MertonExplorer } from './MertonExplorer.tsx';
import { MARKET_KEYS, curveRange, illPosedMessage, market, valueRequest, valueSchema } from './params.ts';
import { formatGrouped } from '../../app/state/schema.ts';

export const MertonValue = defineFigure({
  id: 'merton-value',
  task: 'mertonValueCurve',
  schema: valueSchema,
  shares: { params: MertonExplorer.params, keys: MARKET_KEYS },
  code: [ceListing, mcListing],
  request: (v) => valueRequest(market(v), v),
  blocked: (v) => illPosedMessage(market(v)),
  useView: ({ shown }) => {
    const r = shown?.result ?? null;

    const data = useMemo(() => {
      if (!shown) return null;
      const { result: res, request: req } = shown;
      const m = market(shown.values);
      const { gamma, rho } = m;
      const range = curveRange(m);
      const n = 241;
      const x = new Float64Array(n);
      const exact = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        x[i] = range.piMin + ((range.piMax - range.piMin) * i) / (n - 1);
        exact[i] = 100 * mertonPolicyCE(m, { pi: x[i], k: req.k });
      }
      const ce = (V: number) => 100 * certaintyEquivalentConsumption(gamma, rho, V);
      const mc = Float64Array.from(res.mean, (V) => ce(V));
      const lo = Float64Array.from(res.mean, (V, i) => ce(V - 2 * res.stderr[i]));
      const hi = Float64Array.from(res.mean, (V, i) => {
        const c = ce(V + 2 * res.stderr[i]);
        return Number.isFinite(c) ? c : NaN;
      });
      const cash = 100 * mertonPolicyCE(m, { pi: 0, k: req.k });
      const peak = 100 * mertonPolicyCE(m, { pi: range.piStar, k: req.k });
      const triple = 100 * mertonPolicyCE(m, { pi: 3 * range.piStar, k: req.k });
      let top = peak;
      for (const c of hi) if (Number.isFinite(c)) top = Math.max(top, c);
      let iStar = 0;
      for (let i = 1; i < res.pi.length; i++) if (Math.abs(res.pi[i] - range.piStar) < Math.abs(res.pi[iStar] - range.piStar)) iStar = i;
      const ruined = exact.some((c) => c === 0);
      return { x, exact, mc, lo, hi, cash, peak, triple, range, iStar, ruined, k: req.k, paths: req.paths, top: Math.min(top, peak * 1.5) };
    }, [shown]);

    const readouts: Readout[] = data
      ? [
          {
            label: `Certainty-equivalent consumption at π* = ${fmt(data.range.piStar, 3)}`,
            value: `${fmt(data.peak, 3)}% of wealth a year`,
            detail: `(k = k* = ${fmt(data.k, 4)})`,
          },
          { label: `At π = 0 (all riskless) and at 2π* = ${fmt(2 * data.range.piStar, 3)}`, value: `${fmt(data.cash, 3)}%` },
          { label: 'At 3π*', value: `${fmt(data.triple, 3)}%`, detail: data.ruined ? '(where it is 0 the policy’s value is −∞)' : undefined, secondary: true },
          {
            label: 'Monte Carlo at π*',
            value: `${fmt(data.mc[data.iStar], 4)}%`,
            detail: `(±${fmt(data.mc[data.iStar] - data.lo[data.iStar], 2)}% at two standard errors), ${formatGrouped(data.paths, 0)} paths per fraction`,
            secondary: true,
          },
        ]
      : [];

    return {
      readouts,
      controlKeys: ['mu', 'sigma', 'gamma', 'rho', 'paths'],
      csv: (): Record<string, ArrayLike<number>> =>
        r ? { pi: r.pi, mc_value: r.mean, mc_stderr: r.stderr, chain_value: r.chain, continuous_value: r.continuous } : {},
      panels: [
        {
          key: 'value',
          title: 'value',
          aspect: 0.55,
          legend: [
            { label: 'closed form', color: 'var(--plot-1)' },
            { label: 'Monte Carlo ± 2 s.e.', color: 'var(--plot-2)', shape: 'square' },
            { label: 'all riskless (π = 0)', color: 'var(--plot-muted)', shape: 'dotted' },
          ],
          ariaLabel: 'Certainty-equivalent consumption against the fraction pi held in the stock',
          deps: [data],
          draw: (svg, _ctx, size, theme) => {
            const xd: [number, number] = data ? [data.range.piMin, data.range.piMax] : [0, 2];
            const yd: [number, number] = [0, data ? data.top * 1.08 : 5];
            const s = plotAxes(svg, size, theme, {
              x: { domain: xd, label: 'fraction in the stock π' },
              y: { domain: yd, label: 'c̄ (% of wealth a year)' },
              clamp: true,
            });
            if (!data || !r) return;
            const { range } = data;
            for (const [mult, label] of [
              [1, 'π*'],
              [2, '2π*'],
            ] as const) {
              const px = mult * range.piStar;
              drawLine(svg, { x: [px, px], y: yd }, s, { theme, color: 'var(--plot-muted)', dash: '3 3', weight: 0.7, ariaLabel: `${label} = ${fmt(px, 3)}` });
              drawText(svg, s, px, yd[1] * 0.04, ` ${label}`, theme, { color: 'var(--plot-muted)' });
            }
            drawLine(svg, { x: xd, y: [data.cash, data.cash] }, s, {
              theme,
              color: 'var(--plot-muted)',
              dash: '1 3',
              weight: 0.8,
              ariaLabel: 'All riskless (pi = 0)',
            });
            drawBand(svg, { x: r.pi, lower: data.lo, upper: data.hi }, s, {
              color: 'color-mix(in srgb, var(--plot-2) 35%, transparent)',
              ariaLabel: 'Monte Carlo ± 2 standard errors',
            });
            drawLine(svg, { x: data.x, y: data.exact }, s, { theme, color: 'var(--plot-1)', weight: 1.2, ariaLabel: 'Closed form for constant policies' });
            drawLine(svg, { x: r.pi, y: data.mc }, s, { theme, color: 'var(--plot-2)', weight: 0.8, dash: '4 3', ariaLabel: 'Monte Carlo estimate' });
          },
        },
      ],
    };
  },
});
