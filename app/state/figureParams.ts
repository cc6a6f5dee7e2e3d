/**
 * A zustand slice per figure, built from its schema and mirrored in the URL. Define it once, at module level,
 * next to the figure:
 *
 *   export const ouParams = defineFigureParams('ou-paths', { theta: {...}, sigma: {...} });
 *
 * Sliders, inline numbers and the figure read and write the same slice, so they always agree.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { checkSchema, defaults, nearestValid, type Schema, type Values } from './schema.ts';
import { decodeUrl, encodeUrl, readFigure } from './url.ts';
import { figureIds } from 'virtual:book-index';

/** Every figure the book has: a link's values for any other id are dropped at the next write. */
const BOOK_FIGURES = new Set(figureIds);

export interface FigureState<S extends Schema> {
  values: Values<S>;
  /** Sentences for the reader about link values that could not be used as given. */
  notices: string[];
  set: (key: keyof S & string, value: number) => void;
  setMany: (values: Partial<Values<S>>) => void;
  reset: () => void;
  dismissNotices: () => void;
}

export interface FigureParams<S extends Schema> {
  id: string;
  schema: S;
  store: StoreApi<FigureState<S>>;
  /** React hook: the figure's current values. */
  useValues: () => Values<S>;
}

const registry = new Map<string, FigureParams<Schema>>();

/** What the page's URL said when it loaded (for the link's notices; figures read the URL when they are defined). */
const decodedAtLoad = decodeUrl(typeof location === 'undefined' ? '' : location.search);

/** The figures whose values the page's address sets. */
export function figuresInAddress(): ReadonlySet<string> {
  return new Set(decodedAtLoad.byFigure.keys());
}

/** Notices about the link that belong to no figure (unknown keys, unknown version): shown once, at the top. */
export function linkNotices(): string[] {
  return decodedAtLoad.notices;
}

export function defineFigureParams<S extends Schema>(id: string, schema: S): FigureParams<S> {
  const existing = registry.get(id);
  if (existing) {
    // Hot module reload defines the slice again: keep the reader's values.
    if (import.meta.hot) return existing as unknown as FigureParams<S>;
    throw new Error(`two figures use the id "${id}"; figure ids must be unique in the book`);
  }
  checkSchema(id, schema);
  // The URL now, not at load: a chapter opened after Back or Forward gets the values its address carries.
  const fromUrl = readFigure(typeof location === 'undefined' ? decodedAtLoad : decodeUrl(location.search), id, schema);
  const store = createStore<FigureState<S>>()((set, get) => ({
    values: { ...defaults(schema), ...fromUrl.values } as Values<S>,
    notices: fromUrl.notices,
    set: (key, value) => {
      if (!Object.hasOwn(schema, key)) return;
      const spec = schema[key];
      const v = nearestValid(spec, value);
      if (get().values[key] !== v) set({ values: { ...get().values, [key]: v } });
    },
    setMany: (values) => {
      const next = { ...get().values };
      for (const [k, v] of Object.entries(values))
        if (Object.hasOwn(schema, k) && typeof v === 'number') (next as Record<string, number>)[k] = nearestValid(schema[k], v);
      set({ values: next });
    },
    reset: () => set({ values: defaults(schema), notices: [] }),
    dismissNotices: () => set({ notices: [] }),
  }));
  store.subscribe((state, prev) => {
    if (state.values !== prev.values) scheduleUrlWrite();
  });
  const params: FigureParams<S> = { id, schema, store, useValues: () => useStore(store, (s) => s.values) };
  registry.set(id, params as unknown as FigureParams<Schema>);
  return params;
}

/** Every figure slice defined so far (their chapters' modules loaded): what a lecture's windows keep in step. */
export function definedFigureParams(): readonly FigureParams<Schema>[] {
  return [...registry.values()];
}

/**
 * Back and Forward: every figure takes the values the address it returned to carries (defaults for keys it does
 * not name), so a link always reproduces its picture.
 */
function applyUrlToFigures(search: string): void {
  const decoded = decodeUrl(search);
  for (const f of registry.values()) {
    const fromUrl = readFigure(decoded, f.id, f.schema);
    const next = { ...defaults(f.schema), ...fromUrl.values } as Values<Schema>;
    const now = f.store.getState().values;
    if (Object.keys(next).some((k) => next[k] !== now[k])) f.store.setState({ values: next });
  }
}

