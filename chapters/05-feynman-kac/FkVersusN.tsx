/**
 * Figure: Monte Carlo estimates of V^K(x0) for N = 10, 20, 40, ... paths (independent runs), each with its 95%
 * confidence interval, against the exact value of the Euler chain (what the estimator converges to) and the
 * continuous value; the band chain ± 1.96 sd/sqrt(N) narrows like 1/sqrt(N).
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { formatFixed as fmt, formatPercent as pct } from '../../app/plots/format.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import mcListing from '../../workers/engines/feynmanKac.ts?fn=evaluatePolicyMCReference&code';
import type { FkVersusNResult } from '../../workers/tasks/feynmanKac.ts';
import { HORIZON, continuousValue, policySchema, post } from './model.ts';
import { seedParam, formatGrouped } from '../../app/state/schema.ts';

const Z95 = 1.96;

/** Why a gain has no finite value (it does not stabilise the discounted loop), or null. */
function blockedBy(K: number, x0: number): string | null {
  const cont = continuousValue(K, x0);
  return 'error' in cont ? cont.error : null;
}

/** The band chain ± 1.96 sd/√N on a log grid of N, the error bars, and the plot's ranges (x in log10 N). */
function bandOf(r: FkVersusNResult) {
  const n = r.paths.length;
  const last = n - 1;
  const sd = r.stderr[last] * Math.sqrt(r.paths[last]);
  const m = 60;
  const bx = new Float64Array(m);
  const bl = new Float64Array(m);
  const bu = new Float64Array(m);
  const b0 = r.paths[0];
  const b1 = r.paths[last];
  for (let i = 0; i < m; i++) {
    const N = b0 * Math.pow(b1 / b0, i / (m - 1));
    bx[i] = Math.log10(N);
    bl[i] = r.chainValue - (Z95 * sd) / Math.sqrt(N);
    bu[i] = r.chainValue + (Z95 * sd) / Math.sqrt(N);
  }
  const err = r.stderr.map((s) => Z95 * s);
  let ylo = Math.min(r.chainValue, r.continuousValue, bl[0]);
  let yhi = Math.max(r.chainValue, r.continuousValue, bu[0]);
  for (let i = 0; i < n; i++) {
    ylo = Math.min(ylo, r.mean[i] - err[i]);
    yhi = Math.max(yhi, r.mean[i] + err[i]);
  }
  const pad = 0.06 * (yhi - ylo || 1e-3);
  return {
    bx,
    bl,
    bu,
    err,
    logN: r.paths.map(Math.log10),
    x: [Math.log10(r.paths[0] / 1.4), Math.log10(r.paths[last] * 1.4)] as [number, number],
    y: [ylo - pad, yhi + pad] as [number, number],
  };
}

export const FkVersusN = defineFigure({
  id: 'fk-paths',
  task: 'fkVersusN',
  schema: {
    ...policySchema,
    paths: { label: 'largest number of paths', symbol: 'N', min: 20, max: 20000, step: 10, default: 4000, integer: true, log: true },
    dt: { label: 'time step', symbol: 'Δt', min: 0.005, max: 0.2, step: 0.005, default: 0.01 },
    seed: seedParam(),
  },
  code: [mcListing],
  request: (v) => ({ params: post, K: v.K, x0: v.x0, dt: v.dt, T: HORIZON, maxPaths: v.paths, seed: v.seed }),
  blocked: (v) => blockedBy(v.K, v.x0),
  useView: ({ shown, values, status }) => {
    // No result is drawn while the gain gives no finite value (or the run failed).
    const r = status === 'error' || blockedBy(values.K, values.x0) !== null ? null : (shown?.result ?? null);
    const view = useMemo(() => (r ? bandOf(r) : null), [r]);
    const last = r ? r.paths.length - 1 : 0;
    return {
      readouts:
        r && shown
          ? [
              { label: `N = ${formatGrouped(r.paths[last], 0)}`, value: fmt(r.mean[last]), detail: `± ${fmt(Z95 * r.stderr[last])} (95%)` },
              {
                label: `chain (Δt = ${shown.request.dt})`,
                value: fmt(r.chainValue),
                detail: `; continuous ${fmt(r.continuousValue)}; bias ${pct(r.relativeBias)}`,
              },
            ]
          : [],
      csv: (): Record<string, ArrayLike<number>> => (r ? { paths: r.paths, estimate: r.mean, stderr: r.stderr } : {}),
      panels: [
        {
          key: 'estimates',
          title: 'estimates',
          aspect: 0.62,
          legend: [
            { label: 'estimate ± 1.96 SE', color: seriesColor(0), shape: 'dot' },
            { label: 'chain ± 1.96 sd/√N', color: themeColor.band, shape: 'box' },
            { label: 'Euler chain, exact', color: seriesColor(1) },
            { label: 'continuous Vᴷ, exact', color: themeColor.fg, shape: 'dash' },
          ],
          ariaLabel: "Monte Carlo estimates of the policy's value against the number of paths, on a logarithmic axis",
          deps: [r, view],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, {
              x: { domain: view?.x ?? [Math.log10(7), Math.log10(5600)], label: 'number of paths N (log scale)', log: true },
              y: { domain: view?.y ?? [-0.3, -0.2], label: 'V(x₀)' },
            });
            if (!r || !view) return;
            drawBand(svg, { x: view.bx, lower: view.bl, upper: view.bu }, s, {
              ariaLabel: '95% band of a single estimate around the chain value, narrowing like 1 over root N',
            });
            drawLine(svg, { x: view.x, y: [r.chainValue, r.chainValue] }, s, {
              theme,
              color: seriesColor(1),
              ariaLabel: `Exact value of the Euler chain, ${fmt(r.chainValue)}`,
            });
            drawLine(svg, { x: view.x, y: [r.continuousValue, r.continuousValue] }, s, {
              theme,
              color: themeColor.fg,
              dash: '6 4',
              ariaLabel: `Exact continuous value, ${fmt(r.continuousValue)}`,
            });
            drawPoints(svg, { x: view.logN, y: r.mean, err: view.err }, s, {
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
