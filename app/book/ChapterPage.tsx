/** One chapter: its compiled MDX rendered with the book's components, prev/next at the end. */
import { PrintButton } from './PrintButton.tsx';
import { useEffect, useRef } from 'react';
import { chapterLabel, neighbours, type ChapterInfo, type Content } from './chapters.ts';
import { mdxComponents } from './mdxComponents.tsx';
import { chapterHref } from './route.ts';
import { OnThisPage } from './Toc.tsx';
import { useCurrentSection, stepSection } from './useSectionTracking.ts';
import { useTheme } from '../state/settings.ts';

export function ChapterPage({ chapter, Content }: { chapter: ChapterInfo; Content: Content }) {
  const article = useRef<HTMLElement | null>(null);
  const theme = useTheme();
  const current = useCurrentSection(article);

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
  return (
    <div className="chapter-layout">
      <OnThisPage slug={chapter.slug} current={current} />
      <article ref={article} className="chapter" data-chapter={chapter.slug}>
        <header className="chapter-header">
          {chapter.number !== 0 && (
            <p className="chapter-kicker">
              {typeof chapter.number === 'string' ? 'Appendix' : 'Chapter'} {chapter.number}
            </p>
          )}
          <h1>{chapter.title}</h1>
          <PrintButton />
          {chapter.lecture && (
            <a
              className="print-chapter lecture-link"
              href={`${chapterHref(chapter.slug)}lecture/`}
              // The talk starts with the figures as the reader left them (their values are in the query string).
              onClick={(e) => (e.currentTarget.href = `${chapterHref(chapter.slug)}lecture/${location.search}`)}
            >
              Lecture slides
            </a>
          )}
        </header>
        <Content components={mdxComponents} />
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
