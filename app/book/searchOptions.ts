/**
 * How the book's search index is built (at build time, compiler/searchDocuments.ts) and read (in the page,
 * SearchBox.tsx): both must use the same options, so they live here.
 */
export interface SearchDocument {
  /** Where the result opens: a chapter route and anchor (see route.ts). */
  page: string;
  anchor: string;
  /** What the result is called: "4.3 The linear–quadratic regulator", "Equation (4.7)", "Figure 7.1", a glossary term. */
  title: string;
  /** The chapter it belongs to (or "Glossary"), shown under the title. */
  where: string;
  /** The searchable text: prose with markup and math removed, a caption, a definition. */
  text: string;
}

export const SEARCH_OPTIONS = {
  idField: 'id',
  fields: ['title', 'text'],
  storeFields: ['page', 'anchor', 'title', 'where', 'text'],
  searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' as const },
};
