/**
 * The book's one popover, behind references, glossary terms, citations and footnotes. It opens on hover, keyboard
 * focus or tap; stays open while the pointer moves from the trigger into it; closes on Escape (focus stays on the
 * trigger), on leaving, or on a tap elsewhere. The trigger carries aria-expanded and, while open, aria-describedby
 * pointing at the popover, so a screen reader reads its content.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';

interface PopoverTriggerProps {
  ref: (el: HTMLElement | null) => void;
  'aria-expanded': boolean;
  'aria-describedby': string | undefined;
  onMouseEnter: () => void;
  onMouseLeave: () => void;
  onFocus: () => void;
  onBlur: (e: React.FocusEvent) => void;
  onPointerDown: (e: React.PointerEvent) => void;
  onClick: (e: React.MouseEvent) => void;
}

export interface PopoverProps {
  /** Renders the trigger; spread the given props on the focusable element. */
  trigger: (props: PopoverTriggerProps) => ReactNode;
  /** The content; called only while open (so previews load lazily). */
  children: () => ReactNode;
  /** Accessible name of the popover, e.g. "Equation (3.2)". */
  label: string;
  /**
   * For link triggers: a mouse click follows the link and only a tap (touch) opens the preview. For buttons:
   * every click toggles the popover.
   */
  linkTrigger?: boolean;
  className?: string;
}

const OPEN_DELAY = 120;
const CLOSE_DELAY = 200;

export function Popover({ trigger, children, label, linkTrigger = false, className }: PopoverProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const triggerEl = useRef<HTMLElement | null>(null);
  const popEl = useRef<HTMLDivElement | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const pointerType = useRef<string>('mouse');
  const [style, setStyle] = useState<CSSProperties>({ visibility: 'hidden' });

  const later = useCallback((fn: () => void, ms: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(fn, ms);
  }, []);
  const show = useCallback(() => later(() => setOpen(true), OPEN_DELAY), [later]);
  const hide = useCallback(() => later(() => setOpen(false), CLOSE_DELAY), [later]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  // Escape closes; a tap or click outside closes.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        triggerEl.current?.focus();
      }
    };
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!popEl.current?.contains(t) && !triggerEl.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  // Place below the trigger, or above when there is no room below; keep inside the viewport.
  const place = useCallback(() => {
    const t = triggerEl.current?.getBoundingClientRect();
    const p = popEl.current;
    if (!t || !p) return;
    const margin = 8;
    const w = Math.min(p.offsetWidth, window.innerWidth - 2 * margin);
    const h = p.offsetHeight;
    const left = Math.min(Math.max(margin, t.left + t.width / 2 - w / 2), window.innerWidth - w - margin);
    const below = t.bottom + 6;
    const top = below + h > window.innerHeight - margin && t.top - 6 - h > margin ? t.top - 6 - h : below;
    setStyle({ left, top, maxWidth: window.innerWidth - 2 * margin });
  }, []);
  useLayoutEffect(() => {
    if (!open) {
      setStyle({ visibility: 'hidden' });
      return;
    }
    place();
    const ro = new ResizeObserver(place);
    if (popEl.current) ro.observe(popEl.current);
    window.addEventListener('scroll', place, { passive: true, capture: true });
    window.addEventListener('resize', place);
    return () => {
      ro.disconnect();
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
    };
  }, [open, place]);

  const props: PopoverTriggerProps = {
    ref: (el) => {
      triggerEl.current = el;
    },
    'aria-expanded': open,
    'aria-describedby': open ? id : undefined,
    onMouseEnter: show,
    onMouseLeave: hide,
    onFocus: () => later(() => setOpen(true), 0),
    onBlur: (e) => {
      if (!popEl.current?.contains(e.relatedTarget as Node)) hide();
    },
    onPointerDown: (e) => {
      pointerType.current = e.pointerType;
    },
    onClick: (e) => {
      if (linkTrigger && pointerType.current !== 'touch') return;
      if (linkTrigger && open) return; // second tap follows the link
      e.preventDefault();
      window.clearTimeout(timer.current);
      setOpen((o) => (linkTrigger ? true : !o));
    },
  };

  return (
    <>
      {trigger(props)}
      {open &&
        createPortal(
          <div
            ref={popEl}
            id={id}
            role="dialog"
            aria-label={label}
            className={`popover ${className ?? ''}`}
            style={style}
            onMouseEnter={() => window.clearTimeout(timer.current)}
            onMouseLeave={hide}
            onBlur={(e) => {
              if (!popEl.current?.contains(e.relatedTarget as Node) && e.relatedTarget !== triggerEl.current) hide();
            }}
          >
            {children()}
          </div>,
          document.body,
        )}
    </>
  );
}
