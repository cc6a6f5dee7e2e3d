/**
 * Figure: the sum of squared increments of a Brownian path over partitions of [0, t] with 2^k intervals
 * converges to t; for a smooth function it goes to 0. The total variation sum of the path grows like sqrt(n).
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { finiteExtent, padDomain } from '../../app/plots/scales.ts';
import { drawBand } from '../../app/plots/band.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { QV_MAX_K } from '../../workers/engines/brownian.ts';
import sumsListing from '../../workers/engines/brownian.ts?fn=partitionSums&code';
import { qvRequest, qvSchema } from './schemas.ts';

const KS = Array.from({ length: QV_MAX_K + 1 }, (_, j) => j);

export const QuadraticVariation = defineFigure({
  id: 'quadratic-variation',
  task: 'noiseQuadraticVariation',
  schema: qvSchema,
  code: [sumsListing],
  request: qvRequest,
  useView: ({ shown, values }) => {
    const r = shown?.result ?? null;
    const k = shown?.values.k ?? values.k;
    const t = r?.t ?? values.t;
    const n = 2 ** k;

    // Sum of n squared N(0, t/n): mean t, standard deviation t sqrt(2/n). The band is clipped to the plot's range
    // (at k = 0 it would reach below 0).
    const sums = useMemo(() => {
      const top = Math.max(2.2 * t, ...(r ? Array.from(r.qvBrownian) : []), ...(r ? Array.from(r.qvSmooth) : [])) * 1.05;
      return {
        top,
        lower: KS.map((j) => Math.max(0, t - 2 * t * Math.sqrt(2 / 2 ** j))),
        upper: KS.map((j) => Math.min(top, t + 2 * t * Math.sqrt(2 / 2 ** j))),
      };
    }, [r, t]);
    const pathDomain = useMemo(() => padDomain(finiteExtent(r?.path ?? [], r?.smooth ?? []) ?? [-1, 1], 0.05), [r]);

    return {
      readouts: r
        ? [
            { label: 'n', value: String(n) },
            { label: 'Σ(ΔW)²', value: r.qvBrownian[k].toFixed(4), detail: `(t = ${t.toFixed(2)} ± ${(t * Math.sqrt(2 / n)).toFixed(4)})` },
            { label: 'Σ(Δf)²', value: r.qvSmooth[k].toExponential(2), detail: '(smooth f)' },
            { label: 'Σ|ΔW|', value: r.tvBrownian[k].toFixed(2), detail: `(≈ √(2nt/π) = ${Math.sqrt((2 * n * t) / Math.PI).toFixed(2)})`, secondary: true },
            { label: 'Σ|Δf|', value: r.tvSmooth[k].toFixed(3), secondary: true },
          ]
        : [],
      csv: (): Record<string, ArrayLike<number>> =>
        r ? { n: r.n, qvBrownian: r.qvBrownian, qvSmooth: r.qvSmooth, tvBrownian: r.tvBrownian, tvSmooth: r.tvSmooth } : {},
      panels: [
        {
          key: 'path',
          title: 'path',
          aspect: 0.75,
          legend: [
            { label: 'Brownian path', color: 'var(--plot-1)' },
            { label: 'smooth 0.6 sin(2πs)', color: 'var(--plot-3)' },
            { label: n > 256 ? `chords, n = ${n} (drawn up to n = 256)` : `chords, n = ${n}`, color: 'var(--accent)' },
          ],
          ariaLabel: `A Brownian path on [0, ${t}], a smooth function, and the partition with ${n} intervals`,
          deps: [r, pathDomain],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, { x: { domain: [0, t], label: 'time s' }, y: { domain: pathDomain } });
            if (!r) return;
            drawLine(svg, { x: r.pathT, y: r.smooth }, s, { theme, color: 'var(--plot-3)', ariaLabel: 'Smooth function 0.6 sin(2πs)' });
            drawLine(svg, { x: r.pathT, y: r.path }, s, { theme, color: 'var(--plot-1)', weight: 0.6, ariaLabel: 'Brownian path' });
            if (r.partitionT.length <= 257) {
              drawLine(svg, { x: r.partitionT, y: r.partition }, s, { theme, color: 'var(--accent)', weight: 1.2, ariaLabel: 'Chords of the partition' });
              drawPoints(svg, { x: r.partitionT, y: r.partition }, s, {
                theme,
                color: 'var(--accent)',
                radius: Math.max(1.5, theme.strokeWidth * 1.5) / theme.fontSize,
              });
            }
          },
        },
        {
          key: 'sums',
          title: 'Σ(ΔW)²',
          aspect: 0.75,
          legend: [
            { label: 'limit t', color: 'var(--plot-fg)', shape: 'dash' },
            { label: '± 2 standard deviations', color: 'var(--plot-band)', shape: 'box' },
            { label: 'partition shown', color: 'var(--accent)', shape: 'dotted' },
          ],
          ariaLabel: 'Sum of squared increments against the partition level, for the Brownian path and the smooth function',
          deps: [r, t, k, sums],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, { x: { domain: [0, QV_MAX_K], label: 'k (n = 2ᵏ intervals)' }, y: { domain: [0, sums.top] } });
            drawBand(svg, { x: KS, lower: sums.lower, upper: sums.upper }, s, { ariaLabel: 'Two standard deviations around t' });
            drawLine(svg, { x: [0, QV_MAX_K], y: [t, t] }, s, { theme, color: 'var(--plot-fg)', dash: '6 4', ariaLabel: `The limit t = ${t}` });
            drawLine(svg, { x: [k, k], y: [0, sums.top] }, s, {
              theme,
              color: 'var(--accent)',
              weight: 0.6,
              dash: '2 3',
              ariaLabel: `The partition shown, k = ${k}`,
            });
            if (!r) return;
            drawLine(svg, { x: KS, y: r.qvBrownian }, s, { theme, color: 'var(--plot-1)', ariaLabel: 'Brownian path' });
            drawPoints(svg, { x: KS, y: r.qvBrownian }, s, { theme, color: 'var(--plot-1)', radius: (theme.strokeWidth * 2) / theme.fontSize });
            drawLine(svg, { x: KS, y: r.qvSmooth }, s, { theme, color: 'var(--plot-3)', ariaLabel: 'Smooth function' });
            drawPoints(svg, { x: KS, y: r.qvSmooth }, s, { theme, color: 'var(--plot-3)', radius: (theme.strokeWidth * 2) / theme.fontSize });
          },
        },
      ],
    };
  },
});
