/**
 * Routes live in the URL's hash, so that dist/ works on any plain static file server (no rewrite rules):
 *   #/                 the cover and contents
 *   #/preface          a chapter (by slug)
 *   #/preface/eq-ou    a place in it: a section, equation or figure anchor
 *   #/glossary/generator
 * Figure state lives in the query string before the hash (see app/state/url.ts), so a link carries both.
 */
import { useSyncExternalStore } from 'react';
import { captureAnchor, readAnchor, type ScrollAnchor } from './scrollAnchor.ts';

export interface Route {
  /** Chapter slug, 'glossary', or '' for the cover. */
  page: string;
  /** Element id to scroll to, or ''. */
  anchor: string;
}

/**
 * The route a hash names. A query string inside the hash (`#/preface?x=1`, from a hand-edited link) is ignored;
 * a page name that is not a slug is kept (shortened) so the book can say that it has no such page, rather than
 * showing the cover; an anchor that is not an id is dropped.
 */
export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '').split('?')[0];
  let decoded = h;
  try {
    decoded = decodeURIComponent(h);
  } catch {
    /* keep the raw text */
  }
  const [page = '', anchor = ''] = decoded.split('/');
  const isId = (s: string) => /^[A-Za-z0-9_-]*$/.test(s);
  return { page: isId(page) ? page : page.slice(0, 60), anchor: isId(anchor) ? anchor : '' };
}

export function chapterHref(slug: string, anchor = ''): string {
  return `#/${slug}${anchor ? `/${anchor}` : ''}`;
}

export function glossaryHref(id = ''): string {
  return chapterHref('glossary', id ? `term-${id}` : '');
}

/**
 * Back and Forward: Chrome sends `popstate` without `hashchange` between entries whose query strings differ (a
 * figure's values are written there), so the route listens to both.
 */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/** Whether the page now shown was reached by Back or Forward (then its scroll position is restored, not reset). */
let poppedAt = -1;
if (typeof window !== 'undefined') {
  // The book restores scroll itself, once a chapter's content is on the page; the browser would do it too early.
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  // Chrome fires popstate for a new hash entry too (a link, a search result), and that entry's state is empty then;
  // only an entry the book has already written a scroll position into is a return by Back or Forward. (Reading the
  // state later would race the scroll recorder below, which writes the new entry's state 250 ms after it scrolls.)
  window.addEventListener('popstate', () => {
    const y = (history.state as { scrollY?: unknown } | null)?.scrollY;
    poppedAt = typeof y === 'number' ? performance.now() : -1;
  });
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  window.addEventListener(
    'scroll',
    () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = 0;
        history.replaceState({ ...(history.state as object | null), scrollY: Math.round(window.scrollY), anchor: captureAnchor() }, '');
      }, 250);
    },
    { passive: true },
  );
}

/**
 * Where to go back to, when the reader just came by Back or Forward to an entry that remembers it: a block of the
 * chapter and an offset (see scrollAnchor.ts), else a pixel offset (the cover, the glossary); otherwise null (a new
 * page starts at its anchor or its top).
 */
export function restoredScroll(): { anchor: ScrollAnchor | null; y: number } | null {
  if (poppedAt < 0 || performance.now() - poppedAt > 5000) return null;
  poppedAt = -1;
  const state = history.state as { scrollY?: unknown } | null;
  const y = state?.scrollY;
  if (typeof y !== 'number' || !Number.isFinite(y)) return null;
  return { anchor: readAnchor(state), y };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => location.hash,
    () => '',
  );
  return parseHash(hash);
}
