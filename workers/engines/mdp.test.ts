import { describe, expect, it } from 'vitest';
import { createValueIteration, defaultGridworld, gridworld, policyIteration, qValues, valueIteration } from './mdp';

describe('gridworld', () => {
  it('builds a valid MDP: walls removed, terminals absorbing, rows of P summing to 1', () => {
    const g = defaultGridworld();
    expect(g.nStates).toBe(25 - 4);
    expect(g.stateOf[1 * 5 + 1]).toBe(-1);
    const goal = g.stateOf[0 * 5 + 4];
    expect(g.terminal[goal]).toBe(1);
    expect(g.P[(goal * 4 + 2) * g.nStates + goal]).toBe(1);
    // From (0,3) moving right (action 1) with slip 0.2: goal with 0.8; up (wall: stay) 0.1; down to (1,3) 0.1.
    const s = g.stateOf[3];
    expect(g.P[(s * 4 + 1) * g.nStates + goal]).toBeCloseTo(0.8, 15);
    expect(g.R[s * 4 + 1]).toBeCloseTo(-0.04 + 0.8 * 1, 15);
  });

  it('deterministic world: the value along a shortest path is sum of discounted step rewards plus the goal', () => {
    const g = gridworld({ rows: 1, cols: 4, terminals: [{ cell: [0, 3], reward: 1 }], stepReward: -0.1, slip: 0, gamma: 0.9 });
    const { V } = valueIteration(g);
    // From (0,0): three moves right, the last one entering the goal: -0.1 - 0.09 - 0.081 + 0.81.
    expect(V[0]).toBeCloseTo(-0.1 - 0.9 * 0.1 + 0.81 * (-0.1 + 1), 10);
    expect(V[2]).toBeCloseTo(0.9, 12);
    expect(V[3]).toBe(0);
  });

  it('rejects bad specs', () => {
    expect(() => gridworld({ rows: 2, cols: 2, terminals: [], stepReward: 0, slip: 1, gamma: 0.9 })).toThrow(/slip must be in \[0, 1\)/);
    expect(() => gridworld({ rows: 2, cols: 2, walls: [[5, 5]], terminals: [], stepReward: 0, slip: 0, gamma: 0.9 })).toThrow(/outside/);
    expect(() => gridworld({ rows: 2, cols: 2, terminals: [], stepReward: 0, slip: 0, gamma: 1 })).toThrow(/gamma must be in \[0, 1\)/);
  });
});

describe('value iteration and policy iteration', () => {
  it('value iteration contracts by at least gamma per sweep and can be stepped', () => {
    const g = defaultGridworld();
    const vi = createValueIteration(g);
    const deltas: number[] = [];
    for (let k = 0; k < 60; k++) deltas.push(vi.sweep());
    expect(vi.sweeps).toBe(60);
    for (let k = 1; k < deltas.length; k++) expect(deltas[k]).toBeLessThanOrEqual(g.gamma * deltas[k - 1] + 1e-15);
  });

  it('both reach the same optimal values and policy; V satisfies the Bellman equation to 1e-9', () => {
    const g = defaultGridworld();
    const vi = valueIteration(g, { tol: 1e-12, keepHistory: true });
    const pi = policyIteration(g);
    for (let s = 0; s < g.nStates; s++) expect(vi.V[s]).toBeCloseTo(pi.V[s], 9);
    expect(Array.from(vi.policy)).toEqual(Array.from(pi.policy));
    expect(pi.iterations).toBeLessThan(10);
    expect(vi.history!.length).toBe(vi.sweeps + 1);
    const q = qValues(g, pi.V);
    for (let s = 0; s < g.nStates; s++) {
      if (g.terminal[s]) continue;
      const best = Math.max(q[4 * s], q[4 * s + 1], q[4 * s + 2], q[4 * s + 3]);
      expect(Math.abs(best - pi.V[s])).toBeLessThan(1e-9);
    }
    // The optimal action next to the goal at (0,3) is 'right'; at (2,4), below the pit, it avoids going up.
    expect(pi.policy[g.stateOf[3]]).toBe(1);
    expect(pi.policy[g.stateOf[2 * 5 + 4]]).not.toBe(0);
  });
});
