// @vitest-environment jsdom
/**
 * Every figure of the book, drawn at its default values (seeded) and compared with its whole-figure SVG snapshot in
 * chapters/__snapshots__/<id>.svg (open one in a browser to see the figure; canvas marks are summarised in a
 * <desc>). A missing snapshot fails under CI instead of being written. And every figure element in the chapters'
 * MDX carries the label its declaration's id names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FigureComponent } from '../app/figure/defineFigure.tsx';
import { figureSnapshot } from '../app/figure/snapshot.tsx';
import type { Schema } from '../app/state/schema.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const modules = import.meta.glob<Record<string, unknown>>('./*/[A-Z]*.tsx', { eager: true });

/** Exported figure components by their export name. */
const figures = new Map<string, FigureComponent<Schema>>();
for (const mod of Object.values(modules)) {
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === 'function' && 'declaration' in value) figures.set(name, value as FigureComponent<Schema>);
  }
}

describe('figure snapshots', () => {
  for (const figure of figures.values()) {
    it(figure.id, async () => {
      await expect(figureSnapshot(figure)).toMatchFileSnapshot(`./__snapshots__/${figure.id}.svg`);
    });
  }
});

describe('figure labels', () => {
  it('every declared figure used in a chapter is labelled fig:<its id>', () => {
    const chaptersDir = path.resolve('chapters');
    for (const dir of readdirSync(chaptersDir, { withFileTypes: true })) {
      if (!dir.isDirectory() || dir.name === '__snapshots__') continue;
      let mdx: string;
      try {
        mdx = readFileSync(path.join(chaptersDir, dir.name, 'index.mdx'), 'utf8');
      } catch {
        continue;
      }
      for (const m of mdx.matchAll(/<([A-Z]\w*)\s[^>]*?\blabel="fig:([^"]+)"/g)) {
        const figure = figures.get(m[1]);
        if (figure) expect(`fig:${m[2]}`, `${dir.name}: <${m[1]}>`).toBe(`fig:${figure.id}`);
      }
    }
  });
});
