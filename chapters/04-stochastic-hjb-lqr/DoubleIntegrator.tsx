/**
 * Figure: the double integrator under its optimal LQR feedback. Value contours V(x) = -1/2 x'Px - c, the
 * closed-loop drift (A - BK) x as a vector field, and sample paths from four starts; the Riccati solution, the
 * paths and the value of a gain designed for another R all come from the worker.
 */
import { useMemo } from 'react';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawContours } from '../../app/plots/contours.ts';
import { drawVectorField } from '../../app/plots/vectorField.ts';
import { withClip } from '../../app/plots/canvas.ts';
import { formatFixed } from '../../app/plots/format.ts';
import { seriesColor, themeColor, themeSeries } from '../../app/plots/theme.ts';
import { doubleIntegratorLqr } from '../../workers/engines/examples.ts';
import type { DoubleIntegratorResult } from '../../workers/tasks/stochasticHjbLqr.ts';
import { closedLoopEigen } from './lqrCurves.ts';
import careListing from '../../workers/engines/lqr.ts?fn=lqrCare&code';
import pathListing from '../../workers/engines/sde2d.ts?fn=sampleLinearSde2d&code';
import policyListing from '../../workers/engines/lqr.ts?fn=lqrPolicyValue&code';
import { seedParam } from '../../app/state/schema.ts';

const RHO = 0.1;
const L = 3;
const STARTS = [2.5, 0, -2.5, 0, 0, 2.5, 0, -2.5];
const T = 8;
const STEPS = 1600;
const PATHS = 3;
const RECORD = 401;
const NG = 48;
const NV = 15;
/** The post's control cost: its optimal gain, used at the slider's R, is valued at DESIGN_AT. */
const DESIGN_R = 0.1;
const DESIGN_AT: [number, number] = [1, 0];

const fmt = (x: number, d = 4) => formatFixed(x, d);

/** Value contours on an NG x NG grid, the drift (A - BK) x at NV x NV points, and the contour levels. */
function fieldsOf({ P, K, c }: Pick<DoubleIntegratorResult, 'P' | 'K' | 'c'>) {
  const values = new Float64Array(NG * NG);
  for (let j = 0; j < NG; j++) {
    const y = -L + ((j + 0.5) * 2 * L) / NG;
    for (let i = 0; i < NG; i++) {
      const x = -L + ((i + 0.5) * 2 * L) / NG;
      values[j * NG + i] = -0.5 * (P[0][0] * x * x + 2 * P[0][1] * x * y + P[1][1] * y * y) - c;
    }
  }
  const n = NV * NV;
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  const u = new Float64Array(n);
  const w = new Float64Array(n);
  const [k1, k2] = K[0];
  for (let j = 0; j < NV; j++) {
    for (let i = 0; i < NV; i++) {
      const x = -L + ((i + 0.5) * 2 * L) / NV;
      const y = -L + ((j + 0.5) * 2 * L) / NV;
      const m = j * NV + i;
      ax[m] = x;
      ay[m] = y;
      u[m] = y; // position changes at the velocity
      w[m] = -k1 * x - k2 * y; // velocity changes at the action a = -K x
    }
  }
  // Contour levels: V at points (s, 0) for a few s, so the rings are evenly spaced along the position axis.
  const levels = [0.5, 1, 1.5, 2, 2.5].map((s) => -0.5 * P[0][0] * s * s - c);
  return { grid: { values, nx: NG, ny: NG, x: [-L, L] as const, y: [-L, L] as const }, arrows: { x: ax, y: ay, u, v: w }, levels };
}

