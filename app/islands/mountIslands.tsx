/**
 * Brings a prerendered page's islands (app/islands/island.tsx) to life: each `<book-island>` becomes a React root
 * rendering its component from the props in its marker, and the component's MDX children are the slot's own nodes.
 * Figure modules load by name from the marker, so a chapter's prose never comes as JavaScript. A figure comes alive
 * when it is needed (near the screen, focused, printed, its values set), in the `<figure>` element it was drawn as.
 */
import { startTransition, StrictMode, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Cite } from '../components/Cite.tsx';
import { ExerciseCheck } from '../components/Exercise.tsx';
import { Footnote } from '../components/Footnote.tsx';
import { LinkedHighlight } from '../components/LinkedHighlight.tsx';
import { Ref } from '../components/Ref.tsx';
import { Scrub } from '../components/Scrub.tsx';
import { Term } from '../components/Term.tsx';
import { LectureLink } from '../book/LectureLink.tsx';
import { PrintButton } from '../book/PrintButton.tsx';
import type { FigureComponent } from '../figure/defineFigure.tsx';
import { computeAllRequested, subscribeComputeAll } from '../sim/computeAll.ts';
import { figuresInAddress } from '../state/figureParams.ts';
import type { Schema } from '../state/schema.ts';
import { ISLAND_ALIVE } from '../book/searchHighlight.ts';
import { Committed, Slot, SlotNodes, SlotNodesContext } from './island.tsx';
import { nextTask } from './nextTask.ts';

/** The islands that need nothing but their props, by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const components: Record<string, ComponentType<any>> = { Ref, Term, Cite, Footnote, ExerciseCheck, LinkedHighlight, PrintButton, LectureLink };

/** Figure modules, by the name the prerenderer wrote (`../../chapters/<dir>/<File>.tsx#<export>`); each its own chunk. */
const figureModules = import.meta.glob<Record<string, unknown>>('../../chapters/*/[A-Z]*.tsx');

/** Figure modules asked for so far, by name; and what waits for a module to be asked for (scrub numbers). */
const requested = new Map<string, Promise<FigureComponent<Schema>>>();
const waiting = new Map<string, (() => void)[]>();

/** A figure's component by the name the prerenderer wrote; the first call for a name wakes what waits for it. */
function loadFigure(src: unknown): Promise<FigureComponent<Schema>> {
  const key = String(src);
  let figure = requested.get(key);
  if (figure) return figure;
  figure = importFigure(key);
  requested.set(key, figure);
  const then = waiting.get(key) ?? [];
  waiting.delete(key);
  for (const run of then) run();
  return figure;
}

/** Runs `then` once something asks for the figure module `src` (at once if something has). */
function whenFigureRequested(src: string, then: () => void): void {
  if (requested.has(src)) then();
  else waiting.set(src, [...(waiting.get(src) ?? []), then]);
}

async function importFigure(src: string): Promise<FigureComponent<Schema>> {
  const [file, name] = src.split('#');
  const load = figureModules[file];
  if (!load || !name) throw new Error(`no figure module ${String(src)}`);
  const figure = (await load())[name];
  if (typeof figure !== 'function' || !('params' in figure)) throw new Error(`${file} has no figure ${name}`);
  return figure as FigureComponent<Schema>;
}

/**
 * The element an island renders, from its marker's name and props; `children` stands for its slot, and `host` is a
 * figure's prerendered element.
 */
async function islandElement(name: string, props: Record<string, unknown>, children: ReactNode, host: HTMLElement | null): Promise<ReactElement> {
  if (name === 'figure') {
    const { src, ...rest } = props;
    const Figure = await loadFigure(src);
    return (
      <Figure {...rest} host={host ?? undefined}>
        {children}
      </Figure>
    );
  }
  if (name === 'Scrub') {
    const { src, name: param } = props;
    const figure = await loadFigure(src);
    return <Scrub params={figure.params} name={String(param)} />;
  }
  const Component = components[name];
  if (!Component) throw new Error(`no island named ${name}`);
  return <Component {...props}>{children}</Component>;
}

/** The slot that belongs to `island` itself (not to an island inside it). */
function ownSlot(island: Element): Element | null {
  for (const slot of island.querySelectorAll('book-slot')) if (slot.closest('book-island') === island) return slot;
  return null;
}

