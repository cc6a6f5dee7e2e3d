/**
 * Figure: value iteration on a 5 x 5 gridworld, sweep by sweep. Left: V_k as a heatmap with its numbers and the
 * greedy policy as arrows; click a cell to make it a wall, a pit or free again. Right: the sup-norm error
 * ||V_k - V*|| and change ||V_k - V_{k-1}|| on a log axis against the contraction bound gamma^k ||V*||, with the
 * exact policy-iteration steps marked. The sweeps are computed in a worker; playback steps through them.
 */
import { useEffect, useMemo, useRef } from 'react';
import { color as d3color, interpolateRdBu } from 'd3';
import { defineFigure } from '../../app/figure/defineFigure.tsx';
import type { Readout } from '../../app/figure/types.ts';
import { useSettings } from '../../app/state/settings.ts';
import { useElementSize, usePlotTheme } from '../../app/plots/PlotSurface.tsx';
import type { PlotTheme } from '../../app/plots/theme.ts';
import { plotAxes } from '../../app/plots/setup.ts';
import { drawLine } from '../../app/plots/line.ts';
import { gridColorScale } from '../../app/plots/grid.ts';
import { drawColorLegend, colorLegendHeight } from '../../app/plots/colorLegend.ts';
import { seriesColor, themeColor } from '../../app/plots/theme.ts';
import { CHAR_WIDTH_EM, estimateTextWidth, formatScientific, superscript } from '../../app/plots/format.ts';
import { usePlayback } from '../../app/sim/usePlayback.ts';
import { PlaybackControls } from '../../app/components/PlaybackControls.tsx';
import viListing from '../../workers/engines/mdp.ts?fn=createValueIteration&code';
import piListing from '../../workers/engines/mdp.ts?fn=policyIterationJob&code';
import {
  CELL_FREE,
  CELL_GOAL,
  CELL_PIT,
  CELL_WALL,
  DEFAULT_PITS,
  DEFAULT_WALLS,
  GOAL_CELL,
  GRID_COLS,
  GRID_ROWS,
} from '../../workers/engines/gridworldCells.ts';
import type { GridworldViResult } from '../../workers/tasks/bellman.ts';
import './gridworld.css';

const ALL_CELLS = 2 ** (GRID_ROWS * GRID_COLS) - 1;
const MAX_FRAMES = 300;
/** Errors below this are shown on the floor of the log axis (as "0"): they are rounding, or exactly zero. */
const FLOOR = 1e-15;
const ARROW_NAMES = ['up', 'right', 'down', 'left'];
const KIND_NAMES = ['free', 'wall', 'goal', 'pit'];
/** Height over width of the grid panel, and its width beside the error plot (whose legend takes some of its height). */
const GRID_ASPECT = 1.1;
const GRID_WEIGHT = 1.2;

const bit = (mask: number, i: number) => Math.floor(mask / 2 ** i) % 2 === 1;
const withBit = (mask: number, i: number, on: boolean) => (bit(mask, i) === on ? mask : on ? mask + 2 ** i : mask - 2 ** i);

/** Clicking a cell cycles free -> wall -> pit -> free (the goal stays). */
export function toggleCell(walls: number, pits: number, i: number): { walls: number; pits: number } {
  if (i === GOAL_CELL) return { walls, pits };
  if (bit(walls, i)) return { walls: withBit(walls, i, false), pits: withBit(pits, i, true) };
  if (bit(pits, i)) return { walls, pits: withBit(pits, i, false) };
  return { walls: withBit(walls, i, true), pits };
}

/** Black or white text, whichever reads better on a fill colour. */
function inkOn(fill: string): string {
  const c = d3color(fill)?.rgb();
  if (!c) return 'currentColor';
  const lum = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;
  return lum > 0.55 ? '#111' : '#fff';
}

/** Where the grid sits in its panel (shared by the drawing and the buttons laid over the cells). */
function gridLayout(width: number, height: number, theme: PlotTheme) {
  const fs = theme.fontSize;
  const legendH = colorLegendHeight({ title: 'x', theme });
  const pad = Math.ceil(fs / 2);
  const side = Math.max(0, Math.min(width - 2 * pad, height - legendH - 3 * pad));
  return { fs, pad, side, cell: side / GRID_COLS, x0: (width - side) / 2, y0: pad };
}

