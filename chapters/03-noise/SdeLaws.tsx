/**
 * Figure: Ornstein–Uhlenbeck or geometric Brownian motion paths (exact transition or Euler–Maruyama), with the
 * exact mean and a z = ±2 quantile band, and the histogram of X_T against the exact density (Gaussian or
 * log-normal). One figure for both models; the preface's OU figure is the template.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawCanvasPaths } from '../../app/plots/canvasPaths.ts';
import { drawHistogram } from '../../app/plots/histogram.ts';
import linearListing from '../../workers/engines/sde.ts?fn=sampleLinearSde1d&code';
import geometricListing from '../../workers/engines/sde.ts?fn=sampleGeometricSde1d&code';
import { lawCurves, logMean } from './laws.ts';
import { LAW_BINS as BINS, LAW_RECORD as RECORD, lawsRequest, lawsSchema } from './schemas.ts';
import { formatGrouped } from '../../app/state/schema.ts';

const HIGHLIGHTED = [0, 1, 2];

export const SdeLaws = defineFigure({
  id: 'sde-laws',
  schema: lawsSchema,
  code: [linearListing, geometricListing],
  request: lawsRequest,
  useView: ({ shown, values }) => {
    const r = shown?.result ?? null;
    // The law drawn beside the paths is the one they were simulated from (before the first result: the controls').
    const p = useMemo(() => shown?.request ?? lawsRequest(values), [shown, values]);
    const gbm = p.model === 'gbm';
    const em = p.scheme === 'em';
    const law = useMemo(
      () => lawCurves({ model: p.model, theta: p.theta, mu: p.mu, sigma: p.sigma, x0: p.x0, T: p.T, steps: p.steps }),
      [p.model, p.theta, p.mu, p.sigma, p.x0, p.T, p.steps],
    );
    const density = useMemo(() => {
      const n = 161;
      const [a, b] = law.histDomain;
      const x = Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
      return { x, y: Float64Array.from(x, law.density) };
    }, [law]);
    const n = r?.final.length ?? 0;
    const logs = useMemo(() => (r && gbm ? logMean(r.final) : null), [r, gbm]);

    const readouts: Readout[] = [];
    if (r) {
      const se = law.standardErrors(Math.max(2, n));
      const emText = (x: number, d: number) => (em ? `; Euler–Maruyama ${x.toFixed(d)}` : '');
      readouts.push(
        { label: 'mean of X(T)', value: r.mean.toFixed(3), detail: `± ${se.mean.toFixed(3)} (exact ${law.end.mean.toFixed(3)}${emText(law.endEm.mean, 3)})` },
        {
          label: 'variance of X(T)',
          value: r.variance.toFixed(4),
          detail: `± ${se.variance.toFixed(4)} (exact ${law.end.variance.toFixed(4)}${emText(law.endEm.variance, 4)})`,
        },
      );
      if (logs) {
        const logItô = Math.log(p.x0) + (p.mu - 0.5 * p.sigma ** 2) * p.T;
        const logNaive = Math.log(p.x0) + p.mu * p.T;
        const logSe = p.sigma * Math.sqrt(p.T / Math.max(1, n));
        const left = logs.nonPositive > 0 ? ` — ${logs.nonPositive} paths ended at or below 0 and are left out` : '';
        readouts.push({
          label: 'mean of log X(T)',
          value: logs.mean.toFixed(3),
          detail: `± ${logSe.toFixed(3)} (Itô ${logItô.toFixed(3)}; naive ${logNaive.toFixed(3)})${left}`,
        });
      }
      readouts.push({
        label: `${gbm ? 'Geometric Brownian motion' : 'Ornstein–Uhlenbeck'}, ${em ? 'Euler–Maruyama' : 'exact transition'}, ${formatGrouped(n, 0)} paths.`,
        secondary: true,
      });
    }

    return {
      readouts,
      controlKeys: values.model === 1 ? ['model', 'scheme', 'mu', 'vol', 's0', 'T', 'paths'] : ['model', 'scheme', 'theta', 'sigma', 'x0', 'T', 'paths'],
      csv: (): Record<string, ArrayLike<number>> =>
        r
          ? { t: r.t, ...Object.fromEntries(HIGHLIGHTED.filter((i) => i < n).map((i) => [`path${i + 1}`, r.paths.subarray(i * RECORD, (i + 1) * RECORD)])) }
          : {},
      panels: [
        {
          key: 'paths',
          title: 'paths',
          aspect: 0.55,
          weight: 2,
          canvas: true,
          legend: [
            { label: 'exact mean', color: 'var(--plot-fg)', shape: 'dash' },
            ...(gbm ? [{ label: 'exact median', color: 'var(--accent)' }] : []),
            { label: 'exact 2.3% and 97.7% quantiles', color: 'var(--plot-fg)', shape: 'dotted' as const },
          ],
          ariaLabel: `Paths of ${gbm ? 'geometric Brownian motion' : 'the Ornstein–Uhlenbeck process'} over [0, ${p.T}] with the exact mean and a quantile band`,
          deps: [r, law],
          draw: (svg, ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, { x: { domain: [0, p.T], label: 'time t' }, y: { domain: law.domain, label: 'Xₜ' } });
            drawBand(svg, { x: law.t, lower: law.lower, upper: law.upper }, s, { ariaLabel: 'Exact 2.3% to 97.7% quantiles' });
            if (ctx && r && r.t.length === RECORD)
              drawCanvasPaths(ctx, { t: r.t, values: r.paths }, s, theme, { highlight: HIGHLIGHTED.filter((i) => i < n), clip: s.frame });
            // The band's edges again above the paths (the band itself lies beneath them).
            drawLine(svg, { x: law.t, y: law.lower }, s, { theme, color: 'var(--plot-fg)', weight: 0.8, dash: '2 3', ariaLabel: 'Exact 2.3% quantile' });
            drawLine(svg, { x: law.t, y: law.upper }, s, { theme, color: 'var(--plot-fg)', weight: 0.8, dash: '2 3', ariaLabel: 'Exact 97.7% quantile' });
            drawLine(svg, { x: law.t, y: law.mean }, s, { theme, color: 'var(--plot-fg)', weight: 1.5, dash: '6 4', ariaLabel: 'Exact mean' });
            if (law.median) drawLine(svg, { x: law.t, y: law.median }, s, { theme, color: 'var(--accent)', weight: 1.8, ariaLabel: 'Exact median' });
          },
        },
        {
          key: 'histogram',
          title: 'histogram',
          aspect: 1.1,
          legend: [{ label: 'exact density', color: 'var(--plot-2)' }],
          ariaLabel: 'Histogram of X_T with the exact density',
          deps: [r, density, law],
          draw: (svg, _ctx, size, theme) => {
            const hist = r && r.edges.length === BINS + 1 ? Array.from(r.density) : [];
            const peak = Math.max(...density.y, ...hist) * 1.08;
            const s = plotAxes(svg, size, theme, { x: { domain: law.histDomain, label: `X(T) at T = ${p.T}` }, y: { domain: [0, peak] } });
            if (r && r.edges.length === BINS + 1) drawHistogram(svg, { edges: r.edges, density: r.density, curve: density }, s, { theme });
          },
        },
      ],
    };
  },
});
