/**
 * A figure named but not run: inside FigureStandInContext (the presenter's preview of the next slide) a figure
 * element shows its number and caption in a plain box, so the live figure exists once, on the current slide.
 */
import { createContext, type ReactNode } from 'react';

export const FigureStandInContext = createContext(false);

export function FigureStandIn({ number, children }: { number?: string; children?: ReactNode }) {
  return (
    <div className="figure-stand-in">
      {number && <strong>Figure {number}.</strong>} {children}
    </div>
  );
}
