/** The cover: what the book is, the contents with one line per chapter, and how to cite it. */
import { useSyncExternalStore } from 'react';
import { chapters, chapterLabel } from './chapters.ts';
import { bookUrl, chapterHref, siteUrl, WHOLE_BOOK } from './route.ts';
import { bookBibtex } from '../content/book.ts';

const unchanging = () => () => {};

/**
 * The address to cite: the build's SITE_URL in the prerendered page, the host the reader is on once live. The
 * hydrating render must repeat the prerendered text, so the reader's host takes its place only after hydration.
 */
function useBookUrl(): string {
  return useSyncExternalStore(unchanging, bookUrl, siteUrl);
}

export function CoverPage() {
  const url = useBookUrl();
  return (
    <article className="cover">
      <h1>From Bellman to Diffusion</h1>
      <p className="cover-subtitle">
        An explorable textbook on continuous-time control: the Bellman equation, the Hamilton–Jacobi–Bellman equation, continuous-time reinforcement learning,
        and diffusion models read as stochastic optimal control.
      </p>
      <p>
        Every figure is live. Drag a slider or a number in the text and the simulation behind the figure runs again in the background; the link in your address
        bar then reproduces exactly what you see, random seed included.
      </p>
      <h2>Contents</h2>
      <ol className="cover-contents">
        {chapters.map((c) => (
          <li key={c.slug}>
            <a href={chapterHref(c.slug)}>{chapterLabel(c)}</a>
            {c.summary && <p>{c.summary}</p>}
          </li>
        ))}
      </ol>
      <p>
        <a href={chapterHref(WHOLE_BOOK)}>The whole book on one page</a>, to print or to save as one PDF.
      </p>
      <h2>Cite this book</h2>
      <pre className="bibtex" tabIndex={0} aria-label="BibTeX entry for this book">
        {bookBibtex(url)}
      </pre>
    </article>
  );
}
