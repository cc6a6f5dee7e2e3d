/** <Term id="generator">generator</Term>: a glossary term with its definition in a popover. */
import type { ReactNode } from 'react';
import { glossary } from 'virtual:glossary';
import { Popover } from './Popover.tsx';
import { glossaryHref } from '../book/route.ts';

const byId = new Map(glossary.map((g) => [g.id, g]));

export function Term({ id, children }: { id: string; children?: ReactNode }) {
  const entry = byId.get(id);
  if (!entry) return <span className="term term-missing">{children ?? id}</span>;
  return (
    <Popover
      label={`Glossary: ${entry.term}`}
      trigger={(props) => (
        <button type="button" {...props} className="term">
          {children ?? entry.term}
        </button>
      )}
    >
      {() => (
        <>
          <p className="popover-title">{entry.term}</p>
          <div dangerouslySetInnerHTML={{ __html: entry.html }} />
          <p className="popover-foot">
            <a href={glossaryHref(id)}>In the glossary</a>
          </p>
        </>
      )}
    </Popover>
  );
}
