/** The reader's shell: header, contents, and the page its address names. */
import { useEffect, useState } from 'react';
import { bookRoot, chapterHref, WHOLE_BOOK } from './route.ts';
import { chapterBySlug, chapters, type Content } from './chapters.ts';
import { Toc } from './Toc.tsx';
import { ThemeSwitcher } from './ThemeSwitcher.tsx';
import { SearchBox } from './SearchBox.tsx';
import { UpdateNotice } from './UpdateNotice.tsx';
import { WholeBookPage } from './WholeBookPage.tsx';
import { ChapterPage } from './ChapterPage.tsx';
import { CoverPage } from './CoverPage.tsx';
import { GlossaryPage } from './GlossaryPage.tsx';
import { linkNotices } from '../state/figureParams.ts';
import { useReadingPosition } from './useSectionTracking.ts';

function LinkNotices() {
  // Read after the first render: the prerendered page has no link, so its first render has no notices either.
  const [notices, setNotices] = useState<readonly string[]>([]);
  useEffect(() => setNotices(linkNotices), []);
  if (!notices.length) return null;
  return (
    <div className="notice notice-page" role="status">
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" className="notice-dismiss" onClick={() => setNotices([])}>
        Dismiss
      </button>
    </div>
  );
}

function ReadingPosition() {
  const { number, title } = useReadingPosition();
  if (!title) return null;
  return (
    <span className="reading-position" aria-hidden="true">
      <span className="section-number">{number}</span> {title}
    </span>
  );
}

function NotFound() {
  return (
    <article className="chapter">
      <h1>No such page</h1>
      <p>
        This book has no page at this address. Start from the <a href={bookRoot()}>contents</a>
        {chapters[0] && (
          <>
            {' '}
            or the <a href={chapterHref(chapters[0].slug)}>first chapter</a>
          </>
        )}
        .
      </p>
    </article>
  );
}

/**
 * The page named `name` ('' the cover, a chapter's slug, 'glossary', WHOLE_BOOK or NOT_FOUND), with the compiled
 * MDX of its chapters already loaded (one for a chapter, all for the whole book), so that its first render is
 * the whole page: in the browser it replaces the prerendered HTML in one step.
 */
export function App({ name, contents }: { name: string; contents: readonly Content[] }) {
  const [tocOpen, setTocOpen] = useState(false);
  const chapter = chapterBySlug(name);

  let page;
  if (name === '') page = <CoverPage />;
  else if (name === 'glossary') page = <GlossaryPage />;
  else if (name === WHOLE_BOOK) page = <WholeBookPage contents={contents} />;
  else if (chapter && contents[0]) page = <ChapterPage chapter={chapter} Content={contents[0]} />;
  else page = <NotFound />;

  return (
    <div className="book">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to the text
      </a>
      <header className="topbar">
        <button type="button" className="toc-toggle" aria-expanded={tocOpen} aria-controls="toc" onClick={() => setTocOpen((o) => !o)}>
          Contents
        </button>
        <a className="book-title" href={bookRoot()}>
          From Bellman to Diffusion
        </a>
        <ReadingPosition />
        <SearchBox />
        <ThemeSwitcher />
      </header>
      <div className="book-body">
        <Toc current={name} open={tocOpen} onNavigate={() => setTocOpen(false)} />
        <main id="main" tabIndex={-1}>
          <UpdateNotice />
          <LinkNotices />
          {page}
        </main>
      </div>
    </div>
  );
}
