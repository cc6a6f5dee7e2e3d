/**
 * The reader's settings: theme (follows the system unless chosen; the choice is remembered) and motion
 * (prefers-reduced-motion is honoured: no autoplay, step buttons instead).
 */
import { useCallback, useSyncExternalStore } from 'react';
import { create } from 'zustand';

export type ThemeChoice = 'auto' | 'light' | 'dark' | 'projector';
export type Theme = Exclude<ThemeChoice, 'auto'>;

const STORAGE_KEY = 'btd.theme';
const THEMES: ThemeChoice[] = ['auto', 'light', 'dark', 'projector'];

/** One MediaQueryList per query, kept: matchMedia builds a new list (and evaluates it) on every call. */
const mediaLists = new Map<string, MediaQueryList | null>();
function media(query: string): MediaQueryList | null {
  let mq = mediaLists.get(query);
  if (mq === undefined) {
    mq = typeof matchMedia === 'function' ? matchMedia(query) : null;
    mediaLists.set(query, mq);
  }
  return mq;
}

function storedChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(STORAGE_KEY) as ThemeChoice | null;
    return v && THEMES.includes(v) ? v : 'auto';
  } catch {
    return 'auto';
  }
}

function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  return choice === 'auto' ? (systemDark ? 'dark' : 'light') : choice;
}

interface SettingsState {
  themeChoice: ThemeChoice;
  systemDark: boolean;
  reducedMotion: boolean;
  setTheme: (choice: ThemeChoice) => void;
}

export const useSettings = create<SettingsState>()((set) => ({
  themeChoice: storedChoice(),
  systemDark: media('(prefers-color-scheme: dark)')?.matches ?? false,
  reducedMotion: media('(prefers-reduced-motion: reduce)')?.matches ?? false,
  setTheme: (themeChoice) => {
    try {
      localStorage.setItem(STORAGE_KEY, themeChoice);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    set({ themeChoice });
  },
}));

export function useTheme(): Theme {
  return useSettings((s) => resolveTheme(s.themeChoice, s.systemDark));
}

/** Keeps `data-theme` on <html> and the system preferences in step with the store. Call once at start-up. */
export function installSettingsSync(): void {
  const apply = () => {
    const s = useSettings.getState();
    document.documentElement.dataset.theme = resolveTheme(s.themeChoice, s.systemDark);
  };
  apply();
  useSettings.subscribe(apply);
  media('(prefers-color-scheme: dark)')?.addEventListener('change', (e) => useSettings.setState({ systemDark: e.matches }));
  media('(prefers-reduced-motion: reduce)')?.addEventListener('change', (e) => useSettings.setState({ reducedMotion: e.matches }));
}

/** Whether a media query matches now, updated when it changes (e.g. a phone-width layout for a figure). */
export function useMediaQuery(query: string): boolean {
  // A stable subscribe per query: a new function each render would make React resubscribe on every render.
  const subscribe = useCallback(
    (onChange: () => void) => {
      const mq = media(query);
      mq?.addEventListener('change', onChange);
      return () => mq?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => media(query)?.matches ?? false,
    () => false,
  );
}
