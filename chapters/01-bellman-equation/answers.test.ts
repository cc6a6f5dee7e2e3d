import { describe, expect, it } from 'vitest';
import { living, shortestPathValue, sweepsGuaranteed } from './answers.ts';
import { runToEnd } from '../../workers/engines/chunked.ts';
import { bellmanTasks, DEFAULT_PITS, DEFAULT_WALLS } from '../../workers/tasks/bellman.ts';
import { GridworldVi, sci, toggleCell } from './GridworldVi.tsx';

describe('chapter 1 exercise answers', () => {
  it('shortest-path value: c (1 - gamma^8) / (1 - gamma) + gamma^7 = 0.2505 (1e-12)', () => {
    const ref = (-0.04 * (1 - 0.9 ** 8)) / (1 - 0.9) + 0.9 ** 7;
    expect(Math.abs(shortestPathValue - ref)).toBeLessThan(1e-12);
    expect(shortestPathValue).toBeCloseTo(0.2505, 4);
  });

  it('sweeps to 1e-6: the bound needs ceil(ln(1e-6 / 2) / ln 0.95) = 283 (V* = c / (1 - gamma) = 2); value iteration measures 272', () => {
    expect(sweepsGuaranteed).toBe(Math.ceil(Math.log(1e-6 / 2) / Math.log(0.95)));
    expect(sweepsGuaranteed).toBe(283);
    // The first sweep at which the measured error is <= 1e-6: the figure's worker task, run here to its end.
    const r = runToEnd(bellmanTasks.gridworldVi({ ...living, walls: DEFAULT_WALLS, pits: DEFAULT_PITS, maxFrames: 2, tol: 1e-12, maxSweeps: 20_000 }));
    const sweepsMeasured = r.errors.findIndex((e) => e <= 1e-6);
    expect(sweepsMeasured).toBe(272);
  });
});

describe('gridworld figure helpers', () => {
  it('a click cycles a cell free -> wall -> pit -> free and never touches the goal', () => {
    let s = { walls: 0, pits: 0 };
    s = toggleCell(s.walls, s.pits, 12);
    expect(s).toEqual({ walls: 2 ** 12, pits: 0 });
    s = toggleCell(s.walls, s.pits, 12);
    expect(s).toEqual({ walls: 0, pits: 2 ** 12 });
    s = toggleCell(s.walls, s.pits, 12);
    expect(s).toEqual({ walls: 0, pits: 0 });
    expect(toggleCell(5, 7, 4)).toEqual({ walls: 5, pits: 7 });
    // The highest cell (24) works with masks above 2^24.
    expect(toggleCell(2 ** 25 - 1, 0, 24)).toEqual({ walls: 2 ** 24 - 1, pits: 2 ** 24 });
  });

  it('formats distances for the reader', () => {
    expect(sci(0)).toBe('0');
    expect(sci(0.0523)).toBe('0.0523');
    expect(sci(1.234e-5)).toBe('1.23 × 10⁻⁵');
  });
});

describe('numbers in the prose of chapter 1', () => {
  it('the bound gamma^k <= 1e-3 needs 66 sweeps at gamma = 0.9 and about 690 at gamma = 0.99', () => {
    expect(Math.ceil(Math.log(1e-3) / Math.log(0.9))).toBe(66);
    expect(Math.round(Math.log(1e-3) / Math.log(0.99) / 10) * 10).toBe(690);
  });
});

describe("the figure's defaults are Russell and Norvig's world (as the prose says)", () => {
  it('reward per move -0.04 and slip 0.2 (0.1 to either side)', () => {
    expect(GridworldVi.params.schema.stepReward.default).toBe(-0.04);
    expect(GridworldVi.params.schema.slip.default).toBe(0.2);
  });
});
