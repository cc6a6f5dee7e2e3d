/**
 * Every page of the book is a folder with its own prerendered index.html, so any static server serves it without
 * rewrite rules:
 *   ./                        the cover and contents
 *   ./preface/                a chapter (by slug); ./preface/#eq-ou a place in it
 *   ./glossary/#term-generator
 *   ./whole-book/             every chapter on one page, for print
 *   ./preface/lecture/#3      a chapter as a deck of slides (app/lecture), at slide 3
 * Links between pages are relative, so the book works from any folder of a host. Figure state lives in the query
 * string (app/state/url.ts), so a link carries both the place and the figures' values.
 */
import { chapters } from 'virtual:book-index';

/** The page name of the whole book on one page. */
export const WHOLE_BOOK = 'whole-book';
/** The page name the prerendered 404.html carries. */
export const NOT_FOUND = '404';

/** Every page that has an address of its own, '' being the cover. */
export const pageNames: readonly string[] = ['', ...chapters.map((c) => c.slug), 'glossary', WHOLE_BOOK];

/** The folder of a chapter's lecture, inside the chapter's own: `noise/lecture`. */
const LECTURE = 'lecture';
export const lecturePage = (slug: string): string => `${slug}/${LECTURE}`;
/** The chapter a lecture page is of, or null for any other page. */
export function lectureOf(page: string): string | null {
  const m = /^([^/]+)\/lecture$/.exec(page);
  return m && pageNames.includes(m[1]) ? m[1] : null;
}

/** The page being prerendered (set by app/server/renderPage.tsx); null in the browser. */
let serverPage: string | null = null;
export function setServerPage(page: string | null): void {
  serverPage = page;
}

/**
 * The page a path names: its last folder when that is a page of the book, else the cover (the book's own folder on
 * a host, or the development server's fallback).
 */
export function pageOfPath(pathname: string): string {
  const parts = pathname.split('/').filter((p) => p && p !== 'index.html');
  const decoded = parts.map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p; // keep the raw text
    }
  });
  const last = decoded.at(-1) ?? '';
  const before = decoded.at(-2) ?? '';
  if (last === LECTURE && lectureOf(lecturePage(before))) return lecturePage(before);
  return pageNames.includes(last) ? last : '';
}

/** The page on show: named by the prerendered HTML (`<html data-page>`), else by the path. */
export function currentPage(): string {
  if (serverPage !== null) return serverPage;
  if (typeof document === 'undefined') return '';
  const named = document.documentElement.dataset.page;
  // The 404 page's shell also stands in, offline, for a page the service worker has not cached: its address decides.
  if (named === undefined || named === NOT_FOUND) return pageOfPath(location.pathname) || (named ?? '');
  return named;
}

/** The book's public address (the build's SITE_URL), for a page being prerendered. */
declare const __SITE_URL__: string;

/** The book's public address, set at build time. */
export function siteUrl(): string {
  return typeof __SITE_URL__ === 'string' ? __SITE_URL__ : '';
}

/** The book's address: its folder on the host the reader is on, or the build's SITE_URL while prerendering. */
export function bookUrl(): string {
  if (serverPage !== null || typeof location === 'undefined') return siteUrl();
  return new URL(bookRoot(), location.href).href;
}

/** The way from the current page to the book's folder: './' on the cover, '../' on a page, '/' on the 404 page. */
export function bookRoot(): string {
  const page = currentPage();
  if (page === NOT_FOUND) return '/';
  // One step up per folder: '../' from a chapter, '../../' from its lecture.
  return page === '' ? './' : '../'.repeat(page.split('/').length);
}

/**
 * A link to a page and a place in it. A place on the current page is its fragment alone, so that following it
 * keeps the figures' values in the query string.
 */
export function chapterHref(slug: string, anchor = ''): string {
  if (anchor && slug === currentPage()) return `#${anchor}`;
  return `${bookRoot()}${slug ? `${slug}/` : ''}${anchor ? `#${anchor}` : ''}`;
}

export function glossaryHref(id = ''): string {
  return chapterHref('glossary', id ? `term-${id}` : '');
}
