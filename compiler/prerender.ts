/**
 * Prerendering, the last step of `vite build`: every page of the book becomes a static HTML file in a folder of its
 * own (dist/noise/index.html, …, dist/index.html for the cover, dist/404.html), so any static server serves it
 * without rewrite rules, a reader without JavaScript reads the text and math, and link previews see the page. Also
 * writes sitemap.xml and robots.txt. The pages are rendered by app/server/renderPage.tsx, loaded through a Vite
 * server in SSR mode with the same plugins as the browser build (MDX, KaTeX, the book's index).
 *
 * Runs in writeBundle, before vite-plugin-pwa's closeBundle writes the service worker, so the pages are precached.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, type Plugin } from 'vite';
import { firstScreenFonts, fontPreloadTags } from './fontPreloads.ts';
import { pageFontFaces, type PageFonts } from './pageFonts.ts';
import { renameReferences, sourceCharacters, subsetBuiltFonts, textCharacters } from './subsetFonts.ts';

interface RenderedPage {
  body: string;
  title: string;
  description: string;
}

const NOT_FOUND = '404';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The folder a page's file is in, relative to the book's root: '' for the cover and the 404 page. */
function pageFolder(page: string): string {
  return page === '' || page === NOT_FOUND ? '' : `${page}/`;
}

/**
 * The built index.html made into one page: its name on <html>, its title, description, canonical address and Open
 * Graph tags, its HTML inside #root, preloads of the fonts its first screen is set in (`assets`: the built asset
 * files; none, no preloads), and the template's relative asset paths rewritten for the page's folder (the 404 page,
 * served at any address, takes them from the host's root).
 */
