/**
 * Two windows of one lecture (the projected slide and the presenter's view) kept in step through a BroadcastChannel:
 * same browser, no server. Each window tells the other when the reader there changes the slide, moves a figure's
 * parameter or holds the pointer key; a window that opens (or reloads) says hello and takes the state of the first
 * window that answers. Values that arrive are applied without being sent back, so the windows never echo.
 */
import { definedFigureParams } from '../state/figureParams.ts';

type Values = Record<string, number>;

/** Where the presenter points: a fraction of a plot panel of a figure on the slide, or of the slide itself. */
export interface PointerAt {
  figure: string | null;
  panel: string | null;
  x: number;
  y: number;
}

type LectureMessage =
  | { kind: 'slide'; n: number }
  | { kind: 'values'; figure: string; values: Values }
  | { kind: 'pointer'; at: PointerAt | null }
  | { kind: 'hello' }
  | { kind: 'state'; n: number; figures: Record<string, Values> };

export interface LectureLink {
  /** Tells the other windows that this one shows slide n. */
  sendSlide(n: number): void;
  /** Tells the other windows where the pointer is (null: released). */
  sendPointer(at: PointerAt | null): void;
  close(): void;
}

export interface LectureHandlers {
  /** The slide this window shows (for a window that says hello). */
  currentSlide(): number;
  onSlide(n: number): void;
  onPointer(at: PointerAt | null): void;
}

function sameValues(a: Values, b: Values): boolean {
  const keys = Object.keys(b);
  return keys.every((k) => a[k] === b[k]);
}

/** Joins the lecture of a chapter: `slug` names the channel, so two chapters' lectures never mix. */
export function joinLecture(slug: string, handlers: LectureHandlers): LectureLink {
  if (typeof BroadcastChannel === 'undefined') return { sendSlide() {}, sendPointer() {}, close() {} };
  const channel = new BroadcastChannel(`btd-lecture:${slug}`);
  const post = (m: LectureMessage) => channel.postMessage(m);
  const figures = new Map(definedFigureParams().map((f) => [f.id, f]));
  let applying = false;
  let greeted = false;

  const apply = (id: string, values: Values) => {
    const f = figures.get(id);
    if (!f || sameValues(f.store.getState().values as Values, values)) return;
    applying = true;
    try {
      f.store.getState().setMany(values);
    } finally {
      applying = false;
    }
  };

  const unsubscribe = [...figures.values()].map((f) =>
    f.store.subscribe((state, prev) => {
      if (!applying && state.values !== prev.values) post({ kind: 'values', figure: f.id, values: { ...(state.values as Values) } });
    }),
  );

  channel.onmessage = (e: MessageEvent<LectureMessage>) => {
    const m = e.data;
    if (m.kind === 'slide') handlers.onSlide(m.n);
    else if (m.kind === 'values') apply(m.figure, m.values);
    else if (m.kind === 'pointer') handlers.onPointer(m.at);
    else if (m.kind === 'hello') {
      const state: Record<string, Values> = {};
      for (const f of figures.values()) state[f.id] = { ...(f.store.getState().values as Values) };
      post({ kind: 'state', n: handlers.currentSlide(), figures: state });
    } else if (m.kind === 'state' && !greeted) {
      greeted = true;
      for (const [id, values] of Object.entries(m.figures)) apply(id, values);
      handlers.onSlide(m.n);
    }
  };
  post({ kind: 'hello' });
  // Only the answer to this window's own hello counts: after a moment, later windows' answers are not for it.
  const stopWaiting = setTimeout(() => (greeted = true), 1000);

  return {
    sendSlide: (n) => post({ kind: 'slide', n }),
    sendPointer: (at) => post({ kind: 'pointer', at }),
    close: () => {
      clearTimeout(stopWaiting);
      for (const u of unsubscribe) u();
      channel.close();
    },
  };
}
