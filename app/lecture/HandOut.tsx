/**
 * The hand-out on a figure slide: a QR code and the link as text for the reading page at this figure, with every
 * figure's values as they are now (parameters and seed), so students open the same live figure on their phones. It
 * follows the sliders. A click (or the Q key) shows it across the slide, for the back row.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { currentAddress, definedFigureParams } from '../state/figureParams.ts';
import { qrPath } from '../figure/qrPath.ts';

/** Re-renders when any figure's values change (the address carries all of them). */
function subscribeToFigures(onChange: () => void): () => void {
  const unsubscribe = definedFigureParams().map((f) => f.store.subscribe(onChange));
  return () => unsubscribe.forEach((u) => u());
}

export function HandOut({ anchor, large, onToggle }: { anchor: string; large: boolean; onToggle: () => void }) {
  // The lecture page is the chapter's folder's `lecture/`: the chapter is one folder up.
  const address = useCallback(() => currentAddress('../', anchor), [anchor]);
  const href = useSyncExternalStore(subscribeToFigures, address, address);
  const { size, d } = qrPath(href);
  return (
    <div className={large ? 'hand-out hand-out-large' : 'hand-out'} data-qr="" data-href={href}>
      <button
        type="button"
        onClick={onToggle}
        aria-label={large ? 'Show the code small again' : 'Show the code large, for the class to scan'}
        aria-pressed={large}
      >
        <svg viewBox={`-2 -2 ${size + 4} ${size + 4}`} role="img" aria-label="QR code of the link to this figure as it is now">
          <rect x={-2} y={-2} width={size + 4} height={size + 4} fill="#fff" />
          <path d={d} fill="#000" />
        </svg>
      </button>
      <a className="hand-out-link" href={href} target="_blank" rel="noopener">
        {href.replace(/^https?:\/\//, '')}
      </a>
    </div>
  );
}
