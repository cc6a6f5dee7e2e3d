/**
 * Figure: learning the control. A small score network is trained by denoising score matching in the worker (on a
 * button: a default run takes ten to fifteen seconds; progress and cancel), then its density-weighted score error
 * against the exact score over forward time, and samples drawn with it by the probability-flow ODE. Before
 * training the figure is ready and shows the data and the error of the zero score (1 at every time).
 */
import { useMemo } from 'react';
import { trainOnButton } from '../../app/figure/trainOnButton.tsx';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawParticles } from '../../app/plots/particles.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { seriesColor, themeColor, themeSeries } from '../../app/plots/theme.ts';
import trainListing from '../../workers/engines/diffusion/dsm.ts?fn=trainDsm&code';
import learnedListing from '../../workers/engines/diffusion/dsm.ts?fn=learnedScore&code';
import { Rng } from '../../workers/engines/random.ts';
import { gmmSample } from '../../workers/engines/diffusion/gmm.ts';
import { dcRing } from '../../workers/engines/diffusion/dcSetup.ts';
import { fmt, fmtMmd, WINDOW } from './model.ts';
import { seedParam } from '../../app/state/schema.ts';

/** Particles drawn with the learned score. */
export const DSM_PARTICLES = 1000;
const DOMAIN: [number, number] = [-WINDOW, WINDOW];
/** The forward-time axis: log10 units, 0.008 to 1.25, ticks at 0.01, 0.1 and 1. */
const TIME_ENDS: [number, number] = [Math.log10(0.008), Math.log10(1.25)];
const TIME_TICKS = [0.01, 0.1, 1].map(Math.log10);

const training = trainOnButton();

