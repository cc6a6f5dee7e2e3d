/**
 * Offline reading: registers the service worker that precaches the book (built by vite-plugin-pwa, see
 * vite.config.ts), and tells the reader when a new edition has been downloaded. The new edition waits until the
 * reader chooses to reload, so one page never runs old and new code together. Production builds only: the dev
 * server has no service worker.
 */
import { useSyncExternalStore } from 'react';
import { bookRoot } from './route.ts';

let applyUpdate: (() => void) | null = null;
const listeners = new Set<() => void>();

if (import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  // The worker lives at the book's root and serves every page, so it is registered from there whatever page is
  // open (vite-plugin-pwa's own registration names it relative to the page, which is a folder down on a chapter).
  const root = new URL(bookRoot(), location.href).href;
  void import('workbox-window').then(({ Workbox }) => {
    const wb = new Workbox(`${root}sw.js`, { scope: root });
    const offer = () => {
      applyUpdate = () => {
        wb.addEventListener('controlling', () => location.reload());
        wb.messageSkipWaiting();
      };
      listeners.forEach((l) => l());
    };
    // A new edition installed by this page waits; one installed by another tab of the book is offered too.
    wb.addEventListener('waiting', offer);
    wb.addEventListener('installed', (e) => e.isExternal && offer());
    // Without a service worker (blocked, or a private window that refuses one) the book still reads online.
    wb.register().catch(() => undefined);
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function UpdateNotice() {
  const update = useSyncExternalStore(
    subscribe,
    () => applyUpdate,
    () => null,
  );
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
