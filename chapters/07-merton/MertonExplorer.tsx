/**
 * Figure: the Merton explorer. Wealth over 40 years from x = 1 under the reader's constant policy (pi, k) and
 * under Merton's policy, sampled exactly in log space in a worker with the same seed (paired noise): quantile
 * bands of wealth on a log axis, medians against the exact log-normal medians, a few paths; the Feynman–Kac value
 * of both policies against the closed forms; beside it, the (gamma, rho) plane with the region where the value is
 * finite and the reader's point.
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
import { mertonClosedForm, mertonLogGrowth, mertonWellPosedness, type MertonParams } from '../../workers/engines/index.ts';
import { WEALTH_QUANTILES, type MertonExplorerResult, type PolicyRun } from '../../workers/tasks/merton.ts';
import geometricListing from '../../workers/engines/sde.ts?fn=sampleGeometricSde1d&code';
import fkListing from '../../workers/engines/feynmanKac.ts?fn=mertonChainValue&code';
import closedListing from '../../workers/engines/merton.ts?fn=mertonClosedForm&code';
import { HORIZON, NORMAL_Z, RECORD, SHOWN, exactLog10Quantile, explorerParams, explorerRequest, illPosedMessage, market } from './params.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { drawText, fmt, logTickLabel, logTicks } from './plotHelpers.ts';
import './merton.css';

const READER = 'var(--plot-2)';
const OPTIMAL = 'var(--plot-1)';
const READER_BAND = 'color-mix(in srgb, var(--plot-2) 22%, transparent)';
const OPTIMAL_BAND = 'color-mix(in srgb, var(--plot-1) 22%, transparent)';
const DRAWN_PATHS = 3;

/** Exact median of log10 wealth on a grid of times for a constant policy. */
function exactMedian(m: MertonParams, policy: { pi: number; k: number }, t: ArrayLike<number>): Float64Array {
  const { drift, vol } = mertonLogGrowth(m, policy);
  return Float64Array.from(t, (s) => exactLog10Quantile(drift, vol, s, NORMAL_Z[2]));
}

function valueText(name: string, run: PolicyRun, m: MertonParams, exactName: string): string {
  const ce = `certainty-equivalent consumption ${fmt(run.ce, 3)}`;
  if (!run.value) {
    return m.gamma > 1
      ? `${name} (π = ${fmt(run.pi, 3)}, k = ${fmt(run.k, 3)}): value −∞ — the lower tail of its wealth is so heavy that expected utility, unbounded below for γ > 1, falls faster than it is discounted; ${ce}.`
      : `${name}: value +∞.`;
  }
  const v = run.value;
  return `${name} (π = ${fmt(run.pi, 3)}, k = ${fmt(run.k, 3)}): V(1) = ${fmt(v.mean)} ± ${fmt(v.stderr, 2)} by Monte Carlo (exact for the discretised chain ${fmt(v.chainValue)}, ${exactName} ${fmt(v.continuousValue)}); ${ce}.`;
}