export function pageHtml(
  template: string,
  page: string,
  rendered: RenderedPage,
  siteUrl: string,
  assets: readonly string[] = [],
  fonts: PageFonts = { faces: '', files: new Map() },
): string {
  const url = siteUrl + pageFolder(page);
  const title = escapeHtml(rendered.title);
  const description = escapeHtml(rendered.description);
  const head = [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}" />`,
    page === NOT_FOUND ? '<meta name="robots" content="noindex" />' : `<link rel="canonical" href="${escapeHtml(url)}" />`,
    `<meta property="og:type" content="${page === '' ? 'book' : 'article'}" />`,
    '<meta property="og:site_name" content="From Bellman to Diffusion" />',
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    ...(page === NOT_FOUND ? [] : [`<meta property="og:url" content="${escapeHtml(url)}" />`]),
    '<meta name="twitter:card" content="summary" />',
  ].join('\n    ');
  // After the style sheet (Vite puts it last in the head): the browser asks for them in order, and the body font
  // (preloaded by the template) and the style sheet are what the first paint needs before the math's fonts.
  const preloads = assets.length ? fontPreloadTags(firstScreenFonts(rendered.body), assets, fonts.files) : [];
  // The page's own cuts of KaTeX's fonts are declared after the book-wide ones, which they take precedence over.
  let html = withFontFaces(template, fonts.faces)
    // The template preloads the body font's book-wide file; a page with its own cut of it preloads that instead.
    .replace(/(<link\s+rel="preload"\s+href="\.\/assets\/)(([\w-]+?)-[\w-]{8}\.woff2)"/g, (whole, start: string, _file, stem: string) =>
      fonts.files.has(stem) ? `${start}${fonts.files.get(stem)}"` : whole,
    )
    .replace(/<html lang="en">/, () => `<html lang="en" data-page="${escapeHtml(page)}">`)
    .replace(/\s*<meta\s+name="description"\s+content="[^"]*"\s*\/>/, '')
    .replace(/<title>[^<]*<\/title>/, () => head)
    .replace('</head>', () => `${preloads.map((p) => `  ${p}\n`).join('')}  </head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${rendered.body}</div>`);
  if (!html.includes(`data-page=`) || !html.includes(rendered.body))
    throw new Error(`prerender: the template of ${page || 'the cover'} lacks <html lang="en"> or <div id="root">`);
  const prefix = page === NOT_FOUND ? '/' : page === '' ? './' : '../'.repeat(page.split('/').length);
  if (prefix !== './') {
    html = html.replace(/(<(?:link|script)\b[^>]*\b(?:href|src)=")\.\//g, `$1${prefix}`);
    // The fonts' @font-face rules in the head (subsetFonts.ts) name their files from the book's root too.
    const head = html.indexOf('</head>');
    html = html.slice(0, head).replace(/url\((['"]?)\.\/assets\//g, `url($1${prefix}assets/`) + html.slice(head);
  }
  return page === NOT_FOUND ? html : entryAfterFirstPaint(html);
}

/**
 * A page loads the book's script only after its largest paint (index.html's inline loader reads the address from
 * `<meta name="book-entry">`): the text shows without waiting for 100 kB of script, which otherwise shares the
 * network with it. Measured on the cover (Lighthouse, simulated mobile): largest contentful paint 2.26 s with the
 * script in the head, 1.21–1.51 s with it loaded after. Pages with math can do it too since their fonts are preloaded
 * (fontPreloads.ts) and the page comes alive around its prerendered nodes (app/islands/). The 404 page renders what
 * its address names, so it starts at once.
 */
function entryAfterFirstPaint(html: string): string {
  const tag = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
  if (!tag.test(html)) throw new Error('prerender: the built page has no module script to load after the first paint');
  // The entry's own imports wait too (the loader preloads them as it starts the entry): a preload in the head would
  // share the network with the first paint, and Lighthouse counts it into the largest paint (a 10 kB shared chunk
  // added 0.12 s on chapter 4).
  return html
    .replace(tag, (_, src: string) => `<meta name="book-entry" content="${src}" />`)
    .replace(/<link rel="modulepreload" crossorigin href="([^"]+)">/g, (_, href: string) => `<meta name="book-preload" content="${href}" />`);
}

/** The template with the fonts' `@font-face` rules (subsetFonts.ts) in a `<style>` just before its style sheet. */
export function withFontFaces(template: string, fontFaces: string): string {
  if (!fontFaces) return template;
  const sheet = template.indexOf('<link rel="stylesheet"');
  if (sheet < 0) throw new Error('prerender: the built index.html links no style sheet');
  return `${template.slice(0, sheet)}<style>${fontFaces}</style>\n    ${template.slice(sheet)}`;
}

export function sitemap(pages: readonly string[], siteUrl: string): string {
  // Lectures (`slug/lecture`) are the chapters again as slides: not pages for a search engine.
  const urls = pages.filter((p) => p !== NOT_FOUND && !p.endsWith('/lecture')).map((p) => `  <url><loc>${escapeHtml(siteUrl + pageFolder(p))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function prerenderPlugin({ root, siteUrl }: { root: string; siteUrl: string }): Plugin {
  let outDir = '';
  return {
    name: 'book-prerender',
    apply: (config, env) => env.command === 'build' && !config.build?.ssr,
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      sequential: true,
      async handler() {
        const server = await createServer({
          root,
          configFile: path.join(root, 'vite.config.ts'),
          logLevel: 'error',
          appType: 'custom',
          // Production JSX (the build has set NODE_ENV), as in the browser bundle.
          mode: 'production',
          server: { middlewareMode: true, hmr: false, ws: false },
        });
        try {
          const mod = (await server.ssrLoadModule('/app/server/renderPage.tsx')) as {
            renderPage: (page: string) => Promise<RenderedPage>;
            prerenderedPages: readonly string[];
          };
          const rendered = new Map<string, RenderedPage>();
          for (const page of mod.prerenderedPages) rendered.set(page, await mod.renderPage(page));
          // The fonts keep the glyphs the pages set (subsetFonts.ts); the pages then name the new files.
          const characters = sourceCharacters(['app', 'chapters', 'workers'].map((dir) => path.join(root, dir)));
          for (const { body, title } of rendered.values()) for (const c of textCharacters(body + title)) characters.add(c);
          const { renames, fontFaces } = await subsetBuiltFonts(path.join(outDir, 'assets'), characters);
          const template = withFontFaces(renameReferences(readFileSync(path.join(outDir, 'index.html'), 'utf8'), renames), fontFaces);
          const assets = readdirSync(path.join(outDir, 'assets'));
          for (const [page, content] of rendered) {
            const fonts = await pageFontFaces(content.body, fontFaces, path.join(outDir, 'assets'));
            const html = pageHtml(template, page, content, siteUrl, assets, fonts);
            const file = page === NOT_FOUND ? '404.html' : `${pageFolder(page)}index.html`;
            mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
            writeFileSync(path.join(outDir, file), html);
          }
          writeFileSync(path.join(outDir, 'sitemap.xml'), sitemap(mod.prerenderedPages, siteUrl));
          writeFileSync(path.join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${siteUrl}sitemap.xml\n`);
        } finally {
          await server.close();
        }
      },
    },
  };
}
