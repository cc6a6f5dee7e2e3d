/**
 * Figure: the verification identity J(u) = V + 1/2 E int |u - u*|^2 for the scaled controls u = lambda u*, lambda
 * from 1/4 to 2 on a log axis: the Monte Carlo cost with ±2 SE, the exact E V(X_0, 0) and V + gap; beside it the
 * identity's residual from the three averages and in its pathwise form, relative to J, each with ±2 SE.
 */
import { useMemo, type ReactNode } from 'react';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { Legend } from '../../app/components/Legend.tsx';
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
import costListing from '../../workers/engines/diffusion/control.ts?fn=controlCost&code';
import type { DcVerificationResult } from '../../workers/tasks/diffusionControl.ts';
import { verificationParams, verificationRequest } from './params.ts';
import { fmt } from './model.ts';
import './diffusionControl.css';

const LAMBDA_DOMAIN: [number, number] = [0.21, 2.4];
const LAMBDA_TICKS = [0.25, 0.5, 1, 2];
const fmtLambda = (v: number) => (v < 1 ? String(v) : v.toFixed(0));

/** Index of lambda = 1 in a result (the grid holds it up to rounding). */
export function optimumIndex(r: DcVerificationResult): number {
  let best = 0;
  for (let k = 1; k < r.lambda.length; k++) if (Math.abs(Math.log(r.lambda[k])) < Math.abs(Math.log(r.lambda[best]))) best = k;
  return best;
}

/** The ratio of the two residuals' standard errors, smallest and largest over the lambdas. */
export function seRatios(r: DcVerificationResult): [number, number] {
  let lo = Infinity;
  let hi = 0;
  for (let k = 0; k < r.lambda.length; k++) {
    const q = r.identitySe[k] / r.pathwiseSe[k];
    lo = Math.min(lo, q);
    hi = Math.max(hi, q);
  }
  return [lo, hi];
}

