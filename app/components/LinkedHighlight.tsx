/**
 * Hover linking: elements that share a `data-link` value (table rows, and parts of equations tagged with
 * `\htmlData{link=name}{...}`) light up together while one of them is hovered or focused.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { island } from '../islands/island.tsx';

function setLinked(root: Document | HTMLElement, name: string | null): void {
  for (const el of root.querySelectorAll('.linked')) el.classList.remove('linked');
  if (!name || !/^[a-z0-9-]+$/.test(name)) return;
  for (const el of root.querySelectorAll(`[data-link="${name}"]`)) el.classList.add('linked');
}

/** Wraps a region whose [data-link] elements drive the highlight; the matching elements may be anywhere on the page. */
function HighlightRegion({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const scope = el.closest('article') ?? document;
    const on = (e: Event) => setLinked(scope, (e.target as HTMLElement).closest<HTMLElement>('[data-link]')?.dataset.link ?? null);
    const off = () => setLinked(scope, null);
    el.addEventListener('mouseover', on);
    el.addEventListener('focusin', on);
    el.addEventListener('mouseleave', off);
    el.addEventListener('focusout', off);
    return () => {
      el.removeEventListener('mouseover', on);
      el.removeEventListener('focusin', on);
      el.removeEventListener('mouseleave', off);
      el.removeEventListener('focusout', off);
    };
  }, []);
  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}

export const LinkedHighlight = island('LinkedHighlight', HighlightRegion);
