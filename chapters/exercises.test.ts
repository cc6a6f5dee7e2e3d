/**
 * Every numbered chapter asks for proofs, not only numbers: at least two derivation exercises, each with a worked
 * solution, beside its checked numeric ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const chaptersDir = path.resolve('chapters');
const numbered = readdirSync(chaptersDir).filter((d) => /^(0[1-9]|[1-9]\d)-/.test(d));

/** The exercises of a chapter's MDX: their opening tag and body. */
function exercises(mdx: string): { tag: string; body: string }[] {
  return [...mdx.matchAll(/<Exercise\b([^>]*)>([\s\S]*?)<\/Exercise>/g)].map((m) => ({ tag: m[1], body: m[2] }));
}

describe('exercises', () => {
  it('there are numbered chapters to check', () => expect(numbered.length).toBeGreaterThanOrEqual(9));
  for (const dir of numbered) {
    it(`${dir}: at least two derivations, every exercise with a worked solution, derivations with no answer to type`, () => {
      const all = exercises(readFileSync(path.join(chaptersDir, dir, 'index.mdx'), 'utf8'));
      const derivations = all.filter((e) => /kind="derivation"/.test(e.tag));
      expect(derivations.length).toBeGreaterThanOrEqual(2);
      for (const e of all) expect(e.body, `exercise ${e.tag}`).toMatch(/<Solution>[\s\S]*\S[\s\S]*<\/Solution>/);
      for (const e of derivations) expect(e.tag).not.toMatch(/\banswer=/);
    });
  }
});
