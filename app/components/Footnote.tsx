/** <Footnote>text</Footnote>: a numbered marker whose note opens in the popover (numbered at build time). */
import type { ReactNode } from 'react';
import { Popover } from './Popover.tsx';
import { island } from '../islands/island.tsx';

function FootnoteMark({ n = '*', children }: { n?: string; children?: ReactNode }) {
  return (
    <>
      <Popover
        label={`Footnote ${n}`}
        trigger={(props) => (
          <button type="button" {...props} className="footnote-mark" aria-label={`Footnote ${n}`}>
            <sup>{n}</sup>
          </button>
        )}
      >
        {() => <div className="footnote-body">{children}</div>}
      </Popover>
      {/* The note's text is in the page too, after its mark: the popover takes it from here, and a page read without
          JavaScript or printed shows it here (book.css). */}
      <span className="footnote-text" hidden>
        {children}
      </span>
    </>
  );
}

export const Footnote = island('Footnote', FootnoteMark);
