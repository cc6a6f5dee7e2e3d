/**
 * The book in the browser. A page arrives prerendered (app/server/renderPage.tsx): its text and math read at once.
 * Once its chapter's module is loaded, the page is rendered again here, live, in one step that replaces the static
 * HTML with the same layout, so nothing moves. (The development server prerenders nothing: the page is rendered
 * from its address.)
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import 'katex/dist/katex.min.css';
import '@fontsource-variable/source-serif-4/wght.css';
import '@fontsource-variable/source-serif-4/wght-italic.css';
import './styles/theme.css';
import './styles/book.css';
import './styles/figure.css';
import './styles/code.css';
import { App } from './book/App.tsx';
import { chapterBySlug, loadContents, loadLecture, pageMeta } from './book/chapters.ts';
import { currentPage, lectureOf } from './book/route.ts';
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
else startReading();

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
