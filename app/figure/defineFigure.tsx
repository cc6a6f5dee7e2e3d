/**
 * defineFigure: one declaration per figure. One id names the component's figure, its MDX label (`fig:<id>`), its
 * URL key (`<id>.<param>=…`) and, unless `task` says otherwise, its worker task (the id in camelCase). The
 * declaration holds the parameter schema, where the numbers come from (a worker task with its request, preview and
 * blocked reasons, or a closed form computed on the main thread) and a view: a hook that receives a matched
 * (result, values) pair and returns panels, readouts and notices as data. The frame does the rest: controls from
 * the schema, the stage for each screen, readouts shown and spoken, toolbar, caption, code.
 *
 * ```tsx
 * export const OuPaths = defineFigure({
 *   id: 'ou-paths', schema: { theta: {...}, seed: {...} }, task: 'sdeLaws',
 *   request: (v) => ({ ... }),
 *   useView: ({ shown }) => ({ panels: [{ key: 'paths', title: 'paths', ariaLabel: '…', draw: … }], readouts: [...] }),
 * });
 * // chapter MDX: <OuPaths label="fig:ou-paths">caption</OuPaths>, and <Scrub params={OuPaths.params} name="theta" />
 * ```
 */
import { useContext, useMemo, useRef, type JSX } from 'react';
import type { CodeListing } from '../../compiler/highlightCode.ts';
import { useInView } from '../sim/useInView.ts';
import { useSimulation, type SimStatus } from '../sim/useSimulation.ts';
import { defineFigureParams, defineLinkedFigureParams, useFigureState, type FigureParams, type LinkedSlice } from '../state/figureParams.ts';
import type { Schema, Values } from '../state/schema.ts';
import type { TaskName, TaskParams, TaskResult } from '../../workers/tasks.ts';
import { FigureFrame } from './FigureFrame.tsx';
import { island } from '../islands/island.tsx';
import { PrerenderContext } from './prerendered.ts';
import { FigureStandIn, FigureStandInContext } from './standIn.tsx';
import type { FigureElementProps, FigureView, Shown, ViewContext } from './types.ts';

interface DeclarationBase<S extends Schema, R, P = Values<S>> {
  /** Lower-case words joined by hyphens: the URL key, the MDX label `fig:<id>` and data-figure. */
  id: string;
  schema: S;
  /** Engine functions behind the figure, shown in code panels (import them with `?fn=name&code`). */
  code?: readonly CodeListing[];
  /** Why these values have no answer, in a sentence (an unstable gain, an ill-posed market); null when they do. */
  blocked?: (values: Values<S>) => string | null;
  /**
   * Parameters of another figure that this one shows too (an explorer's market, moved from a later figure): these
   * keys of `schema` live in that figure's slice, so both figures' sliders drive the same values.
   */
  shares?: { params: LinkedSlice; keys: readonly (keyof S & string)[] };
  /** The view: a hook that turns the shown result and the current values into panels and readouts. */
  useView: (ctx: ViewContext<S, R, P>) => FigureView;
}

/** A figure whose numbers come from a worker task. */
export interface TaskFigure<S extends Schema, N extends TaskName> extends DeclarationBase<S, TaskResult<N>, TaskParams<N>> {
  /** The worker task; defaults to the id in camelCase. */
  task: N;
  /** The task's parameters for the current values. */
  request: (values: Values<S>) => TaskParams<N>;
  /** A cheaper request shown first while the full one computes (e.g. an eighth of the Monte Carlo paths). */
  preview?: (request: TaskParams<N>, values: Values<S>) => TaskParams<N>;
  /**
   * A hook saying whether the task may run now, for a figure that computes only on a button (training a network).
   * The view reaches the same state through its own hook or store.
   */
  useEnabled?: (values: Values<S>) => boolean;
}

/** A figure whose numbers are a closed form, cheap enough for the main thread (well under a millisecond). */
export interface LocalFigure<S extends Schema, R> extends DeclarationBase<S, R> {
  compute: (values: Values<S>) => R;
}

