/**
 * Math as HTML strings. rehype-katex renders each formula into a tree of elements, and left at that, MDX turns every
 * element into a JSX call: a chapter's JavaScript carried tens of thousands of them, and React created them all,
 * in the build's prerendering and again in the reader's browser. Run after rehype-katex, this plugin keeps each
 * formula's outer element (`span.katex`, or `span.katex-display` around one) and gives React its contents as one
 * string (`dangerouslySetInnerHTML`): the same DOM, built by the browser's HTML parser, and one React element per
 * formula. The string is KaTeX's own output, rendered at build time from the book's sources.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { MdxJsxAttribute, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';

const OUTER = new Set(['katex', 'katex-display']);

/** The class of a formula's outer element, or null for any other element. */
function formulaClass(node: Element): string | null {
  const c = node.properties.className;
  if (node.tagName !== 'span' || !Array.isArray(c) || c.length !== 1 || !OUTER.has(String(c[0]))) return null;
  return String(c[0]);
}

/** `<span className={cls} dangerouslySetInnerHTML={{ __html: html }} />` as an MDX JSX node. */
function rawSpan(cls: string, html: string): MdxJsxTextElementHast {
  const inner: MdxJsxAttribute = {
    type: 'mdxJsxAttribute',
    name: 'dangerouslySetInnerHTML',
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: `{__html: ${JSON.stringify(html)}}`,
      data: {
        estree: {
          type: 'Program',
          sourceType: 'module',
          body: [
            {
              type: 'ExpressionStatement',
              expression: {
                type: 'ObjectExpression',
                properties: [
                  {
                    type: 'Property',
                    kind: 'init',
                    method: false,
                    shorthand: false,
                    computed: false,
                    key: { type: 'Identifier', name: '__html' },
                    value: { type: 'Literal', value: html },
                  },
                ],
              },
            },
          ],
        },
      },
    },
  };
  return { type: 'mdxJsxTextElement', name: 'span', attributes: [{ type: 'mdxJsxAttribute', name: 'className', value: cls }, inner], children: [] };
}

/**
 * `nodes` without KaTeX's `<annotation encoding="application/x-tex">`, the formula's TeX source inside its MathML.
 * Nothing in the book reads it, and the browser would expose it to screen readers as text after the formula: the
 * MathML is never laid out (book.css), and an annotation that is not laid out is not known to be hidden. It was also
 * 39 kB of chapter 4's page.
 */
function withoutTexSource(nodes: ElementContent[]): ElementContent[] {
  return nodes
    .filter((n) => !(n.type === 'element' && n.tagName === 'annotation'))
    .map((n) => (n.type === 'element' ? { ...n, children: withoutTexSource(n.children) } : n));
}

/** Punctuation that closes a phrase: it must not start a line. */
const CLOSING = /^[.,;:!?)\]\u2019\u201d\u2026]+/;

/** Inline formulas set in one box (one `.base`): KaTeX breaks a formula only between its boxes, so these never break. */
const ONE_BOX = new WeakSet<object>();

/**
 * A one-box inline formula and the punctuation right after it, held together (`span.math-punct`, book.css): the
 * browser may otherwise break the line after the formula's box, and the next line start with ". Chapter 2". A
 * formula of several boxes keeps its breaks: holding it whole could push it past a phone's edge.
 */
function keepPunctuation(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const [node, next] = [children[i], children[i + 1]];
    const punctuation = ONE_BOX.has(node) && next?.type === 'text' ? CLOSING.exec(next.value)?.[0] : undefined;
    if (!punctuation || next?.type !== 'text') {
      out.push(node);
      continue;
    }
    const held: MdxJsxTextElementHast = {
      type: 'mdxJsxTextElement',
      name: 'span',
      attributes: [{ type: 'mdxJsxAttribute', name: 'className', value: 'math-punct' }],
      children: [node as MdxJsxTextElementHast, { type: 'text', value: punctuation }],
    };
    out.push(held as unknown as RootContent);
    if (next.value.length > punctuation.length) out.push({ ...next, value: next.value.slice(punctuation.length) });
    i++;
  }
  return out;
}

/** Replaces, in place, every formula below `parent` by its string form. */
function collapse(parent: Root | Element): void {
  parent.children = parent.children.map((child): RootContent => {
    // Inside a component too: a figure's caption, an exercise, an aside.
    if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
      collapse(child as unknown as Element);
      return child;
    }
    if (child.type !== 'element') return child;
    const cls = formulaClass(child);
    if (cls === null) {
      collapse(child);
      return child;
    }
    const extra = Object.keys(child.properties).filter((k) => k !== 'className');
    if (extra.length) throw new Error(`rehypeMathHtml: a KaTeX ${cls} element with attributes ${extra.join(', ')}, which it would drop`);
    const html = toHtml(withoutTexSource(child.children), { characterReferences: { useNamedReferences: true } });
    const span = rawSpan(cls, html);
    if (cls === 'katex' && html.split('class="base"').length === 2) ONE_BOX.add(span);
    return span as unknown as ElementContent;
  }) as Root['children'] & Element['children'];
  parent.children = keepPunctuation(parent.children) as Root['children'] & Element['children'];
}

/** The rehype plugin: after rehype-katex in the MDX pipeline. */
export function rehypeMathHtml() {
  return (tree: Root) => collapse(tree);
}
