/// <reference types="vite-plugin-pwa/client" />
// Types of the modules made by compiler/vitePluginBook.ts.
declare module 'virtual:book-index' {
  export interface SectionInfo {
    id: string;
    title: string;
    number: string;
  }
  export interface ChapterInfo {
    number: number;
    slug: string;
    dir: string;
    title: string;
    summary: string;
    sections: SectionInfo[];
    /** Whether the chapter has a lecture deck (its lecture.mdx). */
    lecture: boolean;
  }
  export const chapters: ChapterInfo[];
  /** The ids of every figure in the book (from the chapters' `fig:<id>` labels). */
  export const figureIds: string[];
}
declare module 'virtual:book-previews' {
  /** label -> HTML preview (equations pre-rendered by KaTeX). */
  export const previews: Record<string, string>;
}
declare module 'virtual:glossary' {
  /** Every glossary term by id (the definitions are a module of their own: virtual:glossary-definitions). */
  export const glossary: { id: string; term: string }[];
}
declare module 'virtual:glossary-definitions' {
  /** id -> the definition as HTML, its math rendered by KaTeX. */
  export const definitions: Record<string, string>;
}
declare module 'virtual:bibliography' {
  /** `cite` and `year`: how citations name the authors and the year (citeAuthors, citeYears in app/content/bibliography.ts). */
  export const bibliography: { id: string; cite: string; year: string; html: string }[];
}
declare module '*&code' {
  const listing: import('../compiler/highlightCode.ts').CodeListing;
  export default listing;
}
declare module '*.mdx' {
  import type { ComponentType } from 'react';
  const MDXContent: ComponentType<{ components?: Record<string, unknown> }>;
  export default MDXContent;
}
declare module 'virtual:search-index' {
  /** The book's MiniSearch index, serialised (MiniSearch.loadJSON with SEARCH_OPTIONS from app/book/searchOptions.ts). */
  const index: string;
  export default index;
}