export function MertonExplorer({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const stacked = useMediaQuery('(max-width: 640px)');
  const v = explorerParams.useValues();
  const request = explorerRequest(v);
  // While a slider moves, an eighth of the paths (at least 100) answers within a frame or two; then all of them.
  const { sim, figure } = useFigureSimulation('mertonExplorer', request, { preview: { ...request, paths: Math.max(100, Math.round(request.paths / 8)) } });
  const r: MertonExplorerResult | null = sim.result;
  const shownParams = sim.resultParams ?? request;
  const shownMarket = market(shownParams);
  const nowMarket = market(v);
  const ill = illPosedMessage(nowMarket);
  const wp = mertonWellPosedness(nowMarket);
  const opt = wp.wellPosed ? mertonClosedForm(nowMarket) : null;

  const curves = useMemo(() => {
    if (!r) return null;
    const reader = exactMedian(shownMarket, r.reader, r.t);
    const optimal = r.optimal ? exactMedian(shownMarket, r.optimal, r.t) : null;
    let lo = Infinity;
    let hi = -Infinity;
    for (const run of [r.reader, r.optimal]) {
      if (!run) continue;
      for (let j = 0; j < RECORD; j++) {
        lo = Math.min(lo, run.bands[j]);
        hi = Math.max(hi, run.bands[4 * RECORD + j]);
      }
    }
    lo = Math.max(lo, -8);
    hi = Math.min(hi, 8);
    const pad = Math.max(0.05, 0.04 * (hi - lo));
    return { reader, optimal, domain: [lo - pad, hi + pad] as [number, number] };
    // shownMarket is derived from resultParams, which changes with r.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [r]);

  const medianEnd = (run: PolicyRun) => 10 ** run.bands[2 * RECORD + RECORD - 1];
  const lines: string[] = [];
  if (opt) {
    const vForm = nowMarket.gamma === 1 ? `V(x) = ${fmt(opt.A)} log x + ${fmt(opt.B)}` : `V(x) = ${fmt(opt.A)} x^(1−γ)/(1−γ), V(1) = ${fmt(opt.value(1))}`;
    lines.push(`Merton: π* = ${fmt(opt.pi)}, k* = ${fmt(opt.k)} per year, ${vForm}.`);
  }
  if (r) {
    lines.push(valueText('Your policy', r.reader, shownMarket, 'continuous time'));
    if (r.optimal) lines.push(valueText('Merton’s policy', r.optimal, shownMarket, 'closed form'));
    lines.push(`Median wealth after ${HORIZON} years: yours ${fmt(medianEnd(r.reader), 3)}${r.optimal ? `, Merton’s ${fmt(medianEnd(r.optimal), 3)}` : ''} (from 1, over ${shownParams.paths.toLocaleString('en-US')} paired paths).`);
  }
  const summary = [ill ?? '', ...lines].filter(Boolean).join(' ');

  const legendItems = [
    { label: 'your policy', color: READER, shape: 'line' as const },
    ...(r?.optimal ? [{ label: 'Merton’s policy', color: OPTIMAL, shape: 'line' as const }] : []),
    { label: 'exact median', color: 'var(--plot-fg)', shape: 'dash' as const },
  ];

  return (
    <Figure
      params={explorerParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[closedListing, geometricListing, fkListing]}
      summary={summary}
      csv={() => {
        if (!r) return {};
        const cols: Record<string, ArrayLike<number>> = { t: r.t };
        WEALTH_QUANTILES.forEach((q, i) => {
          cols[`yours_log10_q${q}`] = r.reader.bands.subarray(i * RECORD, (i + 1) * RECORD);
          if (r.optimal) cols[`merton_log10_q${q}`] = r.optimal.bands.subarray(i * RECORD, (i + 1) * RECORD);
        });
        return cols;
      }}
      controls={<Controls params={explorerParams} />}
    >
      {ill && (
        <p className="merton-illposed" role="alert">
          {ill}
        </p>
      )}
      <div ref={figure.plotRef} className="merton-plots">
        <PlotSurface
          className="merton-wealth-plot"
          aspect={stacked ? 0.8 : 0.62}
          ariaLabel={`Wealth over ${HORIZON} years on a log scale: quantile bands under your policy${r?.optimal ? ' and under Merton’s' : ''}`}
          deps={[r, curves]}
          draw={(svg, _ctx, size, theme) => {
            const legend = legendSize(legendItems, { theme, maxWidth: size.width - 60 });
            const domain = curves?.domain ?? [-0.5, 0.5];
            const f = frame(size, { theme, xLabel: 'years', yLabel: 'wealth', yDomain: [0, 1000], margin: { top: legend.height + theme.fontSize } });
            const s = plotScales(f, [0, HORIZON], domain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'years', yLabel: 'wealth (log scale)', yTicks: logTicks(domain[0], domain[1]), yFormat: logTickLabel });
            drawLegend(svg, legendItems, { theme, x: f.left, y: 4, maxWidth: size.width - f.left - 8 });
            if (!r || !curves) return;
            const runs: [PolicyRun, string, string, Float64Array][] = [[r.reader, READER, READER_BAND, curves.reader]];
            if (r.optimal && curves.optimal) runs.push([r.optimal, OPTIMAL, OPTIMAL_BAND, curves.optimal]);
            const row = (run: PolicyRun, q: number) => run.bands.subarray(q * RECORD, (q + 1) * RECORD);
            for (const [run, , band] of runs) {
              drawBand(svg, { x: r.t, lower: row(run, 0), upper: row(run, 4) }, s, { color: band, ariaLabel: '5–95% band of wealth' });
              drawBand(svg, { x: r.t, lower: row(run, 1), upper: row(run, 3) }, s, { color: band, ariaLabel: '25–75% band of wealth' });
            }
            for (const [run, color] of runs) {
              for (let i = 0; i < Math.min(DRAWN_PATHS, SHOWN); i++) {
                drawLine(svg, { x: r.t, y: run.paths.subarray(i * RECORD, (i + 1) * RECORD) }, s, { theme, color, weight: 0.4, ariaLabel: `Sample path ${i + 1}` });
              }
            }
            for (const [run, color, , exact] of runs) {
              drawLine(svg, { x: r.t, y: row(run, 2) }, s, { theme, color, weight: 1.4, ariaLabel: 'Median wealth (simulated)' });
              drawLine(svg, { x: r.t, y: exact }, s, { theme, color: 'var(--plot-fg)', dash: '5 4', weight: 0.8, ariaLabel: 'Exact median' });
            }
          }}
        />
        <PlotSurface
          className="merton-map-plot"
          aspect={stacked ? 0.6 : 1.1}
          ariaLabel="Where the value is finite in the plane of risk aversion gamma and discount rate rho, and your point"
          deps={[v.mu, v.rf, v.sigma, v.gamma, v.rho]}
          draw={(svg, _ctx, size, theme) => {
            const gMax = Math.max(4, v.gamma * 1.08);
            const rMax = 0.2;
            const f = frame(size, { theme, xLabel: 'γ', yLabel: 'ρ', yDomain: [0, rMax] });
            const s = plotScales(f, [0, gMax], [0, rMax], { nice: false, clamp: true });
            drawAxes(svg, s, f, { theme, xLabel: 'risk aversion γ', yLabel: 'discount ρ' });
            const n = 120;
            const gs = new Float64Array(n);
            const lower = new Float64Array(n);
            const upper = new Float64Array(n);
            for (let i = 0; i < n; i++) {
              const g = 0.02 + ((Math.min(1, gMax) - 0.02) * i) / (n - 1);
              gs[i] = g;
              upper[i] = Math.min(rMax, mertonWellPosedness({ ...nowMarket, gamma: g }).rhoMin);
            }
            drawBand(svg, { x: gs, lower, upper }, s, { color: 'color-mix(in srgb, var(--plot-2) 30%, transparent)', ariaLabel: 'Ill-posed region: infinite value' });
            drawLine(svg, { x: gs, y: upper }, s, { theme, color: READER, ariaLabel: 'Boundary rho = (1 − gamma) M' });
            drawText(svg, s, gMax * 0.97, rMax * 0.92, 'shaded: V = +∞', theme, 'end');
            drawText(svg, s, gMax * 0.95, rMax * 0.5, 'finite value', theme, 'end');
            drawPoints(svg, { x: [v.gamma], y: [v.rho] }, s, { theme, color: 'var(--accent)', radius: 0.4, halo: true, ariaLabel: `Your point: gamma = ${v.gamma}, rho = ${v.rho}` });
          }}
        />
      </div>
      {lines.length > 0 && (
        <p className="figure-stats merton-stats">
          {lines.map((l) => (
            <span key={l}>{l}</span>
          ))}
        </p>
      )}
    </Figure>
  );
}
