/**
 * Figure: the double integrator under its optimal LQR feedback. Value contours V(x) = -1/2 x'Px - c (closed form,
 * main thread), the closed-loop drift (A - BK) x as a vector field, and sample paths from four starts (worker).
 */
import { useMemo, type ReactNode } from 'react';
import { defineFigureParams } from '../../app/state/figureParams.ts';
import { Figure } from '../../app/components/Figure.tsx';
import { Controls } from '../../app/components/Slider.tsx';
import { useFigureSimulation } from '../../app/sim/useFigureSimulation.ts';
import { useMediaQuery } from '../../app/state/settings.ts';
import { PlotSurface } from '../../app/plots/PlotSurface.tsx';
import { frame } from '../../app/plots/frame.ts';
import { plotScales } from '../../app/plots/setup.ts';
import { drawAxes } from '../../app/plots/axes.ts';
import { drawContours } from '../../app/plots/contours.ts';
import { drawVectorField } from '../../app/plots/vectorField.ts';
import { withClip } from '../../app/plots/canvas.ts';
import { seriesColor, themeColor, themeSeries } from '../../app/plots/theme.ts';
import { lqrCare } from '../../workers/engines/lqr.ts';
import type { DoubleIntegratorParams } from '../../workers/tasks/stochasticHjbLqr.ts';
import { closedLoopEigen, designedGainValue, doubleIntegratorLqr } from './lqrCurves.ts';
import careListing from '../../workers/engines/lqr.ts?fn=lqrCare&code';
import pathListing from '../../workers/engines/sde2d.ts?fn=sampleLinearSde2d&code';
import policyListing from '../../workers/engines/lqr.ts?fn=lqrPolicyValue&code';
import './lqr.css';
import { Legend } from '../../app/components/Legend.tsx';

