/** The table of contents: a <nav> whose links are the chapters (and the glossary). Collapsible on phones. */
import { chapters, chapterLabel } from './chapters.ts';
import { chapterHref } from './route.ts';

export function Toc({ current, open, onNavigate }: { current: string; open: boolean; onNavigate: () => void }) {
  return (
    <nav id="toc" className={`toc ${open ? 'toc-open' : ''}`} aria-label="Contents">
      <ol>
        {chapters.map((c) => (
          <li key={c.slug}>
            <a href={chapterHref(c.slug)} aria-current={current === c.slug ? 'page' : undefined} onClick={onNavigate}>
              {chapterLabel(c)}
            </a>
          </li>
        ))}
      </ol>
      <ul className="toc-extra">
        <li>
          <a href={chapterHref('glossary')} aria-current={current === 'glossary' ? 'page' : undefined} onClick={onNavigate}>
            Glossary
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** The current chapter's sections, with the one being read highlighted. */
export function OnThisPage({ slug, current }: { slug: string; current: string }) {
  const chapter = chapters.find((c) => c.slug === slug);
  if (!chapter || chapter.sections.length < 2) return null;
  return (
    <aside className="on-this-page" aria-label="On this page">
      <p className="on-this-page-title">On this page</p>
      <ol>
        {chapter.sections.map((s) => (
          <li key={s.id}>
            <a href={chapterHref(slug, s.id)} aria-current={current === s.id ? 'location' : undefined}>
              <span className="section-number">{s.number}</span> {s.title.replace(/\$([^$]*)\$/g, '$1')}
            </a>
          </li>
        ))}
      </ol>
    </aside>
  );
}
