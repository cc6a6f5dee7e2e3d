/**
 * Figure: particles of the 8-mode ring carried from the pretrained start p_T to the tilted law p_data e^{b.x/lambda}/Z
 * by the optimally controlled reverse SDE (Euler–Maruyama), over the contours of the pretrained and the tilted
 * densities; beside it each mode's share of the particles against its exact tilted weight and its pretrained one.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { PlaybackControls } from '../../app/components/PlaybackControls.tsx';
import { usePlayback } from '../../app/sim/usePlayback.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawParticles } from '../../app/plots/particles.ts';
import { drawContours } from '../../app/plots/contours.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import tiltListing from '../../workers/engines/diffusion/tilt.ts?fn=tiltedMixture&code';
import controlListing from '../../workers/engines/diffusion/tilt.ts?fn=optimalControl&code';
import { RF_CONTOURS, RF_GRID } from '../../workers/engines/diffusion/rfSetup.ts';
import { REWARD_SCHEMA } from './params.ts';
import { fmt, ring, WINDOW } from './model.ts';
import { seedParam } from '../../app/state/schema.ts';

/** Snapshots recorded for playback. */
const FRAMES = 41;
/** Particles drawn (the first ones). */
const DRAWN = 4000;
const DOMAIN: [number, number] = [-WINDOW, WINDOW];

/** The modes' angles in degrees, in (-180, 180], and the order that sorts them. */
const ANGLES = Array.from({ length: ring.K }, (_, k) => Number(((Math.atan2(ring.mu[2 * k + 1], ring.mu[2 * k]) * 180) / Math.PI).toFixed(6)));
const ORDER = ANGLES.map((_, k) => k).sort((a, b) => ANGLES[a] - ANGLES[b]);
const SORTED_ANGLES = Float64Array.from(ORDER, (k) => ANGLES[k]);
const sorted = (v: ArrayLike<number>) => Float64Array.from(ORDER, (k) => v[k]);