export type FigureDeclaration<S extends Schema> = TaskFigure<S, TaskName> | LocalFigure<S, unknown>;

/** The component a declaration makes, with what MDX, tests and tools need to reach. */
export type FigureComponent<S extends Schema> = ((props: FigureElementProps) => JSX.Element) & {
  /** The figure's id. */
  id: string;
  /** The parameter slice (for <Scrub params={X.params} name="…" /> in the prose). */
  params: FigureParams<S>;
  /** The declaration, for the figure snapshot tests. */
  declaration: FigureDeclaration<S>;
};

/** What a source hook gives the frame: the shown pair, status, and the refs it observed. */
interface Source<S extends Schema, R, P> {
  shown: Shown<S, R, P> | null;
  /** Whether `shown` is the default result computed at build time (on a page being prerendered). */
  prerendered?: boolean;
  status: SimStatus;
  error: string | null;
  progress: number | null;
  preview: boolean;
}

/** How many recent requests remember the values they were made from (a result can only answer a recent one). */
const REMEMBERED = 8;

function useTaskSource<S extends Schema, N extends TaskName>(
  decl: TaskFigure<S, N>,
  values: Values<S>,
  inView: boolean,
  blocked: string | null,
): Source<S, TaskResult<N>, TaskParams<N>> {
  const prerender = useContext(PrerenderContext);
  const request = useMemo(() => decl.request(values), [decl, values]);
  const previewRequest = useMemo(() => (decl.preview ? decl.preview(request, values) : undefined), [decl, request, values]);
  const enabled = decl.useEnabled ? decl.useEnabled(values) : true;
  // The values each recent request was made from, so a result (which names its request) is drawn with its own values.
  const made = useRef(new Map<string, Values<S>>());
  // The request the shown result answers: never forgotten, so a figure off screen (which computes nothing) keeps its
  // picture while its values change many times (a shared slider, a scrub in the prose).
  const shownKey = useRef<string | null>(null);
  const key = JSON.stringify(request);
  if (!made.current.has(key)) {
    made.current.set(key, values);
    for (const old of made.current.keys()) {
      if (made.current.size <= REMEMBERED) break;
      if (old !== shownKey.current) made.current.delete(old);
    }
  }
  if (previewRequest) made.current.set(JSON.stringify(previewRequest), values);
  const sim = useSimulation(decl.task, request, { enabled: inView && blocked === null && enabled, preview: previewRequest });
  shownKey.current = sim.resultParams ? JSON.stringify(sim.resultParams) : null;
  const shownValues = shownKey.current !== null ? made.current.get(shownKey.current) : undefined;
  const shown = sim.result !== null && sim.resultParams !== null && shownValues ? { result: sim.result, values: shownValues, request: sim.resultParams } : null;
  // Prerendering: a figure that runs by itself is drawn with its default result, computed at build time.
  if (prerender && enabled) {
    const pre = prerender.resultFor(decl.id);
    if (pre)
      return {
        shown: { result: pre.result as TaskResult<N>, values, request: pre.request as TaskParams<N> },
        prerendered: true,
        status: 'ready',
        error: null,
        progress: null,
        preview: false,
      };
  }
  // A figure waiting for its button (never run, or its run cancelled) is ready: it shows what it has, and tests
  // and the crawler waiting for 'ready' do not wait for a run nobody asked for.
  if (!enabled) return { shown, status: 'ready', error: null, progress: null, preview: false };
  return { shown, status: sim.status, error: sim.error, progress: sim.progress, preview: sim.preview };
}

function useLocalSource<S extends Schema, R>(decl: LocalFigure<S, R>, values: Values<S>, _inView: boolean, blocked: string | null): Source<S, R, Values<S>> {
  return useMemo(() => {
    if (blocked !== null) return { shown: null, status: 'error' as const, error: null, progress: null, preview: false };
    try {
      return { shown: { result: decl.compute(values), values, request: values }, status: 'ready' as const, error: null, progress: null, preview: false };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { shown: null, status: 'error' as const, error: `This figure could not be computed: ${message}`, progress: null, preview: false };
    }
  }, [decl, values, blocked]);
}

