/**
 * Figure: Monte Carlo estimates of V^K(x0) for N = 10, 20, 40, ... paths (independent runs), each with its 95%
 * confidence interval, against the exact value of the Euler chain (what the estimator converges to) and the
 * continuous value; the band chain ± 1.96 sd/sqrt(N) narrows like 1/sqrt(N).
 */
import { useMemo, type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { drawPoints, logScale } from '../../app/plots/points.ts';
import { decadeTicks, formatDecade } from '../../app/plots/logTicks.ts';
import mcListing from '../../workers/engines/feynmanKac.ts?fn=evaluatePolicyMC&code';
import type { FkVersusNParams } from '../../workers/tasks/feynmanKac.ts';
import { HORIZON, continuousValue, fmt, optimum, pct, post } from './model.ts';
import './feynmanKac.css';
import { Legend } from '../../app/components/Legend.tsx';

export const fkPathsParams = defineFigureParams('fk-paths', {
  K: { label: 'feedback gain', symbol: 'K', min: -1, max: 10, step: 0.01, default: optimum.K },
  x0: { label: 'start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 1 },
  paths: { label: 'largest number of paths', symbol: 'N', min: 20, max: 20000, step: 10, default: 4000, integer: true, log: true },
  dt: { label: 'time step', symbol: 'Δt', min: 0.005, max: 0.2, step: 0.005, default: 0.01 },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

const Z95 = 1.96;

export function FkVersusN({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const v = fkPathsParams.useValues();
  const request: FkVersusNParams = { params: post, K: v.K, x0: v.x0, dt: v.dt, T: HORIZON, maxPaths: v.paths, seed: v.seed };
  const cont = continuousValue(v.K, v.x0);
  const { sim, figure } = useFigureSimulation('fkVersusN', request, {
    blocked: 'error' in cont ? `This gain gives no finite value: ${cont.error}.` : null,
  });
  const r = figure.status === 'error' ? null : sim.result;

  const view = useMemo(() => {
    if (!r) return null;
    const n = r.paths.length;
    const last = n - 1;
    const sd = r.stderr[last] * Math.sqrt(r.paths[last]);
    const lo = r.paths[0] / 1.4;
    const hi = r.paths[last] * 1.4;
    const m = 60;
    const bx = new Float64Array(m);
    const bl = new Float64Array(m);
    const bu = new Float64Array(m);
    const b0 = r.paths[0];
    const b1 = r.paths[last];
    for (let i = 0; i < m; i++) {
      bx[i] = b0 * Math.pow(b1 / b0, i / (m - 1));
      bl[i] = r.chainValue - (Z95 * sd) / Math.sqrt(bx[i]);
      bu[i] = r.chainValue + (Z95 * sd) / Math.sqrt(bx[i]);
    }
    const err = r.stderr.map((s) => Z95 * s);
    let ylo = Math.min(r.chainValue, r.continuousValue, bl[0]);
    let yhi = Math.max(r.chainValue, r.continuousValue, bu[0]);
    for (let i = 0; i < n; i++) {
      ylo = Math.min(ylo, r.mean[i] - err[i]);
      yhi = Math.max(yhi, r.mean[i] + err[i]);
    }
    const pad = 0.06 * (yhi - ylo || 1e-3);
    return { bx, bl, bu, err, sd, x: [lo, hi] as [number, number], y: [ylo - pad, yhi + pad] as [number, number] };
  }, [r]);

  const last = r ? r.paths.length - 1 : 0;
  const stats = r
    ? `With N = ${r.paths[last].toLocaleString('en-US')} paths the estimate of V^K(x0) is ${fmt(r.mean[last])} ± ${fmt(Z95 * r.stderr[last])} (95%); ` +
      `the Euler chain's exact value at dt = ${request.dt} is ${fmt(r.chainValue)}, the continuous value ${fmt(r.continuousValue)} (chain bias ${pct(r.relativeBias)}).`
    : '';

  return (
    <Figure
      params={fkPathsParams}
      number={number}
      anchor={anchor}
      caption={children}
      {...figure}
      code={[mcListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> => (r ? { paths: r.paths, estimate: r.mean, stderr: r.stderr } : {})}
      controls={<Controls params={fkPathsParams} />}
    >
      <div ref={figure.plotRef}>
        <PlotSurface
          aspect={0.62}
          ariaLabel="Monte Carlo estimates of the policy's value against the number of paths, on a logarithmic axis"
          deps={[r, view]}
          draw={(svg, _ctx, size, theme) => {
            const yDomain = view?.y ?? [-0.3, -0.2];
            const xDomain = view?.x ?? [7, 5600];
            const f = frame(size, { theme, xLabel: 'number of paths N', yLabel: 'value', yDomain });
            const s = { x: logScale(xDomain, [f.left, f.right]), y: plotScales(f, [0, 1], yDomain, { nice: false }).y };
            drawAxes(svg, s, f, { theme, xLabel: 'number of paths N (log scale)', yLabel: 'V(x₀)', xTicks: decadeTicks(xDomain[0], xDomain[1]), xFormat: formatDecade });
            if (!r || !view) return;
            drawBand(svg, { x: view.bx, lower: view.bl, upper: view.bu }, s, { ariaLabel: '95% band of a single estimate around the chain value, narrowing like 1 over root N' });
            drawLine(svg, { x: view.x, y: [r.chainValue, r.chainValue] }, s, { theme, color: seriesColor(1), ariaLabel: `Exact value of the Euler chain, ${fmt(r.chainValue)}` });
            drawLine(svg, { x: view.x, y: [r.continuousValue, r.continuousValue] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `Exact continuous value, ${fmt(r.continuousValue)}` });
            drawPoints(svg, { x: r.paths, y: r.mean, err: view.err }, s, { theme, color: seriesColor(0), ariaLabel: 'Estimates with 95% confidence intervals' });
          }}
        />
      </div>
      <Legend className="fk-legend" items={[
        { label: 'estimate ± 1.96 SE', color: 'var(--plot-1)', shape: 'dot' },
        { label: 'chain ± 1.96 sd/√N', color: 'var(--plot-band)', shape: 'box' },
        { label: 'Euler chain, exact', color: 'var(--plot-2)' },
        { label: <>continuous V<sup>K</sup>, exact</>, color: 'var(--plot-fg)', shape: 'dash' },
      ]} />
      {r && (
        <p className="figure-stats">
          <span>
            N = {r.paths[last].toLocaleString('en-US')}: <b>{fmt(r.mean[last])}</b> ± {fmt(Z95 * r.stderr[last])}
          </span>
          <span>
            chain (Δt = {request.dt}) {fmt(r.chainValue)}; continuous {fmt(r.continuousValue)}; bias {pct(r.relativeBias)}
          </span>
        </p>
      )}
    </Figure>
  );
}
