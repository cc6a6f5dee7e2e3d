/**
 * Figure: the Euler–Maruyama bias of Monte Carlo policy evaluation. For each time step dt, an estimate of V^K(x0)
 * with its 95% interval, beside the exact value of the time-discretised chain (a curve in dt, closed form) and the
 * continuous value it tends to as dt -> 0. The source post's dt = 0.05 is marked with its relative bias.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { drawText } from '../../app/plots/text.ts';
import { formatFixed as fmt, formatPercent as pct } from '../../app/plots/format.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import chainListing from '../../workers/engines/feynmanKac.ts?fn=lqrChainValue&code';
import contListing from '../../workers/engines/feynmanKac.ts?fn=lqrContinuousPolicyValue&code';
import { HORIZON, POST_DT, chainValue, continuousValue, policySchema, post } from './model.ts';
import { seedParam } from '../../app/state/schema.ts';

/** The time steps estimated by Monte Carlo. */
export const DTS = [0.2, 0.1, 0.05, 0.025, 0.0125, 0.00625];
const DT_MAX = 0.2;
const Z95 = 1.96;

/** The chain's exact value on a fine grid of dt in (0, DT_MAX] (NaN where the discounted chain diverges). */
export function chainCurve(K: number, x0: number, n = 161): { dt: Float64Array; value: Float64Array } {
  const dt = new Float64Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dt[i] = (DT_MAX * (i + 1)) / n;
    value[i] = chainValue(K, x0, dt[i]);
  }
  return { dt, value };
}

/** Why a gain has no finite value (it does not stabilise the discounted loop), or null. */
function blockedBy(K: number, x0: number): string | null {
  const cont = continuousValue(K, x0);
  return 'error' in cont ? cont.error : null;
}

export const FkVersusDt = defineFigure({
  id: 'fk-dt',
  task: 'fkVersusDt',
  schema: {
    ...policySchema,
    paths: { label: 'paths per time step', symbol: 'N', min: 100, max: 20000, step: 10, default: 2000, integer: true, log: true },
    seed: seedParam(),
  },
  code: [chainListing, contListing],
  request: (v) => ({ params: post, K: v.K, x0: v.x0, dts: DTS, T: HORIZON, paths: v.paths, seed: v.seed }),
  blocked: (v) => blockedBy(v.K, v.x0),
  useView: ({ shown, values, status }) => {
    // The closed forms belong to the values the estimates were made for; nothing is drawn while the gain is blocked.
    const r = status === 'error' || blockedBy(values.K, values.x0) !== null ? null : (shown?.result ?? null);
    const K = shown?.values.K ?? values.K;
    const x0 = shown?.values.x0 ?? values.x0;
    const curve = useMemo(() => chainCurve(K, x0), [K, x0]);
    const atPost = chainValue(K, x0, POST_DT);
    const cont = continuousValue(K, x0);
    const cv = 'value' in cont ? cont.value : NaN;
    const relPost = (atPost - cv) / Math.abs(cv);
    const iPost = DTS.indexOf(POST_DT);
    const diverging = r ? DTS.filter((_, i) => !Number.isFinite(r.chain[i])) : [];

    const yDomain = useMemo((): [number, number] => {
      let lo = cv;
      let hi = cv;
      for (const y of curve.value)
        if (Number.isFinite(y)) {
          lo = Math.min(lo, y);
          hi = Math.max(hi, y);
        }
      if (r)
        for (let i = 0; i < DTS.length; i++)
          if (Number.isFinite(r.mean[i])) {
            lo = Math.min(lo, r.mean[i] - Z95 * r.stderr[i]);
            hi = Math.max(hi, r.mean[i] + Z95 * r.stderr[i]);
          }
      const pad = 0.08 * (hi - lo || 1e-3);
      return [lo - pad, hi + pad];
    }, [curve, cv, r]);

    const readouts: Readout[] = [];
    if (r) {
      if (Number.isFinite(atPost) && Number.isFinite(r.mean[iPost])) {
        readouts.push(
          { label: `chain at Δt = ${POST_DT}`, value: fmt(atPost), detail: `vs continuous ${fmt(cv)} (${pct(relPost)})` },
          { label: `estimate at Δt = ${POST_DT}`, value: fmt(r.mean[iPost]), detail: `± ${fmt(Z95 * r.stderr[iPost])} (95%)` },
        );
      } else readouts.push({ label: 'continuous value', value: fmt(cv) });
      if (diverging.length) readouts.push({ label: `The Euler chain diverges at Δt = ${diverging.join(', ')} for this gain.` });
    }

    return {
      readouts,
      csv: (): Record<string, ArrayLike<number>> => (r ? { dt: r.dt, estimate: r.mean, stderr: r.stderr, chain: r.chain } : {}),
      panels: [
        {
          key: 'bias',
          title: 'bias',
          aspect: 0.62,
          legend: [
            { label: 'estimate ± 1.96 SE', color: seriesColor(0), shape: 'dot' },
            { label: 'Euler chain, exact', color: seriesColor(1) },
            { label: 'continuous Vᴷ, exact', color: themeColor.fg, shape: 'dash' },
          ],
          ariaLabel: "Monte Carlo estimates of the policy's value against the time step, with the exact chain value and the continuous value",
          deps: [r, curve, yDomain, cv, atPost, relPost],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, { x: { domain: [0, DT_MAX * 1.04], label: 'time step Δt' }, y: { domain: yDomain, label: 'V(x₀)' } });
            if (!r || !Number.isFinite(cv)) return;
            drawLine(svg, { x: [0, DT_MAX * 1.04], y: [cv, cv] }, s, {
              theme,
              color: themeColor.fg,
              dash: '6 4',
              ariaLabel: `Exact continuous value, ${fmt(cv)}`,
            });
            drawLine(svg, { x: [0, ...curve.dt], y: [cv, ...curve.value] }, s, {
              theme,
              color: seriesColor(1),
              ariaLabel: 'Exact value of the Euler chain as a function of the time step',
            });
            if (Number.isFinite(atPost) && Number.isFinite(relPost)) {
              const label = `Δt = ${POST_DT}: ${pct(relPost)}`;
              drawLine(svg, { x: [POST_DT, POST_DT], y: [cv, atPost] }, s, {
                theme,
                color: 'var(--accent)',
                weight: 1.5,
                ariaLabel: `The chain's bias at the source post's step: ${label}`,
              });
              drawText(svg, s, POST_DT, (cv + atPost) / 2, label, theme, { color: 'var(--accent)', offset: [theme.fontSize * 0.5, 0] });
            }
            drawPoints(svg, { x: r.dt, y: r.mean, err: r.stderr.map((e) => Z95 * e) }, s, {
              theme,
              color: seriesColor(0),
              ariaLabel: 'Estimates with 95% confidence intervals',
            });
          },
        },
      ],
    };
  },
});
