/**
 * Figure: the verification identity J(u) = V + 1/2 E int |u - u*|^2 for the scaled controls u = lambda u*, lambda
 * from 1/4 to 2 on a log axis: the Monte Carlo cost with ±2 SE, the exact E V(X_0, 0) and V + gap; beside it the
 * identity's residual from the three averages and in its pathwise form, relative to J, each with ±2 SE.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes, type AxisSpec } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { decadeTicks, formatDecade } from '../../app/plots/logTicks.ts';
import costListing from '../../workers/engines/diffusion/control.ts?fn=controlCost&code';
import { lambdaGrid } from '../../workers/engines/diffusion/dcSetup.ts';
import type { DcVerificationResult } from '../../workers/tasks/diffusionControl.ts';
import { fmt } from './model.ts';
import { seedParam } from '../../app/state/schema.ts';

/** The control scales: 7 points log-spaced from 1/4 to 2 (1 is the middle but one). */
export const LAMBDAS = lambdaGrid(0.25, 2, 7);

const log10 = (a: ArrayLike<number>) => Float64Array.from(a, Math.log10);
const fmtLambda = (v: number) => (v < 1 ? String(v) : v.toFixed(0));
/** The lambda axis: log10 units, ticks at 1/4, 1/2, 1, 2. */
const LAMBDA_AXIS: AxisSpec = {
  domain: [Math.log10(0.21), Math.log10(2.4)],
  label: 'control scale λ (log)',
  ticks: [0.25, 0.5, 1, 2].map(Math.log10),
  format: (v) => fmtLambda(Number((10 ** v).toPrecision(6))),
  log: true,
};
const LAMBDA_ENDS = LAMBDA_AXIS.domain as [number, number];

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

