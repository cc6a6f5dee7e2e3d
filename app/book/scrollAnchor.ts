/**
 * Where the reader is on a chapter page, as "the n-th block of the chapter, this far above the top of the window"
 * rather than a pixel offset. Blocks off screen skip their rendering (`content-visibility: auto` in book.css, which
 * keeps a slider step from repainting the whole chapter), so their heights are estimates until they are seen, and a
 * pixel offset saved on one visit lands somewhere else on the next. An anchor lands on the same words.
 */
export interface ScrollAnchor {
  /** Index of the block among the chapter's children. */
  index: number;
  /** How far the block's top is above the top of the window, in CSS pixels (positive: scrolled past). */
  offset: number;
}

/** The chapter's blocks; an island's marker has no box of its own (app/islands/island.tsx), so its content stands for it. */
function chapterBlocks(): Element[] | null {
  const article = document.querySelector('article.chapter');
  if (!article) return null;
  return [...article.children].map((b) => (b.localName === 'book-island' ? (b.firstElementChild ?? b) : b));
}

/** The first block of the chapter that reaches into the window, or null when no chapter is on the page. */
export function captureAnchor(): ScrollAnchor | null {
  const blocks = chapterBlocks();
  if (!blocks) return null;
  // Blocks are in document order: binary search for the first whose bottom is below the top of the window.
  let lo = 0;
  let hi = blocks.length - 1;
  if (hi < 0 || blocks[hi].getBoundingClientRect().bottom <= 0) return null;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].getBoundingClientRect().bottom > 0) hi = mid;
    else lo = mid + 1;
  }
  return { index: lo, offset: Math.round(-blocks[lo].getBoundingClientRect().top) };
}

/** Scrolls so the anchored block is where it was; false when the page has no such block. */
export function restoreAnchor(anchor: ScrollAnchor): boolean {
  const block = chapterBlocks()?.[anchor.index];
  if (!block) return false;
  const place = () => window.scrollTo(0, window.scrollY + block.getBoundingClientRect().top + anchor.offset);
  place();
  // Blocks that come into view render at their real height, and those just above the window may differ from their
  // estimates: place the anchor once more after that frame.
  requestAnimationFrame(() => requestAnimationFrame(place));
  return true;
}

/** Reads an anchor kept in a history entry; anything else (an old entry, a garbled state) is null. */
export function readAnchor(state: unknown): ScrollAnchor | null {
  const a = (state as { anchor?: unknown } | null)?.anchor as Partial<ScrollAnchor> | undefined;
  if (!a || typeof a !== 'object') return null;
  const { index, offset } = a;
  return Number.isInteger(index) && (index as number) >= 0 && Number.isFinite(offset) ? { index: index as number, offset: offset as number } : null;
}
