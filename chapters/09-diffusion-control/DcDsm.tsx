/**
 * Figure: learning the control. A small score network is trained by denoising score matching in the worker (on a
 * button: a default run takes ten to fifteen seconds; progress and cancel), then its density-weighted score error
 * against the exact score over forward time, and samples drawn with it by the probability-flow ODE. Before
 * training the figure is ready and shows the data and the error of the zero score (1 at every time).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { Legend } from '../../app/components/Legend.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawParticles } from '../../app/plots/particles.ts';
import { seriesColor, themeColor, themeSeries } from '../../app/plots/theme.ts';
import { drawPoints, logScale } from '../../app/plots/points.ts';
import trainListing from '../../workers/engines/diffusion/dsm.ts?fn=trainDsm&code';
import learnedListing from '../../workers/engines/diffusion/dsm.ts?fn=learnedScore&code';
import { Rng } from '../../workers/engines/random.ts';
import { gmmSample } from '../../workers/engines/diffusion/gmm.ts';
import { dcRing } from '../../workers/tasks/diffusionControl.ts';
import { DSM_PARTICLES, dsmParams, dsmRequest } from './params.ts';
import { fmt, fmtMmd, WINDOW } from './model.ts';
import './diffusionControl.css';

const TIME_DOMAIN: [number, number] = [0.008, 1.25];
const TIME_TICKS = [0.01, 0.1, 1];

export function DcDsm({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const v = dsmParams.useValues();
  const request = dsmRequest(v);
  const [armed, setArmed] = useState(false);
  const { sim, figure } = useFigureSimulation('dcDsm', request, { enabled: armed });
  const running = armed && sim.status === 'loading';
  const r = sim.result;
  const trained = sim.resultParams;
  const status = armed ? sim.status : 'ready';
  // The data, drawn under the samples (1000 exact draws: a fraction of a millisecond).
  const target = useMemo(() => gmmSample(dcRing(), DSM_PARTICLES, new Rng(7, 3)), []);

  const loss = useMemo(() => {
    if (!r) return null;
    const x = Float64Array.from(r.lossCurve, (_, i) => Math.min((i + 1) * r.lossEvery, trained?.steps ?? Infinity));
    let hi = 0;
    let lo = Infinity;
    for (const l of r.lossCurve) {
      hi = Math.max(hi, l);
      lo = Math.min(lo, l);
    }
    return { x, y: r.lossCurve, domain: [0, Math.max(lo * 0, hi * 1.05)] as [number, number], steps: x[x.length - 1] };
  }, [r, trained]);

  const outside = useMemo(() => {
    if (!r) return 0;
    let k = 0;
    for (let i = 0; i < r.samples.length; i += 2) if (!(Math.abs(r.samples[i]) <= WINDOW && Math.abs(r.samples[i + 1]) <= WINDOW)) k++;
    return k / (r.samples.length / 2);
  }, [r]);
  const sIdx = r ? r.times.indexOf(0.3) : -1;
  const sSmall = r ? r.times.indexOf(0.05) : -1;
  const stats = r && trained
    ? `After ${trained.steps} steps of batch ${trained.batch} the loss fell from ${fmt(r.lossCurve[0], 3)} to ${fmt(r.lossCurve[r.lossCurve.length - 1], 3)}. ` +
      `The learned score's relative error is ${fmt(r.relError[sIdx], 3)} at s = 0.3 and ${fmt(r.relError[sSmall], 3)} at s = 0.05. ` +
      `Samples drawn with it: MMD² ${fmtMmd(r.mmd2)} to the data (two exact samples: ${fmtMmd(r.reference)}), ${(100 * r.onModes).toFixed(1)}% on a mode.`
    : 'Not trained yet: the zero score has relative error 1 at every time; the samples panel shows the data.';

  return (
    <Figure
      params={dsmParams}
      number={number}
      anchor={anchor}
      {...figure}
      status={status}
      error={armed ? sim.error : null}
      progress={running ? sim.progress : null}
      caption={children}
      code={[trainListing, learnedListing]}
      summary={stats}
      csv={(): Record<string, ArrayLike<number>> => (r ? { time: r.times, relError: r.relError } : {})}
      controls={
        <div className="dc-controls">
          <Controls params={dsmParams} names={['steps', 'batch']} />
          <div className="dc-buttons">
            {running ? (
              <button type="button" data-action="cancel" onClick={() => setArmed(false)}>
                Cancel training
              </button>
            ) : (
              <button type="button" data-action="train" onClick={() => setArmed(true)} disabled={armed && sim.status === 'ready' && trained?.steps === request.steps && trained?.batch === request.batch && trained?.seed === request.seed}>
                {r ? 'Train again with these settings' : 'Train the network'}
              </button>
            )}
          </div>
        </div>
      }
    >
      <div ref={figure.plotRef} className="dc-triple">
        <PlotSurface
          className="dc-loss"
          aspect={0.6}
          ariaLabel="Training loss of denoising score matching against the step"
          deps={[loss]}
          draw={(svg, _ctx, size, theme) => {
            const xDomain: [number, number] = [0, loss?.steps ?? request.steps];
            const yDomain = loss?.domain ?? [0, 2.5];
            const f = frame(size, { theme, xLabel: 'step', yLabel: 'loss', yDomain });
            const s = plotScales(f, xDomain, yDomain, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'training step', yLabel: 'loss' });
            if (loss) drawLine(svg, { x: loss.x, y: loss.y }, s, { theme, color: seriesColor(0), ariaLabel: 'Mean loss per block of steps' });
          }}
        />
        <PlotSurface
          className="dc-error"
          aspect={0.6}
          ariaLabel="Relative error of the learned score against forward time, logarithmic time axis"
          deps={[r]}
          draw={(svg, _ctx, size, theme) => {
            const yDomain: [number, number] = [0, 1.15];
            const f = frame(size, { theme, xLabel: 's', yLabel: 'relative error', yDomain });
            const s = { x: logScale(TIME_DOMAIN, [f.left, f.right]), y: plotScales(f, [0, 1], yDomain, { nice: false }).y };
            drawAxes(svg, s, f, { theme, xLabel: 'forward time s (log)', yLabel: 'score error', xTicks: TIME_TICKS, xFormat: (t) => String(t) });
            drawLine(svg, { x: TIME_DOMAIN, y: [1, 1] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'The zero score: relative error 1' });
            if (r) {
              drawLine(svg, { x: r.times, y: Float64Array.from(r.relError, (e) => Math.min(e, 1.15)) }, s, { theme, color: seriesColor(0), ariaLabel: 'Learned score' });
              drawPoints(svg, { x: r.times, y: Float64Array.from(r.relError, (e) => Math.min(e, 1.15)) }, s, { theme, color: seriesColor(0), ariaLabel: 'Learned score, density-weighted relative error' });
            }
          }}
        />
        <PlotSurface
          className="dc-samples"
          aspect={1}
          canvas
          ariaLabel={r ? 'Samples drawn with the learned score over the data' : 'The data: 1000 exact draws of the eight-mode ring'}
          deps={[r, target]}
          draw={(svg, ctx, size, theme) => {
            const dom: [number, number] = [-WINDOW, WINDOW];
            const f = frame(size, { theme, xLabel: 'x₁', yLabel: 'x₂', yDomain: dom });
            const s = plotScales(f, dom, dom, { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'x₁', yLabel: 'x₂' });
            if (!ctx) return;
            const tx = Float64Array.from({ length: DSM_PARTICLES }, (_, i) => target[2 * i]);
            const ty = Float64Array.from({ length: DSM_PARTICLES }, (_, i) => target[2 * i + 1]);
            drawParticles(ctx, { x: tx, y: ty }, s, theme, { clip: f, color: themeSeries(theme, 1), alpha: r ? 0.25 : 0.6 });
            if (r) {
              const n = r.samples.length / 2;
              const x = Float64Array.from({ length: n }, (_, i) => r.samples[2 * i]);
              const y = Float64Array.from({ length: n }, (_, i) => r.samples[2 * i + 1]);
              drawParticles(ctx, { x, y }, s, theme, { clip: f, alpha: 0.6 });
            }
          }}
        />
      </div>
      <Legend items={[
        { label: 'learned score', color: 'var(--plot-1)', shape: 'dot' },
        { label: 'zero score', color: 'var(--plot-fg)', shape: 'dash' },
        { label: 'data', color: 'var(--plot-2)', shape: 'dot' },
      ]} />
      <p className="figure-stats">
        {r && trained ? (
          <>
            <span>
              {trained.steps} steps × {trained.batch}: error <b>{fmt(r.relError[sIdx], 3)}</b> at s = 0.3, {fmt(r.relError[sSmall], 3)} at s = 0.05
            </span>
            <span>
              samples: MMD² {fmtMmd(r.mmd2)} (data vs data {fmtMmd(r.reference)}), on a mode {(100 * r.onModes).toFixed(1)}%
            </span>
            {outside > 0 && <span>outside the window: {(100 * outside).toFixed(1)}%</span>}
          </>
        ) : (
          <span>Not trained yet. Training runs in the background; the default takes ten to fifteen seconds.</span>
        )}
        {!running && armed === false && r && <span>Training stopped; showing the last finished network.</span>}
      </p>
    </Figure>
  );
}