export const DcDsm = defineFigure({
  id: 'dc-dsm',
  schema: {
    steps: { label: 'training steps', symbol: 'K', min: 100, max: 8000, step: 100, default: 2000, integer: true, log: true },
    batch: { label: 'batch size', symbol: 'B', min: 32, max: 1024, step: 32, default: 256, integer: true, log: true },
    seed: seedParam(),
  },
  code: [trainListing, learnedListing],
  request: (v) => ({ steps: v.steps, batch: v.batch, seed: v.seed, particles: DSM_PARTICLES }),
  // The network trains only when the reader asks: a default run takes ten to fifteen seconds.
  useEnabled: training.useEnabled,
  useView: ({ shown, values, status }) => {
    const { notice, actions } = training.useView({ status, values, shown });
    const r = shown?.result ?? null;
    const trained = shown?.values ?? null;
    // The data, drawn under the samples (1000 exact draws: a fraction of a millisecond).
    const target = useMemo(() => {
      const t = gmmSample(dcRing(), DSM_PARTICLES, new Rng(7, 3));
      return { x: Float64Array.from({ length: DSM_PARTICLES }, (_, i) => t[2 * i]), y: Float64Array.from({ length: DSM_PARTICLES }, (_, i) => t[2 * i + 1]) };
    }, []);

    const loss = useMemo(() => {
      if (!r) return null;
      const x = Float64Array.from(r.lossCurve, (_, i) => Math.min((i + 1) * r.lossEvery, trained?.steps ?? Infinity));
      let hi = 0;
      for (const l of r.lossCurve) hi = Math.max(hi, l);
      return { x, y: r.lossCurve, domain: [0, hi * 1.05] as [number, number], steps: x[x.length - 1] };
    }, [r, trained]);

    const samples = useMemo(() => {
      if (!r) return null;
      const n = r.samples.length / 2;
      const x = Float64Array.from({ length: n }, (_, i) => r.samples[2 * i]);
      const y = Float64Array.from({ length: n }, (_, i) => r.samples[2 * i + 1]);
      let k = 0;
      for (let i = 0; i < n; i++) if (!(Math.abs(x[i]) <= WINDOW && Math.abs(y[i]) <= WINDOW)) k++;
      return { x, y, outside: k / n };
    }, [r]);

    const error = useMemo(() => (r ? { t: Float64Array.from(r.times, Math.log10), e: Float64Array.from(r.relError, (e) => Math.min(e, 1.15)) } : null), [r]);

    const readouts: Readout[] = [];
    if (r && trained && samples) {
      const at = (s: number) => fmt(r.relError[r.times.indexOf(s)], 3);
      readouts.push(
        { label: 'score error at s = 0.3', value: at(0.3), detail: `; ${at(0.05)} at s = 0.05 (${trained.steps} steps × ${trained.batch})` },
        {
          label: 'samples: MMD² to the data',
          value: fmtMmd(r.mmd2),
          detail: `(data vs data ${fmtMmd(r.reference)}); on a mode ${(100 * r.onModes).toFixed(1)}%`,
        },
        { label: 'loss', value: `${fmt(r.lossCurve[0], 3)} → ${fmt(r.lossCurve[r.lossCurve.length - 1], 3)}`, secondary: true },
      );
      if (samples.outside > 0) readouts.push({ label: 'samples outside the window', value: `${(100 * samples.outside).toFixed(1)}%`, secondary: true });
    } else {
      readouts.push({
        label:
          'Not trained yet: the zero score has relative error 1 at every time, and the samples panel shows the data. Training runs in the background; the default takes ten to fifteen seconds.',
      });
    }

    return {
      readouts,
      notice,
      actions,
      csv: (): Record<string, ArrayLike<number>> => (r ? { time: r.times, relError: r.relError } : {}),
      panels: [
        {
          key: 'samples',
          title: 'samples',
          aspect: 1,
          canvas: true,
          legend: [
            { label: 'samples with the learned score', color: 'var(--plot-1)', shape: 'dot' },
            { label: 'data', color: 'var(--plot-2)', shape: 'dot' },
          ],
          ariaLabel: r ? 'Samples drawn with the learned score over the data' : 'The data: 1000 exact draws of the eight-mode ring',
          deps: [samples, target],
          draw: (svg, ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, { x: { domain: DOMAIN, label: 'x₁' }, y: { domain: DOMAIN, label: 'x₂' } });
            if (!ctx) return;
            drawParticles(ctx, target, s, theme, { clip: s.frame, color: themeSeries(theme, 1), alpha: samples ? 0.25 : 0.6 });
            if (samples) drawParticles(ctx, samples, s, theme, { clip: s.frame, alpha: 0.6 });
          },
        },
        {
          key: 'error',
          title: 'score error',
          aspect: 0.9,
          legend: [
            { label: 'learned score', color: 'var(--plot-1)', shape: 'dot' },
            { label: 'zero score', color: 'var(--plot-fg)', shape: 'dash' },
          ],
          ariaLabel: 'Relative error of the learned score against forward time, logarithmic time axis',
          deps: [error],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, {
              x: { domain: TIME_ENDS, label: 'forward time s (log)', ticks: TIME_TICKS, format: (v) => String(Number((10 ** v).toPrecision(6))), log: true },
              y: { domain: [0, 1.15], label: 'score error' },
            });
            drawLine(svg, { x: TIME_ENDS, y: [1, 1] }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'The zero score: relative error 1' });
            if (error) {
              drawLine(svg, { x: error.t, y: error.e }, s, { theme, color: seriesColor(0), ariaLabel: 'Learned score' });
              drawPoints(svg, { x: error.t, y: error.e }, s, { theme, color: seriesColor(0), ariaLabel: 'Learned score, density-weighted relative error' });
            }
          },
        },
        {
          key: 'loss',
          title: 'loss',
          wide: true,
          aspect: 0.25,
          ariaLabel: 'Training loss of denoising score matching against the step',
          deps: [loss, values.steps],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, {
              x: { domain: [0, loss?.steps ?? values.steps], label: 'training step' },
              y: { domain: loss?.domain ?? [0, 2.5], label: 'loss' },
            });
            if (loss) drawLine(svg, { x: loss.x, y: loss.y }, s, { theme, color: seriesColor(0), ariaLabel: 'Mean loss per block of steps' });
          },
        },
      ],
    };
  },
});
