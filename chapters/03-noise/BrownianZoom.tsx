/**
 * Figure: one Brownian path on [0, 1] and a zoom window of width w = 2^-z, refined by the Lévy midpoint
 * construction (the same path at every depth), optionally rescaled by sqrt(w).
 */
import { type ReactNode } from 'react';
import { defineFigureParams, useFigureState } from '../../app/state/figureParams.ts';
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
import windowListing from '../../workers/engines/brownian.ts?fn=brownianWindow&code';
import normalListing from '../../workers/engines/brownian.ts?fn=bridgeNormal&code';
import { zoomRequest, zoomSchema } from './schemas.ts';
import { Toggle } from './Toggle.tsx';
import './noise.css';

export const zoomParams = defineFigureParams('brownian-zoom', zoomSchema);

/** Power of two as text: 2^-z = 0.0625 (z <= 6) or 2^-z ≈ 1.49e-8. */
function widthText(z: number): string {
  const w = 2 ** -z;
  return z <= 6 ? `= ${w}` : `≈ ${w.toExponential(2)}`;
}

export function BrownianZoom({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const v = zoomParams.useValues();
  const set = useFigureState(zoomParams, (s) => s.set);
  const request = zoomRequest(v);
  const { sim, figure } = useFigureSimulation('noiseBrownianZoom', request);
  const r = sim.result;
  const rescale = v.rescale === 1;

  // The zoomed window as s = (t - t0)/w in [0, 1] and W(t) - W(t0), divided by sqrt(w) when rescaling.
  let zoomX: Float64Array | null = null;
  let zoomY: Float64Array | null = null;
  let domain: [number, number] = [-1, 1];
  if (r) {
    const base = r.window[0];
    const scale = rescale ? 1 / Math.sqrt(r.w) : 1;
    zoomX = Float64Array.from(r.windowT, (t) => (t - r.t0) / r.w);
    zoomY = Float64Array.from(r.window, (x) => (x - base) * scale);
    domain = padDomain(finiteExtent(r.overview, zoomY) ?? [-1, 1], 0.05);
  }
  const stats = r
    ? `Window [t₀, t₀ + w] with t₀ = ${r.t0.toPrecision(6)}, w = 2^-${v.zoom} ${widthText(v.zoom)}. Range of W over the window ${r.range.toPrecision(3)} = ${(r.range / Math.sqrt(r.w)).toFixed(2)} √w; chord slope |W(t₀ + w) − W(t₀)| / w = ${(r.chord / r.w).toPrecision(3)}.`
    : '';

  return (
    <Figure
      params={zoomParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[windowListing, normalListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> => (r && zoomX && zoomY ? { s: zoomX, zoomed: zoomY } : {})}
      controls={
        <div className="noise-controls">
          <div className="noise-buttons">
            <button type="button" onClick={() => set('zoom', v.zoom + 1)} disabled={v.zoom >= 30}>
              Zoom in ×2
            </button>
            <button type="button" onClick={() => set('zoom', v.zoom - 1)} disabled={v.zoom <= 0}>
              Zoom out
            </button>
          </div>
          <Controls params={zoomParams} names={['zoom', 'center']} />
          <Toggle params={zoomParams} name="rescale" label="rescale the window by √w" />
        </div>
      }
    >
      <div ref={figure.plotRef} className="noise-zoom-plots">
        <div>
          <p className="noise-plot-title">The path on [0, 1]</p>
          <PlotSurface
            aspect={0.75}
            ariaLabel="A Brownian path on the unit interval with the zoom window marked"
            deps={[r, domain[0], domain[1]]}
            draw={(svg, _ctx, size, theme) => {
              const f = frame(size, { theme, xLabel: 'time t', yDomain: domain });
              const s = plotScales(f, [0, 1], domain, { nice: false });
              drawAxes(svg, s, f, { theme, xLabel: 'time t' });
              if (!r) return;
              const wpx = Math.max(3 / (f.innerWidth || 1), r.w);
              const mid = r.t0 + r.w / 2;
              drawBand(svg, { x: [mid - wpx / 2, mid + wpx / 2], lower: [domain[0], domain[0]], upper: [domain[1], domain[1]] }, s, { color: 'var(--accent)', opacity: 0.25, ariaLabel: 'The zoom window' });
              drawLine(svg, { x: r.overviewT, y: r.overview }, s, { theme, color: 'var(--plot-1)', weight: 0.8, ariaLabel: 'Brownian path on [0, 1]' });
            }}
          />
        </div>
        <div>
          <p className="noise-plot-title">
            The window, {rescale ? '(W(t₀ + s w) − W(t₀)) / √w' : 'W(t₀ + s w) − W(t₀), not rescaled'}
          </p>
          <PlotSurface
            aspect={0.75}
            ariaLabel={`The zoom window of width 2^-${v.zoom}, ${rescale ? 'rescaled by the square root of its width' : 'not rescaled'}`}
            deps={[zoomX, zoomY, domain[0], domain[1]]}
            draw={(svg, _ctx, size, theme) => {
              const f = frame(size, { theme, xLabel: 's = (t − t₀) / w', yDomain: domain });
              const s = plotScales(f, [0, 1], domain, { nice: false });
              drawAxes(svg, s, f, { theme, xLabel: 's = (t − t₀) / w' });
              if (zoomX && zoomY) drawLine(svg, { x: zoomX, y: zoomY }, s, { theme, color: 'var(--accent)', weight: 0.8, ariaLabel: 'Zoomed path' });
            }}
          />
        </div>
      </div>
      {r && (
        <p className="figure-stats">
          <span>
            w = 2<sup>−{v.zoom}</sup> {widthText(v.zoom)}
          </span>
          <span>
            range over window: <b>{(r.range / Math.sqrt(r.w)).toFixed(2)}</b> √w
          </span>
          <span>
            chord slope |ΔW| / w: <b>{(r.chord / r.w).toPrecision(3)}</b>
          </span>
        </p>
      )}
    </Figure>
  );
}
