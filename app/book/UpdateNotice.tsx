/**
 * Offline reading: registers the service worker that precaches the book (built by vite-plugin-pwa, see
 * vite.config.ts), and tells the reader when a new edition has been downloaded. The new edition waits until the
 * reader chooses to reload, so one page never runs old and new code together. Production builds only: the dev
 * server has no service worker.
 */
import { useSyncExternalStore } from 'react';

let applyUpdate: (() => void) | null = null;
const listeners = new Set<() => void>();

if (import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const update = registerSW({
      onNeedRefresh() {
        applyUpdate = () => void update(true);
        listeners.forEach((l) => l());
      },
    });
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function UpdateNotice() {
  const update = useSyncExternalStore(subscribe, () => applyUpdate);
  if (!update) return null;
  return (
    <div className="notice notice-page" role="status">
      <p>A new edition of the book has been downloaded. Reload to read it (your place and figure settings are kept in the address).</p>
      <button type="button" className="notice-dismiss" onClick={update}>
        Reload
      </button>
    </div>
  );
}
