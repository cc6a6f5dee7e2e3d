/** Exercise answers of chapter 1, computed by the engines (never typed in). */
import { defaultGridworld, policyIteration } from '../../workers/engines/index.ts';
import { runToEnd } from '../../workers/engines/chunked.ts';
import { bellmanTasks, DEFAULT_PITS, DEFAULT_WALLS } from '../../workers/tasks/bellman.ts';

/** V* of the bottom-left cell (4, 0) of the default world without slip, gamma = 0.9, c = -0.04 (policy iteration). */
export const shortestPathValue = (() => {
  const g = defaultGridworld({ slip: 0, gamma: 0.9, stepReward: -0.04 });
  return policyIteration(g).V[g.stateOf[4 * 5 + 0]];
})();

const living = { gamma: 0.95, slip: 0.2, stepReward: 0.1 };

/** Sweeps the bound ||V_k - V*|| <= gamma^k ||V*|| guarantees for 1e-6, with ||V*|| from policy iteration (c = +0.1, gamma = 0.95). */
export const sweepsGuaranteed = (() => {
  const vStar = policyIteration(defaultGridworld(living)).V;
  const norm = Math.max(...Array.from(vStar, Math.abs));
  return Math.ceil(Math.log(1e-6 / norm) / Math.log(living.gamma));
})();

/** The first sweep at which value iteration's measured error is <= 1e-6 in the same world. */
export const sweepsMeasured = (() => {
  const r = runToEnd(bellmanTasks.gridworldVi({ ...living, walls: DEFAULT_WALLS, pits: DEFAULT_PITS, maxFrames: 2, tol: 1e-12, maxSweeps: 20_000 }));
  return r.errors.findIndex((e) => e <= 1e-6);
})();