/** What a cell is, in words: its value and greedy move, or its kind, and what activating it does. */
function cellDescription(r: GridworldViResult, k: number, i: number): string {
  const row = Math.floor(i / GRID_COLS);
  const col = i % GRID_COLS;
  const kind = r.kind[i];
  const s = r.stateOf[i];
  const next = i === GOAL_CELL ? '' : ` Activate to make it ${KIND_NAMES[kind === CELL_FREE ? CELL_WALL : kind === CELL_WALL ? CELL_PIT : CELL_FREE]}.`;
  if (kind !== CELL_FREE) return `Cell row ${row + 1}, column ${col + 1}: ${KIND_NAMES[kind]}.${next}`;
  return `Cell row ${row + 1}, column ${col + 1}: value ${fmtV(r.values[k * r.nStates + s])}, greedy move ${ARROW_NAMES[r.policies[k * r.nStates + s]]}.${next}`;
}

const fmtV = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2)).replace('-', '−');
/** A distance for the reader: 0.0123 as is, 1.23e-5 as 1.23 × 10⁻⁵. */
export const sci = (v: number): string => formatScientific(v);
const pow10 = (t: number) => `10${superscript(t)}`;

/** The cells as buttons over the drawing (reachable by keyboard and screen readers), placed by the drawing's layout. */
function CellButtons({ r, k, onToggle }: { r: GridworldViResult; k: number; onToggle: (i: number) => void }) {
  const box = useRef<HTMLDivElement | null>(null);
  const size = useElementSize(box);
  const theme = usePlotTheme(box);
  const at = gridLayout(size.width, size.height, theme);
  return (
    <div ref={box} className="gw-overlay" role="group" aria-label="Cells of the gridworld: activate one to make it a wall, then a pit, then free again">
      {at.cell > 0 &&
        Array.from({ length: GRID_ROWS * GRID_COLS }, (_, i) =>
          i === GOAL_CELL ? null : (
            <button
              key={i}
              type="button"
              className="gw-cell-button"
              data-cell={i}
              aria-label={cellDescription(r, k, i)}
              style={{ left: at.x0 + (i % GRID_COLS) * at.cell, top: at.y0 + Math.floor(i / GRID_COLS) * at.cell, width: at.cell, height: at.cell }}
              onClick={() => onToggle(i)}
            />
          ),
        )}
    </div>
  );
}

