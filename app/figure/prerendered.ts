/**
 * The figures of a prerendered page (app/server/renderPage.tsx): at build time each figure is drawn with its
 * default result, computed in Node, so the HTML holds its picture and its numbers; in the browser, the live figure
 * shows that picture until its own first result arrives, so nothing on the page moves when it comes alive.
 */
import { createContext } from 'react';
import type { DrawFn } from '../plots/PlotSurface.tsx';

/** A task figure's default result, computed at build time. */
export interface PrerenderedResult {
  result: unknown;
  request: unknown;
}

/** What the prerenderer gives the figures on the page (null in the browser). */
export interface Prerender {
  /** A task figure's default result, computed in this process on first request; null when it cannot be. */
  resultFor: (id: string) => PrerenderedResult | null;
  /** Draws a plot panel as SVG markup (`aspect`: height over width), or null when it cannot be drawn without a browser. */
  draw: (draw: DrawFn, canvas: boolean, aspect: number, ariaLabel: string) => string | null;
}

export const PrerenderContext = createContext<Prerender | null>(null);

/**
 * The prerendered pictures of the page's figures (plots, readouts and notices), by figure: the elements that hold
 * them, read when a figure asks. Reading them all at once (their markup as text) was a tenth of the work of the task
 * in which the page comes alive, and most figures come alive later or never.
 */
const pictures = new Map<string, Element>();

/**
 * Keeps the prerendered picture of every figure drawn with a result. Call before the page renders live: React keeps
 * these elements until a figure's first render has finished, so a figure reads its own picture as it was drawn.
 */
export function keepPrerenderedPictures(root: ParentNode): void {
  for (const figure of root.querySelectorAll('[data-figure][data-prerendered]')) {
    const main = figure.querySelector('.figure-main');
    const id = figure.getAttribute('data-figure');
    if (main && id) pictures.set(id, main);
  }
}

/** The prerendered picture of a figure, once: a figure remounted later draws live from the start. */
export function takePrerenderedPicture(id: string): string | undefined {
  const html = pictures.get(id)?.innerHTML;
  pictures.delete(id);
  return html;
}
