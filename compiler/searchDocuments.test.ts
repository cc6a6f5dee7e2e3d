import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { plainProse, searchDocuments } from './searchDocuments.ts';
import { scanBook } from './scanBook.ts';
import { glossary } from '../app/content/glossary.ts';
import { SEARCH_OPTIONS } from '../app/book/searchOptions.ts';
import { snippet } from '../app/book/SearchBox.tsx';

const index = scanBook('chapters');
const docs = searchDocuments('chapters', index, glossary);

describe('the search documents', () => {
  it('strip MDX to prose: no imports, JSX tags, expressions, display math or Markdown marks', () => {
    const mdx = [
      '---\ntitle: T\n---',
      "import { X } from './x.tsx';",
      'A **bold** claim with <Term id="mdp">a chain</Term> and <Ref to="eq:a" /> and {fmt(x)} and $\\gamma$.',
      '$$\nV = 1 \\label{eq:a}\n$$',
      '<Exercise label="ex:a" answer={ans > 1 ? 1 : 0} tolerance={0.01}>Prompt [link](http://x)</Exercise>',
      '| Symbol | Meaning |\n| --- | --- |\n| x | the state |',
    ].join('\n');
    expect(plainProse(mdx)).toBe('A bold claim with a chain and and and gamma. Prompt link Symbol Meaning x the state');
  });

  it('cover every section, numbered equation and figure of every chapter, and the glossary', () => {
    const ids = new Set(docs.map((d) => d.id));
    expect(ids.size).toBe(docs.length);
    for (const c of index.chapters) for (const s of c.sections) expect(ids.has(`${c.slug}#${s.id}`)).toBe(true);
    for (const [label, info] of Object.entries(index.labels)) if (info.kind === 'equation' || info.kind === 'figure') expect(ids.has(label)).toBe(true);
    for (const g of glossary) expect(ids.has(`glossary:${g.id}`)).toBe(true);
    for (const d of docs) expect(d.text).not.toMatch(/<\/?[A-Z]|\\label|^import |\$/);
  });

  it('find what a reader would look for, sections by their words and equations by their labels', () => {
    const search = new MiniSearch(SEARCH_OPTIONS);
    search.addAll(docs);
    const top = (q: string) => search.search(q)[0] as unknown as { page: string; anchor: string; title: string };
    expect(top('value iteration sweep')).toMatchObject({ page: 'bellman-equation' });
    expect(top('Girsanov').title).toMatch(/Girsanov/);
    const lqr = index.labels['eq:hjb-lqr'];
    if (lqr) expect(search.search('hjb lqr').some((r) => r.id === 'eq:hjb-lqr')).toBe(true);
  });

  it('cut a snippet around the first match and mark every match in it', () => {
    const text = `${'x '.repeat(60)}the Riccati equation, and Riccati again ${'y '.repeat(100)}`;
    const parts = snippet(text, ['riccati']);
    expect(parts[0].text).toBe('…');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Riccati', 'Riccati']);
    expect(parts.at(-1)!.text).toBe('…');
  });
});
