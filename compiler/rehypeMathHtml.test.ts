import katex from 'katex';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeMathHtml } from './rehypeMathHtml.ts';

/** A paragraph holding one formula as rehype-katex leaves it, after the plugin. */
function collapsed(tex: string): string {
  const tree = fromHtml(`<p>${katex.renderToString(tex)}</p>`, { fragment: true }) as Root;
  rehypeMathHtml()(tree);
  const span = (tree.children[0] as { children: unknown[] }).children[0] as { attributes: { name: string; value: unknown }[] };
  const inner = span.attributes.find((a) => a.name === 'dangerouslySetInnerHTML')!.value as {
    data: { estree: { body: { expression: { properties: { value: { value: string } }[] } }[] } };
  };
  return inner.data.estree.body[0].expression.properties[0].value.value;
}

describe('rehypeMathHtml', () => {
  it("keeps KaTeX's HTML and MathML as one string, without the TeX source annotation", () => {
    const html = collapsed('\\rho P = q');
    expect(html).toContain('<span class="katex-html"');
    expect(html).toContain('<math');
    expect(html).toContain('<mi>ρ</mi>');
    expect(html).not.toContain('annotation');
    expect(html).not.toContain('\\rho');
  });
});
