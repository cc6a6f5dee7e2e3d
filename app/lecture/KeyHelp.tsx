/** The `?` panel: every key of lecture mode (presentation clickers send the page keys). */
import { useEffect, useRef } from 'react';

const KEYS: ReadonlyArray<[string, string]> = [
  ['→ ↓ Space PageDown', 'next slide'],
  ['← ↑ Shift+Space PageUp', 'previous slide'],
  ['Home End', 'first and last slide'],
  ['P', 'open the presenter window: this slide, the next, notes, timer'],
  ['L (hold)', 'show a pointer at the mouse, in both windows'],
  ['Q', 'show the figure’s QR code large, for the class to scan'],
  ['F', 'full screen'],
  ['Escape', 'back to the reading page, at this slide’s place'],
  ['?', 'this list'],
];

export function KeyHelp({ role, onClose }: { role: 'audience' | 'presenter'; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);
  return (
    <dialog ref={ref} className="lecture-help" aria-labelledby="lecture-help-title" onClose={onClose} onCancel={(e) => (e.preventDefault(), onClose())}>
      <h2 id="lecture-help-title">Keys</h2>
      <dl>
        {KEYS.filter(([k]) => role === 'audience' || k !== 'P').map(([k, what]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p>Arrow keys on a focused slider move the slider; PageUp and PageDown always move the slides.</p>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
