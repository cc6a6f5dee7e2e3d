/**
 * The whole book on one page, for printing or saving as one PDF: every chapter in order, each starting a new printed
 * page. Its Print / PDF button has every figure compute first, as a chapter's does.
 */
import { useEffect, useState, type ComponentType } from 'react';
import { chapters, loadChapter } from './chapters.ts';
import { mdxComponents } from './mdxComponents.tsx';
import { PrintButton } from './PrintButton.tsx';

type Content = ComponentType<{ components?: Record<string, unknown> }>;

export function WholeBookPage() {
  const [contents, setContents] = useState<Content[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'From Bellman to Diffusion · the whole book';
    let live = true;
    Promise.all(chapters.map((c) => loadChapter(c))).then(
      (modules) => live && setContents(modules.map((m) => m.default)),
      (e: Error) => live && setError(`The book could not be loaded (${e.message}). Reload the page to try again.`),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="whole-book" aria-busy={!contents && !error}>
      <header className="chapter-header">
        <h1>From Bellman to Diffusion</h1>
        <p>Every chapter on one page, to print or to save as a PDF.</p>
        <PrintButton />
      </header>
      {error && (
        <p className="figure-error" role="alert">
          {error}
        </p>
      )}
      {contents?.map((Content, i) => (
        <article key={chapters[i].slug} className="chapter" data-chapter={chapters[i].slug}>
          <header className="chapter-header">
            {chapters[i].number !== 0 && (
              <p className="chapter-kicker">
                {typeof chapters[i].number === 'string' ? 'Appendix' : 'Chapter'} {chapters[i].number}
              </p>
            )}
            <h1>{chapters[i].title}</h1>
          </header>
          <Content components={mdxComponents} />
        </article>
      ))}
      {!contents && !error && <div className="chapter-loading" aria-label="Loading the book" />}
    </div>
  );
}

/** The page name of the whole book (its route is chapterHref(WHOLE_BOOK)). */
export const WHOLE_BOOK = 'whole-book';
