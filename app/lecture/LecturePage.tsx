/**
 * A chapter as a talk, at `<slug>/lecture/`: one slide on the screen at a time, its figures live and on the stage.
 *  - The projected window (`#3`) shows the slide only. `P` opens the presenter's window (`#presenter-3`): the slide
 *    with its live figure, the next slide, the speaker notes and a timer. The two follow each other (sync.ts).
 *  - Keys: arrows, space and PageUp/PageDown (what clickers send) move between slides, `?` lists every key, Escape
 *    returns to the reading page at the slide's place with the figures' values, `L` held shows a pointer.
 *  - The slide number is in the fragment and the figures' values in the query string, so the link is the talk.
 */
import '../styles/lecture.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChapterInfo, Content } from '../book/chapters.ts';
import { chapterLabel } from '../book/chapters.ts';
import { ThemeSwitcher } from '../book/ThemeSwitcher.tsx';
import { StageContext } from '../figure/useStageMode.ts';
import { FigureStandInContext } from '../figure/standIn.tsx';
import { currentAddress } from '../state/figureParams.ts';
import { DeckContext, lectureComponents } from './deck.tsx';
import { joinLecture, type LectureLink, type PointerAt } from './sync.ts';
import { Pointer, usePointerKey } from './Pointer.tsx';
import { KeyHelp } from './KeyHelp.tsx';
import { Timer } from './Timer.tsx';

type Role = 'audience' | 'presenter';

/** `#3` (the projected window) or `#presenter-3`. */
function parseFragment(hash: string): { role: Role; n: number } {
  const m = /^#(presenter-)?(\d{1,3})$/.exec(hash);
  return { role: hash.startsWith('#presenter') ? 'presenter' : 'audience', n: m ? Math.max(1, Number(m[2])) : 1 };
}

function fragmentFor(role: Role, n: number): string {
  return role === 'presenter' ? `#presenter-${n}` : `#${n}`;
}

/** Whether a key press belongs to a control (a slider's arrows, a button's space) rather than to the deck. */
function isControlKey(e: KeyboardEvent): boolean {
  const t = e.target instanceof Element ? e.target : null;
  if (!t) return false;
  if (t.closest('input, select, textarea, [role="slider"], [role="radio"], [role="tab"], [contenteditable="true"]'))
    return e.key !== 'PageDown' && e.key !== 'PageUp';
  if (t.closest('button, a[href], summary')) return e.key === ' ' || e.key === 'Enter';
  return false;
}

function Deck({
  Content,
  current,
  preview,
  notes,
  largeCode,
  toggleLargeCode,
}: {
  Content: Content;
  current: number;
  preview: boolean;
  notes: HTMLElement | null;
  largeCode: boolean;
  toggleLargeCode: () => void;
}) {
  const deck = useMemo(() => ({ current, preview, notes, largeCode, toggleLargeCode }), [current, preview, notes, largeCode, toggleLargeCode]);
  return (
    <DeckContext value={deck}>
      <Content components={lectureComponents} />
    </DeckContext>
  );
}

