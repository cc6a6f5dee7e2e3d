/**
 * Figure: particles of the 8-mode ring carried from the prior N(0, I) to the data by the reverse SDE
 * (Euler–Maruyama) or the probability-flow ODE (Heun), with the exact score scaled by lambda; playback over the
 * snapshots; the MMD^2 to a fresh target sample beside that of two target samples.
 */
import { useMemo, type ReactNode } from 'react';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { PlaybackControls } from '../../app/components/PlaybackControls.tsx';
import { Legend } from '../../app/components/Legend.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { usePlayback } from '../../app/sim/usePlayback.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawParticles } from '../../app/plots/particles.ts';
import { markGroup } from '../../app/plots/svg.ts';
import samplerListing from '../../workers/engines/diffusion/samplers.ts?fn=sampleDiffusion&code';
import scoreListing from '../../workers/engines/diffusion/gmm.ts?fn=gmmScoreBatch&code';
import { Choice } from '../03-noise/Toggle.tsx';
import { DC_RING } from '../../workers/tasks/diffusionControl.ts';
import { PARTICLE_FRAMES, particlesParams, particlesRequest } from './params.ts';
import { fmtMmd, ringMeans, WINDOW } from './model.ts';
import './diffusionControl.css';

/** Particles drawn (the first ones): enough to see the density, few enough to redraw every frame. */
const DRAWN = 4000;

export function DcParticles({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const v = particlesParams.useValues();
  const request = particlesRequest(v);
  const { sim, figure, inView } = useFigureSimulation('dcParticles', request);
  const r = sim.status === 'error' ? null : sim.result;
  const shown = sim.resultParams ?? request;
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
  const methodName = shown.method === 1 ? 'probability-flow ODE (Heun)' : 'reverse SDE (Euler–Maruyama)';
  const stats = r
    ? `${r.final.length / 2} particles by the ${methodName} with ${shown.steps} steps and score scale λ = ${shown.lambda}: ` +
      `MMD² to a fresh sample of the data ${fmtMmd(r.mmd2)} (two exact samples of the data: ${fmtMmd(r.reference)}); ` +
      `${(100 * r.onModes).toFixed(1)}% of the particles end within 0.45 of a mode centre.`
    : '';

  return (
    <Figure
      params={particlesParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[samplerListing, scoreListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> => (view ? { x: view.x, y: view.y } : {})}
      controls={
        <div className="dc-controls">
          <Choice params={particlesParams} name="method" label="Sampler" options={['reverse SDE', 'probability flow']} />
          <Controls params={particlesParams} names={['lambda', 'steps', 'particles']} />
        </div>
      }
    >
      <div ref={figure.plotRef} className="dc-square">
        <PlotSurface
          aspect={1}
          canvas
          ariaLabel={`Particles at generation time ${tau.toFixed(2)} of 1, with the eight modes of the data marked`}
          deps={[view, tau]}
          draw={(svg, ctx, size, theme) => {
            const dom: [number, number] = [-WINDOW, WINDOW];
            const f = frame(size, { theme, xLabel: 'x₁', yLabel: 'x₂', yDomain: dom });
            const s = plotScales(f, dom, dom, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'x₁', yLabel: 'x₂' });
            const g = markGroup(svg, 'modes', 'The eight modes of the data, circles of two standard deviations');
            const rad = Math.abs(s.x(2 * DC_RING.std) - s.x(0));
            for (const [mx, my] of ringMeans()) {
              g.append('circle').attr('cx', s.x(mx)).attr('cy', s.y(my)).attr('r', rad).attr('fill', 'none').attr('stroke', 'var(--plot-2)').attr('stroke-width', Math.max(1, theme.strokeWidth * 0.8));
            }
            if (ctx && view) drawParticles(ctx, { x: view.x, y: view.y }, s, theme, { clip: f, radius: Math.max(1, theme.strokeWidth * 0.7) });
          }}
        />
      </div>
      <PlaybackControls playback={playback} label="generation time" format={(fr) => `τ = ${(r ? r.times[Math.min(fr, r.times.length - 1)] : 0).toFixed(3)}`} />
      <Legend items={[
        { label: 'particles', color: 'var(--plot-1)', shape: 'dot' },
        { label: 'modes of the data (2 sd)', color: 'var(--plot-2)', shape: 'dot' },
      ]} />
      {r && view && (
        <p className="figure-stats">
          <span>
            MMD² to the data <b>{fmtMmd(r.mmd2)}</b>; two exact samples {fmtMmd(r.reference)}
          </span>
          <span>on a mode: {(100 * r.onModes).toFixed(1)}%</span>
          {view.outside > 0 && <span>outside the window at τ = {tau.toFixed(2)}: {(100 * view.outside).toFixed(1)}%</span>}
        </p>
      )}
    </Figure>
  );
}
