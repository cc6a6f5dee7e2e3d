/** Exercise answers of chapter 1, computed by the engines (never typed in). */
import { defaultGridworld, policyIteration } from '../../workers/engines/index.ts';

/** V* of the bottom-left cell (4, 0) of the default world without slip, gamma = 0.9, c = -0.04 (policy iteration). */
export const shortestPathValue = (() => {
  const g = defaultGridworld({ slip: 0, gamma: 0.9, stepReward: -0.04 });
  return policyIteration(g).V[g.stateOf[4 * 5 + 0]];
})();

export const living = { gamma: 0.95, slip: 0.2, stepReward: 0.1 };

/** Sweeps the bound ||V_k - V*|| <= gamma^k ||V*|| guarantees for 1e-6, with ||V*|| from policy iteration (c = +0.1, gamma = 0.95). */
export const sweepsGuaranteed = (() => {
  const vStar = policyIteration(defaultGridworld(living)).V;
  const norm = Math.max(...Array.from(vStar, Math.abs));
  return Math.ceil(Math.log(1e-6 / norm) / Math.log(living.gamma));
})();

// The sweep at which value iteration measures 1e-6 in the same world (272, quoted in the solution) comes from the
// chapter's worker task, as the figure shows it; answers.test.ts runs the task and checks it, so loading the chapter
// runs no value iteration on the page.
