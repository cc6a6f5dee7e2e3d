/** The request a task figure sends at its default values: what its tests run the worker task with. */
import { defaults, type Schema } from '../state/schema.ts';
import type { TaskName, TaskParams } from '../../workers/tasks.ts';
import type { FigureComponent, TaskFigure } from './defineFigure.tsx';

export function defaultRequest<S extends Schema, N extends TaskName>(figure: FigureComponent<S>, _task: N): TaskParams<N> {
  const decl = figure.declaration as TaskFigure<S, N>;
  return decl.request(defaults(decl.schema));
}
