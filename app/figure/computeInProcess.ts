/**
 * A figure's result computed in this process, as the page's worker would compute it (the task run to its end, or
 * the closed form): for the snapshot tests and for the prerendered pages.
 */
import { runToEnd, type Chunked } from '../../workers/engines/chunked.ts';
import { tasks, type TaskName } from '../../workers/tasks.ts';
import { isChunked } from '../../workers/runTask.ts';
import type { Schema, Values } from '../state/schema.ts';
import type { FigureDeclaration } from './defineFigure.tsx';

/** Runs the declaration's source at the given values: the task in-process (to its end) or the closed form. */
export function computeFigure<S extends Schema>(decl: FigureDeclaration<S>, values: Values<S>): { result: unknown; request: unknown } {
  if ('compute' in decl) return { result: decl.compute(values), request: values };
  const request = decl.request(values);
  const run = tasks[decl.task as TaskName] as (p: unknown) => unknown;
  const out = run(request);
  return { result: isChunked(out) ? runToEnd(out as Chunked<unknown>) : out, request };
}
