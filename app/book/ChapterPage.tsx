/** One chapter: loads its compiled MDX, renders it with the book's components, prev/next at the end. */
import { PrintButton } from './PrintButton.tsx';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { chapterLabel, loadChapter, neighbours, type ChapterInfo } from './chapters.ts';
import { mdxComponents } from './mdxComponents.tsx';
import { chapterHref, restoredScroll } from './route.ts';
import { restoreAnchor } from './scrollAnchor.ts';
import { OnThisPage } from './Toc.tsx';
import { useCurrentSection, stepSection } from './useSectionTracking.ts';
import { useTheme } from '../state/settings.ts';

type Content = ComponentType<{ components?: Record<string, unknown> }>;

export function ChapterPage({ chapter, anchor }: { chapter: ChapterInfo; anchor: string }) {
  const [content, setContent] = useState<{ slug: string; Content: Content } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const article = useRef<HTMLElement | null>(null);
  const theme = useTheme();

  useEffect(() => {
    let live = true;
    setError(null);
    loadChapter(chapter).then(
      (m) => live && setContent({ slug: chapter.slug, Content: m.default }),
      (e: Error) => live && setError(`This chapter could not be loaded (${e.message}). Reload the page to try again.`),
    );
    return () => {
      live = false;
    };
  }, [chapter]);

  const ready = content?.slug === chapter.slug;
  useEffect(() => {
    document.title = `${chapterLabel(chapter)} · From Bellman to Diffusion`;
  }, [chapter]);

  // Once the chapter is on the page: back to where the reader was (Back or Forward), else to the anchor or the top.
  useEffect(() => {
    if (!ready) return;
    const back = restoredScroll();
    const target = anchor ? document.getElementById(anchor) : null;
    if (back) {
      if (!back.anchor || !restoreAnchor(back.anchor)) window.scrollTo(0, back.y);
    } else if (target) target.scrollIntoView({ block: 'start' });
    else window.scrollTo(0, 0);
  }, [ready, anchor]);

  const current = useCurrentSection(article.current, [ready]);

  // Projector theme: arrow keys step through sections and figures.
  useEffect(() => {
    if (theme !== 'projector') return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (t.closest('input, select, textarea, [role="slider"], pre') || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown') {
        e.preventDefault();
        if (article.current) stepSection(article.current, 1);
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp') {
        e.preventDefault();
        if (article.current) stepSection(article.current, -1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [theme]);

  const { prev, next } = neighbours(chapter.slug);
  const Content = ready ? content.Content : null;
  return (
    <div className="chapter-layout">
      <OnThisPage slug={chapter.slug} current={current} />
      <article ref={article} className="chapter" data-chapter={chapter.slug} aria-busy={!ready}>
        <header className="chapter-header">
          {chapter.number !== 0 && (
            <p className="chapter-kicker">
              {typeof chapter.number === 'string' ? 'Appendix' : 'Chapter'} {chapter.number}
            </p>
          )}
          <h1>{chapter.title}</h1>
          <PrintButton />
        </header>
        {error && (
          <p className="figure-error" role="alert">
            {error}
          </p>
        )}
        {Content ? <Content components={mdxComponents} /> : !error && <div className="chapter-loading" aria-label="Loading the chapter" />}
        <footer className="prev-next">
          {prev ? (
            <a href={chapterHref(prev.slug)} rel="prev">
              <span>Previous</span> {chapterLabel(prev)}
            </a>
          ) : (
            <span />
          )}
          {next && (
            <a href={chapterHref(next.slug)} rel="next">
              <span>Next</span> {chapterLabel(next)}
            </a>
          )}
        </footer>
      </article>
    </div>
  );
}
