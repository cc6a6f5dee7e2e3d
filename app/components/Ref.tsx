/**
 * <Ref to="eq:hjb" />: the number of an equation, figure or section, linked, with a preview on hover, focus or
 * tap. The build (compiler/remarkBook.ts) fills in number, kind, chapter and anchor and fails on unknown labels.
 */
import { useEffect, useState } from 'react';
import { Popover } from './Popover.tsx';
import { chapterHref } from '../book/route.ts';
import { island } from '../islands/island.tsx';

export interface RefProps {
  to: string;
  /** Filled in at build time. */
  number?: string;
  kind?: 'equation' | 'figure' | 'exercise' | 'section';
  chapter?: string;
  anchor?: string;
}

let previewsPromise: Promise<Record<string, string>> | null = null;
function loadPreviews(): Promise<Record<string, string>> {
  previewsPromise ??= import('virtual:book-previews').then((m) => m.previews);
  return previewsPromise;
}

function Preview({ label }: { label: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadPreviews().then((p) => live && setHtml(p[label] ?? ''));
    return () => {
      live = false;
    };
  }, [label]);
  if (html === null) return <p className="popover-loading">Loading preview…</p>;
  return <div className="ref-preview" dangerouslySetInnerHTML={{ __html: html }} />;
}

function refText(kind: RefProps['kind'], number: string): string {
  if (kind === 'equation') return `(${number})`;
  if (kind === 'figure') return `Figure ${number}`;
  if (kind === 'exercise') return `Exercise ${number}`;
  return `Section ${number}`;
}

function RefLink({ to, number = '?', kind = 'equation', chapter = '', anchor = '' }: RefProps) {
  const text = refText(kind, number);
  const href = chapterHref(chapter, anchor);
  return (
    <Popover
      label={kind === 'equation' ? `Equation ${text}` : text}
      linkTrigger
      trigger={(props) => (
        <a {...props} href={href} className={`ref ref-${kind}`}>
          {text}
        </a>
      )}
    >
      {() => (
        <>
          <Preview label={to} />
          <p className="popover-foot">
            <a href={href}>Go to {kind === 'equation' ? `equation ${text}` : text.toLowerCase()}</a>
          </p>
        </>
      )}
    </Popover>
  );
}

export const Ref = island('Ref', RefLink);
