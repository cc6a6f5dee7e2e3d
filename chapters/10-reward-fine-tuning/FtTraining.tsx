/**
 * Figure: a control network fine-tuned in the worker. On the button, the network learns the tilt of chapter 9's
 * pretrained model by reward-weighted regression (progress and cancel); at each of its seven snapshots of training
 * (FT_SETUP.checkpoints) its Monte Carlo reward and KL are estimated on the same paths, and drawn against the exact
 * trade-off curve. Beside it, the learned control along the reward's direction at three generation times, against the
 * exact u*.
 */
import { useMemo } from 'react';
import { trainOnButton } from '../../app/figure/trainOnButton.tsx';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { formatFixed } from '../../app/plots/format.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import trainListing from '../../workers/engines/diffusion/fineTune.ts?fn=fineTune&code';
import estimateListing from '../../workers/engines/diffusion/fineTune.ts?fn=rewardAndKl&code';
import { FT_SETUP } from '../../workers/engines/diffusion/fineTune.ts';
import { ftCurve, ftExactControl, ftExactPoint } from './ftExact.ts';
import { seedParam } from '../../app/state/schema.ts';

/** Monte Carlo paths of the last snapshot's estimates (the others get an eighth), and Euler–Maruyama steps of each. */
export const FT_PATHS = 4000;
export const FT_EVAL_STEPS = 100;

const training = trainOnButton();

