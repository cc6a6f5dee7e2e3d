/**
 * The remark plugin that makes MDX chapters a book: numbers labelled display equations (\label -> \tag and an
 * anchor), gives sections ids, numbers figures and footnotes, and resolves <Ref>, <Term> and <Cite> against the
 * book index, the glossary and the bibliography. An unknown label, term or citation fails the build and names it.
 */
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Root, Parent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { slugify, type BookIndex } from './scanBook.ts';

export interface RemarkBookOptions {
  /** Returns the current index (re-scanned when sources change in dev). */
  getIndex: () => BookIndex;
  glossaryIds: ReadonlySet<string>;
  bibliographyIds: ReadonlySet<string>;
}

interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value?: unknown;
}
interface JsxElement extends Parent {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
}
interface MathNode {
  type: 'math';
  value: string;
  data?: Record<string, unknown>;
}

function attr(el: JsxElement, name: string): string | undefined {
  const a = el.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

function setAttr(el: JsxElement, name: string, value: string): void {
  const existing = el.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  if (existing) existing.value = value;
  else el.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

function setHastText(nodes: unknown, value: string): void {
  if (!Array.isArray(nodes)) return;
  for (const n of nodes as Array<{ type: string; value?: string; children?: unknown }>) {
    if (n.type === 'text') n.value = value;
    else setHastText(n.children, value);
  }
}

export function remarkBook(options: RemarkBookOptions) {
  return (tree: Root, file: VFile) => {
    const index = options.getIndex();
    const rel = path.relative(process.cwd(), file.path ?? '');
    const chapter = index.chapters.find((c) => rel.includes(`chapters${path.sep}${c.dir}${path.sep}`));
    const source = String(file.value);
    const problems: string[] = [];
    const where = (node: { position?: { start: { line: number } } }) => `${rel}:${node.position?.start.line ?? '?'}`;
    const cited: string[] = [];
    let footnotes = 0;
    let slides = 0;

    visit(tree, (node, i, parent) => {
      if (node.type === 'math') {
        const math = node as unknown as MathNode;
        const lm = /\\label\{([^}]+)\}/.exec(math.value);
        if (!lm || !parent || i === undefined) return;
        const info = index.labels[lm[1]];
        if (!info) {
          problems.push(`${where(node)}: equation label "${lm[1]}" is not in the book index (is this file a chapter?)`);
          return;
        }
        math.value = math.value.replace(lm[0], '') + `\n\\tag{${info.number}}`;
        // remark-math keeps a copy of the TeX in the hast it will become (data.hChildren): update that too.
        setHastText(math.data?.hChildren, math.value);
        const block = {
          type: 'equationBlock',
          data: { hName: 'div', hProperties: { id: info.anchor, className: ['equation'], 'data-label': lm[1] } },
          children: [math],
        };
        parent.children.splice(i, 1, block as unknown as RootContent);
        return;
      }
      if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start === undefined || end === undefined) return;
        const text = source
          .slice(start, end)
          .replace(/^#+[ \t]+/, '')
          .trim();
        const id = slugify(text);
        const section = chapter?.sections.find((s) => s.id === id);
        node.data = {
          ...node.data,
          hProperties: {
            id,
            className: ['section-heading'],
            'data-title': text.replace(/\$([^$]*)\$/g, '$1'),
            ...(section && node.depth === 2 ? { 'data-number': section.number } : {}),
          },
        };
        // A link to the section itself, for readers who want to share it.
        if (chapter) {
          node.children.push({
            type: 'link',
            url: `#${id}`,
            children: [{ type: 'text', value: '#' }],
            data: { hProperties: { className: ['heading-anchor'], 'aria-label': `Link to this section` } },
          });
        }
        return 'skip';
      }
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const el = node as unknown as JsxElement;
      const label = attr(el, 'label');
      if (label?.startsWith('fig:') || label?.startsWith('ex:')) {
        const info = index.labels[label];
        if (!info) problems.push(`${where(node)}: label "${label}" is not in the book index`);
        else {
          setAttr(el, 'number', info.number);
          setAttr(el, 'anchor', info.anchor);
        }
      }
      switch (el.name) {
        case 'Ref': {
          const to = attr(el, 'to');
          const info = to ? index.labels[to] : undefined;
          if (!to || !info) {
            problems.push(
              `${where(node)}: <Ref to="${to ?? ''}"> names no equation, figure, exercise or section label in the book (a heading several chapters share is sec:<chapter>:<slug>)`,
            );
            return;
          }
          setAttr(el, 'number', info.number);
          setAttr(el, 'kind', info.kind);
          setAttr(el, 'chapter', info.chapter);
          setAttr(el, 'anchor', info.anchor);
          return;
        }
        case 'Term': {
          const id = attr(el, 'id');
          if (!id || !options.glossaryIds.has(id)) problems.push(`${where(node)}: <Term id="${id ?? ''}"> is not in app/content/glossary.ts`);
          return;
        }
        case 'Cite': {
          const ids = (attr(el, 'id') ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          if (!ids.length) problems.push(`${where(node)}: <Cite> needs an id`);
          for (const id of ids) {
            if (!options.bibliographyIds.has(id)) problems.push(`${where(node)}: <Cite id="${id}"> is not in app/content/bibliography.ts`);
            else if (!cited.includes(id)) cited.push(id);
          }
          return;
        }
        case 'Footnote':
          setAttr(el, 'n', String(++footnotes));
          return;
        case 'Slide': {
          // A lecture slide (chapters/*/lecture.mdx): its number, and the place in the reading page it stands for.
          setAttr(el, 'n', String(++slides));
          const at = attr(el, 'at');
          if (at) {
            const info = index.labels[at];
            if (info) setAttr(el, 'anchor', info.anchor);
            else problems.push(`${where(node)}: <Slide at="${at}"> names no label in the book`);
          }
          return;
        }
        case 'Eq': {
          // A numbered equation of the book shown again (on a slide): its TeX and number from the index, so a
          // slide never drifts from the chapter. Rendered by rehype-katex like any display formula.
          const to = attr(el, 'to');
          const info = to ? index.labels[to] : undefined;
          if (!to || !info || info.kind !== 'equation' || !parent || i === undefined || node.type !== 'mdxJsxFlowElement') {
            problems.push(`${where(node)}: <Eq to="${to ?? ''}" /> must stand on its own line and name an equation label of the book`);
            return;
          }
          const tex = `${info.text}\n\\tag{${info.number}}`;
          const math = {
            type: 'math',
            value: tex,
            data: {
              hName: 'pre',
              hChildren: [
                { type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value: tex }] },
              ],
            },
          };
          const block = {
            type: 'equationBlock',
            data: { hName: 'div', hProperties: { className: ['equation'], 'data-label': to, 'data-anchor': info.anchor, 'data-chapter': info.chapter } },
            children: [math],
          };
          parent.children.splice(i, 1, block as unknown as RootContent);
          return 'skip';
        }
        default:
          return;
      }
    });

    // The chapter's reference list holds what the chapter cites, in order of first citation.
    visit(tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as unknown as JsxElement).name === 'References') {
        setAttr(node as unknown as JsxElement, 'ids', cited.join(','));
      }
    });
    if (problems.length) throw new Error(`Book sources: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  };
}

/** A rehype plugin placed after rehype-katex: a formula KaTeX could not render fails the build instead of a red box. */
export function rehypeFailOnKatexError() {
  return (_tree: unknown, file: VFile) => {
    const bad = file.messages.filter((m) => m.source === 'rehype-katex');
    if (bad.length) {
      throw new Error(
        `KaTeX could not render ${bad.length} formula(s) in ${file.path}:\n  ${bad.map((m) => `${m.line}:${m.column} ${m.cause instanceof Error ? m.cause.message : m.reason}`).join('\n  ')}`,
      );
    }
  };
}
