/**
 * Figure: Ornstein–Uhlenbeck or geometric Brownian motion paths (exact transition or Euler–Maruyama), with the
 * exact mean and a z = ±2 quantile band, and the histogram of X_T against the exact density (Gaussian or
 * log-normal). One component for both models; the preface's OU figure is the template.
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
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { Legend } from '../../app/components/Legend.tsx';
import { drawCanvasPaths } from '../../app/plots/canvasPaths.ts';
import { drawHistogram } from '../../app/plots/histogram.ts';
import geometricListing from '../../workers/engines/sde.ts?fn=sampleGeometricSde1d&code';
import linearListing from '../../workers/engines/sde.ts?fn=sampleLinearSde1d&code';
import { lawCurves, logMean } from './laws.ts';
import { LAW_BINS, LAW_RECORD, lawsRequest, lawsSchema } from './schemas.ts';
import { Choice } from './Toggle.tsx';
import './noise.css';

export const lawsParams = defineFigureParams('sde-laws', lawsSchema);

const RECORD = LAW_RECORD;
const BINS = LAW_BINS;
const HIGHLIGHTED = [0, 1, 2];

export function SdeLaws({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const stacked = useMediaQuery('(max-width: 560px)');
  const v = lawsParams.useValues();
  const request = lawsRequest(v);
  const { sim, figure } = useFigureSimulation('sdeLaws', request);
  const r = sim.result;
  const shown = sim.resultParams ?? request;
  const gbm = shown.model === 'gbm';
  const law = useMemo(
    () => lawCurves({ model: shown.model, theta: shown.theta, mu: shown.mu, sigma: shown.sigma, x0: shown.x0, T: shown.T, steps: shown.steps }),
    [shown.model, shown.theta, shown.mu, shown.sigma, shown.x0, shown.T, shown.steps],
  );
  const density = useMemo(() => {
    const n = 161;
    const [a, b] = law.histDomain;
    const x = Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
    return { x, y: Float64Array.from(x, law.density) };
  }, [law]);
  const n = r?.final.length ?? 0;
  const se = law.standardErrors(Math.max(2, n));
  const em = shown.scheme === 'em';
  const logs = useMemo(() => (r && gbm ? logMean(r.final) : null), [r, gbm]);
  const logItô = gbm ? Math.log(shown.x0) + (shown.mu - 0.5 * shown.sigma ** 2) * shown.T : NaN;
  const logNaive = gbm ? Math.log(shown.x0) + shown.mu * shown.T : NaN;
  const logSe = gbm ? shown.sigma * Math.sqrt(shown.T / Math.max(1, n)) : NaN;
  const emText = (x: number, d: number) => (em ? `; Euler–Maruyama chain ${x.toFixed(d)}` : '');
  const stats = r
    ? `${gbm ? 'Geometric Brownian motion' : 'Ornstein–Uhlenbeck'}, ${em ? 'Euler–Maruyama' : 'exact transition'}, ${n} paths: sample mean of X(T) ${r.mean.toFixed(4)} ± ${se.mean.toFixed(4)} (exact ${law.end.mean.toFixed(4)}${emText(law.endEm.mean, 4)}); sample variance ${r.variance.toFixed(4)} ± ${se.variance.toFixed(4)} (exact ${law.end.variance.toFixed(4)}${emText(law.endEm.variance, 4)})` +
      (logs ? `; mean of log X(T) ${logs.mean.toFixed(4)} ± ${logSe.toFixed(4)} (Itô ${logItô.toFixed(4)}, naive ${logNaive.toFixed(4)}).` : '.')
    : '';

  return (
    <Figure
      params={lawsParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[gbm ? geometricListing : linearListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> =>
        r ? { t: r.t, ...Object.fromEntries(HIGHLIGHTED.filter((i) => i < n).map((i) => [`path${i + 1}`, r.paths.subarray(i * RECORD, (i + 1) * RECORD)])) } : {}
      }
      controls={
        <div className="noise-controls">
          <Choice params={lawsParams} name="model" label="Model" options={['Ornstein–Uhlenbeck', 'geometric BM']} />
          <Choice params={lawsParams} name="scheme" label="Scheme" options={['exact transition', 'Euler–Maruyama']} />
          <Controls params={lawsParams} names={v.model === 1 ? ['mu', 'vol', 's0', 'T', 'paths'] : ['theta', 'sigma', 'x0', 'T', 'paths']} />
        </div>
      }
    >
      <div ref={figure.plotRef} className="noise-laws-plots">
        <PlotSurface
          aspect={stacked ? 0.7 : 0.55}
          canvas
          ariaLabel={`Paths of ${gbm ? 'geometric Brownian motion' : 'the Ornstein–Uhlenbeck process'} over [0, ${shown.T}] with the exact mean and a quantile band`}
          deps={[r, law]}
          draw={(svg, ctx, size, theme) => {
            const f = frame(size, { theme, xLabel: 'time t', yLabel: 'X_t', yDomain: law.domain });
            const s = plotScales(f, [0, shown.T], law.domain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'time t', yLabel: 'Xₜ' });
            drawBand(svg, { x: law.t, lower: law.lower, upper: law.upper }, s, { ariaLabel: 'Exact 2.3% to 97.7% quantiles' });
            if (ctx && r && r.t.length === RECORD) drawCanvasPaths(ctx, { t: r.t, values: r.paths }, s, theme, { highlight: HIGHLIGHTED.filter((i) => i < n), clip: f });
            // The band's edges again above the paths (the band itself lies beneath them).
            drawLine(svg, { x: law.t, y: law.lower }, s, { theme, color: 'var(--plot-fg)', weight: 0.8, dash: '2 3', ariaLabel: 'Exact 2.3% quantile' });
            drawLine(svg, { x: law.t, y: law.upper }, s, { theme, color: 'var(--plot-fg)', weight: 0.8, dash: '2 3', ariaLabel: 'Exact 97.7% quantile' });
            drawLine(svg, { x: law.t, y: law.mean }, s, { theme, color: 'var(--plot-fg)', weight: 1.5, dash: '6 4', ariaLabel: 'Exact mean' });
            if (law.median) drawLine(svg, { x: law.t, y: law.median }, s, { theme, color: 'var(--accent)', weight: 1.8, ariaLabel: 'Exact median' });
          }}
        />
        <PlotSurface
          aspect={stacked ? 0.6 : 1.1}
          ariaLabel="Histogram of X_T with the exact density"
          deps={[r, density, law]}
          draw={(svg, _ctx, size, theme) => {
            const hist = r && r.edges.length === BINS + 1 ? Array.from(r.density) : [];
            const peak = Math.max(...density.y, ...hist) * 1.08;
            const f = frame(size, { theme, xLabel: `X(T) at T = ${shown.T}`, yDomain: [0, peak] });
            const s = plotScales(f, law.histDomain, [0, peak], { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: `X(T) at T = ${shown.T}` });
            if (r && r.edges.length === BINS + 1) drawHistogram(svg, { edges: r.edges, density: r.density, curve: density }, s, { theme });
          }}
        />
      </div>
      <Legend
        items={[
          { label: 'exact mean', color: 'var(--plot-fg)', shape: 'dash' as const },
          ...(gbm ? [{ label: 'exact median', color: 'var(--accent)' }] : []),
          { label: 'exact 2.3% and 97.7% quantiles', color: 'var(--plot-fg)', shape: 'dotted' as const },
          { label: 'exact density', color: 'var(--plot-2)' },
        ]}
      />
      {r && (
        <p className="figure-stats">
          <span>
            mean of X(T): <b>{r.mean.toFixed(3)}</b> ± {se.mean.toFixed(3)} (exact {law.end.mean.toFixed(3)}{em ? `; EM ${law.endEm.mean.toFixed(3)}` : ''})
          </span>
          <span>
            variance: <b>{r.variance.toFixed(4)}</b> ± {se.variance.toFixed(4)} (exact {law.end.variance.toFixed(4)}{em ? `; EM ${law.endEm.variance.toFixed(4)}` : ''})
          </span>
          {logs && (
            <span>
              mean of log X(T): <b>{logs.mean.toFixed(3)}</b> ± {logSe.toFixed(3)} (Itô {logItô.toFixed(3)}; naive {logNaive.toFixed(3)})
              {logs.nonPositive > 0 ? ` — ${logs.nonPositive} paths ended at or below 0 and are left out` : ''}
            </span>
          )}
        </p>
      )}
    </Figure>
  );
}