export const diParams = defineFigureParams('lqr-double-integrator', {
  R: { label: 'action cost', symbol: 'R', min: 0.01, max: 10, step: 0.01, default: 0.1, log: true },
  noise: { label: 'noise on the velocity', symbol: 'd', min: 0, max: 1, step: 0.05, default: 0.2 },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

const RHO = 0.1;
const L = 3;
const STARTS = [2.5, 0, -2.5, 0, 0, 2.5, 0, -2.5];
const T = 8;
const STEPS = 1600;
const PATHS = 3;
const RECORD = 401;
const NG = 48;
const NV = 15;

export function DoubleIntegrator({ number, anchor, children }: { label?: string; number?: string; anchor?: string; children?: ReactNode }) {
  const stacked = useMediaQuery('(max-width: 560px)');
  const v = diParams.useValues();
  const sol = useMemo(() => {
    try {
      return { ...lqrCare(doubleIntegratorLqr(v.R, v.noise, RHO)), error: null as string | null };
    } catch (e) {
      return { P: null, K: null, c: NaN, error: `This figure could not be computed: ${(e as Error).message}` };
    }
  }, [v.R, v.noise]);
  const request: DoubleIntegratorParams = { system: doubleIntegratorLqr(v.R, v.noise, RHO), starts: STARTS, T, steps: STEPS, paths: PATHS, record: RECORD, seed: v.seed };
  const { sim, figure } = useFigureSimulation('doubleIntegrator', request, { blocked: sol.error });
  const r = sim.result;

  const fields = useMemo(() => {
    if (!sol.P || !sol.K) return null;
    const P = sol.P;
    const values = new Float64Array(NG * NG);
    for (let j = 0; j < NG; j++) {
      const y = -L + ((j + 0.5) * 2 * L) / NG;
      for (let i = 0; i < NG; i++) {
        const x = -L + ((i + 0.5) * 2 * L) / NG;
        values[j * NG + i] = -0.5 * (P[0][0] * x * x + 2 * P[0][1] * x * y + P[1][1] * y * y) - sol.c;
      }
    }
    const n = NV * NV;
    const ax = new Float64Array(n);
    const ay = new Float64Array(n);
    const u = new Float64Array(n);
    const w = new Float64Array(n);
    const [k1, k2] = sol.K[0];
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
    const levels = [0.5, 1, 1.5, 2, 2.5].map((s) => -0.5 * P[0][0] * s * s - sol.c);
    return { grid: { values, nx: NG, ny: NG, x: [-L, L] as const, y: [-L, L] as const }, arrows: { x: ax, y: ay, u, v: w }, levels };
  }, [sol]);

  const fmt = (x: number, d = 4) => x.toFixed(d).replace('-', '−');
  const eig = sol.K ? closedLoopEigen(sol.K[0][0], sol.K[0][1]) : null;
  const eigText = eig
    ? eig.im > 0
      ? `closed-loop eigenvalues ${fmt(eig.re[0], 3)} ± ${eig.im.toFixed(3)}i (complex: the paths spiral in)`
      : `closed-loop eigenvalues ${fmt(eig.re[0], 3)} and ${fmt(eig.re[1], 3)} (real: no overshoot)`
    : '';
  const designed = useMemo(() => (sol.P ? designedGainValue(v.R, v.noise, RHO, [1, 0]) : null), [sol, v.R, v.noise]);
  const designText = designed
    ? `at x = (1, 0): V = ${fmt(designed.optimal)}; with the gain designed for R = 0.1 instead, V_K = ${fmt(designed.designed)}`
    : '';
  const stats = sol.P && sol.K
    ? `P = [[${fmt(sol.P[0][0])}, ${fmt(sol.P[0][1])}], [${fmt(sol.P[1][0])}, ${fmt(sol.P[1][1])}]], K = [${fmt(sol.K[0][0])}, ${fmt(sol.K[0][1])}], c = ${fmt(sol.c, 5)}; ${eigText}; ${designText}`
    : '';

  return (
    <Figure
      params={diParams}
      number={number}
      anchor={anchor}
      {...figure}
      caption={children}
      code={[careListing, policyListing, pathListing]}
      summary={stats ? `Double integrator with R = ${v.R}, noise ${v.noise}, rho = ${RHO}: ${stats}.` : undefined}
      csv={() => (r ? { t: r.t, ...Object.fromEntries([0, 1, 2, 3].flatMap((s) => [[`x_start${s + 1}`, r.paths.filter((_, k) => k % 2 === 0 && Math.floor(k / (2 * RECORD)) === s * PATHS)], [`v_start${s + 1}`, r.paths.filter((_, k) => k % 2 === 1 && Math.floor(k / (2 * RECORD)) === s * PATHS)]])) } : {})}
      controls={<Controls params={diParams} />}
    >
      <div ref={figure.plotRef} className="di-plots">
        <Legend items={[
          { label: 'contours of V', color: themeColor.muted },
          { label: 'closed-loop drift (A − BK)x', color: seriesColor(0) },
          { label: 'sample paths', color: seriesColor(1) },
        ]} />
        <PlotSurface
          aspect={stacked ? 1 : 0.62}
          canvas
          ariaLabel="Phase portrait of the double integrator under the optimal feedback, over the contours of the value function, with sample paths"
          deps={[fields, r]}
          draw={(svg, ctx, size, theme) => {
            const f = frame(size, { theme, xLabel: 'x', yLabel: 'v', yDomain: [-L, L] });
            const s = plotScales(f, [-L, L], [-L, L], { nice: false });
            drawAxes(svg, s, f, { theme, xLabel: 'position x₁', yLabel: 'velocity x₂' });
            if (!fields) return;
            svg.append('g').style('color', themeColor.muted).call((g) => drawContours(g, fields.grid, s, { theme, thresholds: fields.levels, opacity: 0.9, ariaLabel: 'Contours of the value function' }));
            drawVectorField(svg, fields.arrows, s, { theme, color: seriesColor(0), fill: 0.85, ariaLabel: 'Closed-loop drift (A - BK) x' });
            if (ctx && r) {
              const rec = r.t.length;
              const n = r.paths.length / (2 * rec);
              withClip(ctx, f, () => {
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
            }
          }}
        />
      </div>
      {stats && (
        <p className="figure-stats">
          <span>{stats}</span>
        </p>
      )}
    </Figure>
  );
}
