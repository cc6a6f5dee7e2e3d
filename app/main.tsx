/**
 * The book in the browser. A page arrives prerendered (app/server/renderPage.tsx): its text and math read at once.
 * Here the page's frame (top bar, contents, buttons) is hydrated in place, and the live parts of its chapter, the
 * islands, each become a React root (app/islands/): the prose is never rendered again, and the chapter's MDX is not
 * loaded. The development server prerenders nothing, and a page the 404 shell stands in for (offline) has no HTML
 * of its own: there the page is rendered whole from its address and its chapter's compiled MDX.
 */
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import 'katex/dist/katex.min.css';
import '@fontsource-variable/source-serif-4/wght.css';
import '@fontsource-variable/source-serif-4/wght-italic.css';
import './styles/theme.css';
import './styles/book.css';
import './styles/figure.css';
import './styles/code.css';
import { App } from './book/App.tsx';
import { chapterBySlug, chapters, loadContents, loadLecture, pageMeta, type Content } from './book/chapters.ts';
import { loadGlossaryDefinitions } from './content/glossaryDefinitions.ts';
import { keepPrerenderedArticles } from './islands/Article.tsx';
import { nextTask } from './islands/nextTask.ts';
import { Committed, PageModeContext } from './islands/island.tsx';
import { currentPage, lectureOf, WHOLE_BOOK } from './book/route.ts';
import { highlightArrivedMatches } from './book/searchHighlight.ts';
import { keepPrerenderedPictures } from './figure/prerendered.ts';
import { rememberReadingPlace, returnToReadingPlace } from './book/readingPlace.ts';
import { captureAnchor, restoreAnchor } from './book/scrollAnchor.ts';
import { installSettingsSync } from './state/settings.ts';
import { installConsoleApi } from './sim/consoleApi.ts';

installSettingsSync();
installConsoleApi();
rememberReadingPlace();

const container = document.getElementById('root')!;
const page = currentPage();
const prerendered = container.hasChildNodes();
document.title = pageMeta(page).title;
const lecture = chapterBySlug(lectureOf(page) ?? '');

/** A lecture has no reading place to keep: its deck replaces the page's stand-in text. */
function startLecture(chapter: NonNullable<typeof lecture>): void {
  // Lecture mode's code is its own chunk: readers who never give a talk never load it.
  Promise.all([loadLecture(chapter), import('./lecture/LecturePage.tsx')]).then(
    ([Deck, { LecturePage }]) => {
      flushSync(() =>
        createRoot(container).render(
          <StrictMode>
            <LecturePage chapter={chapter} Content={Deck} />
          </StrictMode>,
        ),
      );
      document.documentElement.dataset.live = '';
    },
    (e: unknown) => showLoadError(e),
  );
}

function showLoadError(e: unknown): void {
  // The text stays readable (it is in the HTML); only the live parts are missing.
  const notice = document.createElement('p');
  notice.className = 'notice notice-page';
  notice.setAttribute('role', 'alert');
  notice.textContent = `The live figures of this page could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
  (document.getElementById('main') ?? container).prepend(notice);
}

if (lecture) startLecture(lecture);
else if (prerendered && document.documentElement.dataset.page === page) void hydratePage();
else startReading();

/** The page's own HTML made live: the frame hydrated, the islands mounted, the prose left as it is. */
async function hydratePage(): Promise<void> {
  // A task of its own, after the entry module's evaluation: the two made one task of 90–140 ms on a phone
  // (Lighthouse's 4× slowdown), most of it blocking time.
  await nextTask();
  // The islands' components are a chunk of their own: the entry evaluates less before the frame is live, and the
  // chunk loads while the frame hydrates.
  const islands = import('./islands/mountIslands.tsx');
  try {
    if (page === 'glossary') await loadGlossaryDefinitions();
    keepPrerenderedPictures(container);
    keepPrerenderedArticles(container);
    const place = captureAnchor();
    // The articles are not rendered here (app/islands/Article.tsx), so no chapter's MDX is needed: stand-ins fill its place.
    const shown = page === WHOLE_BOOK ? chapters : chapters.filter((c) => c.slug === page);
    const standIns: Content[] = shown.map(() => () => null);
    // Not a transition (unlike the islands): the frame's search box and keyboard shortcuts start listening as soon
    // as can be, not after slices that yield to everything else.
    // An uncaught error unmounts the frame, which then never commits: it is reported, not waited for.
    const frame = new Promise<void>((done, fail) =>
      hydrateRoot(
        container,
        <StrictMode>
          <PageModeContext value={{ kind: 'hydrate' }}>
            <Committed onCommit={done}>
              <App name={page} contents={standIns} />
            </Committed>
          </PageModeContext>
        </StrictMode>,
        { onUncaughtError: fail },
      ),
    );
    await Promise.all([frame, islands.then(({ mountIslands }) => mountIslands(container))]);
    document.documentElement.dataset.live = '';
    if (place) restoreAnchor(place);
    returnToReadingPlace();
    highlightArrivedMatches(page);
  } catch (e) {
    showLoadError(e);
  }
}

function startReading(): void {
  loadContents(page).then((contents) => {
    keepPrerenderedPictures(container);
    // What the reader sees stays put: the live blocks off screen get fresh size estimates (content-visibility), so
    // the same pixel offset would land elsewhere; a block and an offset do not.
    const place = prerendered ? captureAnchor() : null;
    flushSync(() =>
      createRoot(container).render(
        <StrictMode>
          <App name={page} contents={contents} />
        </StrictMode>,
      ),
    );
    // Live: figures compute, controls respond (until then the style sheet shows the prerendered controls inert).
    document.documentElement.dataset.live = '';
    if (place) restoreAnchor(place);
    // A prerendered page was scrolled to its fragment by the browser; a page rendered only now goes there itself.
    if (!prerendered && location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView({ block: 'start' });
    returnToReadingPlace();
    highlightArrivedMatches(page);
  }, showLoadError);
}
