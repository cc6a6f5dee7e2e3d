/** A lecture page's HTML before its script runs (and without one): what the page is, and the way to the chapter. */
import { chapterLabel, type ChapterInfo } from '../book/chapters.ts';

export function LectureShell({ chapter }: { chapter: ChapterInfo }) {
  return (
    <main id="main" className="book-body">
      <article className="chapter">
        <p className="chapter-kicker">Lecture</p>
        <h1>{chapterLabel(chapter)}</h1>
        <p>
          This is the chapter as a talk: a deck of slides with the chapter’s live figures, a presenter window with notes, and a QR code on each figure for the
          class. It runs in the browser, with JavaScript.
        </p>
        <p>
          <a href="../">Read the chapter</a>
        </p>
      </article>
    </main>
  );
}
