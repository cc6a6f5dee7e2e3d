import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bookPlugin } from './compiler/vitePluginBook.ts';
import { mdxOptions } from './compiler/mdxOptions.ts';
import { contentSecurityPolicyPlugin } from './compiler/contentSecurityPolicy.ts';
import { VitePWA } from 'vite-plugin-pwa';
import { prerenderPlugin } from './compiler/prerender.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const chaptersDir = path.join(root, 'chapters');
/**
 * The address the book is published at, for its canonical links, link previews and sitemap (the pages link to each
 * other relatively, so they work anywhere). Set SITE_URL when building for a host.
 */
const siteUrl = (process.env.SITE_URL ?? 'http://localhost:4173/').replace(/\/?$/, '/');

export default defineConfig({
  // Relative asset URLs: dist/ works from any folder of any plain static server.
  base: './',
  define: { __SITE_URL__: JSON.stringify(siteUrl) },
  plugins: [
    bookPlugin({ chaptersDir, root }),
    prerenderPlugin({ root, siteUrl }),
    { enforce: 'pre', ...mdx(mdxOptions(chaptersDir)) },
    react({ include: /\.(mdx|tsx|ts)$/ }),
    contentSecurityPolicyPlugin(),
    // Offline reading: a service worker precaches the whole book (every chapter, figure module, worker and font it
    // uses). A new build installs beside the old one and waits: the page offers to reload (UpdateNotice), so old and
    // new chunks are never mixed.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'From Bellman to Diffusion',
        short_name: 'Bellman to Diffusion',
        description: 'An explorable textbook on continuous-time control, from the Bellman equation to diffusion models.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#fbfaf7',
        theme_color: '#1d1d1f',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
      workbox: {
        // KaTeX's .woff and .ttf fonts are fallbacks for old browsers; every browser that runs the book takes .woff2.
        globPatterns: ['**/*.{html,js,css,woff2,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The whole book on one page is 9 MB of HTML: not precached. Offline, it and any page missing from the cache
        // open the 404 page's shell, which renders the page its address names from the precached modules.
        globIgnores: ['whole-book/**'],
        navigateFallback: '404.html',
        navigateFallbackDenylist: [/\.[a-z]+$/],
      },
    }),
  ],
  worker: { format: 'es' },
  // Fonts stay files (not data: URLs), so the Content-Security-Policy can keep font-src to the book's origin.
  build: { target: 'es2022', assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined) },
});
