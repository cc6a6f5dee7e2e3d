/**
 * Figure: what a constant risky fraction pi is worth, at k = k*, as certainty-equivalent consumption (the steady
 * riskless consumption rate with the same expected discounted utility): the closed form for constant policies
 * against Feynman–Kac Monte Carlo (worker, common random numbers across pi) with a band of two standard errors.
 * The market and preferences are the explorer's.
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
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawLegend, legendSize } from '../../app/plots/legend.ts';
import { certaintyEquivalentConsumption, mertonPolicyCE } from '../../workers/engines/index.ts';
import ceListing from '../../workers/engines/mertonAnalysis.ts?fn=mertonPolicyCE&code';
import mcListing from '../../workers/engines/feynmanKac.ts?fn=evaluatePolicyMC&code';
import { curveRange, explorerParams, illPosedMessage, market, valueParams, valueRequest } from './params.ts';
import { drawText, fmt } from './plotHelpers.ts';
import './merton.css';

export function MertonValue({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const stacked = useMediaQuery('(max-width: 640px)');
  const ev = explorerParams.useValues();
  const vv = valueParams.useValues();
  const m = market(ev);
  const ill = illPosedMessage(m);
  const request = ill ? null : valueRequest(m, vv);
  // When ill-posed there is no k* to hold fixed: the request is never sent (a placeholder keeps the hook order).
  const { sim, figure } = useFigureSimulation('mertonValueCurve', request ?? valueRequest({ ...m, gamma: 2, rho: 0.05 }, vv), { blocked: ill });
  const r = ill ? null : sim.result;
  const shown = sim.resultParams;
  const shownMarket = shown ? market(shown) : m;

  const data = useMemo(() => {
    if (!r || !shown) return null;
    const { gamma, rho } = shownMarket;
    const range = curveRange(shownMarket);
    const n = 241;
    const x = new Float64Array(n);
    const exact = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = range.piMin + ((range.piMax - range.piMin) * i) / (n - 1);
      exact[i] = 100 * mertonPolicyCE(shownMarket, { pi: x[i], k: shown.k });
    }
    const ce = (V: number) => 100 * certaintyEquivalentConsumption(gamma, rho, V);
    const mc = Float64Array.from(r.mean, (V) => ce(V));
    const lo = Float64Array.from(r.mean, (V, i) => ce(V - 2 * r.stderr[i]));
    const hi = Float64Array.from(r.mean, (V, i) => {
      const c = ce(V + 2 * r.stderr[i]);
      return Number.isFinite(c) ? c : NaN;
    });
    const cash = 100 * mertonPolicyCE(shownMarket, { pi: 0, k: shown.k });
    const peak = 100 * mertonPolicyCE(shownMarket, { pi: range.piStar, k: shown.k });
    let top = peak;
    for (const c of hi) if (Number.isFinite(c)) top = Math.max(top, c);
    let iStar = 0;
    for (let i = 1; i < r.pi.length; i++) if (Math.abs(r.pi[i] - range.piStar) < Math.abs(r.pi[iStar] - range.piStar)) iStar = i;
    return { x, exact, mc, lo, hi, cash, peak, range, iStar, top: Math.min(top, peak * 1.5) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [r, shown]);

  const ruined = data ? Array.from(data.exact).some((c) => c === 0) : false;
  const stats = data && r
    ? `At k = k* = ${fmt(shown!.k)}: certainty-equivalent consumption ${fmt(data.peak, 3)}% of wealth a year at π* = ${fmt(data.range.piStar, 3)}; ` +
      `${fmt(data.cash, 3)}% both at π = 0 (all riskless) and at 2π* = ${fmt(2 * data.range.piStar, 3)}; ` +
      `${fmt(100 * mertonPolicyCE(shownMarket, { pi: 3 * data.range.piStar, k: shown!.k }), 3)}% at 3π*` +
      `${ruined ? ' (where it is 0 the policy’s value is −∞)' : ''}. Monte Carlo at π*: ${fmt(data.mc[data.iStar], 4)}% (±${fmt(data.mc[data.iStar] - data.lo[data.iStar], 2)}% at two standard errors), ${shown!.paths.toLocaleString('en-US')} paths per fraction.`
    : '';

  const legendItems = [
    { label: 'closed form', color: 'var(--plot-1)', shape: 'line' as const },
    { label: 'Monte Carlo ± 2 s.e.', color: 'var(--plot-2)', shape: 'square' as const },
  ];

  return (
    <Figure
      params={valueParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[ceListing, mcListing]}
      summary={ill ?? stats}
      csv={(): Record<string, ArrayLike<number>> => (r ? { pi: r.pi, mc_value: r.mean, mc_stderr: r.stderr, chain_value: r.chain, continuous_value: r.continuous } : {})}
      controls={
        <>
          <Controls params={explorerParams} names={['mu', 'sigma', 'gamma', 'rho']} />
          <Controls params={valueParams} />
        </>
      }
    >
      <div ref={figure.plotRef}>
        <PlotSurface
          aspect={stacked ? 0.85 : 0.55}
          ariaLabel="Certainty-equivalent consumption against the fraction pi held in the stock"
          deps={[data]}
          draw={(svg, _ctx, size, theme) => {
            const legend = legendSize(legendItems, { theme, maxWidth: size.width - 60 });
            const xd: [number, number] = data ? [data.range.piMin, data.range.piMax] : [0, 2];
            const yd: [number, number] = [0, data ? data.top * 1.08 : 5];
            const f = frame(size, { theme, xLabel: 'π', yLabel: 'c', yDomain: yd, margin: { top: legend.height + theme.fontSize } });
            const s = plotScales(f, xd, yd, { nice: false, clamp: true });
            drawAxes(svg, s, f, { theme, xLabel: 'fraction in the stock π', yLabel: 'c̄ (% of wealth a year)' });
            drawLegend(svg, legendItems, { theme, x: f.left, y: 4, maxWidth: size.width - f.left - 8 });
            if (!data || !r) return;
            const { range } = data;
            for (const [mult, label] of [[1, 'π*'], [2, '2π*']] as const) {
              const px = mult * range.piStar;
              drawLine(svg, { x: [px, px], y: yd }, s, { theme, color: 'var(--plot-muted)', dash: '3 3', weight: 0.7, ariaLabel: `${label} = ${fmt(px, 3)}` });
              drawText(svg, s, px, yd[1] * 0.04, ` ${label}`, theme, 'start', 'var(--plot-muted)');
            }
            drawLine(svg, { x: xd, y: [data.cash, data.cash] }, s, { theme, color: 'var(--plot-muted)', dash: '1 3', weight: 0.8, ariaLabel: 'All riskless (pi = 0)' });
            drawBand(svg, { x: r.pi, lower: data.lo, upper: data.hi }, s, { color: 'color-mix(in srgb, var(--plot-2) 35%, transparent)', ariaLabel: 'Monte Carlo ± 2 standard errors' });
            drawLine(svg, { x: data.x, y: data.exact }, s, { theme, color: 'var(--plot-1)', weight: 1.2, ariaLabel: 'Closed form for constant policies' });
            drawLine(svg, { x: r.pi, y: data.mc }, s, { theme, color: 'var(--plot-2)', weight: 0.8, dash: '4 3', ariaLabel: 'Monte Carlo estimate' });
          }}
        />
      </div>
      {stats && <p className="figure-stats">{stats}</p>}
    </Figure>
  );
}