const pct = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(100 * v).toFixed(1)}%`;

export const FtTraining = defineFigure({
  id: 'ft-training',
  schema: {
    lambda: { label: 'temperature', symbol: 'λ', min: 0.5, max: 4, step: 0.05, default: FT_SETUP.lambda, log: true },
    steps: { label: 'training steps', symbol: 'K', min: 100, max: 6000, step: 100, default: 1500, integer: true, log: true },
    batch: { label: 'batch size', symbol: 'n', min: 32, max: 1024, step: 32, default: 256, integer: true, log: true },
    seed: seedParam(),
  },
  code: [trainListing, estimateListing],
  request: (v) => ({ lambda: v.lambda, steps: v.steps, batch: v.batch, seed: v.seed, paths: FT_PATHS, evalSteps: FT_EVAL_STEPS }),
  // The network trains only when the reader asks.
  useEnabled: training.useEnabled,
  useView: ({ shown, values, status }) => {
    const { notice, actions } = training.useView({ status, values, shown });
    const r = shown?.result ?? null;
    const trained = shown?.values ?? null;
    // The exact curve over lambda and the exact point of the lambda shown (the trained one, else the slider's).
    const lambda = trained?.lambda ?? values.lambda;
    const curve = useMemo(() => ftCurve(), []);
    const exact = useMemo(() => ftExactPoint(lambda), [lambda]);
    const control = useMemo(() => ftExactControl(lambda), [lambda]);

    // Axes: KL from 0 to the curve's (or the snapshots') largest, reward over the curve and the snapshots' ± 2 SE.
    const domain = useMemo(() => {
      let kx = 0;
      let lo = 0;
      let hi = 0;
      for (let i = 0; i < curve.kl.length; i++) {
        kx = Math.max(kx, curve.kl[i]);
        hi = Math.max(hi, curve.reward[i]);
      }
      if (r) {
        for (let i = 0; i < r.kl.length; i++) {
          kx = Math.max(kx, r.kl[i]);
          lo = Math.min(lo, r.reward[i] - 2 * r.rewardSe[i]);
          hi = Math.max(hi, r.reward[i] + 2 * r.rewardSe[i]);
        }
      }
      return { x: [0, kx * 1.05] as [number, number], y: [lo - 0.05 * (hi - lo), hi * 1.05] as [number, number] };
    }, [curve, r]);

    const learned = useMemo(() => {
      if (!r) return null;
      const n = r.step.length;
      const m = r.sliceAngles.length;
      const q = r.sliceTimes.length;
      const last = Array.from({ length: q }, (_, j) => r.slices.subarray(((n - 1) * q + j) * m, ((n - 1) * q + j + 1) * m));
      return { n, last };
    }, [r]);

    const uRange = useMemo(() => {
      let hi = 0;
      for (const row of control.u) for (const v of row) hi = Math.max(hi, Math.abs(v));
      if (learned) for (const row of learned.last) for (const v of row) hi = Math.max(hi, Math.abs(v));
      return Math.max(0.5, hi * 1.1);
    }, [control, learned]);

    const readouts: Readout[] = [];
    if (r && trained && learned) {
      const k = learned.n - 1;
      readouts.push(
        {
          label: 'expected reward',
          value: `${formatFixed(r.reward[k], 3)} ± ${formatFixed(r.rewardSe[k], 3)}`,
          detail: `(exact ${formatFixed(exact.reward, 3)}, ${pct(r.reward[k] / exact.reward - 1)})`,
        },
        {
          label: 'KL to the pretrained paths',
          value: `${formatFixed(r.kl[k], 3)} ± ${formatFixed(r.klSe[k], 3)}`,
          detail: `(exact ${formatFixed(exact.kl, 3)}, ${pct(r.kl[k] / exact.kl - 1)}; ${trained.steps} steps × ${trained.batch}, λ = ${formatFixed(trained.lambda, 2)})`,
        },
      );
    } else {
      readouts.push({
        label: `Not trained yet: the network starts at zero, the pretrained model (KL 0, reward 0). Exact optimum at λ = ${formatFixed(values.lambda, 2)}: reward ${formatFixed(exact.reward, 3)}, KL ${formatFixed(exact.kl, 3)}. A default run takes a few seconds.`,
      });
    }

    return {
      readouts,
      notice,
      actions,
      csv: (): Record<string, ArrayLike<number>> => (r ? { step: r.step, reward: r.reward, rewardSe: r.rewardSe, kl: r.kl, klSe: r.klSe } : {}),
      panels: [
        {
          key: 'tradeoff',
          title: 'reward and KL',
          aspect: 0.85,
          legend: [
            { label: 'exact optimum over λ', color: 'var(--plot-fg)', shape: 'line' },
            { label: 'network during training', color: 'var(--plot-1)', shape: 'dot' },
            { label: 'exact at this λ', color: 'var(--plot-2)', shape: 'dot' },
          ],
          ariaLabel: 'Expected reward against KL: the exact trade-off curve and the network’s snapshots during training',
          deps: [curve, exact, r, domain],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, {
              x: { domain: domain.x, label: 'KL (nats)' },
              y: { domain: domain.y, label: 'expected reward' },
            });
            drawLine(svg, { x: curve.kl, y: curve.reward }, s, { theme, color: themeColor.fg, ariaLabel: 'Exact trade-off curve' });
            drawPoints(svg, { x: [exact.kl], y: [exact.reward] }, s, {
              theme,
              color: seriesColor(1),
              shape: 'square',
              radius: 0.45,
              ariaLabel: 'Exact optimum at this λ',
            });
            if (r) {
              drawLine(svg, { x: r.kl, y: r.reward }, s, { theme, color: seriesColor(0), weight: 0.6, ariaLabel: 'Path of the network during training' });
              drawPoints(svg, { x: r.kl, y: r.reward, err: Float64Array.from(r.rewardSe, (v) => 2 * v) }, s, {
                theme,
                color: seriesColor(0),
                halo: true,
                ariaLabel: 'Snapshots of the network: reward ± 2 SE against KL',
              });
            } else {
              drawPoints(svg, { x: [0], y: [0] }, s, { theme, color: seriesColor(0), ariaLabel: 'The pretrained model' });
            }
          },
        },
        {
          key: 'control',
          title: 'control',
          aspect: 0.85,
          legend: [
            ...FT_SETUP.sliceTimes.map((t, j) => ({ label: `t = ${t}`, color: `var(--plot-${j + 1})`, shape: 'line' as const })),
            { label: 'learned: solid; exact u*: dashed', color: 'var(--plot-fg)', shape: 'dash' },
          ],
          ariaLabel: `The control along the reward's direction at generation times ${FT_SETUP.sliceTimes.join(', ')}: learned and exact`,
          deps: [control, learned, uRange],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, {
              x: { domain: [-180, 180], label: 'angle on the ring (°)', ticks: [-180, -90, 0, 90, 180] },
              y: { domain: [0, uRange], label: 'u·b/|b|' },
            });
            control.u.forEach((row, j) => {
              drawLine(svg, { x: control.angle, y: row }, s, {
                theme,
                color: seriesColor(j),
                dash: '6 4',
                ariaLabel: `Exact control at t = ${FT_SETUP.sliceTimes[j]}`,
              });
              if (learned)
                drawLine(svg, { x: control.angle, y: learned.last[j] }, s, {
                  theme,
                  color: seriesColor(j),
                  ariaLabel: `Learned control at t = ${FT_SETUP.sliceTimes[j]}`,
                });
            });
          },
        },
      ],
    };
  },
});
