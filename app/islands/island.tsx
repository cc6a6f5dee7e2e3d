/**
 * Islands: the live parts of a prerendered page. A chapter's HTML arrives whole (prose and math, rendered at build
 * time); only the parts a reader can operate (figures, references, terms, citations, footnotes, scrub numbers,
 * answer boxes) come alive in the browser, each as its own small React root, and the prose around
 * them is never rendered again. So the chapter's MDX is not shipped to the browser, and the paragraphs the reader
 * sees first stay the nodes that were painted first.
 *
 * At build time (PageMode 'server') `island(name, Component)` writes its component inside
 * `<book-island data-island="name" data-props="{…json}">`; whatever MDX it wraps (a caption, a term's words, a
 * footnote) goes inside `<book-slot>`. In the browser (app/islands/mountIslands.tsx) each marker becomes a root that
 * renders the component from its props, and the component's children are the slot's own nodes, moved into the new
 * render rather than parsed again. Everywhere else (the development server, lecture decks, unit tests) the wrapper
 * renders its component as it is.
 */
import { createContext, useContext, useEffect, useLayoutEffect, useRef, type ComponentType, type ReactNode } from 'react';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'book-island': { 'data-island': string; 'data-props': string; children?: ReactNode };
      'book-slot': { ref?: React.Ref<HTMLElement>; children?: ReactNode };
    }
  }
}

/** JSON, as island props travel in the page. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * How the page is being rendered:
 * - 'live': by React from the compiled MDX, as a whole (the development server, a page without its own HTML);
 * - 'server': to HTML at build time, islands marked; `figureSource` names the module and export of a figure;
 * - 'hydrate': in the browser over its prerendered HTML, where the articles are left as they are.
 */
export type PageMode = { kind: 'live' } | { kind: 'server'; figureSource: (id: string) => string | null } | { kind: 'hydrate' };

export const PageModeContext = createContext<PageMode>({ kind: 'live' });

/** Inside an article being prerendered: the wrappers write markers. */
const MarkIslandsContext = createContext<Extract<PageMode, { kind: 'server' }> | null>(null);

/** The article body of a prerendered page is written with its islands marked. */
export function MarkIslands({ children }: { children: ReactNode }) {
  const mode = useContext(PageModeContext);
  if (mode.kind !== 'server') return children;
  return <MarkIslandsContext value={mode}>{children}</MarkIslandsContext>;
}

/** Turns an island's props (without children) into JSON; null leaves the component unmarked (rendered as it is). */
export type ToJson<P> = (props: Omit<P, 'children'>, mode: Extract<PageMode, { kind: 'server' }>) => Json | null;

const plainProps = <P,>(props: Omit<P, 'children'>): Json => {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(props as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v as Json;
    else throw new Error(`island prop ${k} is not JSON: give the island a toJson`);
  }
  return out;
};

/**
 * The component `Component` as an island named `name` (the name mountIslands.tsx knows it by). `toJson` serialises
 * props that are not plain values (a figure's parameters become its module's name); the browser turns them back.
 */
export function island<P extends object>(name: string, Component: ComponentType<P>, toJson: ToJson<P> = plainProps) {
  function Island(props: P) {
    const mark = useContext(MarkIslandsContext);
    if (!mark) return <Component {...props} />;
    const { children, ...rest } = props as P & { children?: ReactNode };
    const json = toJson(rest as Omit<P, 'children'>, mark);
    if (json === null) return <Component {...props} />;
    const inner = { ...props, children: children === undefined ? undefined : <Slot>{children}</Slot> } as P;
    return (
      <book-island data-island={name} data-props={JSON.stringify(json)}>
        <Component {...inner} />
      </book-island>
    );
  }
  Island.displayName = `Island(${name})`;
  return Island;
}

/**
 * The nodes of an island's slot, in the browser. They live in one place at a time: the slot rendered last takes
 * them (a footnote's popover takes its text from the hidden copy), and gives them back when it goes.
 */
export class SlotNodes {
  private holders: Element[] = [];
  constructor(private readonly home: Element) {}

  take(el: Element): void {
    el.append(...(this.holders.at(-1) ?? this.home).childNodes);
    this.holders.push(el);
  }

  give(el: Element): void {
    const i = this.holders.indexOf(el);
    if (i < 0) return;
    this.holders.splice(i, 1);
    if (i === this.holders.length) (this.holders.at(-1) ?? this.home).append(...el.childNodes);
  }
}

export const SlotNodesContext = createContext<SlotNodes | null>(null);

/** Where an island's MDX children go: written out at build time, moved in from the page in the browser. */
export function Slot({ children }: { children?: ReactNode }) {
  const nodes = useContext(SlotNodesContext);
  const ref = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!nodes || !el) return;
    nodes.take(el);
    return () => nodes.give(el);
  }, [nodes]);
  return <book-slot ref={ref}>{nodes ? null : children}</book-slot>;
}

/** Calls `onCommit` once its children are on the page (the frame's hydration and each island's root wait on it). */
export function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useEffect(onCommit, [onCommit]);
  return children;
}