/** A figure's prerendered `<figure>` element: the live figure renders into it, so the page keeps the element. */
function figureElement(island: Element): HTMLElement | null {
  return island.querySelector<HTMLElement>(':scope > [data-figure]');
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** Keys the browser must keep handling on a prerendered control: they move the focus or leave, not a value. */
const PASSED_KEYS = new Set(['Tab', 'Escape', 'Shift', 'Control', 'Alt', 'Meta']);

/** Controls dragged by a pointer with a handler of their own (a scrub number), not by the browser (a range input). */
const DRAGGED = '[role="slider"]:not(input)';

/** Input that reached a prerendered control: replayed on the same control of the live island. */
type Held = { index: number } & ({ kind: 'key'; init: KeyboardEventInit } | { kind: 'click' } | { kind: 'press'; init: PointerEventInit });

/**
 * Carries the keyboard across a root's first commit, which replaces the container's nodes. A reader who tabbed into
 * a figure's prerendered controls lands on the same control of the live figure, not back at the top; a key pressed
 * or a button clicked there while the figure's module loads is held (the prerendered control has no handler, and a
 * range input would move by its own rules only to jump back) and replayed on the live control, in order. So is a
 * press on a scrub number while the pointer stays down: the live number takes the pointer and the drag goes on.
 */
function holdInput(container: HTMLElement): { restore: () => Promise<void>; drop: () => void } {
  let index = -1;
  let focused: Element | null = null;
  const held: Held[] = [];
  const controlOf = (target: EventTarget | null) => (target instanceof Element ? target.closest(FOCUSABLE) : null);
  const indexOf = (control: Element | null) => (control ? [...container.querySelectorAll(FOCUSABLE)].indexOf(control) : -1);
  const track = () => {
    focused = document.activeElement;
    index = indexOf(controlOf(focused));
  };
  const onKey = (e: KeyboardEvent) => {
    const control = controlOf(e.target);
    // A link works without the figure; Enter and Space on a button end in a click, which is held below.
    const clicks = control?.matches('button') && (e.key === 'Enter' || e.key === ' ');
    if (!control || control.matches('a[href]') || clicks || PASSED_KEYS.has(e.key)) return;
    e.preventDefault();
    const { key, code, shiftKey, altKey, ctrlKey, metaKey } = e;
    held.push({ index: indexOf(control), kind: 'key', init: { key, code, shiftKey, altKey, ctrlKey, metaKey } });
  };
  const onClick = (e: MouseEvent) => {
    const control = controlOf(e.target);
    if (!control?.matches('button')) return;
    e.preventDefault();
    held.push({ index: indexOf(control), kind: 'click' });
  };
  const onPress = (e: PointerEvent) => {
    const control = controlOf(e.target);
    if (!control?.matches(DRAGGED)) return;
    const { pointerId, pointerType, isPrimary, clientX, clientY, screenX, screenY, button, buttons, shiftKey, altKey } = e;
    const init = { pointerId, pointerType, isPrimary, clientX, clientY, screenX, screenY, button, buttons, shiftKey, altKey };
    held.push({ index: indexOf(control), kind: 'press', init });
  };
  // A pointer lifted before the island is live was a tap, or a drag that ended: nothing to carry on.
  const onRelease = (e: PointerEvent) => {
    for (let i = held.length - 1; i >= 0; i--) {
      const h = held[i];
      if (h.kind === 'press' && h.init.pointerId === e.pointerId) held.splice(i, 1);
    }
  };
  // Keys, clicks and presses are caught in the capture phase, before the prerendered control acts on them.
  const listeners: [EventTarget, string, (e: never) => void, boolean][] = [
    [container, 'focusin', track, false],
    [container, 'keydown', onKey, true],
    [container, 'click', onClick, true],
    [container, 'pointerdown', onPress, true],
    [window, 'pointerup', onRelease, true],
    [window, 'pointercancel', onRelease, true],
  ];
  for (const [target, type, listener, capture] of listeners) target.addEventListener(type, listener as EventListener, capture);
  if (container.contains(document.activeElement)) track();
  const drop = () => {
    for (const [target, type, listener, capture] of listeners) target.removeEventListener(type, listener as EventListener, capture);
  };
  return {
    drop,
    async restore() {
      drop();
      // Only focus lost with the old nodes comes back: a reader who moved on since (to the search box) stays there.
      const lost = document.activeElement === null || document.activeElement === document.body;
      const controls = () => container.querySelectorAll<HTMLElement>(FOCUSABLE);
      if (index >= 0 && !focused?.isConnected && lost) controls()[index]?.focus({ preventScroll: true });
      for (const input of held) {
        const control = controls()[input.index];
        if (!control) continue;
        if (input.kind === 'key') control.dispatchEvent(new KeyboardEvent('keydown', { ...input.init, bubbles: true, cancelable: true }));
        else if (input.kind === 'press') control.dispatchEvent(new PointerEvent('pointerdown', { ...input.init, bubbles: true, cancelable: true }));
        else control.click();
        // A task between them: each handler reads the value the previous one set, once React has rendered it.
        await nextTask();
      }
    },
  };
}

function showFailure(island: Element, e: unknown): void {
  // The prerendered picture or text stays; the reader learns why it does not respond. A figure says so (a print
  // waiting for figures to come alive waits no longer for this one).
  figureElement(island)?.setAttribute('data-status', 'error');
  const notice = document.createElement('p');
  notice.className = 'figure-error';
  notice.setAttribute('role', 'alert');
  notice.textContent = `This part of the page could not be made live (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
  island.prepend(notice);
}

async function mountIsland(island: HTMLElement): Promise<void> {
  const name = island.dataset.island ?? '';
  const slot = ownSlot(island);
  const host = name === 'figure' ? figureElement(island) : null;
  const container = host ?? island;
  // The prerendered nodes, to put back should the live component fail: React empties its container when it commits.
  const prerendered = [...container.childNodes];
  const input = holdInput(container);
  let root: Root | null = null;
  try {
    const props = JSON.parse(island.dataset.props ?? '{}') as Record<string, unknown>;
    const element = await islandElement(name, props, slot ? <Slot /> : undefined, host);
    await new Promise<void>((done, fail) => {
      // An error the component does not catch unmounts its root, which then never commits: without `fail` the page
      // would wait for this island forever and never come alive.
      root = createRoot(container, { onUncaughtError: fail });
      // A transition, so that React renders it in slices between which the browser paints and answers input (an
      // ordinary first render of a root is one uninterrupted task: 100 ms for a figure on a phone).
      startTransition(() =>
        root?.render(
          <StrictMode>
            <SlotNodesContext value={slot ? new SlotNodes(slot) : null}>
              <Committed onCommit={done}>{element}</Committed>
            </SlotNodesContext>
          </StrictMode>,
        ),
      );
    });
    await input.restore();
    container.dispatchEvent(new Event(ISLAND_ALIVE, { bubbles: true }));
  } catch (e) {
    if (root) {
      (root as Root).unmount();
      container.replaceChildren(...prerendered);
    }
    input.drop();
    showFailure(island, e);
  }
}

/** How near the screen a figure comes alive: a screen ahead, so that it is live before the reader gets there. */
const NEAR = '100% 0px';

/** The islands that come alive when they are needed (mountWhenNeeded), not as the page does. */
const WHEN_NEEDED = new Set(['figure', 'ExerciseCheck']);

/**
 * Mounts each figure and each exercise's answer box when it is first needed, and resolves once those needed at once
 * are live. Mounting a figure costs a phone about 100 ms of work, and most of a chapter's figures are screens away:
 * until a figure is needed its prerendered picture (with its printed link) stands in. An answer box is cheap to
 * render, but its text field makes Chromium style and lay out the exercise around it at once, even screens away
 * (app/components/Exercise.tsx); near the screen that layout is done already. An island is needed
 * - at once when the page's address sets its values (a figure's picture shows the defaults);
 * - when it comes within a screen of the window, or something in it takes the focus;
 * - when the page asks every figure to compute (the Print button, computeAll.ts);
 * - when a scrub number in the prose changes its values (`scrubbed`: the figure modules scrub numbers drive).
 */
function mountWhenNeeded(islands: HTMLElement[], scrubbed: ReadonlySet<string>): Promise<void> {
  const pending = new Map<Element, HTMLElement>();
  // The element watched: the figure, or the island's first box (the island itself is `display: contents`).
  for (const island of islands) pending.set(figureElement(island) ?? island.firstElementChild ?? island, island);
  const started: Promise<void>[] = [];
  const observer = typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver(near, { rootMargin: NEAR });
  const unsubscribe = subscribeComputeAll(() => computeAllRequested() && [...pending.keys()].forEach(start));
  function start(el: Element): void {
    const island = pending.get(el);
    if (!island) return;
    pending.delete(el);
    observer?.unobserve(el);
    el.removeEventListener('focusin', onFocus);
    if (pending.size === 0) {
      observer?.disconnect();
      unsubscribe();
    }
    started.push(mountIsland(island));
  }
  function near(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) if (entry.isIntersecting) start(entry.target);
  }
  function onFocus(this: Element): void {
    start(this);
  }
  const addressed = figuresInAddress();
  for (const [el, island] of pending) {
    const id = el.getAttribute('data-figure') ?? '';
    if (!observer || addressed.has(id) || computeAllRequested()) {
      start(el);
      continue;
    }
    observer.observe(el);
    el.addEventListener('focusin', onFocus);
    const src = String(propsOf(island).src);
    if (scrubbed.has(src))
      whenFigureRequested(src, () => {
        loadFigure(src).then(
          (figure) => {
            const stop = figure.params.store.subscribe(() => {
              stop();
              start(el);
            });
          },
          () => start(el),
        );
      });
  }
  // Those started now: the figures the address sets (and all of them where nothing can say what is near the screen).
  return Promise.all(started).then(() => undefined);
}

function propsOf(island: HTMLElement): Record<string, unknown> {
  try {
    return JSON.parse(island.dataset.props ?? '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** What makes a reader's scrub number come alive before its figure does: pointing at it, or tabbing to it. */
const SCRUB_WAKERS = ['pointerover', 'pointerdown', 'focusin'] as const;

/**
 * Scrub numbers come alive with their figure's module. Each holds its figure's parameter store, so a live scrub
 * would load its figure's module (and its plotting code) at once, far ahead of the figure; until then the
 * prerendered number (the default value, as the figure's picture shows it) stands in. It comes alive when the
 * figure's module is asked for (the figure nears the screen, or the address sets its values), or when the reader
 * points at or tabs to the number; a key pressed while it loads is held and replayed (holdInput).
 */
function mountScrubsWithTheirFigures(scrubs: HTMLElement[]): void {
  for (const scrub of scrubs) {
    const src = String(propsOf(scrub).src);
    const wake = () => {
      for (const type of SCRUB_WAKERS) scrub.removeEventListener(type, wake);
      loadFigure(src).catch(() => undefined); // a module that fails to load: the scrub's own mount says so
    };
    for (const type of SCRUB_WAKERS) scrub.addEventListener(type, wake);
    whenFigureRequested(src, () => {
      wake();
      void mountIsland(scrub);
    });
  }
}

/** How many small islands (a reference, a term, a citation) come alive per task. */
const BATCH = 12;

/**
 * Mounts every island under `root`: the small ones now, figures and answer boxes when they are needed (mountWhenNeeded).
 * Resolves once the small islands, and the figures needed at once, have rendered. Islands inside another island's
 * slot are mounted too: the slot's nodes, and roots in them, move with it. A chapter has a hundred small islands,
 * and each root registers React's event listeners on its element: created in one go they made a task of 100–200 ms
 * on a phone, so they come alive a batch per task.
 */
export async function mountIslands(root: ParentNode): Promise<void> {
  const islands = [...root.querySelectorAll<HTMLElement>('book-island')];
  const scrubs = islands.filter((i) => i.dataset.island === 'Scrub');
  const needed = mountWhenNeeded(
    islands.filter((i) => WHEN_NEEDED.has(i.dataset.island ?? '')),
    new Set(scrubs.map((i) => String(propsOf(i).src))),
  );
  mountScrubsWithTheirFigures(scrubs);
  const small = islands.filter((i) => !WHEN_NEEDED.has(i.dataset.island ?? '') && i.dataset.island !== 'Scrub');
  const mounted: Promise<void>[] = [];
  for (let i = 0; i < small.length; i += BATCH) {
    await nextTask();
    mounted.push(...small.slice(i, i + BATCH).map(mountIsland));
  }
  await Promise.all([needed, ...mounted]);
}
