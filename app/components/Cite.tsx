/**
 * <Cite id="bellman1952" /> (or several ids, comma-separated): "Bellman (1952)", for a citation that is part of the
 * sentence ("as Bellman (1952) showed"). <Cite paren id="bellman1952" />: "(Bellman 1952)", for one that is not
 * ("the Bellman equation (Bellman 1952)"). Each name opens the full reference in a popover; <References /> lists
 * what the chapter cites (the build fills in `ids`).
 */
import { bibliography } from 'virtual:bibliography';
import { Popover } from './Popover.tsx';
import { useContext } from 'react';
import { island, PageModeContext } from '../islands/island.tsx';

const byId = new Map(bibliography.map((b) => [b.id, b]));

/** "Bellman (1952)" in the text form, "Bellman 1952" inside the parentheses of the parenthetical form. */
function citeLabel(id: string, paren = false): string {
  const e = byId.get(id);
  if (!e) return id;
  return paren ? `${e.cite} ${e.year}` : `${e.cite} (${e.year})`;
}

function Citation({ id, page, paren = false }: { id: string; page?: string; paren?: boolean; children?: never }) {
  const ids = id.split(',').map((s) => s.trim());
  // The page's HTML links each name to the chapter's list of references (<References />), which a reader without
  // JavaScript can follow; the live island is a button that shows the reference where the reader is.
  const prerendering = useContext(PageModeContext).kind === 'server';
  return (
    <span className="cite">
      {paren && '('}
      {ids.map((one, i) => {
        const label = `${citeLabel(one, paren)}${page && i === ids.length - 1 ? `, ${page}` : ''}`;
        return (
          <span key={one}>
            {i > 0 && '; '}
            {prerendering ? (
              <a className="cite-button" href={`#ref-${one}`}>
                {label}
              </a>
            ) : (
              <Popover
                label={`Reference: ${citeLabel(one, paren)}`}
                trigger={(props) => (
                  <button type="button" {...props} className="cite-button">
                    {label}
                  </button>
                )}
              >
                {() => <p className="bib-entry" dangerouslySetInnerHTML={{ __html: byId.get(one)?.html ?? one }} />}
              </Popover>
            )}
          </span>
        );
      })}
      {paren && ')'}
    </span>
  );
}

export const Cite = island('Cite', Citation);

export function References({ ids = '' }: { ids?: string }) {
  const list = ids.split(',').filter(Boolean);
  if (!list.length) return null;
  return (
    <section className="references" aria-labelledby="references-heading">
      <h2 id="references-heading">References</h2>
      <ol>
        {list.map((id) => (
          <li key={id} id={`ref-${id}`} dangerouslySetInnerHTML={{ __html: byId.get(id)?.html ?? id }} />
        ))}
      </ol>
    </section>
  );
}
