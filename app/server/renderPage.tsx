/**
 * Prerendering: one page of the book as static HTML, at build time (compiler/prerender.ts loads this module through
 * Vite, so the chapters' MDX compiles as it does for the browser). The HTML holds the whole text and its math;
 * figures appear in the state they start in, and come alive when app/main.tsx renders the page again in the browser.
 */
import { renderToString } from 'react-dom/server';
import { App } from '../book/App.tsx';
import { loadContents, pageMeta } from '../book/chapters.ts';
import { NOT_FOUND, pageNames, setServerPage } from '../book/route.ts';

/** Every page that gets an HTML file: the cover (''), each chapter, the glossary, the whole book, and the 404 page. */
export const prerenderedPages: readonly string[] = [...pageNames, NOT_FOUND];

export interface RenderedPage {
  /** The inside of <div id="root">. */
  body: string;
  title: string;
  description: string;
}

export async function renderPage(page: string): Promise<RenderedPage> {
  const contents = await loadContents(page);
  setServerPage(page);
  try {
    return { body: renderToString(<App name={page} contents={contents} />), ...pageMeta(page) };
  } finally {
    setServerPage(null);
  }
}
