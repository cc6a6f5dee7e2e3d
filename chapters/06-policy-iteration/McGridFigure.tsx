/**
 * Figure: the Kushner–Dupuis Markov-chain approximation of the LQR's HJB equation on a grid of spacing h, solved in
 * the worker. Left: V_h on [-L, L] against the closed-form V. Right: the sup error on |x| <= 1 against h on log–log
 * axes (first order), with the chosen h marked.
 */
import { useMemo, type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { useMediaQuery } from '../../app/state/settings.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { drawPoints, logScale } from '../../app/plots/points.ts';
import { decadeTicks, formatDecade } from '../../app/plots/logTicks.ts';
import mcListing from '../../workers/engines/markovChain.ts?fn=markovChainHjbJob&code';
import { lqrDiscounted } from '../../workers/engines/lqr.ts';
import type { McGridParams } from '../../workers/tasks/policyIteration.ts';
import { post } from '../05-feynman-kac/model.ts';
import './policyIteration.css';
import { Legend } from '../../app/components/Legend.tsx';

export const mcGridParams = defineFigureParams('mc-grid', {
  h: { label: 'grid spacing', symbol: 'h', min: 0.00625, max: 0.4, step: 0.001, default: 0.1, log: true },
  L: { label: 'grid half-width', symbol: 'L', min: 2, max: 8, step: 1, default: 4, integer: true },
  sigma: { label: 'noise', symbol: 'σ', min: 0.05, max: 1, step: 0.05, default: 0.3 },
});

/** The spacings of the convergence sweep: 0.4, 0.2, ..., 0.00625 (each divides 2L for integer L). */
export const HS = [0.4, 0.2, 0.1, 0.05, 0.025, 0.0125, 0.00625];
/** The sup error is measured on |x| <= WINDOW, away from the reflecting ends. */
export const WINDOW = 1;

export function McGridFigure({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const stacked = useMediaQuery('(max-width: 560px)');
  const v = mcGridParams.useValues();
  const params = { ...post, sigma: v.sigma };
  const request: McGridParams = { params, L: v.L, h: v.h, hs: HS, window: WINDOW };
  const { sim, figure } = useFigureSimulation('mcGrid', request);
  const r = sim.status === 'error' ? null : sim.result;
  const shown = sim.resultParams ?? request;
  const exact = useMemo(() => {
    const { P, c } = lqrDiscounted(shown.params);
    const m = 161;
    const x = new Float64Array(m);
    const y = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      x[i] = -shown.L + (2 * shown.L * i) / (m - 1);
      y[i] = -0.5 * P * x[i] * x[i] - c;
    }
    return { x, y, P, c };
  }, [shown.params, shown.L]);

  const ratios = r ? Array.from(r.errors.subarray(1), (e, k) => r.errors[k] / e) : [];
  const stats = r
    ? `On a grid of spacing h = ${r.h.toPrecision(3)} over [−${shown.L}, ${shown.L}] the sup error of V_h on |x| ≤ ${WINDOW} is ${r.error.toExponential(2)}; ` +
      `error ratios per halving of h: ${ratios.map((q) => q.toFixed(2)).join(', ')} (first order: 2).`
    : '';

  return (
    <Figure
      params={mcGridParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[mcListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> => (r ? { x: r.x, Vh: r.V } : {})}
      controls={<Controls params={mcGridParams} />}
    >
      <div ref={figure.plotRef} className="pi-wrap">
        <div className="pi-plots">
        <PlotSurface
          aspect={stacked ? 0.75 : 0.85}
          ariaLabel="The Markov-chain value V_h on the grid against the closed-form value"
          deps={[r, exact]}
          draw={(svg, _ctx, size, theme) => {
            let lo = Math.min(...exact.y);
            if (r) for (const y of r.V) lo = Math.min(lo, y);
            const hi = Math.max(...exact.y);
            const pad = 0.05 * (hi - lo);
            const yDomain: [number, number] = [lo - pad, hi + pad];
            const f = frame(size, { theme, xLabel: 'x', yLabel: 'V', yDomain });
            const s = plotScales(f, [-shown.L, shown.L], yDomain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'state x', yLabel: 'V(x)' });
            drawLine(svg, { x: [-WINDOW, -WINDOW], y: yDomain }, s, { theme, color: themeColor.muted, weight: 0.5, dash: '2 3', ariaLabel: 'Left end of the error window' });
            drawLine(svg, { x: [WINDOW, WINDOW], y: yDomain }, s, { theme, color: themeColor.muted, weight: 0.5, dash: '2 3', ariaLabel: 'Right end of the error window' });
            if (r && r.x.length <= 81) drawPoints(svg, { x: r.x, y: r.V }, s, { theme, color: seriesColor(0), radius: 0.22, ariaLabel: 'V_h at the grid points' });
            else if (r) drawLine(svg, { x: r.x, y: r.V }, s, { theme, color: seriesColor(0), ariaLabel: 'V_h on the grid' });
            drawLine(svg, exact, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'Closed-form value V' });
          }}
        />
        <PlotSurface
          aspect={stacked ? 0.75 : 0.85}
          ariaLabel="Sup error of the Markov-chain approximation against the grid spacing, log–log"
          deps={[r]}
          draw={(svg, _ctx, size, theme) => {
            const xDomain: [number, number] = [0.005, 0.5];
            let lo = 1e-3;
            let hi = 1;
            if (r) {
              lo = Math.min(...r.errors, r.error) / 2;
              hi = Math.max(...r.errors, r.error) * 2;
            }
            const yDomain: [number, number] = [lo, hi];
            const f = frame(size, { theme, xLabel: 'h', yLabel: 'error', yDomain: [0.001, 0.01] });
            const s = { x: logScale(xDomain, [f.left, f.right]), y: logScale(yDomain, [f.bottom, f.top]) };
            const xt = [0.01, 0.1];
            drawAxes(svg, s, f, { theme, xLabel: 'grid spacing h (log)', yLabel: `sup error, |x| ≤ ${WINDOW}`, xTicks: xt, xFormat: (x) => String(x), yTicks: decadeTicks(lo, hi, 5), yFormat: formatDecade });
            if (!r) return;
            // Reference slope 1 through the finest point.
            const k = r.errors.length - 1;
            const C = r.errors[k] / r.hs[k];
            drawLine(svg, { x: xDomain, y: xDomain.map((h) => C * h) }, s, { theme, color: themeColor.muted, dash: '3 3', ariaLabel: 'Reference line of slope 1' });
            drawLine(svg, { x: r.hs, y: r.errors }, s, { theme, color: seriesColor(0), weight: 0.7, ariaLabel: 'Sup error against h' });
            drawPoints(svg, { x: r.hs, y: r.errors }, s, { theme, color: seriesColor(0), ariaLabel: 'Sup error per grid' });
            drawPoints(svg, { x: [r.h], y: [r.error] }, s, { theme, color: 'var(--accent)', radius: 0.45, shape: 'square', ariaLabel: `Chosen grid h = ${r.h.toPrecision(3)}` });
          }}
        />
        </div>
      </div>
      <Legend className="pi-legend" items={[
        { label: <>V<sub>h</sub> (grid) / sup error</>, color: 'var(--plot-1)', shape: 'dot' },
        { label: 'closed-form V', color: 'var(--plot-fg)', shape: 'dash' },
        { label: 'chosen h', color: 'var(--accent)', shape: 'square' },
        { label: 'slope 1', color: 'var(--plot-muted)', shape: 'dash' },
      ]} />
      {r && (
        <p className="figure-stats">
          <span>
            h = {r.h.toPrecision(3)}: sup error on |x| ≤ {WINDOW} <b>{r.error.toExponential(2)}</b>
          </span>
          <span>ratios per halving: {ratios.map((q) => q.toFixed(2)).join(', ')}</span>
        </p>
      )}
    </Figure>
  );
}
