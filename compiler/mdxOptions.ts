/** The MDX pipeline of the book, shared by the Vite build and the tests that compile chapters. */
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import rehypeKatex from 'rehype-katex';
import type { CompileOptions } from '@mdx-js/mdx';
import { katexOptions } from '../app/content/macros.ts';
import { glossary } from '../app/content/glossary.ts';
import { bibliography } from '../app/content/bibliography.ts';
import { remarkBook, rehypeFailOnKatexError } from './remarkBook.ts';
import { rehypeMathHtml } from './rehypeMathHtml.ts';
import { bookIndexLoader } from './vitePluginBook.ts';

export function mdxOptions(chaptersDir: string): CompileOptions {
  return {
    remarkPlugins: [
      remarkFrontmatter,
      remarkGfm,
      remarkMath,
      [
        remarkBook,
        { getIndex: bookIndexLoader(chaptersDir), glossaryIds: new Set(glossary.map((g) => g.id)), bibliographyIds: new Set(bibliography.map((b) => b.id)) },
      ],
    ],
    rehypePlugins: [[rehypeKatex, { ...katexOptions, macros: { ...katexOptions.macros } }], rehypeFailOnKatexError, rehypeMathHtml],
  };
}
