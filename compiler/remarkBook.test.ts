import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { readFileSync, mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mdxOptions } from './mdxOptions.ts';
import { scanBook, slugify } from './scanBook.ts';

const fixtures = path.resolve('compiler/fixtures/chapters');

async function compileChapter(dir: string, chaptersDir = fixtures): Promise<string> {
  const file = path.join(chaptersDir, dir, 'index.mdx');
  const out = await compile({ path: file, value: readFileSync(file, 'utf8') }, mdxOptions(chaptersDir));
  return String(out);
}

/** A copy of the fixtures with one chapter's text replaced. */
function withChapter(dir: string, text: string): string {
  const tmp = mkdtempSync(path.join(tmpdir(), 'book-'));
  cpSync(fixtures, tmp, { recursive: true });
  writeFileSync(path.join(tmp, dir, 'index.mdx'), text);
  return tmp;
}

describe('book index', () => {
  it('numbers equations, figures and sections per chapter in reading order', () => {
    const index = scanBook(fixtures);
    expect(index.chapters.map((c) => [c.number, c.slug, c.title])).toEqual([
      [1, 'alpha', 'Alpha'],
      [2, 'beta', 'Beta'],
      ['A', 'gamma', 'Gamma'], // an appendix comes after the chapters and numbers with its letter
    ]);
    expect(index.labels['eq:gamma']).toMatchObject({ number: 'A.1', chapter: 'gamma' });
    expect(index.labels['eq:one']).toMatchObject({ kind: 'equation', number: '1.1', anchor: 'eq-one' });
    expect(index.labels['eq:two']).toMatchObject({ kind: 'equation', number: '1.2', text: 'c = \\E[d]' });
    expect(index.labels['fig:plot']).toMatchObject({ kind: 'figure', number: '1.1', text: 'A caption with $x^2$.' });
    expect(index.labels['sec:second-things']).toMatchObject({ kind: 'section', number: '1.2' });
    // Exercises are numbered on their own; the preview text stops before the worked solution.
    expect(index.labels['ex:first']).toMatchObject({ kind: 'exercise', number: '1.1', text: 'What is $1 + 1$?' });
    expect(index.labels['eq:beta']).toMatchObject({ number: '2.1', chapter: 'beta' });
  });

  it('slugs headings the same way wherever they are read', () => {
    expect(slugify('The stochastic HJB and the LQR')).toBe('the-stochastic-hjb-and-the-lqr');
    expect(slugify('Feynman–Kac: evaluating a policy')).toBe('feynman-kac-evaluating-a-policy');
  });

  it('a heading two chapters share is labelled per chapter only', () => {
    const dir = withChapter('02-beta', '---\ntitle: Beta\n---\n\n## Second things\n\n$$\nx \\label{eq:beta}\n$$\n');
    const index = scanBook(dir);
    expect(index.labels['sec:second-things']).toBeUndefined();
    expect(index.labels['sec:alpha:second-things']).toMatchObject({ number: '1.2', chapter: 'alpha' });
    expect(index.labels['sec:beta:second-things']).toMatchObject({ number: '2.1', chapter: 'beta' });
    expect(index.labels['sec:first-things']).toMatchObject({ number: '1.1' });
  });

  it('a duplicated label fails, naming it', () => {
    const dir = withChapter('02-beta', '---\ntitle: Beta\n---\n\n$$\nx \\label{eq:one}\n$$\n');
    expect(() => scanBook(dir)).toThrow(/eq:one/);
  });
});

describe('compiling a chapter', () => {
  it('turns \\label into a numbered \\tag with an anchor, and resolves references', async () => {
    const js = await compileChapter('01-alpha');
    expect(js).toContain('id: "eq-two"');
    expect(js).toMatch(/1\.2/);
    expect(js).toContain('number: "2.1"'); // cross-chapter reference
    expect(js).toContain('chapter: "beta"');
    expect(js).toMatch(/"data-number": "1\.1"/); // numbered section heading
    expect(js).toContain('ids: "bellman1952"'); // the chapter's reference list
    expect(js).toContain('n: "2"'); // second footnote
    expect(js).not.toContain('\\label');
    expect(js).toContain('katex'); // math rendered at build time
  });

  it('fails on a reference to a missing label, naming the label', async () => {
    const dir = withChapter('02-beta', '---\ntitle: Beta\n---\n\nSee <Ref to="eq:nowhere" />.\n');
    await expect(compileChapter('02-beta', dir)).rejects.toThrow(/eq:nowhere/);
  });

  it('fails on unknown glossary terms and citations, naming them', async () => {
    const dir = withChapter('02-beta', '---\ntitle: Beta\n---\n\n<Term id="nonsense">x</Term> <Cite id="nobody2099" />\n');
    await expect(compileChapter('02-beta', dir)).rejects.toThrow(/nonsense[\s\S]*nobody2099/);
  });

  it('fails on math KaTeX cannot render instead of showing a red box', async () => {
    const dir = withChapter('02-beta', '---\ntitle: Beta\n---\n\n$$\n\\frac{1}{\n$$\n');
    await expect(compileChapter('02-beta', dir)).rejects.toThrow(/KaTeX/);
  });
});
