/**
 * Which stage a figure is on. The frame lays a figure out for the screen it is on:
 * - 'reading': a desk or laptop window; plots beside their controls, as a page of a book.
 * - 'phone': a narrow window; the plot stays pinned on screen while the controls below it move.
 * - 'stage': full screen, a projector (the projector theme on a screen of 1024×600 or more) or a lecture slide;
 *   plots and controls share one screen with nothing to scroll.
 */
import { createContext, useContext, useEffect, useState, type RefObject } from 'react';
import { useMediaQuery, useTheme } from '../state/settings.ts';

export type StageMode = 'reading' | 'phone' | 'stage';

/** Set to 'stage' by a container that shows one figure per screen (a lecture slide). */
export const StageContext = createContext<StageMode | null>(null);

/** Whether the element is the document's full-screen element, kept up to date. */
export function useIsFullscreen(ref: RefObject<Element | null>): boolean {
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const on = () => setFullscreen(document.fullscreenElement !== null && document.fullscreenElement === ref.current);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, [ref]);
  return fullscreen;
}

/** The media queries behind the modes, shared with the CSS in app/styles/figure.css. */
const PHONE_QUERY = '(max-width: 700px)';
const PROJECTOR_SCREEN_QUERY = '(min-width: 1024px) and (min-height: 600px)';

export function useStageMode(rootRef: RefObject<Element | null>): StageMode {
  const forced = useContext(StageContext);
  const fullscreen = useIsFullscreen(rootRef);
  const projector = useTheme() === 'projector';
  const bigScreen = useMediaQuery(PROJECTOR_SCREEN_QUERY);
  const phone = useMediaQuery(PHONE_QUERY);
  if (forced) return forced;
  if (fullscreen || (projector && bigScreen)) return 'stage';
  return phone ? 'phone' : 'reading';
}
