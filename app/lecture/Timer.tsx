/** The presenter's clock: time since the talk started, with pause and reset. */
import { useEffect, useState } from 'react';

function mmss(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function Timer() {
  // Elapsed time is kept as the time already counted plus, while running, the time since the last start.
  const [counted, setCounted] = useState(0);
  const [since, setSince] = useState<number | null>(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [since]);
  const elapsed = counted + (since === null ? 0 : Math.max(0, now - since));
  return (
    <span className="lecture-timer">
      <span role="timer" aria-label="Time since the start of the talk">
        {mmss(elapsed)}
      </span>
      <button
        type="button"
        onClick={() => {
          if (since === null) {
            setSince(Date.now());
            setNow(Date.now());
          } else {
            setCounted(elapsed);
            setSince(null);
          }
        }}
      >
        {since === null ? 'Resume' : 'Pause'}
      </button>
      <button
        type="button"
        onClick={() => {
          setCounted(0);
          setSince(since === null ? null : Date.now());
          setNow(Date.now());
        }}
      >
        Reset
      </button>
    </span>
  );
}
