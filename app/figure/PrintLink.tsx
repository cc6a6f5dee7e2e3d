/**
 * What a printed figure carries under its picture: a short link and a QR code to the figure as it is now (every
 * setting and the seed), so that a reader of the paper copy can open the live figure. A live figure renders it only
 * while the page is printed (the print dialog, or print media emulated), from the values at that moment. A figure
 * drawn at build time carries the link to its default state, shown only on paper: it prints with its prerendered
 * picture before it comes alive (it mounts when it nears the screen, and Ctrl+P does not wait) and without JavaScript.
 */
import { useContext, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { currentAddress } from '../state/figureParams.ts';
import { chapterHref, currentPage, siteUrl } from '../book/route.ts';
import { ArticleSlugContext } from '../islands/Article.tsx';
import { PrerenderContext } from './prerendered.ts';
import { qrPath } from './qrPath.ts';

/** Whether the page is being printed. `beforeprint` renders synchronously, so the links are there for the print. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof matchMedia !== 'undefined' && matchMedia('print').matches);
  useEffect(() => {
    if (typeof matchMedia === 'undefined') return;
    const media = matchMedia('print');
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(media.matches);
    const change = () => (media.matches ? on() : off());
    media.addEventListener('change', change);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    return () => {
      media.removeEventListener('change', change);
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
    };
  }, []);
  return printing;
}

export function PrintLink({ anchor }: { anchor?: string }) {
  const drawnAtBuild = useContext(PrerenderContext) !== null;
  const chapterAtBuild = useContext(ArticleSlugContext);
  const printing = usePrinting();
  if (!anchor) return null;
  // The build knows the book's public address; the figure's values are its defaults, as its picture is.
  if (drawnAtBuild) return chapterAtBuild ? <PrintedLink href={`${siteUrl()}${chapterAtBuild}/#${anchor}`} /> : null;
  if (!printing) return null;
  // The chapter the figure sits in (on the whole-book page that is not the page's route). The figure is on the page
  // already: printing starts after it rendered.
  const chapter = document.getElementById(anchor)?.closest('[data-chapter]')?.getAttribute('data-chapter') ?? currentPage();
  return <PrintedLink href={currentAddress(chapterHref(chapter), anchor)} />;
}

function PrintedLink({ href }: { href: string }) {
  const { size, d } = qrPath(href);
  return (
    <p className="figure-print-link" data-qr="" data-href={href}>
      <svg viewBox={`-2 -2 ${size + 4} ${size + 4}`} role="img" aria-label="QR code of the link to this figure">
        <rect x={-2} y={-2} width={size + 4} height={size + 4} fill="#fff" />
        <path d={d} fill="#000" />
      </svg>
      <span>
        The live figure, as printed: <a href={href}>{href.replace(/^https?:\/\//, '')}</a>
      </span>
    </p>
  );
}
