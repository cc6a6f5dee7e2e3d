/**
 * The pointer: while the presenter holds L, a dot follows the mouse over the slide, in this window and in the
 * projected one. It is sent as a fraction of the plot panel under the mouse (or of the slide), so it lands on the
 * same point of the plot in a window of another size.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { PointerAt } from './sync.ts';

const POINTER_KEY = 'l';

/** Whether the pointer key is held now (released when the window loses focus). */
export function usePointerKey(): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== POINTER_KEY || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target instanceof Element && e.target.closest('input, select, textarea')) return;
      setHeld(true);
    };
    const up = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === POINTER_KEY) setHeld(false);
    };
    const blur = () => setHeld(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, []);
  return held;
}

/** The slide on show in `area`, and the panel `at` names on it (when it is there). */
function targetOf(area: HTMLElement, at: PointerAt): Element | null {
  const slide = area.querySelector('[aria-current="step"]');
  if (!slide) return null;
  if (at.figure && at.panel) {
    const panel = slide.querySelector(`[data-figure="${CSS.escape(at.figure)}"] [data-panel="${CSS.escape(at.panel)}"]`);
    if (panel) return panel;
  }
  return slide;
}

/** Where the mouse is, as a fraction of the panel under it, or of the slide. */
function pointerAt(area: HTMLElement, x: number, y: number): PointerAt | null {
  const under = document.elementFromPoint(x, y);
  const slide = area.querySelector('[aria-current="step"]');
  if (!slide || !under || !area.contains(under)) return null;
  const panel = under.closest<HTMLElement>('[data-panel]');
  const figure = panel?.closest<HTMLElement>('[data-figure]');
  const box = (panel && figure ? panel : slide).getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return null;
  return {
    figure: figure?.dataset.figure ?? null,
    panel: (figure && panel?.dataset.panel) || null,
    x: (x - box.left) / box.width,
    y: (y - box.top) / box.height,
  };
}

export function Pointer({
  area,
  remote,
  held,
  onMove,
}: {
  area: RefObject<HTMLElement | null>;
  remote: PointerAt | null;
  held: boolean;
  onMove: (at: PointerAt | null) => void;
}) {
  const [local, setLocal] = useState<{ x: number; y: number } | null>(null);
  // Where the mouse was last, so the dot shows the moment the key goes down, before the mouse moves.
  const last = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const track = (e: PointerEvent) => (last.current = { x: e.clientX, y: e.clientY });
    window.addEventListener('pointermove', track, { passive: true });
    return () => window.removeEventListener('pointermove', track);
  }, []);
  useEffect(() => {
    if (!held) return;
    // One message per frame, with the latest position.
    let frame = 0;
    let latest = { x: 0, y: 0 };
    const show = (x: number, y: number) => {
      latest = { x, y };
      setLocal(latest);
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (area.current) onMove(pointerAt(area.current, latest.x, latest.y));
      });
    };
    const move = (e: PointerEvent) => show(e.clientX, e.clientY);
    if (last.current) show(last.current.x, last.current.y);
    window.addEventListener('pointermove', move);
    return () => {
      window.removeEventListener('pointermove', move);
      cancelAnimationFrame(frame);
      setLocal(null);
      onMove(null);
    };
  }, [held, area, onMove]);

  let remoteAt: { x: number; y: number } | null = null;
  const target = remote && area.current ? targetOf(area.current, remote) : null;
  if (remote && target) {
    const box = target.getBoundingClientRect();
    remoteAt = { x: box.left + remote.x * box.width, y: box.top + remote.y * box.height };
  }
  return (
    <>
      {local && <div className="lecture-pointer" data-pointer="local" style={{ left: local.x, top: local.y }} aria-hidden="true" />}
      {remoteAt && <div className="lecture-pointer" data-pointer="remote" style={{ left: remoteAt.x, top: remoteAt.y }} aria-hidden="true" />}
    </>
  );
}