if (typeof window !== 'undefined') window.addEventListener('popstate', () => applyUrlToFigures(location.search));
/** Another figure's slice, as {@link defineLinkedFigureParams} reads it (any schema). */
export interface LinkedSlice {
  id: string;
  schema: Schema;
  store: {
    getState(): { values: Record<string, number>; set(key: string, value: number): void; setMany(values: Record<string, number>): void };
    subscribe(listener: (state: { values: Record<string, number> }, prev: { values: Record<string, number> }) => void): () => void;
  };
}

/**
 * A figure's slice that shares some parameters with another figure's (`other`): the `shared` keys of `schema` (which
 * `other` must have too) are read from and written to `other`'s slice, so the two figures' sliders drive the same
 * values and the URL carries them once, under `other`'s id; the remaining keys are this figure's own. Reset puts
 * both back.
 */
export function defineLinkedFigureParams<S extends Schema>(id: string, schema: S, other: LinkedSlice, shared: readonly string[]): FigureParams<S> {
  for (const k of shared)
    if (!Object.hasOwn(schema, k) || !Object.hasOwn(other.schema, k))
      throw new Error(`figure "${id}" shares "${k}" with "${other.id}", but one of them has no such parameter`);
  const split = (values: Record<string, number>) => {
    const mine: Record<string, number> = {};
    const theirs: Record<string, number> = {};
    for (const [k, v] of Object.entries(values)) (shared.includes(k) ? theirs : mine)[k] = v;
    return { mine, theirs };
  };
  const own = defineFigureParams(id, Object.fromEntries(Object.entries(schema).filter(([k]) => !shared.includes(k))) as Schema);
  const merged = () => ({ ...split(other.store.getState().values).theirs, ...own.store.getState().values }) as Values<S>;
  const store = createStore<FigureState<S>>()(() => ({
    values: merged(),
    notices: own.store.getState().notices,
    set: (key, value) => (shared.includes(key) ? other.store.getState().set(key, value) : own.store.getState().set(key, value)),
    setMany: (values) => {
      const { mine, theirs } = split(values as Record<string, number>);
      own.store.getState().setMany(mine);
      other.store.getState().setMany(theirs);
    },
    reset: () => {
      own.store.getState().reset();
      other.store.getState().setMany(split(defaults(schema)).theirs);
    },
    dismissNotices: () => own.store.getState().dismissNotices(),
  }));
  const sync = () => store.setState({ values: merged(), notices: own.store.getState().notices });
  own.store.subscribe(sync);
  other.store.subscribe((s, p) => {
    if (shared.some((k) => s.values[k] !== p.values[k])) sync();
  });
  return { id, schema, store, useValues: () => useStore(store, (s) => s.values) };
}

export function useFigureState<S extends Schema, T>(params: FigureParams<S>, select: (s: FigureState<S>) => T): T {
  return useStore(params.store, select);
}

/** The query string that reproduces every figure's values now (what the URL writer below puts in the address). */
function currentSearch(): string {
  const figures = [...registry.values()].map((f) => ({ id: f.id, schema: f.schema, values: f.store.getState().values as Record<string, number> }));
  return encodeUrl(location.search, figures, BOOK_FIGURES);
}

/**
 * The full address of a page (`pageHref`, relative to this one) with every figure as it is now, opening at `anchor`
 * (a printed figure's link).
 */
export function currentAddress(pageHref: string, anchor: string): string {
  const page = new URL(pageHref, location.href);
  return `${page.origin}${page.pathname}${currentSearch()}${anchor ? `#${anchor}` : ''}`;
}

let pending: ReturnType<typeof setTimeout> | 0 = 0;
/** How long the URL waits after the last change. history.replaceState costs milliseconds in Chrome, too much per frame. */
const URL_WRITE_DELAY_MS = 150;

/** Writes all figures' values to the URL shortly after they change (replaceState: no history entry per drag). */
function scheduleUrlWrite(): void {
  if (typeof window === 'undefined' || pending) return;
  pending = setTimeout(() => {
    pending = 0;
    const search = currentSearch();
    if (search !== location.search) history.replaceState(history.state, '', location.pathname + search + location.hash);
  }, URL_WRITE_DELAY_MS);
}