export const GridworldVi = defineFigure({
  id: 'gridworld-vi',
  schema: {
    gamma: { label: 'discount', symbol: 'γ', min: 0.5, max: 0.99, step: 0.01, default: 0.9 },
    slip: { label: 'slip probability', symbol: 'ε', min: 0, max: 0.9, step: 0.05, default: 0.2 },
    stepReward: { label: 'reward per move', symbol: 'c', min: -0.3, max: 0.2, step: 0.01, default: -0.04 },
    walls: { label: 'walls (cells clicked)', symbol: '▦', min: 0, max: ALL_CELLS, step: 1, default: DEFAULT_WALLS, integer: true },
    pits: { label: 'pits (cells clicked)', symbol: '○', min: 0, max: ALL_CELLS, step: 1, default: DEFAULT_PITS, integer: true },
  },
  code: [viListing, piListing],
  request: (v) => ({
    gamma: v.gamma,
    slip: v.slip,
    stepReward: v.stepReward,
    walls: v.walls,
    pits: v.pits,
    maxFrames: MAX_FRAMES,
    tol: 1e-12,
    maxSweeps: 20_000,
  }),
  useView: ({ shown, values, inView, params }) => {
    const r = shown?.result ?? null;
    const gamma = shown?.values.gamma ?? values.gamma;

    const frames = r?.frames ?? 1;
    // About eight seconds for the whole run, never faster than 30 or slower than 4 sweeps a second.
    const playback = usePlayback({ frames, fps: Math.min(30, Math.max(4, frames / 8)), visible: inView });
    const k = Math.min(playback.frame, frames - 1);
    // The first result plays from sweep 0 (unless the reader asked for reduced motion, or the figure is off screen, as
    // in a snapshot); every later result, and the first one under reduced motion, shows its last sweep: the complete
    // picture.
    const reducedMotion = useSettings((st) => st.reducedMotion);
    const autoplayed = useRef(false);
    useEffect(() => {
      if (!r) return;
      if (!autoplayed.current && !reducedMotion && inView) {
        autoplayed.current = true;
        playback.seek(0);
        playback.play();
      } else if (!playback.playing) playback.seek(r.frames - 1);
      // Only a new result moves the cursor.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [r]);

    const colour = useMemo(() => {
      if (!r) return null;
      let m = 0;
      for (const x of r.values) m = Math.max(m, Math.abs(x));
      for (const x of r.vStar) m = Math.max(m, Math.abs(x));
      // Negative values red, positive blue (the pit is red, the goal green).
      return gridColorScale([], { diverging: true, domain: [-Math.max(m, 0.05), Math.max(m, 0.05)], interpolator: interpolateRdBu });
    }, [r]);

    const bound = (j: number) => gamma ** j * (r?.errors[0] ?? 0);
    const toggle = (i: number) => {
      const s = params.store.getState();
      s.setMany(toggleCell(s.values.walls, s.values.pits, i));
    };

    const readouts: Readout[] = [];
    if (r) {
      readouts.push(
        { label: 'sweep k', value: String(k), detail: `of ${r.sweeps}` },
        { label: 'error ‖Vₖ − V*‖', value: sci(r.errors[k]), detail: `≤ γᵏ ‖V₀ − V*‖ = ${sci(bound(k))}` },
        { label: 'greedy policy', value: k >= r.policyOptimalFrom ? 'optimal' : 'not yet optimal', detail: `(it is from sweep ${r.policyOptimalFrom} on)` },
      );
      if (k > 0) readouts.push({ label: 'change ‖Vₖ − Vₖ₋₁‖', value: sci(r.deltas[k - 1]), secondary: true });
      readouts.push(
        { label: 'policy iteration', value: String(r.piErrors.length), detail: 'iterations to reach V* exactly', secondary: true },
        { label: 'Value iteration stops when a sweep changes V by less than 10⁻¹².', secondary: true },
      );
    }

    return {
      controlKeys: ['gamma', 'slip', 'stepReward'],
      readouts,
      csv: (): Record<string, ArrayLike<number>> => {
        if (!r) return {};
        const n = r.sweeps + 1;
        return {
          k: Float64Array.from({ length: n }, (_, j) => j),
          error: r.errors,
          change: Float64Array.from({ length: n }, (_, j) => (j === 0 ? NaN : r.deltas[j - 1])),
          bound: Float64Array.from({ length: n }, (_, j) => bound(j)),
          policyIterationError: r.piErrors,
        };
      },
      playback: (
        <div className="gw-under">
          <PlaybackControls playback={playback} label="sweep" format={(fr) => `sweep ${fr}`} />
          <div className="playback gw-step" role="group" aria-label="One sweep at a time">
            <button type="button" onClick={() => playback.step(-1)} disabled={k === 0} aria-label="−1: previous sweep">
              −1
            </button>
            <button type="button" onClick={() => playback.step(1)} disabled={k >= frames - 1} aria-label="+1: next sweep">
              +1
            </button>
          </div>
          {r && <p className="gw-hint">Click a cell (or focus it and press Enter) to turn it into a wall, then a pit, then free again.</p>}
        </div>
      ),
      panels: [
        {
          key: 'grid',
          title: 'values',
          aspect: GRID_ASPECT,
          weight: GRID_WEIGHT,
          ariaLabel: r ? `Gridworld values after ${k} sweeps, with the greedy policy as arrows` : 'Gridworld values',
          deps: [r, k, colour],
          content: r ? <CellButtons r={r} k={k} onToggle={toggle} /> : null,
          draw: (svg, _ctx, size, theme) => {
            const { fs, pad, side, cell, x0, y0 } = gridLayout(size.width, size.height, theme);
            const width = size.width - x0;
            if (!r || !colour || cell <= 0) return;
            const Vk = r.values.subarray(k * r.nStates, (k + 1) * r.nStates);
            const pol = r.policies.subarray(k * r.nStates, (k + 1) * r.nStates);
            const g = svg.append('g').attr('class', 'gw-cells');
            // A value such as −0.03 (five characters) must fit its cell on a small grid with a large font (a projector).
            const valueFont = Math.min(Math.max(fs * 0.95, Math.min(cell * 0.25, fs * 1.5)), (0.9 * cell) / (5 * CHAR_WIDTH_EM));
            for (let i = 0; i < GRID_ROWS * GRID_COLS; i++) {
              const row = Math.floor(i / GRID_COLS);
              const col = i % GRID_COLS;
              const x = x0 + col * cell;
              const y = y0 + row * cell;
              const kind = r.kind[i];
              const s = r.stateOf[i];
              let fill: string;
              let label = '';
              if (kind === CELL_WALL) fill = theme.muted;
              else if (kind === CELL_GOAL) fill = theme.series[2];
              else if (kind === CELL_PIT) fill = theme.series[1];
              else fill = colour(Vk[s]);
              const ink = inkOn(fill);
              if (kind === CELL_GOAL) label = '+1';
              else if (kind === CELL_PIT) label = '−1';
              else if (kind === CELL_FREE) label = fmtV(Vk[s]);
              g.append('rect')
                .attr('class', 'gw-cell')
                .attr('x', x + 1)
                .attr('y', y + 1)
                .attr('width', Math.max(0, cell - 2))
                .attr('height', Math.max(0, cell - 2))
                .attr('rx', 3)
                .attr('fill', fill)
                .attr('aria-hidden', 'true');
              // Free cells: the greedy action as an arrow in the upper half, the value below it. Others: a label.
              const valueY = kind === CELL_FREE ? y + cell * 0.7 : y + cell / 2;
              if (label) {
                g.append('text')
                  .attr('x', x + cell / 2)
                  .attr('y', valueY)
                  .attr('dy', '0.35em')
                  .attr('text-anchor', 'middle')
                  .attr('font-size', kind === CELL_FREE ? valueFont : valueFont * 1.1)
                  .attr('font-weight', kind === CELL_FREE ? 500 : 700)
                  .attr('fill', ink)
                  .attr('pointer-events', 'none')
                  .attr('aria-hidden', 'true')
                  .text(label);
              }
              if (kind === CELL_FREE) {
                const a = pol[s];
                const cx = x + cell / 2;
                const cy = y + cell * 0.32;
                const half = cell * 0.17;
                const w = Math.max(3.5, cell * 0.075);
                const dx = [0, 1, 0, -1][a];
                const dy = [-1, 0, 1, 0][a];
                const tipX = cx + dx * half;
                const tipY = cy + dy * half;
                const baseX = tipX - dx * w * 1.6;
                const baseY = tipY - dy * w * 1.6;
                g.append('line')
                  .attr('x1', cx - dx * half)
                  .attr('y1', cy - dy * half)
                  .attr('x2', baseX)
                  .attr('y2', baseY)
                  .attr('stroke', ink)
                  .attr('stroke-width', Math.max(1.5, w * 0.55))
                  .attr('pointer-events', 'none')
                  .attr('aria-hidden', 'true');
                g.append('path')
                  .attr('d', `M${tipX},${tipY}L${baseX - dy * w},${baseY + dx * w}L${baseX + dy * w},${baseY - dx * w}Z`)
                  .attr('fill', ink)
                  .attr('pointer-events', 'none')
                  .attr('aria-hidden', 'true');
              }
            }
            const longTitle = `value Vₖ(x) after k = ${k} sweep${k === 1 ? '' : 's'}`;
            const title = estimateTextWidth(longTitle, fs) <= width ? longTitle : `Vₖ(x), k = ${k}`;
            drawColorLegend(svg, colour, { x: x0, y: y0 + side + pad * 1.5, width: Math.min(side, 260), title, theme });
          },
        },
        {
          key: 'error',
          title: 'error',
          aspect: GRID_ASPECT,
          legend: [
            {
              label: (
                <>
                  error ‖V<sub>k</sub> − V*‖
                </>
              ),
              color: seriesColor(0),
            },
            {
              label: (
                <>
                  change ‖V<sub>k</sub> − V<sub>k−1</sub>‖
                </>
              ),
              color: seriesColor(3),
            },
            {
              label: (
                <>
                  bound γ<sup>k</sup>‖V*‖
                </>
              ),
              color: themeColor.fg,
              shape: 'dash',
            },
            { label: 'policy iteration', color: seriesColor(1), shape: 'diamond' },
          ],
          ariaLabel: 'Sup-norm error of value iteration against the sweep count, on a log axis, with the bound gamma^k and policy iteration’s steps',
          deps: [r, k, gamma],
          draw: (svg, _ctx, size, theme) => {
            if (!r) return;
            const fs = theme.fontSize;
            const lg = (x: number) => Math.log10(Math.max(x, FLOOR));
            const kMax = Math.max(r.sweeps, r.piErrors.length - 1, 1);
            let lo = 0;
            for (let j = 0; j <= r.sweeps; j++) lo = Math.min(lo, lg(r.errors[j]), j > 0 ? lg(r.deltas[j - 1]) : 0);
            for (const e of r.piErrors) lo = Math.min(lo, lg(e));
            lo = Math.floor(Math.min(lo, lg(bound(kMax)))) - 0.3;
            lo = Math.max(lo, Math.log10(FLOOR) - 0.3);
            const hi = Math.ceil(Math.max(lg(r.errors[0]), lg(r.piErrors[0]), 0) + 0.2);
            const yTicks: number[] = [];
            const stepT = Math.max(1, Math.ceil((hi - lo) / 6));
            for (let t = Math.ceil(lo); t <= hi; t += stepT) yTicks.push(t);
            const longLabel = 'sweep k (value iteration) · iteration i (policy iteration)';
            const xLabel = estimateTextWidth(longLabel, fs) < size.width * 0.95 ? longLabel : 'sweep k · iteration i';
            const s = plotAxes(svg, size, theme, {
              x: { domain: [0, kMax], label: xLabel },
              y: { domain: [lo, hi], label: 'sup-norm distance', ticks: yTicks, format: pow10 },
            });
            const f = s.frame;
            const n = r.sweeps + 1;
            const ks = Float64Array.from({ length: n }, (_, j) => j);
            drawLine(svg, { x: ks, y: Float64Array.from(ks, (j) => lg(bound(j))) }, s, {
              theme,
              color: themeColor.fg,
              dash: '6 4',
              ariaLabel: 'Contraction bound gamma^k ||V*||',
            });
            drawLine(svg, { x: ks.subarray(1), y: Float64Array.from(r.deltas, lg) }, s, {
              theme,
              color: seriesColor(3),
              weight: 0.8,
              ariaLabel: 'Change per sweep ||V_k - V_(k-1)||',
            });
            drawLine(svg, { x: ks, y: Float64Array.from(r.errors, lg) }, s, { theme, color: seriesColor(0), ariaLabel: 'Error ||V_k - V*||' });
            const pg = svg.append('g').attr('aria-label', 'Policy iteration: distance of each policy’s exact value to V*').attr('role', 'img');
            r.piErrors.forEach((e, i) => {
              const px = s.x(i);
              const py = s.y(lg(e));
              const d = fs * 0.45;
              pg.append('path')
                .attr('d', `M${px},${py - d}L${px + d},${py}L${px},${py + d}L${px - d},${py}Z`)
                .attr('fill', seriesColor(1))
                .attr('stroke', themeColor.background)
                .attr('stroke-width', 1);
            });
            // The cursor: the sweep shown on the left.
            const cx = s.x(k);
            svg
              .append('line')
              .attr('x1', cx)
              .attr('x2', cx)
              .attr('y1', f.top)
              .attr('y2', f.bottom)
              .attr('stroke', 'var(--accent)')
              .attr('stroke-width', 1.5)
              .attr('aria-hidden', 'true');
            svg
              .append('circle')
              .attr('cx', cx)
              .attr('cy', s.y(lg(r.errors[k])))
              .attr('r', fs * 0.35)
              .attr('fill', 'var(--accent)')
              .attr('aria-hidden', 'true');
          },
        },
      ],
    };
  },
});
