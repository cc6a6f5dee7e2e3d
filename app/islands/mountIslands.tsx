/**
 * Brings a prerendered page's islands (app/islands/island.tsx) to life: each `<book-island>` becomes a React root
 * rendering its component from the props in its marker, and the component's MDX children are the slot's own nodes.
 * Figure modules load by name from the marker, so a chapter's prose never comes as JavaScript.
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
import type { Schema } from '../state/schema.ts';
import { Committed, Slot, SlotNodes, SlotNodesContext } from './island.tsx';

/** The islands that need nothing but their props, by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const components: Record<string, ComponentType<any>> = { Ref, Term, Cite, Footnote, ExerciseCheck, LinkedHighlight, PrintButton, LectureLink };

/** Figure modules, by the name the prerenderer wrote (`../../chapters/<dir>/<File>.tsx#<export>`); each its own chunk. */
const figureModules = import.meta.glob<Record<string, unknown>>('../../chapters/*/[A-Z]*.tsx');

async function loadFigure(src: unknown): Promise<FigureComponent<Schema>> {
  const [file, name] = String(src).split('#');
  const load = figureModules[file];
  if (!load || !name) throw new Error(`no figure module ${String(src)}`);
  const figure = (await load())[name];
  if (typeof figure !== 'function' || !('params' in figure)) throw new Error(`${file} has no figure ${name}`);
  return figure as FigureComponent<Schema>;
}

/** The element an island renders, from its marker's name and props; `children` stands for its slot. */
async function islandElement(name: string, props: Record<string, unknown>, children: ReactNode): Promise<ReactElement> {
  if (name === 'figure') {
    const { src, ...rest } = props;
    const Figure = await loadFigure(src);
    return <Figure {...rest}>{children}</Figure>;
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

function showFailure(island: Element, e: unknown): void {
  // The prerendered picture or text stays; the reader learns why it does not respond.
  const notice = document.createElement('p');
  notice.className = 'figure-error';
  notice.setAttribute('role', 'alert');
  notice.textContent = `This part of the page could not be made live (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
  island.prepend(notice);
}

async function mountIsland(island: HTMLElement): Promise<void> {
  const name = island.dataset.island ?? '';
  const slot = ownSlot(island);
  // The prerendered nodes, to put back should the live component fail: React empties its container when it commits.
  const prerendered = [...island.childNodes];
  let root: Root | null = null;
  try {
    const props = JSON.parse(island.dataset.props ?? '{}') as Record<string, unknown>;
    const element = await islandElement(name, props, slot ? <Slot /> : undefined);
    await new Promise<void>((done, fail) => {
      // An error the component does not catch unmounts its root, which then never commits: without `fail` the page
      // would wait for this island forever and never come alive.
      root = createRoot(island, { onUncaughtError: fail });
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
  } catch (e) {
    if (root) {
      (root as Root).unmount();
      island.replaceChildren(...prerendered);
    }
    showFailure(island, e);
  }
}

/** How many small islands (a reference, a term, a citation) come alive per task. */
const BATCH = 12;

/** Lets the browser paint and answer input before the next batch (a macrotask, not a microtask). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Mounts every island under `root`, figures first (their modules load meanwhile), and resolves once all have
 * rendered. Islands inside another island's slot are mounted too: the slot's nodes, and roots in them, move with it.
 * A chapter has a hundred small islands, and each root registers React's event listeners on its element: created
 * in one go they made a task of 100–200 ms on a phone, so they come alive a batch per task.
 */
export async function mountIslands(root: ParentNode): Promise<void> {
  const islands = [...root.querySelectorAll<HTMLElement>('book-island')];
  const figures = Promise.all(islands.filter((i) => i.dataset.island === 'figure').map(mountIsland));
  const small = islands.filter((i) => i.dataset.island !== 'figure');
  const mounted: Promise<void>[] = [];
  for (let i = 0; i < small.length; i += BATCH) {
    await nextTask();
    mounted.push(...small.slice(i, i + BATCH).map(mountIsland));
  }
  await Promise.all([figures, ...mounted]);
}
