/**
 * Figure: one Brownian path on [0, 1] and a zoom window of width w = 2^-z, refined by the Lévy midpoint
 * construction (the same path at every depth), optionally rescaled by sqrt(w).
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { finiteExtent, padDomain } from '../../app/plots/scales.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { superscript } from '../../app/plots/format.ts';
import windowListing from '../../workers/engines/brownian.ts?fn=brownianWindow&code';
import normalListing from '../../workers/engines/brownian.ts?fn=bridgeNormal&code';
import { zoomRequest, zoomSchema } from './schemas.ts';

/** The window's width as text: = 0.0625 (z <= 6) or ≈ 1.49e-8. */
function widthText(z: number): string {
  const w = 2 ** -z;
  return z <= 6 ? `= ${w}` : `≈ ${w.toExponential(2)}`;
}

export const BrownianZoom = defineFigure({
  id: 'brownian-zoom',
  task: 'noiseBrownianZoom',
  schema: zoomSchema,
  code: [windowListing, normalListing],
  request: zoomRequest,
  useView: ({ shown, values, set }) => {
    const r = shown?.result ?? null;
    const zoom = shown?.values.zoom ?? values.zoom;
    // Rescaling is not part of the request: it follows the control at once.
    const rescale = values.rescale === 1;

    // The zoomed window as s = (t - t0)/w in [0, 1] and W(t) - W(t0), divided by sqrt(w) when rescaling.
    const zoomed = useMemo(() => {
      if (!r) return null;
      const base = r.window[0];
      const scale = rescale ? 1 / Math.sqrt(r.w) : 1;
      const x = Float64Array.from(r.windowT, (t) => (t - r.t0) / r.w);
      const y = Float64Array.from(r.window, (v) => (v - base) * scale);
      return { x, y, domain: padDomain(finiteExtent(r.overview, y) ?? [-1, 1], 0.05) };
    }, [r, rescale]);
    const domain = zoomed?.domain ?? [-1, 1];
    const windowLabel = rescale ? '(W(t₀ + s w) − W(t₀)) / √w' : 'W(t₀ + s w) − W(t₀), not rescaled';

    return {
      readouts: r
        ? [
            { label: 'w', value: `2${superscript(-zoom)}`, detail: widthText(zoom) },
            { label: 'range of W over the window', value: (r.range / Math.sqrt(r.w)).toFixed(2), detail: `√w (${r.range.toPrecision(3)})` },
            { label: 'chord slope |ΔW| / w', value: (r.chord / r.w).toPrecision(3) },
            { label: 't₀', value: r.t0.toPrecision(6), detail: '(left end of the window)', secondary: true },
          ]
        : [],
      actions: (
        <>
          <button type="button" onClick={() => set('zoom', values.zoom + 1)} disabled={values.zoom >= zoomSchema.zoom.max}>
            Zoom in ×2
          </button>
          <button type="button" onClick={() => set('zoom', values.zoom - 1)} disabled={values.zoom <= zoomSchema.zoom.min}>
            Zoom out
          </button>
        </>
      ),
      csv: (): Record<string, ArrayLike<number>> => (zoomed ? { s: zoomed.x, zoomed: zoomed.y } : {}),
      panels: [
        {
          key: 'path',
          title: 'path',
          aspect: 0.75,
          legend: [
            { label: 'the path on [0, 1]', color: 'var(--plot-1)' },
            { label: 'the window', color: 'var(--accent)', shape: 'box' },
          ],
          ariaLabel: 'A Brownian path on the unit interval with the zoom window marked',
          deps: [r, domain[0], domain[1]],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, { x: { domain: [0, 1], label: 'time t' }, y: { domain } });
            if (!r) return;
            const wpx = Math.max(3 / (s.frame.innerWidth || 1), r.w);
            const mid = r.t0 + r.w / 2;
            drawBand(svg, { x: [mid - wpx / 2, mid + wpx / 2], lower: [domain[0], domain[0]], upper: [domain[1], domain[1]] }, s, {
              color: 'var(--accent)',
              opacity: 0.25,
              ariaLabel: 'The zoom window',
            });
            drawLine(svg, { x: r.overviewT, y: r.overview }, s, { theme, color: 'var(--plot-1)', weight: 0.8, ariaLabel: 'Brownian path on [0, 1]' });
          },
        },
        {
          key: 'window',
          title: 'window',
          aspect: 0.75,
          legend: [{ label: windowLabel, color: 'var(--accent)' }],
          ariaLabel: `The zoom window of width 2^-${zoom}, ${rescale ? 'rescaled by the square root of its width' : 'not rescaled'}`,
          deps: [zoomed],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, { x: { domain: [0, 1], label: 's = (t − t₀) / w' }, y: { domain } });
            if (zoomed) drawLine(svg, { x: zoomed.x, y: zoomed.y }, s, { theme, color: 'var(--accent)', weight: 0.8, ariaLabel: 'Zoomed path' });
          },
        },
      ],
    };
  },
});
