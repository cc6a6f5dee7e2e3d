/**
 * Back and Forward bring the reader back to the same words. The browser restores the pixel offset of the page, but a
 * chapter's blocks off screen have estimated heights (scrollAnchor.ts) and figures grow when their results arrive, so
 * the same offset can land elsewhere. The history entry therefore also remembers the reading place as a block and an
 * offset, written a moment after scrolling stops; a page reached by Back or Forward goes back to it once it is live.
 */
import { captureAnchor, readAnchor, restoreAnchor } from './scrollAnchor.ts';

/** How long after the last scroll event the place is written (replaceState costs milliseconds in Chrome). */
const RECORD_DELAY_MS = 250;

export function rememberReadingPlace(): void {
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  window.addEventListener(
    'scroll',
    () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = 0;
        history.replaceState({ ...(history.state as object | null), anchor: captureAnchor() }, '');
      }, RECORD_DELAY_MS);
    },
    { passive: true },
  );
}

/** On a page loaded by Back or Forward: back to the remembered place (call once the page is live). */
export function returnToReadingPlace(): void {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (navigation?.type !== 'back_forward') return;
  const anchor = readAnchor(history.state);
  if (anchor) restoreAnchor(anchor);
}
