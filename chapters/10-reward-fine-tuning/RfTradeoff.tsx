/**
 * Figure: the exact trade-off of reward fine-tuning on the ring: the expected reward E[r(X_T)] of the optimal control
 * against its path KL(P^{u*} || P^pre), as the temperature lambda runs over four decades, from the pretrained start p_T
 * of chapter 9's schedule and for a memoryless schedule; the current lambda's point marked. The reward's sliders are
 * the particle figure's (shared).
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { drawPoints } from '../../app/plots/points.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { decadeTicks, formatDecade } from '../../app/plots/logTicks.ts';
import { estimateTextWidth } from '../../app/plots/format.ts';
import tradeoffListing from '../../workers/engines/diffusion/tilt.ts?fn=exactTradeoff&code';
import { RfParticles } from './RfParticles.tsx';
import { REWARD_KEYS, REWARD_SCHEMA } from './params.ts';
import { fmt } from './model.ts';

/** The KL axis: log10 units from 1e-3 to 20 nats. */
const KL_LO = 1e-3;
const KL_HI = 20;

export const RfTradeoff = defineFigure({
  id: 'rf-tradeoff',
  schema: { ...REWARD_SCHEMA },
  shares: { params: RfParticles.params, keys: REWARD_KEYS },
  code: [tradeoffListing],
  request: (v) => ({ b: [v.b1, v.b2], lambda: v.lambda }),
  useView: ({ shown }) => {
    const r = shown?.result ?? null;
    const view = useMemo(() => {
      if (!r) return null;
      const lg = (a: ArrayLike<number>) => Float64Array.from(a, (v) => Math.log10(Math.max(v, KL_LO / 10)));
      let lo = Math.min(r.dataReward, r.current.reward);
      let hi = Math.max(r.dataReward, r.current.reward);
      for (let k = 0; k < r.lambdas.length; k++) {
        if (r.kl[k] < KL_LO || r.kl[k] > KL_HI) continue;
        lo = Math.min(lo, r.reward[k], r.rewardMemoryless[k]);
        hi = Math.max(hi, r.reward[k], r.rewardMemoryless[k]);
      }
      const pad = 0.06 * (hi - lo || 1);
      // Every fifteenth temperature labelled on the curve: 0.05, 0.22, 1, 4.5, 20.
      const marks = Array.from(r.lambdas.keys()).filter((k) => k % 15 === 0 && r.kl[k] >= KL_LO && r.kl[k] <= KL_HI);
      return { kl: lg(r.kl), klMemoryless: lg(r.klMemoryless), y: [lo - pad, hi + pad] as [number, number], marks };
    }, [r]);

    return {
      readouts: r
        ? [
            { label: 'E[r]', value: fmt(r.current.reward, 4), detail: `at λ = ${shown?.values.lambda}; the pretrained model ${fmt(r.dataReward, 4)}` },
            { label: 'KL(Pᵘ* ‖ Pᵖʳᵉ)', value: fmt(r.current.kl, 4), detail: 'nats' },
            { label: `temperatures from ${r.lambdas[0]} to ${r.lambdas[r.lambdas.length - 1]}, exact (Gauss–Hermite quadrature)`, secondary: true },
          ]
        : [],
      csv: (): Record<string, ArrayLike<number>> =>
        r ? { lambda: r.lambdas, reward: r.reward, kl: r.kl, rewardMemoryless: r.rewardMemoryless, klMemoryless: r.klMemoryless } : {},
      panels: [
        {
          key: 'tradeoff',
          title: 'reward against KL',
          aspect: 0.75,
          legend: [
            { label: 'optimal control from p_T', color: 'var(--plot-1)' },
            { label: 'memoryless schedule', color: 'var(--plot-fg)', shape: 'dash' },
            { label: 'current λ', color: 'var(--plot-2)', shape: 'dot' },
          ],
          ariaLabel:
            'Expected reward of the optimal control against its KL divergence from the pretrained process, as the temperature varies, with the current temperature marked',
          deps: [r, view],
          draw: (svg, _ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, {
              x: {
                domain: [Math.log10(KL_LO), Math.log10(KL_HI)],
                label: 'KL(Pᵘ* ‖ Pᵖʳᵉ), nats (log)',
                ticks: decadeTicks(KL_LO, KL_HI).map(Math.log10),
                format: (v) => formatDecade(10 ** v),
                log: true,
              },
              y: { domain: view?.y ?? [0, 1], label: 'expected reward E[r(X_T)]' },
            });
            if (!r || !view) return;
            drawLine(svg, { x: view.klMemoryless, y: r.rewardMemoryless }, s, { theme, color: themeColor.fg, dash: '6 4', ariaLabel: 'The memoryless curve' });
            drawLine(svg, { x: view.kl, y: r.reward }, s, { theme, color: seriesColor(0), ariaLabel: 'The exact trade-off curve from p_T' });
            drawPoints(svg, { x: view.marks.map((k) => view.kl[k]), y: view.marks.map((k) => r.reward[k]) }, s, {
              theme,
              color: seriesColor(0),
              radius: 0.2,
              ariaLabel: 'Temperatures 0.05, 0.22, 1, 4.5 and 20',
            });
            // Each label right of its point, or left of it where it would leave the plot.
            const fontSize = theme.fontSize * 0.85;
            for (const k of view.marks) {
              const label = `λ = ${Number(r.lambdas[k].toPrecision(2))}`;
              const px = s.x(view.kl[k]);
              const left = px + 6 + estimateTextWidth(label, fontSize) > s.frame.right;
              svg
                .append('text')
                .attr('x', left ? px - 6 : px + 6)
                .attr('y', s.y(r.reward[k]) + 14)
                .attr('text-anchor', left ? 'end' : 'start')
                .attr('font-size', fontSize)
                .attr('fill', 'currentColor')
                .text(label);
            }
            drawPoints(svg, { x: [Math.log10(Math.max(r.current.kl, KL_LO / 10))], y: [r.current.reward] }, s, {
              theme,
              color: seriesColor(1),
              radius: 0.45,
              halo: true,
              ariaLabel: `The current temperature: E[r] = ${fmt(r.current.reward, 3)}, KL = ${fmt(r.current.kl, 3)}`,
            });
          },
        },
      ],
    };
  },
});