export const DoubleIntegrator = defineFigure({
  id: 'lqr-double-integrator',
  task: 'doubleIntegrator',
  schema: {
    R: { label: 'action cost', symbol: 'R', min: 0.01, max: 10, step: 0.01, default: 0.1, log: true },
    noise: { label: 'noise on the velocity', symbol: 'σ', min: 0, max: 1, step: 0.05, default: 0.2 },
    seed: seedParam(),
  },
  code: [careListing, policyListing, pathListing],
  request: (v) => ({
    system: doubleIntegratorLqr(v.R, v.noise, RHO),
    starts: STARTS,
    T,
    steps: STEPS,
    paths: PATHS,
    record: RECORD,
    seed: v.seed,
    design: { R: DESIGN_R, at: DESIGN_AT },
  }),
  useView: ({ shown }) => {
    const r = shown?.result ?? null;
    const fields = useMemo(() => (r ? fieldsOf(r) : null), [r]);

    const readouts: Readout[] = [];
    if (r) {
      const { P, K, c } = r;
      const eig = closedLoopEigen(K[0][0], K[0][1]);
      readouts.push(
        { label: 'P', value: `[[${fmt(P[0][0])}, ${fmt(P[0][1])}], [${fmt(P[1][0])}, ${fmt(P[1][1])}]]` },
        { label: 'K', value: `[${fmt(K[0][0])}, ${fmt(K[0][1])}]` },
        { label: 'c', value: fmt(c, 5) },
        eig.im > 0
          ? { label: 'closed-loop eigenvalues', value: `${fmt(eig.re[0], 3)} ± ${eig.im.toFixed(3)}i`, detail: '(complex: the paths spiral in)' }
          : { label: 'closed-loop eigenvalues', value: `${fmt(eig.re[0], 3)} and ${fmt(eig.re[1], 3)}`, detail: '(real: no overshoot)' },
      );
      if (r.designed) {
        readouts.push({
          label: `value at x = (${DESIGN_AT.join(', ')})`,
          value: fmt(r.designed.optimal),
          detail: `; with the gain designed for R = ${DESIGN_R} instead, V_K = ${fmt(r.designed.designed)}`,
          secondary: true,
        });
      }
    }

    return {
      readouts,
      csv: () =>
        r
          ? {
              t: r.t,
              ...Object.fromEntries(
                [0, 1, 2, 3].flatMap((s) => [
                  [`x_start${s + 1}`, r.paths.filter((_, k) => k % 2 === 0 && Math.floor(k / (2 * RECORD)) === s * PATHS)],
                  [`v_start${s + 1}`, r.paths.filter((_, k) => k % 2 === 1 && Math.floor(k / (2 * RECORD)) === s * PATHS)],
                ]),
              ),
            }
          : {},
      panels: [
        {
          key: 'phase',
          title: 'phase plane',
          aspect: 0.62,
          canvas: true,
          legend: [
            { label: 'contours of V', color: themeColor.muted },
            { label: 'closed-loop drift (A − BK)x', color: seriesColor(0) },
            { label: 'sample paths', color: seriesColor(1) },
          ],
          ariaLabel: 'Phase portrait of the double integrator under the optimal feedback, over the contours of the value function, with sample paths',
          deps: [fields, r],
          draw: (svg, ctx, size, theme) => {
            const s = plotAxes(svg, size, theme, { x: { domain: [-L, L], label: 'position x₁' }, y: { domain: [-L, L], label: 'velocity x₂' } });
            if (!fields) return;
            svg
              .append('g')
              .style('color', themeColor.muted)
              .call((g) => drawContours(g, fields.grid, s, { theme, thresholds: fields.levels, opacity: 0.9, ariaLabel: 'Contours of the value function' }));
            drawVectorField(svg, fields.arrows, s, { theme, color: seriesColor(0), fill: 0.85, ariaLabel: 'Closed-loop drift (A - BK) x' });
            if (!ctx || !r) return;
            const rec = r.t.length;
            const n = r.paths.length / (2 * rec);
            withClip(ctx, s.frame, () => {
              ctx.lineWidth = theme.strokeWidth;
              for (let p = 0; p < n; p++) {
                ctx.strokeStyle = themeSeries(theme, 1 + (Math.floor(p / PATHS) % 4));
                ctx.globalAlpha = p % PATHS === 0 ? 1 : 0.55;
                ctx.beginPath();
                for (let j = 0; j < rec; j++) {
                  const o = (p * rec + j) * 2;
                  const X = s.x(r.paths[o]);
                  const Y = s.y(r.paths[o + 1]);
                  if (j === 0) ctx.moveTo(X, Y);
                  else ctx.lineTo(X, Y);
                }
                ctx.stroke();
              }
              ctx.globalAlpha = 1;
            });
          },
        },
      ],
    };
  },
});
