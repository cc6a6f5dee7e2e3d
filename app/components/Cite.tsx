/**
 * <Cite id="bellman1952" /> (or several ids, comma-separated): "Bellman (1952)" with the full reference in a
 * popover; <References /> lists what the chapter cites (the build fills in `ids`).
 */
import { bibliography } from 'virtual:bibliography';
import { Popover } from './Popover.tsx';

const byId = new Map(bibliography.map((b) => [b.id, b]));

function citeLabel(id: string): string {
  const e = byId.get(id);
  return e ? `${e.cite} (${e.year})` : id;
}

export function Cite({ id, page }: { id: string; page?: string }) {
  const ids = id.split(',').map((s) => s.trim());
  return (
    <span className="cite">
      {ids.map((one, i) => (
        <span key={one}>
          {i > 0 && '; '}
          <Popover
            label={`Reference: ${citeLabel(one)}`}
            trigger={(props) => (
              <button type="button" {...props} className="cite-button">
                {citeLabel(one)}
                {page && i === ids.length - 1 ? `, ${page}` : ''}
              </button>
            )}
          >
            {() => <p className="bib-entry" dangerouslySetInnerHTML={{ __html: byId.get(one)?.html ?? one }} />}
          </Popover>
        </span>
      ))}
    </span>
  );
}

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
