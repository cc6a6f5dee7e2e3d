/** Build-time rendering of short texts with inline `$...$` math (glossary, bibliography, previews). */
import katex from 'katex';
import { katexOptions } from '../app/content/macros.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Renders TeX to KaTeX HTML; a formula KaTeX rejects throws, naming `where`. */
export function renderTex(tex: string, displayMode: boolean, where: string): string {
  try {
    return katex.renderToString(tex, { ...katexOptions, macros: { ...katexOptions.macros }, displayMode, throwOnError: true, output: 'html' });
  } catch (e) {
    throw new Error(`${where}: KaTeX cannot render "${tex}": ${(e as Error).message}`);
  }
}

/** Text with inline `$...$` math to HTML: text escaped, math rendered by KaTeX. `\$` is a literal dollar. */
export function renderInlineMath(text: string, where: string): string {
  const parts = text.split(/(?<!\\)\$/);
  if (parts.length % 2 === 0) throw new Error(`${where}: unbalanced $ in "${text}"`);
  return parts.map((part, i) => (i % 2 ? renderTex(part, false, where) : escapeHtml(part.replace(/\\\$/g, '$')))).join('');
}
