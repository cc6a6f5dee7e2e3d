import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bookPlugin } from './compiler/vitePluginBook.ts';
import { mdxOptions } from './compiler/mdxOptions.ts';
import { contentSecurityPolicyPlugin } from './compiler/contentSecurityPolicy.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const chaptersDir = path.join(root, 'chapters');

export default defineConfig({
  // Relative asset URLs: dist/ works from any folder of any plain static server.
  base: './',
  plugins: [
    bookPlugin({ chaptersDir, root }),
    { enforce: 'pre', ...mdx(mdxOptions(chaptersDir)) },
    react({ include: /\.(mdx|tsx|ts)$/ }),
    contentSecurityPolicyPlugin(),
  ],
  worker: { format: 'es' },
  // Fonts stay files (not data: URLs), so the Content-Security-Policy can keep font-src to the book's origin.
  build: { target: 'es2022', assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined) },
});
