/**
 * Finite Markov decision processes for chapters 1–2: a gridworld builder, value iteration that can be stepped
 * sweep by sweep (for a live figure), and policy iteration. Rewards are maximised:
 *   V*(s) = max_a { R(s, a) + gamma sum_s' P(s' | s, a) V*(s') }.
 */
import { runToEnd, type Chunked } from './chunked';
import { solve } from './linalg';
import { requireFinite, requireInRange, requireInteger, requirePositive } from './validate';

/** A finite MDP with dense transitions: P[(s * nA + a) * nS + s'] and expected rewards R[s * nA + a]. */
export interface FiniteMdp {
  nStates: number;
  nActions: number;
  P: Float64Array;
  R: Float64Array;
  /** Discount factor in [0, 1). */
  gamma: number;
  /** 1 for absorbing terminal states (value 0). */
  terminal: Uint8Array;
}

/** Checks shapes, that every row of P is a probability distribution, and gamma in [0, 1). */
function checkMdp(m: FiniteMdp): void {
  const { nStates: nS, nActions: nA, P, R, gamma } = m;
  requireInteger('nStates', nS, 1, 2000);
  requireInteger('nActions', nA, 1, 64);
  if (P.length !== nS * nA * nS) throw new Error(`P must have nStates * nActions * nStates = ${nS * nA * nS} entries; got ${P.length}`);
  if (R.length !== nS * nA) throw new Error(`R must have nStates * nActions = ${nS * nA} entries; got ${R.length}`);
  if (m.terminal.length !== nS) throw new Error(`terminal must have nStates = ${nS} entries; got ${m.terminal.length}`);
  requireInRange('gamma', gamma, 0, 1, { open: 'hi' });
  for (let sa = 0; sa < nS * nA; sa++) {
    let s = 0;
    for (let t = 0; t < nS; t++) {
      const p = P[sa * nS + t];
      if (!(p >= 0)) throw new Error(`P must be non-negative; P[${sa * nS + t}] = ${p}`);
      s += p;
    }
    if (Math.abs(s - 1) > 1e-9) throw new Error(`each row of P must sum to 1; row (s, a) = ${sa} sums to ${s}`);
  }
}

/** Gridworld description. Cells are [row, col], row 0 at the top. */
export interface GridworldSpec {
  rows: number;
  cols: number;
  walls?: [number, number][];
  /** Terminal cells with the reward received on entering them (e.g. goal +1, pit -1). */
  terminals: { cell: [number, number]; reward: number }[];
  /** Reward of every move (e.g. -0.04). */
  stepReward: number;
  /** Probability of slipping to each perpendicular direction is slip/2 (0 = deterministic); slip in [0, 1). */
  slip: number;
  gamma: number;
}

/** A gridworld MDP plus the maps between cells and state indices. Actions: 0 up, 1 right, 2 down, 3 left. */
export interface Gridworld extends FiniteMdp {
  spec: GridworldSpec;
  /** State index of a cell, -1 for walls. */
  stateOf: Int32Array;
  /** Cell [row, col] of each state. */
  cellOf: [number, number][];
}

const MOVES: [number, number][] = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
];

/**
 * Builds a gridworld: moving into a wall or off the grid leaves the agent in place; with probability 1 - slip the
 * intended move happens, with slip/2 each of the two perpendicular ones; every move earns `stepReward`, plus the
 * terminal's reward when it enters a terminal cell; terminal cells are absorbing with reward 0.
 */
export function gridworld(spec: GridworldSpec): Gridworld {
  const { rows, cols, stepReward, slip, gamma } = spec;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1 || rows * cols > 2000) {
    throw new Error(`rows and cols must be positive integers with rows * cols <= 2000; got ${rows} x ${cols}`);
  }
  requireInRange('slip', slip, 0, 1, { open: 'hi' });
  requireFinite('stepReward', stepReward);
  const inside = ([r, c]: [number, number]) => Number.isInteger(r) && Number.isInteger(c) && r >= 0 && r < rows && c >= 0 && c < cols;
  const wall = new Uint8Array(rows * cols);
  for (const w of spec.walls ?? []) {
    if (!inside(w)) throw new Error(`wall ${JSON.stringify(w)} lies outside the ${rows} x ${cols} grid`);
    wall[w[0] * cols + w[1]] = 1;
  }
  const stateOf = new Int32Array(rows * cols).fill(-1);
  const cellOf: [number, number][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (wall[r * cols + c]) continue;
      stateOf[r * cols + c] = cellOf.length;
      cellOf.push([r, c]);
    }
  }
  const nS = cellOf.length;
  if (nS === 0) throw new Error('the gridworld has no free cell');
  const nA = 4;
  const terminal = new Uint8Array(nS);
  const bonus = new Float64Array(nS);
  for (const t of spec.terminals) {
    if (!inside(t.cell) || wall[t.cell[0] * cols + t.cell[1]]) throw new Error(`terminal ${JSON.stringify(t.cell)} must be a free cell inside the grid`);
    const s = stateOf[t.cell[0] * cols + t.cell[1]];
    terminal[s] = 1;
    bonus[s] = t.reward;
  }
  const P = new Float64Array(nS * nA * nS);
  const R = new Float64Array(nS * nA);
  const target = (s: number, dir: number): number => {
    const [r, c] = cellOf[s];
    const nr = r + MOVES[dir][0];
    const nc = c + MOVES[dir][1];
    if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || wall[nr * cols + nc]) return s;
    return stateOf[nr * cols + nc];
  };
  for (let s = 0; s < nS; s++) {
    for (let a = 0; a < nA; a++) {
      const row = (s * nA + a) * nS;
      if (terminal[s]) {
        P[row + s] = 1;
        continue;
      }
      const outcomes: [number, number][] = [
        [a, 1 - slip],
        [(a + 1) % 4, slip / 2],
        [(a + 3) % 4, slip / 2],
      ];
      let rew = 0;
      for (const [dir, prob] of outcomes) {
        if (prob === 0) continue;
        const t = target(s, dir);
        P[row + t] += prob;
        rew += prob * (stepReward + (terminal[t] ? bonus[t] : 0));
      }
      R[s * nA + a] = rew;
    }
  }
  const m: Gridworld = { nStates: nS, nActions: nA, P, R, gamma, terminal, spec, stateOf, cellOf };
  checkMdp(m);
  return m;
}

