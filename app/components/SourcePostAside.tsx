/**
 * <SourcePost>…</SourcePost>: a marked aside for what the source post (López Montero 2026) says or does differently.
 * Critiques live here, out of the chapter's argument, so the argument reads on its own and a reader can skip them.
 */
import { useId, type ReactNode } from 'react';

export function SourcePost({ children }: { children?: ReactNode }) {
  const headingId = useId();
  return (
    <aside className="source-post" aria-labelledby={headingId}>
      <p className="source-post-head" id={headingId}>
        The source post
      </p>
      {children}
    </aside>
  );
}
