/** A chapter's link to its lecture slides; the talk starts with the figures as the reader left them. */
import { chapterHref } from './route.ts';
import { island } from '../islands/island.tsx';

function LectureSlidesLink({ slug }: { slug: string }) {
  return (
    <a
      className="print-chapter lecture-link"
      href={`${chapterHref(slug)}lecture/`}
      // The figures' values are in the query string at the moment of the click, not when the page was written.
      onClick={(e) => (e.currentTarget.href = `${chapterHref(slug)}lecture/${location.search}`)}
    >
      Lecture slides
    </a>
  );
}

export const LectureLink = island('LectureLink', LectureSlidesLink);