/**
 * The book's default 5 x 5 gridworld: walls at (1,1), (1,2), (3,2), (3,3); goal (0,4) worth +1; pit (1,4) worth -1;
 * step reward -0.04; slip 0.2; gamma 0.95.
 */
export function defaultGridworld(over: Partial<GridworldSpec> = {}): Gridworld {
  return gridworld({
    rows: 5,
    cols: 5,
    walls: [
      [1, 1],
      [1, 2],
      [3, 2],
      [3, 3],
    ],
    terminals: [
      { cell: [0, 4], reward: 1 },
      { cell: [1, 4], reward: -1 },
    ],
    stepReward: -0.04,
    slip: 0.2,
    gamma: 0.95,
    ...over,
  });
}

/** Q(s, a) = R(s, a) + gamma sum_s' P(s'|s, a) V(s') (0 at terminal states), as q[s * nA + a]. */
export function qValues(m: FiniteMdp, V: ArrayLike<number>): Float64Array {
  const { nStates: nS, nActions: nA, P, R, gamma } = m;
  const q = new Float64Array(nS * nA);
  for (let s = 0; s < nS; s++) {
    if (m.terminal[s]) continue;
    for (let a = 0; a < nA; a++) {
      const row = (s * nA + a) * nS;
      let e = 0;
      for (let t = 0; t < nS; t++) {
        const p = P[row + t];
        if (p !== 0) e += p * V[t];
      }
      q[s * nA + a] = R[s * nA + a] + gamma * e;
    }
  }
  return q;
}

/** Greedy policy argmax_a Q(s, a) (ties: lowest action index); 0 at terminal states. */
export function greedyPolicy(m: FiniteMdp, V: ArrayLike<number>): Int32Array {
  const q = qValues(m, V);
  const pol = new Int32Array(m.nStates);
  for (let s = 0; s < m.nStates; s++) {
    let best = 0;
    for (let a = 1; a < m.nActions; a++) if (q[s * m.nActions + a] > q[s * m.nActions + best] + 1e-15) best = a;
    pol[s] = best;
  }
  return pol;
}

/** A value iteration that a figure can step: each `sweep()` applies one synchronous Bellman update. */
export interface ValueIterationStepper {
  /** Current values (do not mutate). */
  readonly V: Float64Array;
  /** Sweeps done so far. */
  readonly sweeps: number;
  /** One Jacobi sweep V <- max_a {R + gamma P V}; returns the sup-norm change max_s |V_new(s) - V(s)|. */
  sweep(): number;
  /** Greedy policy with respect to the current values. */
  policy(): Int32Array;
}

/** Starts value iteration from V0 (default 0). */
export function createValueIteration(m: FiniteMdp, V0?: ArrayLike<number>): ValueIterationStepper {
  checkMdp(m);
  let V = new Float64Array(m.nStates);
  if (V0) {
    if (V0.length !== m.nStates) throw new Error(`V0 must have nStates = ${m.nStates} entries; got ${V0.length}`);
    V.set(V0);
  }
  let sweeps = 0;
  return {
    get V() {
      return V;
    },
    get sweeps() {
      return sweeps;
    },
    sweep() {
      const q = qValues(m, V);
      const next = new Float64Array(m.nStates);
      let delta = 0;
      for (let s = 0; s < m.nStates; s++) {
        if (m.terminal[s]) continue;
        let best = -Infinity;
        for (let a = 0; a < m.nActions; a++) best = Math.max(best, q[s * m.nActions + a]);
        next[s] = best;
        delta = Math.max(delta, Math.abs(best - V[s]));
      }
      V = next;
      sweeps++;
      return delta;
    },
    policy() {
      return greedyPolicy(m, V);
    },
  };
}

