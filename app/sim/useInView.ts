/**
 * Whether an element is on (or within `margin` of) the screen; figures compute only while it is true. It is also
 * true while every figure is asked to compute (printing, see computeAll.ts).
 */
import { useEffect, useState, type RefObject } from 'react';
import { useComputeAll } from './computeAll.ts';

export function useInView(ref: RefObject<Element | null>, margin = '300px'): boolean {
  const [inView, setInView] = useState(false);
  const all = useComputeAll();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === 'undefined') {
      setInView(true);
      return;
    }
    const io = new IntersectionObserver((entries) => setInView(entries.some((e) => e.isIntersecting)), { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, margin]);
  return inView || all;
}
