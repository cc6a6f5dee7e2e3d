/** The reader's shell: header, contents, and the page the hash route names. */
import { useEffect, useState } from 'react';
import { useRoute, chapterHref } from './route.ts';
import { chapterBySlug, chapters } from './chapters.ts';
import { Toc } from './Toc.tsx';
import { ThemeSwitcher } from './ThemeSwitcher.tsx';
import { SearchBox } from './SearchBox.tsx';
import { UpdateNotice } from './UpdateNotice.tsx';
import { WHOLE_BOOK, WholeBookPage } from './WholeBookPage.tsx';
import { ChapterPage } from './ChapterPage.tsx';
import { CoverPage } from './CoverPage.tsx';
import { GlossaryPage } from './GlossaryPage.tsx';
import { linkNotices } from '../state/figureParams.ts';
import { useReadingPosition } from './useSectionTracking.ts';

function LinkNotices() {
  const [notices, setNotices] = useState(linkNotices);
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

function NotFound({ page }: { page: string }) {
  return (
    <article className="chapter">
      <h1>No such page</h1>
      <p>
        The link names a page “{page}” that this book does not have. Start from the <a href="#/">contents</a>
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

export function App() {
  const route = useRoute();
  const [tocOpen, setTocOpen] = useState(false);
  const chapter = chapterBySlug(route.page);
  useEffect(() => setTocOpen(false), [route.page]);

  let page;
  if (route.page === '') page = <CoverPage />;
  else if (route.page === 'glossary') page = <GlossaryPage anchor={route.anchor} />;
  else if (route.page === WHOLE_BOOK) page = <WholeBookPage />;
  else if (chapter) page = <ChapterPage key={chapter.slug} chapter={chapter} anchor={route.anchor} />;
  else page = <NotFound page={route.page} />;

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
        <a className="book-title" href="#/">
          From Bellman to Diffusion
        </a>
        <ReadingPosition />
        <SearchBox />
        <ThemeSwitcher />
      </header>
      <div className="book-body">
        <Toc current={route.page} open={tocOpen} onNavigate={() => setTocOpen(false)} />
        <main id="main" tabIndex={-1}>
          <UpdateNotice />
          <LinkNotices />
          {page}
        </main>
      </div>
    </div>
  );
}