export function LecturePage({ chapter, Content }: { chapter: ChapterInfo; Content: Content }) {
  const [{ role, n: initial }] = useState(() => parseFragment(typeof location === 'undefined' ? '' : location.hash));
  const [slide, setSlide] = useState(initial);
  const [count, setCount] = useState(0);
  const [help, setHelp] = useState(false);
  const [largeCode, setLargeCode] = useState(false);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [remotePointer, setRemotePointer] = useState<PointerAt | null>(null);
  const [notes, setNotes] = useState<HTMLElement | null>(null);
  const slides = useRef<HTMLDivElement | null>(null);
  const link = useRef<LectureLink | null>(null);
  const toggleLargeCode = useCallback(() => setLargeCode((l) => !l), []);
  const sendPointer = useCallback((at: PointerAt | null) => link.current?.sendPointer(at), []);

  // How many slides the deck has: counted once it is on the page.
  useLayoutEffect(() => setCount(slides.current?.querySelectorAll('[data-slide]').length ?? 0), []);
  const last = Math.max(1, count);
  const clamp = useCallback((n: number) => Math.min(Math.max(1, Math.round(n)), last), [last]);
  const shown = count ? clamp(slide) : slide;

  // The fragment follows the slide (no history entry per slide: Back leaves the talk).
  useEffect(() => {
    const hash = fragmentFor(role, shown);
    if (location.hash !== hash) history.replaceState(history.state, '', location.pathname + location.search + hash);
  }, [role, shown]);

  // The other window: slides and pointer arrive here; figure values are applied inside joinLecture.
  const shownRef = useRef(shown);
  shownRef.current = shown;
  useEffect(() => {
    const l = joinLecture(chapter.slug, { currentSlide: () => shownRef.current, onSlide: (n) => setSlide(n), onPointer: setRemotePointer });
    link.current = l;
    return () => {
      l.close();
      link.current = null;
    };
  }, [chapter.slug]);

  const go = useCallback(
    (n: number) => {
      const to = clamp(n);
      setSlide(to);
      setLargeCode(false);
      link.current?.sendSlide(to);
    },
    [clamp],
  );

  // A slide number typed into the address bar (or a link to `#5` on this page) moves the talk there. The fragment
  // written above goes through replaceState, which fires no hashchange, so the two never chase each other.
  useEffect(() => {
    const onHash = () => {
      if (/^#(presenter-)?\d{1,3}$/.test(location.hash)) go(parseFragment(location.hash).n);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [go]);

  const openWindow = useCallback(
    (other: Role) => {
      const url = location.pathname + location.search + fragmentFor(other, shown);
      const w = window.open(url, `btd-${other}-${chapter.slug}`, other === 'presenter' ? 'popup,width=1280,height=800' : undefined);
      setBlocked(w ? null : url);
    },
    [chapter.slug, shown],
  );

  const backToReading = useCallback(() => {
    const el = slides.current?.querySelector<HTMLElement>('[aria-current="step"]');
    const anchor = el?.dataset.anchor || el?.querySelector('[data-figure]')?.id || el?.querySelector<HTMLElement>('[data-anchor]')?.dataset.anchor || '';
    location.assign(currentAddress('../', anchor));
  }, []);

  const pointerHeld = usePointerKey();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isControlKey(e)) return;
      const key = e.key;
      if (help) {
        if (key === 'Escape' || key === '?') {
          e.preventDefault();
          setHelp(false);
        }
        return;
      }
      if (e.key === 'PageDown' || e.key === 'PageUp') (document.activeElement as HTMLElement | null)?.blur?.();
      if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || (key === ' ' && !e.shiftKey) || key === 'n') go(shown + 1);
      else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || (key === ' ' && e.shiftKey) || key === 'Backspace') go(shown - 1);
      else if (key === 'Home') go(1);
      else if (key === 'End') go(last);
      else if (key === '?') setHelp(true);
      else if (key === 'Escape') {
        if (largeCode) setLargeCode(false);
        else backToReading();
      } else if (key === 'p' || key === 'P') {
        if (role === 'audience') openWindow('presenter');
      } else if (key === 'q' || key === 'Q') setLargeCode((l) => !l);
      else if (key === 'f' || key === 'F') {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen?.();
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, shown, last, help, role, largeCode, backToReading, openWindow]);

  const slideArea = (
    <StageContext value="stage">
      <div className="lecture-slides" ref={slides}>
        <Deck
          Content={Content}
          current={shown}
          preview={false}
          notes={role === 'presenter' ? notes : null}
          largeCode={largeCode}
          toggleLargeCode={toggleLargeCode}
        />
        <Pointer area={slides} remote={remotePointer} held={pointerHeld} onMove={sendPointer} />
      </div>
    </StageContext>
  );
  const counter = (
    <span className="lecture-counter" aria-live="polite">
      {shown} / {count || '…'}
    </span>
  );
  const helpDialog = help && <KeyHelp role={role} onClose={() => setHelp(false)} />;
  const blockedNotice = blocked && (
    <p className="notice lecture-blocked" role="alert">
      The browser did not open the window. Open <a href={blocked}>this link</a> in a new window yourself.{' '}
      <button type="button" onClick={() => setBlocked(null)}>
        Dismiss
      </button>
    </p>
  );

  if (role === 'audience') {
    return (
      <div className="lecture lecture-audience" data-lecture={chapter.slug}>
        <h1 className="visually-hidden">Lecture: {chapterLabel(chapter)}</h1>
        {slideArea}
        <footer className="lecture-footer">
          <span className="lecture-chapter">{chapterLabel(chapter)}</span>
          {counter}
          <button type="button" onClick={() => openWindow('presenter')}>
            Presenter view (P)
          </button>
          <button type="button" onClick={() => setHelp(true)} aria-label="Keys (?)">
            ?
          </button>
        </footer>
        {blockedNotice}
        {helpDialog}
      </div>
    );
  }
  return (
    <div className="lecture lecture-presenter" data-lecture={chapter.slug}>
      <header className="presenter-bar">
        <h1>Presenter · {chapterLabel(chapter)}</h1>
        {counter}
        <Timer />
        <button type="button" onClick={() => go(shown - 1)} disabled={shown <= 1} aria-label="Previous slide">
          ←
        </button>
        <button type="button" onClick={() => go(shown + 1)} disabled={shown >= last} aria-label="Next slide">
          →
        </button>
        <button type="button" onClick={() => openWindow('audience')}>
          Projected window
        </button>
        <ThemeSwitcher />
        <button type="button" onClick={() => setHelp(true)} aria-label="Keys (?)">
          ?
        </button>
      </header>
      <div className="presenter-current">{slideArea}</div>
      <aside className="presenter-side" aria-label="Presenter">
        <PresenterPanel title={shown < last ? 'Next slide' : 'Next'}>
          {shown < last ? (
            <FigureStandInContext value>
              <Deck Content={Content} current={shown + 1} preview notes={null} largeCode={false} toggleLargeCode={toggleLargeCode} />
            </FigureStandInContext>
          ) : (
            <p>The end of the deck.</p>
          )}
        </PresenterPanel>
        <PresenterPanel title="Notes">
          <div className="presenter-notes" ref={setNotes} />
        </PresenterPanel>
      </aside>
      {blockedNotice}
      {helpDialog}
    </div>
  );
}

function PresenterPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="presenter-panel">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
