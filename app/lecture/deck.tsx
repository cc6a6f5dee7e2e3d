/**
 * The elements a lecture deck is written with (chapters/NN-slug/lecture.mdx):
 *
 *   <Slide title="The stochastic HJB equation" at="sec:…">
 *   <Eq to="eq:hjb" />
 *   - a few words
 *   <Notes>What to say.</Notes>
 *   </Slide>
 *
 * The build numbers the slides (`n`), resolves `at` to its place in the reading page (`anchor`) and turns each
 * `<Eq to>` into the chapter's own numbered equation. A deck renders inside DeckContext: only the slide on show
 * renders its contents; its notes go to the presenter's notes panel, when there is one.
 */
import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { mdxComponents } from '../book/mdxComponents.tsx';
import { HandOut } from './HandOut.tsx';
import { useFitEquations } from './fitEquations.ts';

export interface Deck {
  /** The slide on show (1-based). */
  current: number;
  /** The presenter's preview of a slide: figures stand in, no notes, no hand-out, no data-slide. */
  preview: boolean;
  /** Where the slide's notes go (the presenter's notes panel), or null to leave them out. */
  notes: HTMLElement | null;
  /** Whether the hand-out code is shown large, across the slide (the Q key, or a click on it). */
  largeCode: boolean;
  toggleLargeCode: () => void;
}

export const DeckContext = createContext<Deck>({ current: 1, preview: false, notes: null, largeCode: false, toggleLargeCode: () => {} });

/** The first figure on a slide: its id and its place in the reading page. */
function useFigureOn(ref: React.RefObject<HTMLElement | null>, shown: boolean): { id: string; anchor: string } | null {
  const [figure, setFigure] = useState<{ id: string; anchor: string } | null>(null);
  useLayoutEffect(() => {
    const el = shown ? ref.current?.querySelector<HTMLElement>('[data-figure]') : null;
    const id = el?.dataset.figure;
    setFigure(el && id ? { id, anchor: el.id } : null);
  }, [ref, shown]);
  return figure;
}

/** The next slide as the presenter sees it beside the current one: a narrow column, so wide equations shrink. */
function SlidePreview({ title, children }: { title?: string; children?: ReactNode }) {
  const ref = useRef<HTMLElement | null>(null);
  useFitEquations(ref);
  return (
    <section ref={ref} className="slide slide-preview" aria-label={`Next slide: ${title ?? ''}`}>
      <h2 className="slide-title">{title}</h2>
      <div className="slide-body">{children}</div>
    </section>
  );
}

function Slide({ n, title, anchor, children }: { n?: string; title?: string; anchor?: string; children?: ReactNode }) {
  const deck = useContext(DeckContext);
  const ref = useRef<HTMLElement | null>(null);
  const number = Number(n);
  const shown = number === deck.current;
  const figure = useFigureOn(ref, shown && !deck.preview);
  if (deck.preview) {
    if (!shown) return null;
    return <SlidePreview title={title}>{children}</SlidePreview>;
  }
  return (
    <section
      ref={ref}
      className={figure ? 'slide slide-figure' : 'slide'}
      data-slide={number}
      data-anchor={anchor}
      aria-current={shown ? 'step' : undefined}
      aria-label={`Slide ${number}: ${title ?? ''}`}
      hidden={!shown}
    >
      {shown && (
        <>
          <header className="slide-header">
            <h2 className="slide-title">{title}</h2>
            {figure && <HandOut anchor={figure.anchor} large={deck.largeCode} onToggle={deck.toggleLargeCode} />}
          </header>
          <div className="slide-body">{children}</div>
        </>
      )}
    </section>
  );
}

/** Speaker notes: shown in the presenter's window only. */
function Notes({ children }: { children?: ReactNode }) {
  const { notes, preview } = useContext(DeckContext);
  if (!notes || preview) return null;
  return createPortal(<div className="slide-notes">{children}</div>, notes);
}

export const lectureComponents = { ...mdxComponents, Slide, Notes };
