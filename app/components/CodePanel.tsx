/**
 * <CodePanel listing={sampleListing} />: the engine function behind a figure, as it is in the repository,
 * highlighted at build time (import it with `?fn=name&code`). Closed by default; its summary names the function.
 */
import type { CodeListing } from '../../compiler/highlightCode.ts';

export function CodePanel({ listing, title }: { listing: CodeListing; title?: string }) {
  return (
    <details className="code-panel">
      <summary>
        {title ?? 'Show the code'}: <code>{listing.symbol}</code>{' '}
        <span className="code-file">
          {listing.file}, line {listing.startLine}
        </span>
      </summary>
      <pre tabIndex={0} aria-label={`Source of ${listing.symbol}`}>
        <code className="hljs language-typescript" dangerouslySetInnerHTML={{ __html: listing.html }} />
      </pre>
    </details>
  );
}
