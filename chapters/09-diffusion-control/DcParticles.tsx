/**
 * Figure: particles of the 8-mode ring carried from the prior N(0, I) to the data by the reverse SDE
 * (Euler–Maruyama) or the probability-flow ODE (Heun), with the exact score scaled by lambda; playback over the
 * snapshots; the MMD^2 to a fresh target sample beside that of two target samples.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { choice, seedParam } from '../../app/state/schema.ts';
import { PlaybackControls } from '../../app/components/PlaybackControls.tsx';
import { usePlayback } from '../../app/sim/usePlayback.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawParticles } from '../../app/plots/particles.ts';
import { markGroup } from '../../app/plots/svg.ts';
import samplerListing from '../../workers/engines/diffusion/samplers.ts?fn=sampleDiffusion&code';
import scoreListing from '../../workers/engines/diffusion/gmm.ts?fn=gmmScoreBatch&code';
import { DC_RING } from '../../workers/engines/diffusion/dcSetup.ts';
import { fmtMmd, ringMeans, WINDOW } from './model.ts';

/** Snapshots recorded for playback. */
export const PARTICLE_FRAMES = 41;
/** Particles drawn (the first ones): enough to see the density, few enough to redraw every frame. */
const DRAWN = 4000;
const DOMAIN: [number, number] = [-WINDOW, WINDOW];

export const DcParticles = defineFigure({
  id: 'dc-particles',
  schema: {
    method: choice('sampler', 'm', ['reverse SDE', 'probability flow']),
    lambda: { label: 'score scale', symbol: 'λ', min: 0, max: 3, step: 0.05, default: 1 },
    steps: { label: 'time steps', symbol: 'K', min: 10, max: 2000, step: 10, default: 200, integer: true, log: true },
    particles: { label: 'particles', symbol: 'n', min: 100, max: 10000, step: 100, default: 4000, integer: true, log: true },
    seed: seedParam(),
  },
  code: [samplerListing, scoreListing],
  request: (v) => ({ method: v.method, lambda: v.lambda, steps: v.steps, particles: v.particles, seed: v.seed, record: PARTICLE_FRAMES }),
  useView: ({ shown, inView }) => {
    const r = shown?.result ?? null;
    const frames = r ? r.times.length : PARTICLE_FRAMES;
    const playback = usePlayback({ frames, fps: 12, visible: inView });
    const j = Math.min(playback.frame, frames - 1);

    const view = useMemo(() => {
      if (!r) return null;
      const n = r.snapshots.length / (2 * r.times.length);
      const m = Math.min(n, DRAWN);
      const x = new Float32Array(m);
      const y = new Float32Array(m);
      const o = j * n * 2;
      let outside = 0;
      for (let i = 0; i < n; i++) {
        const a = r.snapshots[o + 2 * i];
        const b = r.snapshots[o + 2 * i + 1];
        if (!(Math.abs(a) <= WINDOW && Math.abs(b) <= WINDOW)) outside++;
        if (i < m) {
          x[i] = a;
          y[i] = b;
        }
      }
      return { x, y, outside: outside / n, n };
    }, [r, j]);

    const tau = r ? r.times[j] : 0;
    const s = shown?.values;
    const methodName = s?.method === 1 ? 'probability-flow ODE (Heun)' : 'reverse SDE (Euler–Maruyama)';

    return {
      readouts:
        r && s && view
          ? [
              { label: 'MMD² to the data', value: fmtMmd(r.mmd2), detail: `; two exact samples ${fmtMmd(r.reference)}` },
              { label: 'on a mode', value: `${(100 * r.onModes).toFixed(1)}%`, detail: '(within 0.45 of a mode centre)' },
              ...(view.outside > 0
                ? [{ label: `outside the window at τ = ${tau.toFixed(2)}`, value: `${(100 * view.outside).toFixed(1)}%`, secondary: true }]
                : []),
              { label: `${r.final.length / 2} particles by the ${methodName} with ${s.steps} steps, score scale λ = ${s.lambda}`, secondary: true },
            ]
          : [],
      playback: (
        <PlaybackControls
          playback={playback}
          label="generation time"
          format={(fr) => `τ = ${(r ? r.times[Math.min(fr, r.times.length - 1)] : 0).toFixed(3)}`}
        />
      ),
      csv: (): Record<string, ArrayLike<number>> => (view ? { x: view.x, y: view.y } : {}),
      panels: [
        {
          key: 'particles',
          title: 'particles',
          aspect: 1,
          canvas: true,
          legend: [
            { label: 'particles', color: 'var(--plot-1)', shape: 'dot' },
            { label: 'modes of the data (2 sd)', color: 'var(--plot-2)', shape: 'dot' },
          ],
          ariaLabel: `Particles at generation time ${tau.toFixed(2)} of 1, with the eight modes of the data marked`,
          deps: [view, tau],
          draw: (svg, ctx, size, theme) => {
            const sc = plotAxes(svg, size, theme, { x: { domain: DOMAIN, label: 'x₁' }, y: { domain: DOMAIN, label: 'x₂' } });
            const g = markGroup(svg, 'modes', 'The eight modes of the data, circles of two standard deviations');
            const rad = Math.abs(sc.x(2 * DC_RING.std) - sc.x(0));
            for (const [mx, my] of ringMeans()) {
              g.append('circle')
                .attr('cx', sc.x(mx))
                .attr('cy', sc.y(my))
                .attr('r', rad)
                .attr('fill', 'none')
                .attr('stroke', 'var(--plot-2)')
                .attr('stroke-width', Math.max(1, theme.strokeWidth * 0.8));
            }
            if (ctx && view) drawParticles(ctx, { x: view.x, y: view.y }, sc, theme, { clip: sc.frame, radius: Math.max(1, theme.strokeWidth * 0.7) });
          },
        },
      ],
    };
  },
});
