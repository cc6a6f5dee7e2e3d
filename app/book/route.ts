/**
 * Routes live in the URL's hash, so that dist/ works on any plain static file server (no rewrite rules):
 *   #/                 the cover and contents
 *   #/preface          a chapter (by slug)
 *   #/preface/eq-ou    a place in it: a section, equation or figure anchor
 *   #/glossary/generator
 * Figure state lives in the query string before the hash (see app/state/url.ts), so a link carries both.
 */
import { useSyncExternalStore } from 'react';

export interface Route {
  /** Chapter slug, 'glossary', or '' for the cover. */
  page: string;
  /** Element id to scroll to, or ''. */
  anchor: string;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  let decoded = h;
  try {
    decoded = decodeURIComponent(h);
  } catch {
    /* keep the raw text */
  }
  const [page = '', anchor = ''] = decoded.split('/');
  const clean = (s: string) => (/^[A-Za-z0-9_-]*$/.test(s) ? s : '');
  return { page: clean(page), anchor: clean(anchor) };
}

export function chapterHref(slug: string, anchor = ''): string {
  return `#/${slug}${anchor ? `/${anchor}` : ''}`;
}

export function glossaryHref(id = ''): string {
  return chapterHref('glossary', id ? `term-${id}` : '');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash, () => '');
  return parseHash(hash);
}

/** Changes the anchor part without adding a history entry (used while scrolling through sections). */
export function replaceAnchor(route: Route, anchor: string): void {
  const next = chapterHref(route.page, anchor);
  if (location.hash !== next) history.replaceState(history.state, '', location.pathname + location.search + next);
}
