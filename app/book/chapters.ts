/** The chapter registry: titles and sections come from the build's index; chapter bodies load lazily. */
import type { ComponentType } from 'react';
import { chapters, type ChapterInfo } from 'virtual:book-index';

export type { ChapterInfo };
export { chapters };

type MdxModule = { default: ComponentType<{ components?: Record<string, unknown> }> };
const loaders = import.meta.glob<MdxModule>('../../chapters/*/index.mdx');

export function chapterBySlug(slug: string): ChapterInfo | undefined {
  return chapters.find((c) => c.slug === slug);
}

export function loadChapter(chapter: ChapterInfo): Promise<MdxModule> {
  const load = loaders[`../../chapters/${chapter.dir}/index.mdx`];
  if (!load) return Promise.reject(new Error(`chapter ${chapter.dir} has no index.mdx`));
  return load();
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
