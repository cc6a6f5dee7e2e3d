/** <Footnote>text</Footnote>: a numbered marker whose note opens in the popover (numbered at build time). */
import type { ReactNode } from 'react';
import { Popover } from './Popover.tsx';

export function Footnote({ n = '*', children }: { n?: string; children?: ReactNode }) {
  return (
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
  );
}
