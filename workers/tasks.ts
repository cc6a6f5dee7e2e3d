/**
 * The table of what a worker can run: task name -> function of plain, structured-cloneable parameters that
 * returns a result or a Chunked generator of one. Each chapter keeps its tasks (small adapters that compose engine
 * calls for one figure) in workers/tasks/<chapter>.ts; the numerics stay in ./engines. The table itself, tasks.generated.ts, is written
 * from those modules by compiler/taskRegistry.ts. The main thread imports only the types of this file.
 */
import type { Chunked } from './engines/chunked.ts';
import { tasks } from './tasks.generated.ts';

export { tasks };

export type TaskName = keyof typeof tasks;
type Unchunk<R> = R extends Chunked<infer T> ? T : R;
export type TaskParams<N extends TaskName> = Parameters<(typeof tasks)[N]>[0];
export type TaskResult<N extends TaskName> = Unchunk<ReturnType<(typeof tasks)[N]>>;
