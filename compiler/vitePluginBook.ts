/**
 * The book's Vite plugin. Virtual modules:
 *  - `virtual:book-index`: the chapters in order with their sections (table of contents, routing, search);
 *  - `virtual:book-previews`: pre-rendered HTML previews for every label (equations rendered by KaTeX), loaded
 *    lazily the first time a <Ref> popover opens;
 *  - `virtual:glossary`: the terms; `virtual:glossary-definitions`: their definitions, math pre-rendered (a third of
 *    the book's script if it came with every page, so it loads when a <Term> popover opens or the glossary page starts);
 *  - `virtual:bibliography`: entries with their math pre-rendered;
 *  - `virtual:search-index`: the book's search index (compiler/searchDocuments.ts), serialised MiniSearch, loaded
 *    the first time the reader searches.
 * And `x.ts?fn=symbol&code` imports: a highlighted listing of one declaration of a source file (see highlightCode.ts).
 */
import { writeTaskRegistry } from './taskRegistry.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { scanBook, type BookIndex } from './scanBook.ts';
import { renderInlineMath, renderTex, escapeHtml } from './renderMath.ts';
import { highlightListing } from './highlightCode.ts';
import { searchDocuments } from './searchDocuments.ts';
import { SEARCH_OPTIONS } from '../app/book/searchOptions.ts';
import MiniSearch from 'minisearch';
import { glossary } from '../app/content/glossary.ts';
import { bibliography, citeAuthors, citeYears } from '../app/content/bibliography.ts';

const VIRTUAL = [
  'virtual:book-index',
  'virtual:book-previews',
  'virtual:glossary',
  'virtual:glossary-definitions',
  'virtual:bibliography',
  'virtual:search-index',
];

export function bookIndexLoader(chaptersDir: string): () => BookIndex {
  // Scanning a few MDX files takes about a millisecond; re-scan on every call so dev edits are always seen.
  return () => scanBook(chaptersDir);
}

/** Formats a bibliography entry as HTML: authors (year). Title. Venue. */
const yearLabels = citeYears(bibliography);

function formatBibEntry(e: (typeof bibliography)[number]): string {
  const title = e.url ? `<a href="${escapeHtml(e.url)}" rel="noopener">${escapeHtml(e.title)}</a>` : escapeHtml(e.title);
  const note = e.note ? ` <span class="bib-note">${renderInlineMath(e.note, `bibliography ${e.id}`)}</span>` : '';
  return `${escapeHtml(e.authors)} (${yearLabels.get(e.id) ?? e.year}). <cite>${title}</cite>. ${escapeHtml(e.venue)}.${note}`;
}

export function bookPlugin(options: { chaptersDir: string; root: string }): Plugin {
  const getIndex = bookIndexLoader(options.chaptersDir);
  return {
    name: 'book',
    buildStart() {
      // The worker's task table follows workers/tasks/*.ts; a task name exported twice stops the build here.
      writeTaskRegistry(options.root);
    },
    resolveId(id) {
      if (VIRTUAL.includes(id)) return '\0' + id;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:')) {
        const m = /^(.*)\?fn=([A-Za-z_$][\w$]*)&code$/.exec(id);
        if (!m) return null;
        const [, file, symbol] = m;
        this.addWatchFile(file);
        const listing = highlightListing(readFileSync(file, 'utf8'), symbol, path.relative(options.root, file));
        return `export default ${JSON.stringify(listing)};`;
      }
      const name = id.slice(1);
      if (name === 'virtual:book-index') {
        const index = getIndex();
        for (const c of index.chapters) this.addWatchFile(path.join(options.chaptersDir, c.dir, 'index.mdx'));
        const figureIds = Object.keys(index.labels)
          .filter((label) => index.labels[label].kind === 'figure' && label.startsWith('fig:'))
          .map((label) => label.slice(4));
        return `export const chapters = ${JSON.stringify(index.chapters)};\nexport const figureIds = ${JSON.stringify(figureIds)};`;
      }
      if (name === 'virtual:book-previews') {
        const index = getIndex();
        const previews: Record<string, string> = {};
        for (const [label, info] of Object.entries(index.labels)) {
          const where = `preview of ${label}`;
          if (info.kind === 'equation') previews[label] = renderTex(`${info.text}\\tag{${info.number}}`, true, where);
          else if (info.kind === 'figure') previews[label] = `<strong>Figure ${info.number}.</strong> ${renderInlineMath(info.text, where)}`;
          else if (info.kind === 'exercise') previews[label] = `<strong>Exercise ${info.number}.</strong> ${renderInlineMath(info.text, where)}`;
          else previews[label] = `<strong>Section ${info.number}</strong> ${renderInlineMath(info.text, where)}`;
        }
        return `export const previews = ${JSON.stringify(previews)};`;
      }
      if (name === 'virtual:search-index') {
        const search = new MiniSearch(SEARCH_OPTIONS);
        search.addAll(searchDocuments(options.chaptersDir, getIndex(), glossary));
        return `export default ${JSON.stringify(JSON.stringify(search))};`;
      }
      if (name === 'virtual:glossary') {
        return `export const glossary = ${JSON.stringify(glossary.map((g) => ({ id: g.id, term: g.term })))};`;
      }
      if (name === 'virtual:glossary-definitions') {
        const definitions = Object.fromEntries(glossary.map((g) => [g.id, renderInlineMath(g.definition, `glossary ${g.id}`)]));
        return `export const definitions = ${JSON.stringify(definitions)};`;
      }
      if (name === 'virtual:bibliography') {
        const entries = bibliography.map((b) => ({ id: b.id, cite: citeAuthors(b), year: yearLabels.get(b.id) ?? String(b.year), html: formatBibEntry(b) }));
        return `export const bibliography = ${JSON.stringify(entries)};`;
      }
      return null;
    },
  };
}
