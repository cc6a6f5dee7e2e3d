/**
 * Figure: the Merton explorer. Wealth over 40 years from x = 1 under the reader's constant policy (pi, k) and
 * under Merton's policy, sampled exactly in log space in a worker with the same seed (paired noise): quantile
 * bands of wealth on a log axis, medians against the exact log-normal medians, a few paths; the Feynman–Kac value
 * of both policies against the closed forms; beside it, the (gamma, rho) plane with the region where the value is
 * finite and the reader's point.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { drawText } from '../../app/plots/text.ts';
import { formatValue as fmt } from '../../app/plots/format.ts';
import { mertonClosedForm, mertonLogGrowth, mertonWellPosedness, WEALTH_QUANTILES, type MertonParams } from '../../workers/engines/index.ts';
import type { PolicyRun } from '../../workers/tasks/merton.ts';
import geometricListing from '../../workers/engines/sde.ts?fn=sampleGeometricSde1d&code';
import fkListing from '../../workers/engines/feynmanKac.ts?fn=mertonChainValue&code';
import closedListing from '../../workers/engines/merton.ts?fn=mertonClosedForm&code';
import { HORIZON, NORMAL_Z, RECORD, SHOWN, exactLog10Quantile, explorerRequest, explorerSchema, illPosedMessage, market } from './params.ts';
import { formatGrouped } from '../../app/state/schema.ts';

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

/** One policy's value as a readout: its Monte Carlo value against the chain's and the exact one, or −∞. */
function valueReadout(name: string, run: PolicyRun, m: MertonParams, exactName: string): Readout {
  const label = `${name} (π = ${fmt(run.pi, 3)}, k = ${fmt(run.k, 3)})`;
  const ce = `certainty-equivalent consumption ${fmt(run.ce, 3)}`;
  if (!run.value) {
    return m.gamma > 1
      ? {
          label,
          value: 'value −∞',
          detail: `— the lower tail of its wealth is so heavy that expected utility, unbounded below for γ > 1, falls faster than it is discounted; ${ce}`,
        }
      : { label, value: 'value +∞' };
  }
  const v = run.value;
  return {
    label,
    value: `V(1) = ${fmt(v.mean, 4)} ± ${fmt(v.stderr, 2)}`,
    detail: `by Monte Carlo (exact for the discretised chain ${fmt(v.chainValue, 4)}, ${exactName} ${fmt(v.continuousValue, 4)}); ${ce}`,
  };
}

/** Median wealth at the horizon (the middle quantile's last point). */
const medianEnd = (run: PolicyRun) => 10 ** run.bands[2 * RECORD + RECORD - 1];

