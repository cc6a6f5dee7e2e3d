/**
 * Marks the words a search matched at the place a result opened: in the section (from its heading to the next `##`
 * heading), the figure or glossary entry, or the chapter's opening when the result is the chapter itself. Uses the
 * CSS Custom Highlight API (`::highlight(search-match)`), which paints ranges without changing the page's DOM; where a
 * browser lacks it, the result still opens at its place, unmarked.
 */
const NAME = 'search-match';
/** How long to wait for the page to render the place (a chapter loads its module first). */
const WAIT_MS = 4000;

/**
 * The event an island's element sends when it has come alive (app/islands/mountIslands.tsx): its nodes are new, and
 * ranges over the old ones are empty, so the words are marked again.
 */
export const ISLAND_ALIVE = 'island-alive';

/** Marks the words again for the latest result (a figure in its place came alive after they were marked). */
let markAgain: (() => void) | null = null;

/** Where a result that opens another page leaves its words for that page to mark (the tab's session storage). */
const PENDING_KEY = 'btd.search-highlight';

/** Remembers the words to mark on the page a result is about to open. */
export function highlightAfterNavigation(page: string, anchor: string, terms: readonly string[]): void {
  try {
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ page, anchor, terms }));
  } catch {
    /* storage off: the page opens unmarked */
  }
}

/** On a page just opened from a search result: marks the words the result matched, once. */
export function highlightArrivedMatches(page: string): void {
  const pending = takePending();
  if (!pending || pending.page !== page || typeof pending.anchor !== 'string' || !Array.isArray(pending.terms)) return;
  highlightMatches(
    page,
    pending.anchor,
    pending.terms.filter((t): t is string => typeof t === 'string'),
  );
}

function takePending(): { page?: unknown; anchor?: unknown; terms?: unknown } | null {
  try {
    const raw = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    return raw ? (JSON.parse(raw) as { page?: unknown; anchor?: unknown; terms?: unknown }) : null;
  } catch {
    return null;
  }
}

export function highlightMatches(page: string, anchor: string, terms: readonly string[]): void {
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  if (!registry || typeof Highlight === 'undefined') return;
  registry.delete(NAME);
  if (markAgain) document.removeEventListener(ISLAND_ALIVE, markAgain);
  const started = performance.now();
  const attempt = () => {
    const scope = placeOf(page, anchor);
    if (!scope) {
      if (performance.now() - started < WAIT_MS) requestAnimationFrame(attempt);
      return;
    }
    const ranges = matchRanges(scope, terms);
    if (ranges.length) registry.set(NAME, new Highlight(...ranges));
  };
  markAgain = () => {
    if (registry.has(NAME)) attempt();
  };
  document.addEventListener(ISLAND_ALIVE, markAgain);
  requestAnimationFrame(attempt);
}

/** The elements a result covers, once they are on the page: [first, stop) in document order, stop exclusive. */
function placeOf(page: string, anchor: string): { first: Element; stop: Element | null } | null {
  const chapter = document.querySelector(`[data-chapter="${CSS.escape(page)}"]`);
  if (!chapter) return null;
  if (!anchor) return { first: chapter, stop: chapter.querySelector('h2') };
  const target = document.getElementById(anchor);
  if (!target || !chapter.contains(target)) return null;
  if (target.tagName !== 'H2') return { first: target, stop: null };
  let stop: Element | null = null;
  const headings = [...chapter.querySelectorAll('h2')];
  stop = headings[headings.indexOf(target as HTMLHeadingElement) + 1] ?? null;
  return { first: target, stop };
}

/** Ranges over every word that starts with one of the terms, in the place's text. */
function matchRanges({ first, stop }: { first: Element; stop: Element | null }, terms: readonly string[]): Range[] {
  const words = terms.filter(Boolean).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return [];
  const find = new RegExp(`\\b(?:${words.join('|')})\\w*`, 'gi');
  const root = first.tagName === 'H2' ? first.parentElement! : first;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      // Only text from the heading on and before the next heading; not inside math, where words are symbols.
      if (first !== root && first.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) return NodeFilter.FILTER_REJECT;
      if (stop && stop.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) return NodeFilter.FILTER_REJECT;
      return node.parentElement?.closest('.katex') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  const ranges: Range[] = [];
  for (let node = walker.nextNode(); node && ranges.length < 200; node = walker.nextNode()) {
    for (const m of (node.textContent ?? '').matchAll(find)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      ranges.push(range);
    }
  }
  return ranges;
}
