/**
 * "Print / PDF" for a chapter: first every figure comes alive and computes (those never scrolled to show their
 * default picture, or none), then the browser's print dialog opens on the print stylesheet. A figure that cannot
 * finish within a minute prints as it is.
 */
import { useState } from 'react';
import { setComputeAll } from '../sim/computeAll.ts';
import { island } from '../islands/island.tsx';

const WAIT_MS = 60_000;

/** Figures computing, or still their prerendered picture ('static', until they come alive). */
function loadingFigures(): number {
  return document.querySelectorAll('[data-figure][data-status="loading"], [data-figure][data-status="static"]').length;
}

function PrintChapter() {
  const [waiting, setWaiting] = useState<number | null>(null);
  const print = () => {
    setComputeAll(true);
    const started = performance.now();
    const check = () => {
      const left = loadingFigures();
      if (left > 0 && performance.now() - started < WAIT_MS) {
        setWaiting(left);
        setTimeout(check, 200);
        return;
      }
      setWaiting(null);
      window.print();
      setComputeAll(false);
    };
    // One frame for the figures to start their runs (and so to say they are loading).
    requestAnimationFrame(() => setTimeout(check, 50));
  };
  return (
    <button type="button" className="print-chapter" onClick={print} disabled={waiting !== null} aria-live="polite">
      {waiting === null ? 'Print / PDF' : `Preparing ${waiting} figure${waiting === 1 ? '' : 's'}…`}
    </button>
  );
}

export const PrintButton = island('PrintButton', PrintChapter);
