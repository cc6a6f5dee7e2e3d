/**
 * The lecture decks (chapters/NN-slug/lecture.mdx): every chapter has one of 6 to 15 slides, each slide has its
 * speaker notes, every figure of the chapter is on a slide of its own in the chapter's order, and the deck compiles
 * with the book's pipeline (so every <Eq>, <Ref> and `at` names a label of the book, and KaTeX renders every formula).
 */
import { compile } from '@mdx-js/mdx';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxOptions } from '../compiler/mdxOptions.ts';

const chaptersDir = path.resolve('chapters');
/** The preface and the numbered chapters (appendices are reference pages, not talks). */
const chapterDirs = readdirSync(chaptersDir).filter((d) => /^\d\d-/.test(d) && existsSync(path.join(chaptersDir, d, 'index.mdx')));
const withDecks = chapterDirs.filter((d) => existsSync(path.join(chaptersDir, d, 'lecture.mdx')));

const figureLabels = (mdx: string) => [...mdx.matchAll(/<([A-Z]\w*)\s[^>]*label="(fig:[^"]+)"/g)].map((m) => m[2]);

/** The slides of a deck: the text of each <Slide …>…</Slide>. */
function slides(deck: string): string[] {
  return [...deck.matchAll(/<Slide\b[\s\S]*?<\/Slide>/g)].map((m) => m[0]);
}

describe('lecture decks', () => {
  it('every chapter has a deck', () => {
    expect(chapterDirs.length).toBeGreaterThanOrEqual(11);
    expect(chapterDirs.filter((d) => !withDecks.includes(d))).toEqual([]);
  });

  describe.each(withDecks)('%s', (dir) => {
    const deck = readFileSync(path.join(chaptersDir, dir, 'lecture.mdx'), 'utf8');
    const chapter = readFileSync(path.join(chaptersDir, dir, 'index.mdx'), 'utf8');

    it('has 6 to 15 slides, each with a title and one set of notes', () => {
      const all = slides(deck);
      expect(all.length).toBeGreaterThanOrEqual(6);
      expect(all.length).toBeLessThanOrEqual(15);
      expect((deck.match(/<Slide\b/g) ?? []).length).toBe(all.length);
      for (const s of all) {
        expect(s).toMatch(/^<Slide\b[^>]*\btitle="[^"$]+"/);
        expect((s.match(/<Notes>/g) ?? []).length, s.slice(0, 80)).toBe(1);
        expect(s).toMatch(/<Notes>[\s\S]*\S[\s\S]*<\/Notes>/);
      }
    });

    it("shows every figure of the chapter, one per slide, in the chapter's order", () => {
      expect(figureLabels(deck)).toEqual(figureLabels(chapter));
      for (const s of slides(deck)) expect(figureLabels(s).length).toBeLessThanOrEqual(1);
    });

    it('has no display math of its own, no headings and no labels: equations come from the chapter', () => {
      expect(deck).not.toMatch(/\$\$|\\label\{|^#{1,6}\s/m);
    });

    it('compiles with the book pipeline', async () => {
      const file = path.join(chaptersDir, dir, 'lecture.mdx');
      const out = String(await compile({ path: file, value: deck }, mdxOptions(chaptersDir)));
      // Each <Eq> became its equation, with the chapter's number.
      expect((out.match(/data-label/g) ?? []).length).toBeGreaterThanOrEqual((deck.match(/<Eq\b/g) ?? []).length);
      expect(out).not.toMatch(/_components\.Eq\b|\bEq\b,/);
    }, 60_000);
  });
});
