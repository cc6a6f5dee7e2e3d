/**
 * Display equations wider than their box shrink to fit it. The presenter's next-slide preview is a narrow column
 * (its equation numbers take their own line there, lecture.css), and an equation wider than it would otherwise
 * scroll sideways in a panel nobody scrolls. On every resize the natural width is measured again.
 */
import { useLayoutEffect, type RefObject } from 'react';

function fit(root: HTMLElement) {
  for (const eq of root.querySelectorAll<HTMLElement>('.katex-display')) {
    eq.style.fontSize = '';
    const natural = eq.scrollWidth;
    const room = eq.clientWidth;
    // A hair under the exact ratio: subpixel rounding would otherwise leave a one-pixel overflow.
    if (natural > room && room > 0) eq.style.fontSize = `${((0.98 * room) / natural).toFixed(3)}em`;
  }
}

/** Fits the display equations inside `ref` (mounted once per slide shown: a new slide is a new element). */
export function useFitEquations(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    fit(root);
    const observer = new ResizeObserver(() => fit(root));
    observer.observe(root);
    return () => observer.disconnect();
  }, [ref]);
}
