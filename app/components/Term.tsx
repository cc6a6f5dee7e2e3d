/** <Term id="generator">generator</Term>: a glossary term with its definition in a popover. */
import { useContext, useEffect, useState, type ReactNode } from 'react';
import { glossary } from 'virtual:glossary';
import { Popover } from './Popover.tsx';
import { glossaryHref } from '../book/route.ts';
import { island, PageModeContext } from '../islands/island.tsx';
import { glossaryDefinitions, loadGlossaryDefinitions } from '../content/glossaryDefinitions.ts';

const byId = new Map(glossary.map((g) => [g.id, g]));

/** A term's definition, loaded with all the others the first time a popover opens. */
function Definition({ id }: { id: string }) {
  const [html, setHtml] = useState(() => glossaryDefinitions()?.[id] ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (html !== null) return;
    let live = true;
    loadGlossaryDefinitions().then(
      (d) => live && setHtml(d[id] ?? ''),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [id, html]);
  if (failed) return <p className="popover-loading">The definition could not be loaded; the glossary page has it.</p>;
  if (html === null) return <p className="popover-loading">Loading the definition…</p>;
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

function TermButton({ id, children }: { id: string; children?: ReactNode }) {
  const entry = byId.get(id);
  const prerendering = useContext(PageModeContext).kind === 'server';
  if (!entry) return <span className="term term-missing">{children ?? id}</span>;
  // The page's HTML links the term to its glossary entry, which a reader without JavaScript can follow; the live
  // island is a button that opens the definition where the reader is.
  if (prerendering)
    return (
      <a className="term" href={glossaryHref(id)}>
        {children ?? entry.term}
      </a>
    );
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
          <Definition id={id} />
          <p className="popover-foot">
            <a href={glossaryHref(id)}>In the glossary</a>
          </p>
        </>
      )}
    </Popover>
  );
}

export const Term = island('Term', TermButton);
