/** Which section of the page the reader is in: the last heading that has scrolled above the top third. */
import { useEffect, useState, type RefObject } from 'react';
import { create } from 'zustand';

/** The section being read, for the top bar (shown at every width, where the side list has no room). */
export const useReadingPosition = create<{ number: string; title: string }>()(() => ({ number: '', title: '' }));

/** `article`: the element holding the page's headings, whole at the first render (the chapter is loaded before). */
export function useCurrentSection(article: RefObject<HTMLElement | null>): string {
  const [current, setCurrent] = useState('');
  useEffect(() => {
    const container = article.current;
    if (!container) return;
    const headings = [...container.querySelectorAll<HTMLElement>('h2.section-heading[id]')];
    if (!headings.length) return;
    const update = () => {
      const line = window.innerHeight / 3;
      let current: HTMLElement | null = null;
      for (const h of headings) if (h.getBoundingClientRect().top <= line) current = h;
      setCurrent(current?.id ?? headings[0].id);
      useReadingPosition.setState(
        current ? { number: current.dataset.number ?? '', title: current.dataset.title ?? current.textContent ?? '' } : { number: '', title: '' },
      );
    };
    update();
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      useReadingPosition.setState({ number: '', title: '' });
    };
  }, [article]);
  return current;
}

/** In the projector theme the arrow keys step through sections (and figures), as slides would. */
export function stepSection(container: HTMLElement, direction: 1 | -1): void {
  const stops = [...container.querySelectorAll<HTMLElement>('h2.section-heading, h3.section-heading, figure.figure')];
  const y = 8;
  const tops = stops.map((s) => s.getBoundingClientRect().top);
  const target = direction === 1 ? stops.find((_, i) => tops[i] > y + 2) : [...stops].reverse().find((s) => s.getBoundingClientRect().top < -2);
  (target ?? (direction === -1 ? stops[0] : undefined))?.scrollIntoView({ block: 'start', behavior: 'auto' });
}