export const MertonExplorer = defineFigure({
  id: 'merton-explorer',
  schema: explorerSchema,
  code: [closedListing, geometricListing, fkListing],
  request: explorerRequest,
  // While a slider moves, an eighth of the paths (at least 100) answers within a frame or two; then all of them.
  preview: (request) => ({ ...request, paths: Math.max(100, Math.round(request.paths / 8)) }),
  useView: ({ values: v, shown }) => {
    const r = shown?.result ?? null;
    const nowMarket = market(v);
    const opt = mertonWellPosedness(nowMarket).wellPosed ? mertonClosedForm(nowMarket) : null;

    // Exact medians and the wealth range, for the market the paths were simulated in.
    const curves = useMemo(() => {
      if (!shown) return null;
      const { result: res } = shown;
      const m = market(shown.values);
      const reader = exactMedian(m, res.reader, res.t);
      const optimal = res.optimal ? exactMedian(m, res.optimal, res.t) : null;
      let lo = Infinity;
      let hi = -Infinity;
      for (const run of [res.reader, res.optimal]) {
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
    }, [shown]);

    const readouts: Readout[] = [];
    if (opt) {
      readouts.push({ label: 'π*', value: fmt(opt.pi, 4) }, { label: 'k*', value: fmt(opt.k, 4), detail: 'per year' });
      readouts.push(
        nowMarket.gamma === 1
          ? { label: 'V(x)', value: `${fmt(opt.A, 4)} log x + ${fmt(opt.B, 4)}`, secondary: true }
          : { label: 'V(x)', value: `${fmt(opt.A, 4)} x^(1−γ)/(1−γ)`, detail: `, V(1) = ${fmt(opt.value(1), 4)}`, secondary: true },
      );
    }
    if (r && shown) {
      const m = market(shown.values);
      readouts.push(valueReadout('Your policy', r.reader, m, 'continuous time'));
      if (r.optimal) readouts.push({ ...valueReadout('Merton’s policy', r.optimal, m, 'closed form'), secondary: true });
      readouts.push({
        label: `Median wealth after ${HORIZON} years`,
        value: `yours ${fmt(medianEnd(r.reader), 3)}${r.optimal ? `, Merton’s ${fmt(medianEnd(r.optimal), 3)}` : ''}`,
        detail: `(from 1, over ${formatGrouped(shown.request.paths, 0)} paired paths)`,
      });
    }

    return {
      notice: illPosedMessage(nowMarket),
      readouts,
      csv: () => {
        if (!r) return {};
        const cols: Record<string, ArrayLike<number>> = { t: r.t };
        WEALTH_QUANTILES.forEach((q, i) => {
          cols[`yours_log10_q${q}`] = r.reader.bands.subarray(i * RECORD, (i + 1) * RECORD);
          if (r.optimal) cols[`merton_log10_q${q}`] = r.optimal.bands.subarray(i * RECORD, (i + 1) * RECORD);
        });
        return cols;
      },
      panels: [
        {
          key: 'wealth',
          title: 'wealth',
          // 5 : 3 rather than 2 : 1, so that the plane stays readable beside the rail on a 1024-pixel projector.
          weight: 5,
          aspect: 0.62,
          legend: [
            { label: 'your policy', color: READER },
            ...(r?.optimal ? [{ label: 'Merton’s policy', color: OPTIMAL }] : []),
            { label: 'exact median', color: 'var(--plot-fg)', shape: 'dash' as const },
          ],
          ariaLabel: `Wealth over ${HORIZON} years on a log scale: quantile bands under your policy${r?.optimal ? ' and under Merton’s' : ''}`,
          deps: [r, curves],
          draw: (svg, _ctx, size, theme) => {
            const domain = curves?.domain ?? [-0.5, 0.5];
            const s = plotAxes(svg, size, theme, { x: { domain: [0, HORIZON], label: 'years' }, y: { domain, label: 'wealth (log scale)', log: true } });
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
                drawLine(svg, { x: r.t, y: run.paths.subarray(i * RECORD, (i + 1) * RECORD) }, s, {
                  theme,
                  color,
                  weight: 0.4,
                  ariaLabel: `Sample path ${i + 1}`,
                });
              }
            }
            for (const [run, color, , exact] of runs) {
              drawLine(svg, { x: r.t, y: row(run, 2) }, s, { theme, color, weight: 1.4, ariaLabel: 'Median wealth (simulated)' });
              drawLine(svg, { x: r.t, y: exact }, s, { theme, color: 'var(--plot-fg)', dash: '5 4', weight: 0.8, ariaLabel: 'Exact median' });
            }
          },
        },
        {
          key: 'plane',
          title: 'γ, ρ plane',
          weight: 3,
          aspect: 1.1,
          legend: [
            { label: 'V = +∞ (no solution)', color: 'color-mix(in srgb, var(--plot-2) 30%, transparent)', shape: 'square' },
            { label: 'your γ, ρ', color: 'var(--accent)', shape: 'dot' },
          ],
          ariaLabel: 'Where the value is finite in the plane of risk aversion gamma and discount rate rho, and your point',
          deps: [v.mu, v.rf, v.sigma, v.gamma, v.rho],
          draw: (svg, _ctx, size, theme) => {
            const gMax = Math.max(4, v.gamma * 1.08);
            const rMax = 0.2;
            const s = plotAxes(svg, size, theme, {
              x: { domain: [0, gMax], label: 'risk aversion γ' },
              y: { domain: [0, rMax], label: 'discount ρ' },
              clamp: true,
            });
            const n = 120;
            const gs = new Float64Array(n);
            const lower = new Float64Array(n);
            const upper = new Float64Array(n);
            for (let i = 0; i < n; i++) {
              const g = 0.02 + ((Math.min(1, gMax) - 0.02) * i) / (n - 1);
              gs[i] = g;
              upper[i] = Math.min(rMax, mertonWellPosedness({ ...nowMarket, gamma: g }).rhoMin);
            }
            drawBand(svg, { x: gs, lower, upper }, s, {
              color: 'color-mix(in srgb, var(--plot-2) 30%, transparent)',
              ariaLabel: 'Ill-posed region: infinite value',
            });
            drawLine(svg, { x: gs, y: upper }, s, { theme, color: READER, ariaLabel: 'Boundary rho = (1 − gamma) M' });
            if (s.frame.right - s.frame.left > 9 * theme.fontSize) drawText(svg, s, gMax * 0.95, rMax * 0.5, 'finite value', theme, { anchor: 'end' });
            drawPoints(svg, { x: [v.gamma], y: [v.rho] }, s, {
              theme,
              color: 'var(--accent)',
              radius: 0.4,
              halo: true,
              ariaLabel: `Your point: gamma = ${v.gamma}, rho = ${v.rho}`,
            });
          },
        },
      ],
    };
  },
});
