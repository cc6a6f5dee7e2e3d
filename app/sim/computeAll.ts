/**
 * A request that every figure compute now, on screen or not (figures otherwise compute only near the screen, see
 * useInView): printing a chapter needs every picture, not only those the reader scrolled past.
 */
import { useSyncExternalStore } from 'react';

let requested = false;
const listeners = new Set<() => void>();

export function setComputeAll(on: boolean): void {
  if (requested === on) return;
  requested = on;
  listeners.forEach((l) => l());
}

export function useComputeAll(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => requested,
    () => false,
  );
}
