/** One chapter: its compiled MDX rendered with the book's components, prev/next at the end. */
import { PrintButton } from './PrintButton.tsx';
import { useEffect, useRef } from 'react';
import { chapterLabel, neighbours, type ChapterInfo, type Content } from './chapters.ts';
import { mdxComponents } from './mdxComponents.tsx';
import { chapterHref } from './route.ts';
import { OnThisPage } from './Toc.tsx';
import { useCurrentSection, stepSection } from './useSectionTracking.ts';
import { useTheme } from '../state/settings.ts';
import { Article } from '../islands/Article.tsx';
import { LectureLink } from './LectureLink.tsx';

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
      <Article ref={article} className="chapter" slug={chapter.slug}>
        <header className="chapter-header">
          {chapter.number !== 0 && (
            <p className="chapter-kicker">
              {typeof chapter.number === 'string' ? 'Appendix' : 'Chapter'} {chapter.number}
            </p>
          )}
          <h1>{chapter.title}</h1>
          <PrintButton />
          {chapter.lecture && <LectureLink slug={chapter.slug} />}
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
      </Article>
    </div>
  );
}
