/**
 * The documents of the book's search: each chapter's sections (their prose, markup and math removed), its numbered
 * equations (number, label words and TeX), its figures (their captions), and the glossary. Built from the MDX
 * sources and the book index at build time; the page loads the index only when the reader first searches.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BookIndex } from './scanBook.ts';
import { slugify } from './scanBook.ts';
import type { SearchDocument } from '../app/book/searchOptions.ts';
import type { GlossaryEntry } from '../app/content/glossary.ts';

/** Prose as a reader sees it, approximately: no frontmatter, imports, code, math, JSX tags or Markdown marks. */
export function plainProse(mdx: string): string {
  return withoutJsx(
    mdx
      .replace(/^---[\s\S]*?\n---/, '')
      .replace(/^```[\s\S]*?^```/gm, ' ')
      .replace(/^(import|export)\s[^\n]*$/gm, ' ')
      .replace(/\$\$[\s\S]*?\$\$/g, ' ')
      // Inline math (it may wrap a line): short symbols stay readable (X t, V(x)), longer formulas become an ellipsis in the snippet.
      .replace(/\$([^$]{1,400})\$/g, (_, tex: string) => {
        const words = texWords(tex);
        return words.length <= 8 ? words : '⋯';
      })
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' '),
  );
}

/** The rest of plainProse, after math is gone (so every brace left belongs to a JSX expression). */
function withoutJsx(text: string): string {
  // Expressions, innermost first: `answer={gbmMoments({ ... }).mean}` nests.
  let out = text;
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(/\{[^{}]*\}/g, ' ');
  }
  return (
    out
      // A JSX tag with its attributes (their expressions already removed).
      .replace(/<\/?[A-Za-z][\w.]*(?:\s+[\w-]+(?:=(?:"[^"]*")?)?)*\s*\/?>/g, ' ')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      // Tables: the rule under the header goes, the cell bars become spaces.
      .replace(/^\s*\|?[\s|:-]*-{3,}[\s|:-]*$/gm, ' ')
      .replace(/\|/g, ' ')
      .replace(/^#+\s*/gm, '')
      .replace(/[*_`]+/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** TeX to the words and symbols a reader might type: commands become their names, braces and backslashes go. */
function texWords(tex: string): string {
  return tex
    .replace(/\\label\{[^}]*\}/g, ' ')
    .replace(/\\([A-Za-z]+)/g, ' $1 ')
    .replace(/[{}\\^_&]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "4. The stochastic HJB equation and the LQR", "A. Notation and conventions", or the preface's title. */
function chapterName(c: BookIndex['chapters'][number]): string {
  return c.number === 0 ? c.title : `${c.number}. ${c.title}`;
}

export function searchDocuments(chaptersDir: string, index: BookIndex, glossary: GlossaryEntry[]): (SearchDocument & { id: string })[] {
  const docs: (SearchDocument & { id: string })[] = [];
  for (const chapter of index.chapters) {
    const where = chapterName(chapter);
    const source = readFileSync(path.join(chaptersDir, chapter.dir, 'index.mdx'), 'utf8').replace(/^```[\s\S]*?^```/gm, (m) => m.replace(/^#/gm, ' '));
    // The text before the first `##` heading belongs to the chapter itself; each `##` section to its heading.
    const parts = source.split(/^##[ \t]+(.+)$/m);
    docs.push({ id: `${chapter.slug}#`, page: chapter.slug, anchor: '', title: where, where, text: plainProse(parts[0]) });
    for (let i = 1; i < parts.length; i += 2) {
      const heading = parts[i].trim();
      const anchor = slugify(heading);
      const section = chapter.sections.find((s) => s.id === anchor);
      docs.push({
        id: `${chapter.slug}#${anchor}`,
        page: chapter.slug,
        anchor,
        title: section ? `${section.number} ${heading}` : heading,
        where,
        text: plainProse(parts[i + 1]),
      });
    }
  }
  for (const [label, info] of Object.entries(index.labels)) {
    if (info.kind !== 'equation' && info.kind !== 'figure') continue;
    const where = chapterName(index.chapters.find((c) => c.slug === info.chapter)!);
    const isEquation = info.kind === 'equation';
    docs.push({
      id: label,
      page: info.chapter,
      anchor: info.anchor,
      title: isEquation ? `Equation (${info.number})` : `Figure ${info.number}`,
      where,
      // An equation is found by its label's words (eq:hjb-lqr: "hjb lqr") and its symbols.
      text: isEquation ? `${label.slice(3).replace(/[-_:]/g, ' ')} ${texWords(info.text)}` : plainProse(info.text),
    });
  }
  for (const g of glossary) {
    docs.push({ id: `glossary:${g.id}`, page: 'glossary', anchor: `term-${g.id}`, title: g.term, where: 'Glossary', text: plainProse(g.definition) });
  }
  return docs;
}
