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

  it('holds a one-box inline formula and the punctuation after it together; a longer formula keeps its breaks', () => {
    const tree = fromHtml(`<p>Let ${katex.renderToString('x')}. Then ${katex.renderToString('a = b')}, and ${katex.renderToString('y')} is</p>`, {
      fragment: true,
    }) as Root;
    rehypeMathHtml()(tree);
    type Node = { type: string; value?: string; attributes?: { value: unknown }[]; children?: Node[] };
    const nodes = (tree.children[0] as { children: Node[] }).children;
    expect(nodes.map((n) => (n.type === 'text' ? n.value : String(n.attributes?.[0].value)))).toEqual([
      'Let ',
      'math-punct',
      ' Then ',
      'katex',
      ', and ',
      'katex',
      ' is',
    ]);
    expect(nodes[1].children!.map((c) => (c.type === 'text' ? c.value : String(c.attributes?.[0].value)))).toEqual(['katex', '.']);
  });
});
