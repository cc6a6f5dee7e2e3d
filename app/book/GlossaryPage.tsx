/**
 * The glossary page: every term of app/content/glossary.ts, alphabetical, each with an anchor. Its definitions are
 * loaded before the page renders (loadContents in chapters.ts).
 */
import { glossary } from 'virtual:glossary';
import { glossaryDefinitions } from '../content/glossaryDefinitions.ts';

export function GlossaryPage() {
  const sorted = [...glossary].sort((a, b) => a.term.localeCompare(b.term));
  const definitions = glossaryDefinitions();
  if (!definitions) throw new Error('the glossary page rendered before its definitions loaded');
  return (
    <article className="chapter glossary" data-chapter="glossary">
      <header className="chapter-header">
        <h1>Glossary</h1>
      </header>
      <p>The terms the book uses, each defined in a sentence or two. In the chapters, a dotted underline opens the same definition.</p>
      <dl>
        {sorted.map((g) => (
          <div key={g.id} id={`term-${g.id}`} className="glossary-entry">
            <dt>{g.term}</dt>
            <dd dangerouslySetInnerHTML={{ __html: definitions[g.id] ?? '' }} />
          </div>
        ))}
      </dl>
    </article>
  );
}