/**
 * Value iteration to convergence: sweeps until the change is below tol (then the greedy policy is
 * 2 tol gamma / (1 - gamma)-optimal), at most maxSweeps. Returns values, policy, per-sweep changes and, if
 * `keepHistory`, the values after every sweep (for scrubbing a figure).
 */
export function valueIteration(m: FiniteMdp, opts: ValueIterationOptions = {}): ValueIterationResult {
  return runToEnd(valueIterationJob(m, opts));
}

/** Options of `valueIteration`. */
export interface ValueIterationOptions {
  tol?: number;
  maxSweeps?: number;
  keepHistory?: boolean;
}

/** Result of `valueIteration`. */
export interface ValueIterationResult {
  V: Float64Array;
  policy: Int32Array;
  sweeps: number;
  deltas: number[];
  history?: Float64Array[];
}

/** `valueIteration` as a chunked job (yields every ~1e6 transition entries of work). */
function* valueIterationJob(m: FiniteMdp, opts: ValueIterationOptions = {}): Chunked<ValueIterationResult> {
  const tol = opts.tol ?? 1e-10;
  const maxSweeps = opts.maxSweeps ?? 10_000;
  requirePositive('tol', tol);
  requireInteger('maxSweeps', maxSweeps, 1);
  const vi = createValueIteration(m);
  const deltas: number[] = [];
  const history: Float64Array[] | undefined = opts.keepHistory ? [Float64Array.from(vi.V)] : undefined;
  const perChunk = Math.max(1, Math.floor(1e6 / (m.nStates * m.nStates * m.nActions)));
  for (let k = 0; k < maxSweeps; k++) {
    const d = vi.sweep();
    deltas.push(d);
    history?.push(Float64Array.from(vi.V));
    if (d < tol) break;
    if ((k + 1) % perChunk === 0) yield (k + 1) / maxSweeps;
  }
  return { V: vi.V, policy: vi.policy(), sweeps: vi.sweeps, deltas, history };
}

/**
 * Policy iteration (Howard 1960), for at most 500 states: exact evaluation (I - gamma P_pi) V = R_pi by Gaussian elimination (terminal
 * states pinned to 0), then greedy improvement, until the policy is stable. Starts from policy0 (default all 0).
 * Returns the values and policies of every iteration.
 */
export function policyIteration(m: FiniteMdp, policy0?: ArrayLike<number>, maxIterations = 100): PolicyIterationResult {
  return runToEnd(policyIterationJob(m, policy0, maxIterations));
}

/** Result of `policyIteration`. */
export interface PolicyIterationResult {
  V: Float64Array;
  policy: Int32Array;
  iterations: number;
  history: { V: Float64Array; policy: Int32Array }[];
}

/** `policyIteration` as a chunked job: yields after every evaluation + improvement. */
function* policyIterationJob(m: FiniteMdp, policy0?: ArrayLike<number>, maxIterations = 100): Chunked<PolicyIterationResult> {
  checkMdp(m);
  const { nStates: nS, nActions: nA, P, R, gamma } = m;
  if (nS > 500) throw new Error(`policy iteration solves a dense nStates x nStates system: at most 500 states; got ${nS}`);
  let pol = new Int32Array(nS);
  if (policy0) {
    if (policy0.length !== nS) throw new Error(`policy0 must have nStates = ${nS} entries; got ${policy0.length}`);
    for (let s = 0; s < nS; s++) {
      const a = policy0[s];
      requireInteger(`policy0[${s}] (an action)`, a, 0, nA - 1);
      pol[s] = a;
    }
  }
  const history: { V: Float64Array; policy: Int32Array }[] = [];
  for (let it = 0; it < maxIterations; it++) {
    const A = Array.from({ length: nS }, () => new Array<number>(nS).fill(0));
    const b = Array.from({ length: nS }, () => [0]);
    for (let s = 0; s < nS; s++) {
      A[s][s] = 1;
      if (m.terminal[s]) continue;
      const row = (s * nA + pol[s]) * nS;
      for (let t = 0; t < nS; t++) A[s][t] -= gamma * P[row + t];
      b[s][0] = R[s * nA + pol[s]];
    }
    const V = Float64Array.from(solve(A, b).map((r) => r[0]));
    history.push({ V, policy: Int32Array.from(pol) });
    const next = greedyPolicy(m, V);
    // Keep the current action on ties so that the iteration stops.
    const q = qValues(m, V);
    let changed = false;
    for (let s = 0; s < nS; s++) {
      if (q[s * nA + next[s]] > q[s * nA + pol[s]] + 1e-12) {
        pol[s] = next[s];
        changed = true;
      }
    }
    if (!changed) return { V, policy: pol, iterations: it + 1, history };
    pol = Int32Array.from(pol);
    yield (it + 1) / maxIterations;
  }
  throw new Error(`policy iteration did not stabilise in ${maxIterations} iterations`);
}
