/**
 * Figure: the sum of squared increments of a Brownian path over partitions of [0, t] with 2^k intervals
 * converges to t; for a smooth function it goes to 0. The total variation sum of the path grows like sqrt(n).
 */
import { type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { finiteExtent, padDomain } from '../../app/plots/scales.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { Legend } from '../../app/components/Legend.tsx';
import sumsListing from '../../workers/engines/brownian.ts?fn=partitionSums&code';
import { QV_MAX_K } from '../../workers/tasks/noise.ts';
import { qvRequest, qvSchema } from './schemas.ts';
import { drawPoints } from '../../app/plots/points.ts';
import './noise.css';

export const qvParams = defineFigureParams('quadratic-variation', qvSchema);

const KS = Array.from({ length: QV_MAX_K + 1 }, (_, j) => j);

export function QuadraticVariation({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const v = qvParams.useValues();
  const request = qvRequest(v);
  const { sim, figure } = useFigureSimulation('noiseQuadraticVariation', request);
  const r = sim.result;
  const k = sim.resultParams?.k ?? v.k;
  const t = r?.t ?? v.t;
  // Sum of n squared N(0, t/n): mean t, standard deviation t sqrt(2/n).
  const qvTop = Math.max(2.2 * t, ...(r ? Array.from(r.qvBrownian) : []), ...(r ? Array.from(r.qvSmooth) : [])) * 1.05;
  // The band is clipped to the plot's range (at k = 0 it would reach below 0).
  const bandLo = KS.map((j) => Math.max(0, t - 2 * t * Math.sqrt(2 / 2 ** j)));
  const bandHi = KS.map((j) => Math.min(qvTop, t + 2 * t * Math.sqrt(2 / 2 ** j)));
  const pathDomain = padDomain(finiteExtent(r?.path ?? [], r?.smooth ?? []) ?? [-1, 1], 0.05);
  const n = 2 ** k;
  const stats = r
    ? `Over [0, ${t.toFixed(2)}] with n = ${n} intervals: Brownian sum of squared increments ${r.qvBrownian[k].toFixed(4)} (expected ${t.toFixed(2)} ± ${(t * Math.sqrt(2 / n)).toFixed(4)}), smooth function ${r.qvSmooth[k].toExponential(2)}; total variation sums ${r.tvBrownian[k].toFixed(2)} (Brownian, expected ${Math.sqrt((2 * n * t) / Math.PI).toFixed(2)}) and ${r.tvSmooth[k].toFixed(3)} (smooth).`
    : '';

  return (
    <Figure
      params={qvParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[sumsListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> => (r ? { n: r.n, qvBrownian: r.qvBrownian, qvSmooth: r.qvSmooth, tvBrownian: r.tvBrownian, tvSmooth: r.tvSmooth } : {})}
      controls={<Controls params={qvParams} />}
    >
      <div ref={figure.plotRef} className="noise-two-plots">
        <div>
          <p className="noise-plot-title">
            The path and a partition into n = {n} intervals{n > 256 ? ' (chords drawn up to n = 256)' : ''}
          </p>
          <PlotSurface
            aspect={0.75}
            ariaLabel={`A Brownian path on [0, ${t}], a smooth function, and the partition with ${n} intervals`}
            deps={[r, pathDomain[0], pathDomain[1]]}
            draw={(svg, _ctx, size, theme) => {
              const f = frame(size, { theme, xLabel: 'time s', yDomain: pathDomain });
              const s = plotScales(f, [0, t], pathDomain, { nice: false });
              drawAxes(svg, s, f, { theme, xLabel: 'time s' });
              if (!r) return;
              drawLine(svg, { x: r.pathT, y: r.smooth }, s, { theme, color: 'var(--plot-3)', ariaLabel: 'Smooth function 0.6 sin(2πs)' });
              drawLine(svg, { x: r.pathT, y: r.path }, s, { theme, color: 'var(--plot-1)', weight: 0.6, ariaLabel: 'Brownian path' });
              if (r.partitionT.length <= 257) {
                drawLine(svg, { x: r.partitionT, y: r.partition }, s, { theme, color: 'var(--accent)', weight: 1.2, ariaLabel: 'Chords of the partition' });
                drawPoints(svg, { x: r.partitionT, y: r.partition }, s, { theme, color: 'var(--accent)', radius: Math.max(1.5, theme.strokeWidth * 1.5) / theme.fontSize });
              }
            }}
          />
        </div>
        <div>
          <p className="noise-plot-title">Sum of squared increments against k</p>
          <PlotSurface
            aspect={0.75}
            ariaLabel="Sum of squared increments against the partition level, for the Brownian path and the smooth function"
            deps={[r, t, k, qvTop]}
            draw={(svg, _ctx, size, theme) => {
              const f = frame(size, { theme, xLabel: 'k (n = 2ᵏ intervals)', yDomain: [0, qvTop] });
              const s = plotScales(f, [0, QV_MAX_K], [0, qvTop], { nice: false });
              drawAxes(svg, s, f, { theme, xLabel: 'k (n = 2ᵏ intervals)' });
              drawBand(svg, { x: KS, lower: bandLo, upper: bandHi }, s, { ariaLabel: 'Two standard deviations around t' });
              drawLine(svg, { x: [0, QV_MAX_K], y: [t, t] }, s, { theme, color: 'var(--plot-fg)', dash: '6 4', ariaLabel: `The limit t = ${t}` });
              drawLine(svg, { x: [k, k], y: [0, qvTop] }, s, { theme, color: 'var(--accent)', weight: 0.6, dash: '2 3', ariaLabel: `The partition shown, k = ${k}` });
              if (!r) return;
              drawLine(svg, { x: KS, y: r.qvBrownian }, s, { theme, color: 'var(--plot-1)', ariaLabel: 'Brownian path' });
              drawPoints(svg, { x: KS, y: r.qvBrownian }, s, { theme, color: 'var(--plot-1)', radius: (theme.strokeWidth * 2) / theme.fontSize });
              drawLine(svg, { x: KS, y: r.qvSmooth }, s, { theme, color: 'var(--plot-3)', ariaLabel: 'Smooth function' });
              drawPoints(svg, { x: KS, y: r.qvSmooth }, s, { theme, color: 'var(--plot-3)', radius: (theme.strokeWidth * 2) / theme.fontSize });
            }}
          />
        </div>
      </div>
      <Legend
        items={[
          { label: 'Brownian path', color: 'var(--plot-1)' },
          { label: 'smooth 0.6 sin(2πs)', color: 'var(--plot-3)' },
          { label: 'partition chords', color: 'var(--accent)' },
          { label: 'limit t', color: 'var(--plot-fg)', shape: 'dash' },
          { label: '± 2 standard deviations', color: 'var(--plot-band)', shape: 'box' },
        ]}
      />
      {r && (
        <p className="figure-stats">
          <span>
            n = {n}: Σ(ΔW)² = <b>{r.qvBrownian[k].toFixed(4)}</b> (t = {t.toFixed(2)} ± {(t * Math.sqrt(2 / n)).toFixed(4)})
          </span>
          <span>
            smooth Σ(Δf)² = <b>{r.qvSmooth[k].toExponential(2)}</b>
          </span>
          <span>
            Σ|ΔW| = <b>{r.tvBrownian[k].toFixed(2)}</b> (≈ √(2nt/π) = {Math.sqrt((2 * n * t) / Math.PI).toFixed(2)}), Σ|Δf| = {r.tvSmooth[k].toFixed(3)}
          </span>
        </p>
      )}
    </Figure>
  );
}
