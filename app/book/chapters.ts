/** The chapter registry: titles and sections come from the build's index; chapter bodies load lazily. */
import type { ComponentType } from 'react';
import { chapters, type ChapterInfo } from 'virtual:book-index';
import { lectureOf, NOT_FOUND, WHOLE_BOOK } from './route.ts';
import { loadGlossaryDefinitions } from '../content/glossaryDefinitions.ts';

export type { ChapterInfo };
export { chapters };

/** A chapter's compiled MDX. */
export type Content = ComponentType<{ components?: Record<string, unknown> }>;
type MdxModule = { default: Content };
const loaders = import.meta.glob<MdxModule>('../../chapters/*/index.mdx');
const lectureLoaders = import.meta.glob<MdxModule>('../../chapters/*/lecture.mdx');

export function chapterBySlug(slug: string): ChapterInfo | undefined {
  return chapters.find((c) => c.slug === slug);
}

function loadChapter(chapter: ChapterInfo): Promise<MdxModule> {
  const load = loaders[`../../chapters/${chapter.dir}/index.mdx`];
  if (!load) return Promise.reject(new Error(`chapter ${chapter.dir} has no index.mdx`));
  return load();
}

/** A chapter's lecture deck (its compiled lecture.mdx), for the lecture page. */
export async function loadLecture(chapter: ChapterInfo): Promise<Content> {
  const load = lectureLoaders[`../../chapters/${chapter.dir}/lecture.mdx`];
  if (!load) throw new Error(`chapter ${chapter.dir} has no lecture`);
  return (await load()).default;
}

/**
 * The compiled chapters a page shows: its own for a chapter, all of them for the whole book, none otherwise. The
 * glossary page gets its definitions loaded first.
 */
export async function loadContents(page: string): Promise<Content[]> {
  if (page === 'glossary') await loadGlossaryDefinitions();
  const shown = page === WHOLE_BOOK ? chapters : chapters.filter((c) => c.slug === page);
  return (await Promise.all(shown.map(loadChapter))).map((m) => m.default);
}

/** The chapter before and after, for the links at the end of each chapter. */
export function neighbours(slug: string): { prev?: ChapterInfo; next?: ChapterInfo } {
  const i = chapters.findIndex((c) => c.slug === slug);
  return { prev: i > 0 ? chapters[i - 1] : undefined, next: i >= 0 ? chapters[i + 1] : undefined };
}

/** How a chapter is named in the contents: "Preface" for chapter 0, "3. Noise", "A. Notation" for an appendix. */
export function chapterLabel(c: ChapterInfo): string {
  return c.number === 0 ? c.title : `${c.number}. ${c.title}`;
}

const BOOK = 'From Bellman to Diffusion';
const BOOK_DESCRIPTION =
  'An explorable textbook: from the Bellman equation to the Hamilton–Jacobi–Bellman equation, continuous-time reinforcement learning, and diffusion models as stochastic optimal control.';

/** A page's title and one-sentence description, for its <title>, its description and its link previews. */
export function pageMeta(page: string): { title: string; description: string } {
  const chapter = chapterBySlug(page);
  if (chapter) return { title: `${chapterLabel(chapter)} · ${BOOK}`, description: chapter.summary || BOOK_DESCRIPTION };
  if (page === 'glossary') return { title: `Glossary · ${BOOK}`, description: `The terms ${BOOK} uses, each defined in a sentence or two.` };
  if (page === WHOLE_BOOK) return { title: `${BOOK} · the whole book`, description: `Every chapter of ${BOOK} on one page, to print or to save as one PDF.` };
  const lecture = chapterBySlug(lectureOf(page) ?? '');
  if (lecture)
    return {
      title: `Lecture: ${chapterLabel(lecture)} · ${BOOK}`,
      description: `${chapterLabel(lecture)} as a deck of slides with live figures, to teach from a projector.`,
    };
  if (page === NOT_FOUND) return { title: `No such page · ${BOOK}`, description: BOOK_DESCRIPTION };
  return { title: BOOK, description: BOOK_DESCRIPTION };
}