export const DcVerification = defineFigure({
  id: 'dc-verification',
  schema: {
    particles: { label: 'paths per control', symbol: 'N', min: 100, max: 5000, step: 100, default: 500, integer: true, log: true },
    steps: { label: 'Euler–Maruyama steps', symbol: 'K', min: 100, max: 5000, step: 100, default: 2000, integer: true, log: true },
    seed: seedParam(),
  },
  code: [costListing],
  request: (v) => ({ lambdas: LAMBDAS, particles: v.particles, steps: v.steps, seed: v.seed }),
  // While a slider moves, an eighth of the paths (at least 100) answers first; the wider error bars say so.
  preview: (request) => ({ ...request, particles: Math.max(100, Math.round(request.particles / 8)) }),
  useView: ({ shown }) => {
    const r = shown?.result ?? null;

    // Everything in log10 units where the axis is logarithmic.
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
        y: [lo / 1.5, hi * 1.5] as [number, number],
        lambda: log10(r.lambda),
        sum: log10(sum),
        cost: log10(r.cost),
        costLo: Float64Array.from(r.cost, (c, k) => Math.log10(c - 2 * r.costSe[k])),
        costHi: Float64Array.from(r.cost, (c, k) => Math.log10(c + 2 * r.costSe[k])),
        relId,
        relIdSe,
        relPw,
        relPwSe,
        ry: [rlo - pad, rhi + pad] as [number, number],
        xId: Float64Array.from(r.lambda, (l) => Math.log10(l / 1.04)),
        xPw: Float64Array.from(r.lambda, (l) => Math.log10(l * 1.04)),
      };
    }, [r]);

    const k1 = r ? optimumIndex(r) : 0;
    const ratios = r ? seRatios(r) : [0, 0];
    const last = r ? r.lambda.length - 1 : 0;

    return {
      readouts: r
        ? [
            { label: 'J', value: fmt(r.cost[k1], 3), detail: `± ${fmt(2 * r.costSe[k1], 3)} at λ = 1, against V = ${fmt(r.value[k1], 3)}` },
            {
              label: 'pathwise residual',
              value: `${fmt(r.pathwise[k1], 4)} ± ${fmt(2 * r.pathwiseSe[k1], 4)}`,
              detail: `at λ = 1; from the averages ${fmt(r.identity[k1], 3)} ± ${fmt(2 * r.identitySe[k1], 3)}`,
            },
            { label: 'SE ratio', value: `${ratios[0].toFixed(0)}–${ratios[1].toFixed(0)}×`, detail: '(the pathwise one is tighter)' },
            { label: 'cost at λ = 2 and at λ = 1/4', value: `${fmt(r.cost[last], 3)} and ${fmt(r.cost[0], 1)}`, secondary: true },
          ]
        : [],
      csv: (): Record<string, ArrayLike<number>> =>
        r
          ? {
              lambda: r.lambda,
              cost: r.cost,
              costSe: r.costSe,
              value: r.value,
              gap: r.gap,
              identity: r.identity,
              identitySe: r.identitySe,
              pathwise: r.pathwise,
              pathwiseSe: r.pathwiseSe,
            }
          : {},
      panels: [
        {
          key: 'cost',
          title: 'cost',
          aspect: 0.9,
          legend: [
            { label: 'cost J ± 2 SE', color: 'var(--plot-1)', shape: 'dot' },
            { label: 'E V(X₀, 0)', color: 'var(--plot-fg)', shape: 'dash' },
            { label: 'V + ½ E∫|u − u*|²', color: 'var(--plot-2)' },
          ],
          ariaLabel: 'Cost of the control lambda times the optimal control against lambda, both axes logarithmic, with the value and value plus gap',
          deps: [r, view],
          draw: (svg, _ctx, size, theme) => {
            const [ylo, yhi] = view?.y ?? [1, 1000];
            const s = plotAxes(svg, size, theme, {
              x: LAMBDA_AXIS,
              y: {
                domain: [Math.log10(ylo), Math.log10(yhi)],
                label: 'cost (log)',
                ticks: decadeTicks(ylo, yhi).map(Math.log10),
                format: (v) => formatDecade(10 ** v),
                log: true,
              },
            });
            if (!r || !view) return;
            const v1 = Math.log10(r.value[k1]);
            drawLine(svg, { x: LAMBDA_ENDS, y: [v1, v1] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: `E V(X₀, 0) = ${fmt(r.value[k1], 3)}` });
            drawLine(svg, { x: view.lambda, y: view.sum }, s, {
              theme,
              color: seriesColor(1),
              ariaLabel: 'V plus one half the expected integral of |u − u*|²',
            });
            drawPoints(svg, { x: view.lambda, y: view.cost, lo: view.costLo, hi: view.costHi }, s, {
              theme,
              color: seriesColor(0),
              ariaLabel: 'Monte Carlo cost J with ±2 standard errors',
            });
          },
        },
        {
          key: 'residual',
          title: 'residual',
          aspect: 0.9,
          legend: [
            { label: 'residual of the averages', color: 'var(--plot-3)', shape: 'square' },
            { label: 'pathwise residual', color: 'var(--plot-1)', shape: 'dot' },
          ],
          ariaLabel: 'Residual of the verification identity relative to the cost, from the averages and pathwise, against lambda',
          deps: [r, view],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, { x: LAMBDA_AXIS, y: { domain: view?.ry ?? [-0.1, 0.1], label: 'residual / J' } });
            drawLine(svg, { x: LAMBDA_ENDS, y: [0, 0] }, s, { theme, color: themeColor.fg, dash: '3 3', ariaLabel: 'zero' });
            if (!r || !view) return;
            drawPoints(svg, { x: view.xId, y: view.relId, err: view.relIdSe }, s, {
              theme,
              color: seriesColor(2),
              shape: 'square',
              ariaLabel: 'Residual J − V − gap from the three averages, ±2 SE, relative to J',
            });
            drawPoints(svg, { x: view.xPw, y: view.relPw, err: view.relPwSe }, s, {
              theme,
              color: seriesColor(0),
              ariaLabel: 'Pathwise residual, ±2 SE, relative to J',
            });
          },
        },
      ],
    };
  },
});