export function DcVerification({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const stacked = useMediaQuery('(max-width: 700px)');
  const v = verificationParams.useValues();
  const request = verificationRequest(v);
  // While a slider moves, an eighth of the paths (at least 100) answers first; the wider error bars say so.
  const { sim, figure } = useFigureSimulation('dcVerification', request, { preview: { ...request, particles: Math.max(100, Math.round(request.particles / 8)) } });
  const r = sim.status === 'error' ? null : sim.result;

  const view = useMemo(() => {
    if (!r) return null;
    const n = r.lambda.length;
    const sum = Float64Array.from(r.value, (val, k) => val + r.gap[k]);
    let lo = Infinity;
    let hi = 0;
    for (let k = 0; k < n; k++) {
      lo = Math.min(lo, r.value[k], r.cost[k] - 2 * r.costSe[k], sum[k]);
      hi = Math.max(hi, r.cost[k] + 2 * r.costSe[k], sum[k]);
    }
    lo = Math.max(lo, 1e-3);
    const relId = Float64Array.from(r.identity, (x, k) => x / r.cost[k]);
    const relIdSe = Float64Array.from(r.identitySe, (x, k) => (2 * x) / r.cost[k]);
    const relPw = Float64Array.from(r.pathwise, (x, k) => x / r.cost[k]);
    const relPwSe = Float64Array.from(r.pathwiseSe, (x, k) => (2 * x) / r.cost[k]);
    let rlo = 0;
    let rhi = 0;
    for (let k = 0; k < n; k++) {
      rlo = Math.min(rlo, relId[k] - relIdSe[k], relPw[k] - relPwSe[k]);
      rhi = Math.max(rhi, relId[k] + relIdSe[k], relPw[k] + relPwSe[k]);
    }
    const pad = 0.08 * (rhi - rlo || 0.01);
    return {
      sum, y: [lo / 1.5, hi * 1.5] as [number, number], err: Float64Array.from(r.costSe, (s) => 2 * s),
      relId, relIdSe, relPw, relPwSe, ry: [rlo - pad, rhi + pad] as [number, number],
      xId: Float64Array.from(r.lambda, (l) => l / 1.04), xPw: Float64Array.from(r.lambda, (l) => l * 1.04),
    };
  }, [r]);

  const k1 = r ? optimumIndex(r) : 0;
  const ratios = r ? seRatios(r) : [0, 0];
  const stats = r
    ? `At λ = 1 the cost is ${fmt(r.cost[k1], 3)} ± ${fmt(2 * r.costSe[k1], 3)} against V = ${fmt(r.value[k1], 3)}; at λ = 2 it is ${fmt(r.cost[r.lambda.length - 1], 3)}, at λ = 1/4 ${fmt(r.cost[0], 1)}. ` +
      `The pathwise residual at λ = 1 is ${fmt(r.pathwise[k1], 4)} ± ${fmt(2 * r.pathwiseSe[k1], 4)}, the residual of the averages ${fmt(r.identity[k1], 3)} ± ${fmt(2 * r.identitySe[k1], 3)}; ` +
      `the pathwise standard error is ${ratios[0].toFixed(0)} to ${ratios[1].toFixed(0)} times smaller.`
    : '';

  return (
    <Figure
      params={verificationParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[costListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> =>
        r ? { lambda: r.lambda, cost: r.cost, costSe: r.costSe, value: r.value, gap: r.gap, identity: r.identity, identitySe: r.identitySe, pathwise: r.pathwise, pathwiseSe: r.pathwiseSe } : {}}
      controls={<Controls params={verificationParams} />}
    >
      <div ref={figure.plotRef} className="dc-pair">
        <PlotSurface
          aspect={stacked ? 0.75 : 0.9}
          ariaLabel="Cost of the control lambda times the optimal control against lambda, both axes logarithmic, with the value and value plus gap"
          deps={[r, view]}
          draw={(svg, _ctx, size, theme) => {
            const yDomain = view?.y ?? [1, 1000];
            const f = frame(size, { theme, xLabel: 'λ', yLabel: 'cost', yDomain, yTickLabels: decadeTicks(yDomain[0], yDomain[1]).map(formatDecade) });
            const s = { x: logScale(LAMBDA_DOMAIN, [f.left, f.right]), y: logScale(yDomain, [f.bottom, f.top]) };
            drawAxes(svg, s, f, { theme, xLabel: 'control scale λ (log)', yLabel: 'cost (log)', xTicks: LAMBDA_TICKS, xFormat: fmtLambda, yTicks: decadeTicks(yDomain[0], yDomain[1]), yFormat: formatDecade });
            if (!r || !view) return;
            drawLine(svg, { x: LAMBDA_DOMAIN, y: [r.value[k1], r.value[k1]] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `E V(X₀, 0) = ${fmt(r.value[k1], 3)}` });
            drawLine(svg, { x: r.lambda, y: view.sum }, s, { theme, color: seriesColor(1), ariaLabel: 'V plus one half the expected integral of |u − u*|²' });
            drawPoints(svg, { x: r.lambda, y: r.cost, err: view.err }, s, { theme, color: seriesColor(0), ariaLabel: 'Monte Carlo cost J with ±2 standard errors' });
          }}
        />
        <PlotSurface
          aspect={stacked ? 0.75 : 0.9}
          ariaLabel="Residual of the verification identity relative to the cost, from the averages and pathwise, against lambda"
          deps={[r, view]}
          draw={(svg, _ctx, size, theme) => {
            const yDomain = view?.ry ?? [-0.1, 0.1];
            const f = frame(size, { theme, xLabel: 'λ', yLabel: 'residual / J', yDomain });
            const s = { x: logScale(LAMBDA_DOMAIN, [f.left, f.right]), y: plotScales(f, [0, 1], yDomain, { nice: false }).y };
            drawAxes(svg, s, f, { theme, xLabel: 'control scale λ (log)', yLabel: 'residual / J', xTicks: LAMBDA_TICKS, xFormat: fmtLambda });
            drawLine(svg, { x: LAMBDA_DOMAIN, y: [0, 0] }, s, { theme, color: themeColor.fg, dash: '3 3', ariaLabel: 'zero' });
            if (!r || !view) return;
            drawPoints(svg, { x: view.xId, y: view.relId, err: view.relIdSe }, s, { theme, color: seriesColor(2), shape: 'square', ariaLabel: 'Residual J − V − gap from the three averages, ±2 SE, relative to J' });
            drawPoints(svg, { x: view.xPw, y: view.relPw, err: view.relPwSe }, s, { theme, color: seriesColor(0), ariaLabel: 'Pathwise residual, ±2 SE, relative to J' });
          }}
        />
      </div>
      <Legend items={[
        { label: 'cost J ± 2 SE', color: 'var(--plot-1)', shape: 'dot' },
        { label: 'E V(X₀, 0)', color: 'var(--plot-fg)', shape: 'dash' },
        { label: 'V + ½ E∫|u − u*|²', color: 'var(--plot-2)' },
        { label: 'residual of the averages', color: 'var(--plot-3)', shape: 'square' },
        { label: 'pathwise residual', color: 'var(--plot-1)', shape: 'dot' },
      ]} />
      {r && (
        <p className="figure-stats">
          <span>
            λ = 1: J = <b>{fmt(r.cost[k1], 3)}</b> ± {fmt(2 * r.costSe[k1], 3)}, V = {fmt(r.value[k1], 3)}
          </span>
          <span>
            pathwise residual {fmt(r.pathwise[k1], 4)} ± {fmt(2 * r.pathwiseSe[k1], 4)}; averages {fmt(r.identity[k1], 3)} ± {fmt(2 * r.identitySe[k1], 3)}
          </span>
          <span>SE ratio {ratios[0].toFixed(0)}–{ratios[1].toFixed(0)}×</span>
        </p>
      )}
    </Figure>
  );
}