function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A figure id in camelCase, as a type: 'lqr-explorer' -> 'lqrExplorer' (the task a figure runs unless it names one). */
type CamelCase<T extends string> = T extends `${infer H}-${infer R}` ? `${H}${Capitalize<CamelCase<R>>}` : T;
/** The task named by a figure id, when the registry has one. */
type TaskOfId<Id extends string> = CamelCase<Id> extends TaskName ? CamelCase<Id> : never;

/** A task figure as written: `task` may be left out when the task is the id in camelCase. */
type TaskFigureInput<Id extends string, S extends Schema, N extends TaskName> = Omit<TaskFigure<S, N>, 'task' | 'id'> & { id: Id; task?: N };

export function defineFigure<Id extends string, S extends Schema, N extends TaskName = TaskOfId<Id>>(decl: TaskFigureInput<Id, S, N>): FigureComponent<S>;
export function defineFigure<S extends Schema, R>(decl: LocalFigure<S, R>): FigureComponent<S>;
// The overloads above carry the types; the implementation sees the two shapes without their links.
export function defineFigure<S extends Schema>(input: { id: string; task?: TaskName } | LocalFigure<S, unknown>): FigureComponent<S> {
  const decl = ('compute' in input ? input : { ...input, task: input.task ?? (camelCase(input.id) as TaskName) }) as unknown as FigureDeclaration<S>;
  const params = decl.shares ? defineLinkedFigureParams(decl.id, decl.schema, decl.shares.params, decl.shares.keys) : defineFigureParams(decl.id, decl.schema);
  // Chosen once per figure, so the hooks each render calls never change.
  const useSource = ('compute' in decl ? useLocalSource : useTaskSource) as (
    d: FigureDeclaration<S>,
    values: Values<S>,
    inView: boolean,
    blocked: string | null,
  ) => Source<S, unknown, unknown>;
  const useView = decl.useView as (ctx: ViewContext<S, unknown, unknown>) => FigureView;

  function Figure({ number, anchor, children, host }: FigureElementProps) {
    const rootRef = useRef<HTMLElement | null>(host ?? null);
    const plotRef = useRef<HTMLDivElement | null>(null);
    const inView = useInView(rootRef);
    const values = params.useValues();
    const set = useFigureState(params, (s) => s.set);
    const blocked = decl.blocked ? decl.blocked(values) : null;
    const source = useSource(decl, values, inView, blocked);
    const view = useView({ values, shown: source.shown, set, status: source.status, preview: source.preview, inView, params });
    return (
      <FigureFrame
        params={params}
        number={number}
        anchor={anchor}
        caption={children}
        status={blocked !== null ? 'error' : source.status}
        prerendered={source.prerendered === true}
        hasResult={source.shown !== null}
        error={blocked !== null ? `This figure could not be computed: ${blocked}` : source.error}
        progress={source.progress}
        preview={source.preview}
        view={view}
        code={decl.code}
        rootRef={rootRef}
        plotRef={plotRef}
        host={host}
      />
    );
  }
  Figure.displayName = `Figure(${decl.id})`;
  // Where the figure is only named (the next slide in a lecture's presenter view), a plain box stands in for it.
  function FigureOrStandIn(props: FigureElementProps) {
    return useContext(FigureStandInContext) ? <FigureStandIn number={props.number}>{props.children}</FigureStandIn> : <Figure {...props} />;
  }
  // In a prerendered page the figure is an island that names its module; the browser loads it from there.
  const FigureIsland = island('figure', FigureOrStandIn, ({ label, number, anchor }, mode) => {
    const src = mode.figureSource(decl.id);
    if (!src) throw new Error(`figure ${decl.id}: no chapter module exports it`);
    return { src, ...(label && { label }), ...(number && { number }), ...(anchor && { anchor }) };
  });
  return Object.assign(FigureIsland, { id: decl.id, params, declaration: decl });
}
