/**
 * A request that every figure compute now, on screen or not (figures otherwise compute only near the screen, see
 * useInView): printing a chapter needs every picture, not only those the reader scrolled past. Figures of a
 * prerendered page not yet alive come alive for it (app/islands/mountIslands.tsx).
 */
import { useSyncExternalStore } from 'react';

let requested = false;
const listeners = new Set<() => void>();

export function setComputeAll(on: boolean): void {
  if (requested === on) return;
  requested = on;
  listeners.forEach((l) => l());
}

/** Calls `listener` whenever the request changes; returns the unsubscribe function. */
export function subscribeComputeAll(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function computeAllRequested(): boolean {
  return requested;
}

export function useComputeAll(): boolean {
  return useSyncExternalStore(subscribeComputeAll, computeAllRequested, () => false);
}
