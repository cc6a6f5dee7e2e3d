/**
 * Search in the top bar: `/` focuses it; the index (built at build time, compiler/searchDocuments.ts) loads the first
 * time the reader types. Results list sections, equations, figures and glossary terms with the match in context;
 * one opens its page at its place, and the matched words there are highlighted (the CSS Custom Highlight API, so the
 * page's own DOM is not touched).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { SEARCH_OPTIONS, type SearchDocument } from './searchOptions.ts';
import { chapterHref, currentPage } from './route.ts';
import { highlightAfterNavigation, highlightMatches } from './searchHighlight.ts';

const MAX_RESULTS = 8;
type Hit = SearchResult & SearchDocument;

let loading: Promise<MiniSearch<SearchDocument>> | null = null;
/** The index, loaded once: its module and MiniSearch come in their own chunks, not with the page. */
function loadIndex(): Promise<MiniSearch<SearchDocument>> {
  loading ??= Promise.all([import('minisearch'), import('virtual:search-index')]).then(([m, json]) =>
    m.default.loadJSON<SearchDocument>(json.default, SEARCH_OPTIONS),
  );
  return loading;
}

/** Whether a key press belongs to a field the reader is typing in (then `/` is a character, not a shortcut). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** Up to ~170 characters of the text around the first match, matched words marked. */
export function snippet(text: string, terms: readonly string[]): Array<{ text: string; mark: boolean }> {
  const words = terms.filter(Boolean).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return [{ text: text.slice(0, 160), mark: false }];
  const find = new RegExp(`(${words.join('|')})`, 'gi');
  const first = text.search(find);
  const start = Math.max(0, first - 60);
  const cut = text.slice(start, start + 170);
  const parts: Array<{ text: string; mark: boolean }> = [];
  let last = 0;
  for (const m of cut.matchAll(find)) {
    if (m.index > last) parts.push({ text: cut.slice(last, m.index), mark: false });
    parts.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
  }
  parts.push({ text: cut.slice(last), mark: false });
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (start + 170 < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

export function SearchBox() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    let stale = false;
    loadIndex().then(
      (index) => {
        if (stale) return;
        setProblem(null);
        setHits(index.search(q).slice(0, MAX_RESULTS) as Hit[]);
        setActive(0);
      },
      (e: unknown) => !stale && setProblem(`Search could not load its index (${e instanceof Error ? e.message : String(e)}).`),
    );
    return () => {
      stale = true;
    };
  }, [query]);

  const go = (hit: Hit) => {
    setOpen(false);
    input.current?.blur();
    if (hit.page !== currentPage()) {
      highlightAfterNavigation(hit.page, hit.anchor, hit.terms);
      location.assign(chapterHref(hit.page, hit.anchor));
      return;
    }
    // On this page: a fragment keeps the figures' values in the query string.
    if (!hit.anchor) window.scrollTo(0, 0);
    else if (location.hash === `#${hit.anchor}`) document.getElementById(hit.anchor)?.scrollIntoView({ block: 'start' });
    else location.hash = hit.anchor;
    highlightMatches(hit.page, hit.anchor, hit.terms);
  };

  const shown = open && (hits !== null || problem !== null);
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="search" role="search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search the book"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && hits?.length ? optionId(active) : undefined}
        placeholder="Search   /"
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
          void loadIndex().catch(() => {});
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            // A search field's own Escape empties it, which would fire a change and open the list again.
            e.preventDefault();
            setOpen(false);
            e.currentTarget.blur();
          } else if (e.key === 'ArrowDown' && hits?.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a + 1) % hits.length);
          } else if (e.key === 'ArrowUp' && hits?.length) {
            e.preventDefault();
            setActive((a) => (a - 1 + hits.length) % hits.length);
          } else if (e.key === 'Enter' && hits?.length) {
            e.preventDefault();
            go(hits[active]);
          }
        }}
      />
      {shown && (
        <ul className="search-results" id={listId} role="listbox" aria-label="Search results">
          {problem && <li className="search-empty">{problem}</li>}
          {hits?.length === 0 && <li className="search-empty">Nothing in the book matches “{query.trim()}”.</li>}
          {hits?.map((hit, i) => (
            <li key={hit.id} id={optionId(i)} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => go(hit)}>
              <span className="search-title">{hit.title}</span>
              {hit.where !== hit.title && <span className="search-where">{hit.where}</span>}
              <span className="search-snippet">
                {snippet(hit.text, hit.terms).map((p, j) => (p.mark ? <mark key={j}>{p.text}</mark> : <span key={j}>{p.text}</span>))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
