/**
 * The table of what a worker can run: task name -> function of plain, structured-cloneable parameters that
 * returns a result or a Chunked generator of one. Each chapter keeps its tasks (small adapters that compose engine
 * calls for one figure) in workers/tasks/<chapter>.ts; the numerics stay in ./engines. The main thread imports only
 * the types of this file.
 */
import type { Chunked } from './engines/chunked.ts';
import { bellmanTasks } from './tasks/bellman.ts';
import { fromBellmanToHjbTasks } from './tasks/fromBellmanToHjb.ts';
import { selfTestTasks } from './tasks/selfTest.ts';
import { sdeLawsTasks } from './tasks/sdeLaws.ts';
import { mertonTasks } from './tasks/merton.ts';
import { stochasticHjbLqrTasks } from './tasks/stochasticHjbLqr.ts';
import { noiseTasks } from './tasks/noise.ts';
import { feynmanKacTasks } from './tasks/feynmanKac.ts';
import { policyIterationTasks } from './tasks/policyIteration.ts';
import { continuousQLearningTasks } from './tasks/continuousQLearning.ts';
import { diffusionControlTasks } from './tasks/diffusionControl.ts';

export const tasks = {
  ...sdeLawsTasks,
  ...bellmanTasks,
  ...fromBellmanToHjbTasks,
  ...selfTestTasks,
  ...mertonTasks,
  ...stochasticHjbLqrTasks,
  ...noiseTasks,
  ...feynmanKacTasks,
  ...policyIterationTasks,
  ...continuousQLearningTasks,
  ...diffusionControlTasks,
};

export type TaskName = keyof typeof tasks;
type Unchunk<R> = R extends Chunked<infer T> ? T : R;
export type TaskParams<N extends TaskName> = Parameters<(typeof tasks)[N]>[0];
export type TaskResult<N extends TaskName> = Unchunk<ReturnType<(typeof tasks)[N]>>;
