/**
 * Prerendering: one page of the book as static HTML, at build time (compiler/prerender.ts loads this module through
 * Vite, so the chapters' MDX compiles as it does for the browser). The HTML holds the whole text and its math, and
 * every figure drawn with its default result, computed here in Node when the figure renders
 * (app/figure/prerendered.ts); the page comes alive when app/main.tsx renders it again in the browser.
 */
import { renderToString } from 'react-dom/server';
import { App } from '../book/App.tsx';
import { chapterBySlug, chapters, loadContents, pageMeta } from '../book/chapters.ts';
import { lectureOf, lecturePage, NOT_FOUND, pageNames, setServerPage } from '../book/route.ts';
import { LectureShell } from '../lecture/LectureShell.tsx';
import { computeFigure } from '../figure/computeInProcess.ts';
import type { FigureComponent } from '../figure/defineFigure.tsx';
import { PrerenderContext, type Prerender, type PrerenderedResult } from '../figure/prerendered.ts';
import { defaults, type Schema } from '../state/schema.ts';
import { drawStatic } from './staticDraw.ts';
import { PageModeContext, type PageMode } from '../islands/island.tsx';

/**
 * Every page that gets an HTML file: the cover (''), each chapter, the glossary, the whole book, the 404 page, and
 * each chapter's lecture.
 */
export const prerenderedPages: readonly string[] = [...pageNames, NOT_FOUND, ...chapters.filter((c) => c.lecture).map((c) => lecturePage(c.slug))];

export interface RenderedPage {
  /** The inside of <div id="root">. */
  body: string;
  title: string;
  description: string;
}

/** Every figure component of the chapters, by id (the modules the chapters' MDX imports them from). */
const figureModules = import.meta.glob<Record<string, unknown>>('../../chapters/*/[A-Z]*.tsx', { eager: true });
const figuresById = new Map<string, FigureComponent<Schema>>();
/** Where each figure comes from, as the browser's island loader names it (app/islands/mountIslands.tsx). */
const figureSources = new Map<string, string>();
for (const [file, mod] of Object.entries(figureModules)) {
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === 'function' && 'declaration' in value) {
      const figure = value as FigureComponent<Schema>;
      figuresById.set(figure.id, figure);
      figureSources.set(figure.id, `${file}#${name}`);
    }
  }
}
const serverMode: PageMode = { kind: 'server', figureSource: (id) => figureSources.get(id) ?? null };

/** Default results, computed once per build, when a figure first asks (the whole-book page asks again). */
const results = new Map<string, PrerenderedResult | null>();

function defaultResult(id: string): PrerenderedResult | null {
  if (!results.has(id)) {
    const figure = figuresById.get(id);
    let computed: PrerenderedResult | null = null;
    try {
      if (figure) computed = computeFigure(figure.declaration, defaults(figure.declaration.schema));
    } catch {
      // A default that cannot be computed shows in the page as it does live: its sentence, once the page runs.
    }
    results.set(id, computed);
  }
  return results.get(id) ?? null;
}

export async function renderPage(page: string): Promise<RenderedPage> {
  // A lecture is live only: its HTML says what it is and links to the chapter, for a reader without JavaScript.
  const lecture = chapterBySlug(lectureOf(page) ?? '');
  if (lecture) return { body: renderToString(<LectureShell chapter={lecture} />), ...pageMeta(page) };
  const contents = await loadContents(page);
  const prerender: Prerender = { resultFor: defaultResult, draw: drawStatic };
  setServerPage(page);
  try {
    const body = renderToString(
      <PageModeContext value={serverMode}>
        <PrerenderContext value={prerender}>
          <App name={page} contents={contents} />
        </PrerenderContext>
      </PageModeContext>,
    );
    return { body, ...pageMeta(page) };
  } finally {
    setServerPage(null);
  }
}
