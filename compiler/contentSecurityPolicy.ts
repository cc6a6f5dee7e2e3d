/**
 * A strict Content-Security-Policy for the built book, as a <meta> tag written into index.html at build time:
 * scripts and workers from the book's own origin only (plus the one inline script that sets the theme before the
 * first paint, allowed by its hash), no eval, nothing fetched from anywhere else. Styles allow inline attributes:
 * KaTeX's HTML (the reference previews) positions glyphs with them. Only at build: Vite's dev server injects
 * scripts of its own.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** The hashes of a page's inline scripts, in CSP's 'sha256-…' form. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The policy for a page with these inline scripts. */
export function contentSecurityPolicy(html: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(html).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'book-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}" />`;
        return html.replace(/<meta charset="utf-8" \/>/, (m) => `${m}\n    ${meta}`);
      },
    },
  };
}
