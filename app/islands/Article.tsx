/**
 * A chapter's article. Prerendered (PageMode 'server'), its islands are marked. In the browser over that HTML
 * ('hydrate'), React takes the article as it is and never renders its inside: the prose stays the parsed nodes and
 * only the islands in it become live (mountIslands). Otherwise ('live') it is rendered as any element.
 */
import { createContext, useCallback, useContext, type ReactNode, type Ref } from 'react';
import { MarkIslands, PageModeContext } from './island.tsx';

/** The chapter (its slug) of the article a component is rendered in; null outside a chapter's article. */
export const ArticleSlugContext = createContext<string | null>(null);

/** The prerendered articles, by chapter, taken before the page is hydrated. */
const prerendered = new Map<string, Element>();

export function keepPrerenderedArticles(root: ParentNode): void {
  for (const a of root.querySelectorAll('article[data-chapter]')) prerendered.set(a.getAttribute('data-chapter') ?? '', a);
}

interface ArticleProps {
  slug: string;
  className: string;
  ref?: Ref<HTMLElement>;
  children: ReactNode;
}

export function Article({ slug, className, ref, children }: ArticleProps) {
  const mode = useContext(PageModeContext);
  // Should hydration fail and React render the page afresh, the new article adopts the prerendered one's nodes.
  const adopt = useCallback(
    (el: HTMLElement | null) => {
      const original = prerendered.get(slug);
      if (el && original && original !== el && !el.hasChildNodes()) el.append(...original.childNodes);
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [slug, ref],
  );
  if (mode.kind === 'hydrate')
    return <article ref={adopt} className={className} data-chapter={slug} dangerouslySetInnerHTML={{ __html: '' }} suppressHydrationWarning />;
  return (
    <article ref={ref} className={className} data-chapter={slug}>
      <ArticleSlugContext value={slug}>{mode.kind === 'server' ? <MarkIslands>{children}</MarkIslands> : children}</ArticleSlugContext>
    </article>
  );
}
