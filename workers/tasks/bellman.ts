/**
 * Worker tasks for chapter 1 (the Bellman equation): value iteration on an editable gridworld, recorded sweep by
 * sweep for playback, checked against the exact optimum from policy iteration.
 */
import { createValueIteration, greedyPolicy, gridworld, policyIteration, qValues, type Gridworld, type GridworldSpec } from '../engines/index.ts';
import type { Chunked } from '../engines/chunked.ts';
import { CELL_FREE, CELL_GOAL, CELL_PIT, CELL_WALL, GOAL_CELL, GRID_COLS, GRID_ROWS } from '../engines/gridworldCells.ts';

/** The figure's gridworld (5 x 5, goal at the top right; walls and pits are bit masks over cells r * 5 + c). */
export { CELL_GOAL, CELL_PIT, CELL_WALL, DEFAULT_PITS, DEFAULT_WALLS } from '../engines/gridworldCells.ts';

export interface GridworldViParams {
  gamma: number;
  slip: number;
  stepReward: number;
  /** Bit masks over the 25 cells (bit r * 5 + c); the goal cell's bits are ignored; a cell in both is a wall. */
  walls: number;
  pits: number;
  /** At most this many sweeps are kept for playback. */
  maxFrames: number;
  /** Value iteration stops when a sweep changes V by less than this (sup norm), or after maxSweeps. */
  tol: number;
  maxSweeps: number;
}

export interface GridworldViResult {
  rows: number;
  cols: number;
  /** Per cell (r * cols + c): CELL_FREE, CELL_WALL, CELL_GOAL or CELL_PIT. */
  kind: Uint8Array;
  /** State index of each cell, -1 for walls. */
  stateOf: Int32Array;
  nStates: number;
  /** Frames kept for playback: V_k and the greedy policy w.r.t. V_k for k = 0 .. frames - 1. */
  frames: number;
  values: Float64Array;
  policies: Int8Array;
  /** All sweeps until the tolerance: deltas[k - 1] = ||V_k - V_{k-1}||, errors[k] = ||V_k - V*|| (k = 0 .. sweeps). */
  sweeps: number;
  deltas: Float64Array;
  errors: Float64Array;
  /** The exact optimum (policy iteration) and its greedy policy. */
  vStar: Float64Array;
  policyStar: Int32Array;
  /** Policy iteration from the all-'up' policy: ||V^{pi_i} - V*|| for each iteration i (the last is 0). */
  piErrors: Float64Array;
  /** The first sweep k from which the greedy policy of V_k is optimal (Q*(s, a) >= V*(s) - 1e-9) at every later sweep. */
  policyOptimalFrom: number;
}

/** The GridworldSpec that the masks describe. */
export function gridSpecFromMasks(p: Pick<GridworldViParams, 'gamma' | 'slip' | 'stepReward' | 'walls' | 'pits'>): GridworldSpec {
  for (const [k, v] of Object.entries({ walls: p.walls, pits: p.pits })) {
    if (!Number.isInteger(v) || v < 0 || v >= 2 ** (GRID_ROWS * GRID_COLS))
      throw new Error(`${k} must be a bit mask over the ${GRID_ROWS * GRID_COLS} cells; got ${v}`);
  }
  const walls: [number, number][] = [];
  const terminals: GridworldSpec['terminals'] = [{ cell: [Math.floor(GOAL_CELL / GRID_COLS), GOAL_CELL % GRID_COLS], reward: 1 }];
  for (let i = 0; i < GRID_ROWS * GRID_COLS; i++) {
    if (i === GOAL_CELL) continue;
    const cell: [number, number] = [Math.floor(i / GRID_COLS), i % GRID_COLS];
    if (Math.floor(p.walls / 2 ** i) % 2) walls.push(cell);
    else if (Math.floor(p.pits / 2 ** i) % 2) terminals.push({ cell, reward: -1 });
  }
  return { rows: GRID_ROWS, cols: GRID_COLS, walls, terminals, stepReward: p.stepReward, slip: p.slip, gamma: p.gamma };
}

function supDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/**
 * Value iteration V_{k+1} = max_a {R + gamma P V_k} from V_0 = 0 on the gridworld, recording V_k and its greedy
 * policy for the first `maxFrames` sweeps, and the sup-norm change and error against V* for every sweep until the
 * change falls below `tol`. V* comes from policy iteration (exact linear solves), independent of the sweeps.
 */
function* gridworldVi(p: GridworldViParams): Chunked<GridworldViResult> {
  if (!Number.isInteger(p.maxFrames) || p.maxFrames < 2 || p.maxFrames > 2000) throw new Error(`maxFrames must be an integer in [2, 2000]; got ${p.maxFrames}`);
  if (!Number.isInteger(p.maxSweeps) || p.maxSweeps < 1 || p.maxSweeps > 100_000)
    throw new Error(`maxSweeps must be an integer in [1, 100000]; got ${p.maxSweeps}`);
  if (!(p.tol > 0)) throw new Error(`tol must be > 0; got ${p.tol}`);
  const m: Gridworld = gridworld(gridSpecFromMasks(p));
  let open = 0;
  for (let s = 0; s < m.nStates; s++) if (!m.terminal[s]) open++;
  if (open === 0) throw new Error('Every cell is a wall, a pit or the goal: there is no state to solve for. Click a cell to free it, or reset.');
  const nS = m.nStates;
  const kind = new Uint8Array(GRID_ROWS * GRID_COLS);
  for (let i = 0; i < kind.length; i++) {
    const s = m.stateOf[i];
    kind[i] = s < 0 ? CELL_WALL : i === GOAL_CELL ? CELL_GOAL : m.terminal[s] ? CELL_PIT : CELL_FREE;
  }

  const pi = policyIteration(m);
  const vStar = pi.V;
  const piErrors = Float64Array.from(pi.history, (h) => supDiff(h.V, vStar));
  yield 0.05;

  const qStar = qValues(m, vStar);
  const isOptimal = (pol: Int32Array) => {
    for (let s = 0; s < nS; s++) if (!m.terminal[s] && qStar[s * m.nActions + pol[s]] < vStar[s] - 1e-9) return false;
    return true;
  };
  const vi = createValueIteration(m);
  const values: number[] = [...vi.V];
  const pol0 = greedyPolicy(m, vi.V);
  const policies: number[] = [...pol0];
  let policyOptimalFrom = isOptimal(pol0) ? 0 : 1;
  const deltas: number[] = [];
  const errors: number[] = [supDiff(vi.V, vStar)];
  let frames = 1;
  for (let k = 1; k <= p.maxSweeps; k++) {
    const d = vi.sweep();
    deltas.push(d);
    errors.push(supDiff(vi.V, vStar));
    const pol = greedyPolicy(m, vi.V);
    if (!isOptimal(pol)) policyOptimalFrom = k + 1;
    if (frames < p.maxFrames) {
      values.push(...vi.V);
      policies.push(...pol);
      frames++;
    }
    if (d < p.tol) break;
    if (k % 500 === 0) yield 0.05 + (0.95 * k) / p.maxSweeps;
  }
  return {
    rows: GRID_ROWS,
    cols: GRID_COLS,
    kind,
    stateOf: Int32Array.from(m.stateOf),
    nStates: nS,
    frames,
    values: Float64Array.from(values),
    policies: Int8Array.from(policies),
    sweeps: deltas.length,
    deltas: Float64Array.from(deltas),
    errors: Float64Array.from(errors),
    vStar: Float64Array.from(vStar),
    policyStar: Int32Array.from(pi.policy),
    piErrors,
    policyOptimalFrom,
  };
}

export const bellmanTasks = { gridworldVi };
