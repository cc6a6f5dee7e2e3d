import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { createValueIteration, defaultGridworld, greedyPolicy, policyIteration, qValues } from '../engines/index.ts';
import { bellmanTasks, CELL_GOAL, CELL_PIT, CELL_WALL, DEFAULT_PITS, DEFAULT_WALLS, gridSpecFromMasks, type GridworldViParams } from './bellman.ts';

const base: GridworldViParams = {
  gamma: 0.9,
  slip: 0.2,
  stepReward: -0.04,
  walls: DEFAULT_WALLS,
  pits: DEFAULT_PITS,
  maxFrames: 300,
  tol: 1e-12,
  maxSweeps: 20_000,
};
const run = (over: Partial<GridworldViParams> = {}) => runToEnd(bellmanTasks.gridworldVi({ ...base, ...over }));

describe('gridworldVi', () => {
  it('the default masks are the engine’s default gridworld; V* is its policy-iteration optimum exactly', () => {
    const r = run();
    const ref = policyIteration(defaultGridworld({ gamma: 0.9 }));
    expect(Array.from(r.vStar)).toEqual(Array.from(ref.V));
    expect(r.kind[4]).toBe(CELL_GOAL);
    expect(r.kind[9]).toBe(CELL_PIT);
    expect([6, 7, 17, 18].map((i) => r.kind[i])).toEqual([CELL_WALL, CELL_WALL, CELL_WALL, CELL_WALL]);
    expect(r.nStates).toBe(21);
  });

  it('every frame is V_k of value iteration and its greedy policy, bit for bit', () => {
    const r = run({ gamma: 0.95, slip: 0.3 });
    const g = defaultGridworld({ gamma: 0.95, slip: 0.3 });
    const vi = createValueIteration(g);
    for (let k = 0; k < r.frames; k++) {
      if (k > 0) vi.sweep();
      expect(Array.from(r.values.subarray(k * r.nStates, (k + 1) * r.nStates))).toEqual(Array.from(vi.V));
      expect(Array.from(r.policies.subarray(k * r.nStates, (k + 1) * r.nStates))).toEqual(Array.from(greedyPolicy(g, vi.V)));
    }
    expect(r.frames).toBe(Math.min(300, r.sweeps + 1));
    // A reward for every step keeps the agent away from the terminals: no absorption, the error shrinks like gamma^k.
    const slow = run({ gamma: 0.99, stepReward: 0.1 });
    expect(slow.frames).toBe(300);
    expect(slow.errors[200] / slow.errors[100]).toBeCloseTo(0.99 ** 100, 6);
  });

  it('contraction: ||V_k - V*|| <= gamma^k ||V_0 - V*|| and each change is at most gamma times the last (for gamma in 0.5 .. 0.99)', () => {
    for (const gamma of [0.5, 0.9, 0.99]) {
      const r = run({ gamma });
      expect(r.errors[0]).toBe(Math.max(...Array.from(r.vStar, Math.abs)));
      for (let k = 0; k <= r.sweeps; k++) expect(r.errors[k]).toBeLessThanOrEqual(gamma ** k * r.errors[0] + 1e-13);
      for (let k = 1; k < r.sweeps; k++) expect(r.deltas[k]).toBeLessThanOrEqual(gamma * r.deltas[k - 1] + 1e-15);
      // Stopped at the tolerance; V_K agrees with V* to within the a-posteriori bound gamma/(1-gamma) * delta_K.
      expect(r.deltas[r.sweeps - 1]).toBeLessThan(1e-12);
      expect(r.errors[r.sweeps]).toBeLessThanOrEqual((gamma / (1 - gamma)) * r.deltas[r.sweeps - 1] + 1e-13);
      // Policy iteration ends exactly at V* in a handful of iterations.
      expect(r.piErrors[r.piErrors.length - 1]).toBe(0);
      expect(r.piErrors.length).toBeLessThan(10);
    }
  });

  it('without slip the values are discounted shortest-path sums: V(0,3) = 0.96, V(4,0) = sum_{j<8} gamma^j (-0.04) + gamma^7', () => {
    const r = run({ slip: 0 });
    const V = (row: number, col: number) => r.vStar[r.stateOf[row * 5 + col]];
    expect(V(0, 3)).toBeCloseTo(0.96, 12);
    let ref = 0.9 ** 7;
    for (let j = 0; j < 8; j++) ref -= 0.04 * 0.9 ** j;
    expect(V(4, 0)).toBeCloseTo(ref, 12);
  });

  it('at the defaults the greedy policy is optimal from sweep 7 on, the values reach two decimals at sweep 16, and VI stops at 45', () => {
    const r = run();
    expect(r.policyOptimalFrom).toBe(7);
    expect(r.errors.findIndex((e) => e < 5e-3)).toBe(16);
    expect(r.sweeps).toBe(45);
    // Independent check of the policy claim: greedy w.r.t. V_6 is not optimal somewhere, w.r.t. V_7 .. V_45 it is.
    const g = defaultGridworld({ gamma: 0.9 });
    const q = qValues(g, r.vStar);
    const optimal = (k: number) =>
      Array.from({ length: r.nStates }, (_, s) => s).every((s) => g.terminal[s] || q[4 * s + r.policies[k * r.nStates + s]] >= r.vStar[s] - 1e-9);
    expect(optimal(6)).toBe(false);
    for (let k = 7; k < r.frames; k++) expect(optimal(k)).toBe(true);
  });

  it('a toggled cell changes the world: a pit at (0,3) next to the goal, a wall where the pit was', () => {
    const spec = gridSpecFromMasks({ ...base, pits: 1 << 3, walls: DEFAULT_WALLS | (1 << 9) });
    expect(spec.terminals).toEqual([
      { cell: [0, 4], reward: 1 },
      { cell: [0, 3], reward: -1 },
    ]);
    expect(spec.walls).toContainEqual([1, 4]);
    const r = run({ pits: 1 << 3, walls: DEFAULT_WALLS | (1 << 9) });
    // The goal is now enclosed (pit to its left, wall below): every value is negative.
    expect(Math.max(...Array.from(r.vStar))).toBeLessThanOrEqual(0);
  });

  it('rejects a world with no state to solve and bad masks, with sentences', () => {
    expect(() => run({ walls: 2 ** 25 - 1 })).toThrow(/Every cell is a wall, a pit or the goal/);
    expect(() => run({ walls: -1 })).toThrow(/walls must be a bit mask/);
    expect(() => run({ maxFrames: 1 })).toThrow(/maxFrames/);
  });
});