export const RfParticles = defineFigure({
  id: 'rf-particles',
  schema: {
    ...REWARD_SCHEMA,
    steps: { label: 'time steps', symbol: 'K', min: 20, max: 2000, step: 10, default: 200, integer: true, log: true },
    particles: { label: 'particles', symbol: 'N', min: 100, max: 10000, step: 100, default: 4000, integer: true, log: true },
    seed: seedParam(),
  },
  code: [tiltListing, controlListing],
  request: (v) => ({ b: [v.b1, v.b2], lambda: v.lambda, steps: v.steps, particles: v.particles, seed: v.seed, record: FRAMES }),
  preview: (request) => ({ ...request, particles: Math.max(100, Math.round(request.particles / 8)) }),
  useView: ({ shown, inView }) => {
    const r = shown?.result ?? null;
    const frames = r ? r.times.length : FRAMES;
    const playback = usePlayback({ frames, fps: 12, visible: inView });
    const j = Math.min(playback.frame, frames - 1);

    const grids = useMemo(() => {
      if (!r) return null;
      const base = { nx: RF_GRID.n, ny: RF_GRID.n, x: [RF_GRID.lo, RF_GRID.hi] as [number, number], y: [RF_GRID.lo, RF_GRID.hi] as [number, number] };
      let peakData = -Infinity;
      let peakTilted = -Infinity;
      for (const v of r.logData) peakData = Math.max(peakData, v);
      for (const v of r.logTilted) peakTilted = Math.max(peakTilted, v);
      return {
        data: { ...base, values: r.logData },
        tilted: { ...base, values: r.logTilted },
        // The data at two standard deviations from a mode centre; the tilted law at e^-5, e^-3, e^-1 of its peak.
        dataLevels: RF_CONTOURS.data.map((l) => peakData + l),
        tiltedLevels: RF_CONTOURS.tilted.map((l) => peakTilted + l),
      };
    }, [r]);

    const view = useMemo(() => {
      if (!r) return null;
      const n = r.snapshots.length / (2 * r.times.length);
      const m = Math.min(n, DRAWN);
      const x = new Float32Array(m);
      const y = new Float32Array(m);
      const o = j * n * 2;
      for (let i = 0; i < m; i++) {
        x[i] = r.snapshots[o + 2 * i];
        y[i] = r.snapshots[o + 2 * i + 1];
      }
      return { x, y };
    }, [r, j]);

    const shares = useMemo(() => (r ? { share: sorted(r.share), tilted: sorted(r.tiltedWeights), data: sorted(r.dataWeights) } : null), [r]);
    const peak = shares ? Math.max(...shares.share, ...shares.tilted, ...shares.data) * 1.1 : 0.5;
    const tau = r ? r.times[j] : 0;
    const s = shown?.values;

    return {
      readouts:
        r && s
          ? [
              { label: 'E[r] of the particles', value: `${fmt(r.rewardMc, 3)} ± ${fmt(2 * r.rewardSe, 3)}`, detail: `; exact ${fmt(r.reward, 3)}` },
              { label: 'KL(Pᵘ* ‖ Pᵖʳᵉ)', value: fmt(r.kl, 4), detail: `nats (memoryless schedule ${fmt(r.klMemoryless, 4)})` },
              {
                label: `${r.final.length / 2} particles from p_T, ${s.steps} Euler–Maruyama steps, b = (${s.b1}, ${s.b2}), λ = ${s.lambda}`,
                secondary: true,
              },
            ]
          : [],
      playback: (
        <PlaybackControls
          playback={playback}
          label="generation time"
          format={(fr) => `t = ${(r ? r.times[Math.min(fr, r.times.length - 1)] : 0).toFixed(3)}`}
        />
      ),
      csv: (): Record<string, ArrayLike<number>> =>
        shares ? { modeAngle: SORTED_ANGLES, particleShare: shares.share, tiltedWeight: shares.tilted, dataWeight: shares.data } : {},
      panels: [
        {
          key: 'particles',
          title: 'particles',
          aspect: 1,
          canvas: true,
          legend: [
            { label: 'particles', color: 'var(--plot-1)', shape: 'dot' },
            { label: 'tilted law (e⁻¹, e⁻³, e⁻⁵ of its peak)', color: 'var(--plot-2)' },
            { label: 'pretrained modes', color: 'var(--plot-fg)', shape: 'dash' },
          ],
          ariaLabel: `Particles at generation time ${tau.toFixed(2)} of 1, over contours of the pretrained and the tilted densities`,
          deps: [view, grids, tau],
          draw: (svg, ctx, size, theme) => {
            const sc = plotAxes(svg, size, theme, { x: { domain: DOMAIN, label: 'x₁' }, y: { domain: DOMAIN, label: 'x₂' } });
            if (!grids) return;
            svg
              .append('g')
              .style('color', themeColor.fg)
              .attr('stroke-dasharray', '4 3')
              .call((g) =>
                drawContours(g, grids.data, sc, {
                  theme,
                  thresholds: grids.dataLevels,
                  opacity: 0.8,
                  ariaLabel: 'The pretrained law: its eight modes at two standard deviations',
                }),
              );
            svg
              .append('g')
              .style('color', seriesColor(1))
              .call((g) =>
                drawContours(g, grids.tilted, sc, { theme, thresholds: grids.tiltedLevels, opacity: 0.95, ariaLabel: 'Contours of the tilted law' }),
              );
            if (ctx && view) drawParticles(ctx, { x: view.x, y: view.y }, sc, theme, { clip: sc.frame, radius: Math.max(1, theme.strokeWidth * 0.7) });
          },
        },
        {
          key: 'modes',
          title: 'mass per mode',
          aspect: 1,
          legend: [
            { label: 'particles', color: 'var(--plot-1)', shape: 'dot' },
            { label: 'tilted law, exact', color: 'var(--plot-2)' },
            { label: 'pretrained law', color: 'var(--plot-fg)', shape: 'dash' },
          ],
          ariaLabel: 'Share of the final particles nearest each mode, against the exact tilted weights and the pretrained ones, by the angle of the mode',
          deps: [shares, peak],
          draw: (svg, _ctx, size, theme) => {
            const sc = plotAxes(svg, size, theme, {
              x: { domain: [-160, 200], label: 'angle of the mode (degrees)', ticks: [-135, -90, -45, 0, 45, 90, 135, 180] },
              y: { domain: [0, peak], label: 'mass' },
            });
            if (!shares) return;
            drawLine(svg, { x: SORTED_ANGLES, y: shares.data }, sc, {
              theme,
              color: themeColor.fg,
              dash: '6 4',
              ariaLabel: 'Pretrained weights, one eighth each',
            });
            drawLine(svg, { x: SORTED_ANGLES, y: shares.tilted }, sc, { theme, color: seriesColor(1), ariaLabel: 'Exact tilted weights' });
            drawPoints(svg, { x: SORTED_ANGLES, y: shares.share }, sc, {
              theme,
              color: seriesColor(0),
              halo: true,
              ariaLabel: 'Share of the particles nearest each mode',
            });
          },
        },
      ],
    };
  },
});
