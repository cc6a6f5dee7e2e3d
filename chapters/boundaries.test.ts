/**
 * The import boundaries for chapter MDX (eslint checks the TypeScript): a chapter's prose imports its own figures
 * and numbers, app/ and the engines, but no other chapter and nothing that runs only in the worker (workers/tasks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const chaptersDir = path.resolve('chapters');

/** Each chapter's MDX import sources, with the line they are on. */
function mdxImports(): { chapter: string; source: string; line: string }[] {
  const out: { chapter: string; source: string; line: string }[] = [];
  for (const dir of readdirSync(chaptersDir, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name.startsWith('_')) continue;
    // The chapter and its lecture deck.
    for (const file of ['index.mdx', 'lecture.mdx']) {
      let mdx: string;
      try {
        mdx = readFileSync(path.join(chaptersDir, dir.name, file), 'utf8');
      } catch {
        continue;
      }
      for (const m of mdx.matchAll(/^import\s[\s\S]*?from\s+'([^']+)';?$/gm)) out.push({ chapter: dir.name, source: m[1], line: m[0] });
    }
  }
  return out;
}

/** Why an MDX import crosses a boundary, or null. */
function mdxImportProblem(source: string, line: string): string | null {
  if (/^\.\.\/(?!\.\.\/)/.test(source)) return 'imports another chapter';
  if (/(^|\/)workers\/tasks/.test(source) && !/^import\s+type\s/.test(line)) return 'imports worker tasks into the page';
  return null;
}

describe('chapter boundaries', () => {
  it('reads the imports of every chapter', () => {
    expect(mdxImports().length).toBeGreaterThan(20);
  });

  it('the rule catches what it should', () => {
    expect(mdxImportProblem('../05-feynman-kac/model.ts', "import { x } from '../05-feynman-kac/model.ts';")).toBe('imports another chapter');
    expect(mdxImportProblem('../../workers/tasks/a.ts', "import { x } from '../../workers/tasks/a.ts';")).toBe('imports worker tasks into the page');
    expect(mdxImportProblem('../../workers/engines/lqr.ts', "import { x } from '../../workers/engines/lqr.ts';")).toBeNull();
    expect(mdxImportProblem('./Figure.tsx', "import { F } from './Figure.tsx';")).toBeNull();
  });

  it('no chapter’s MDX imports another chapter or a worker task', () => {
    const problems = mdxImports()
      .map(({ chapter, source, line }) => ({ chapter, source, why: mdxImportProblem(source, line) }))
      .filter((p) => p.why !== null)
      .map((p) => `${p.chapter}/index.mdx ${p.why}: ${p.source}`);
    expect(problems).toEqual([]);
  });
});
