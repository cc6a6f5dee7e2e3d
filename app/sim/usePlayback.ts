/**
 * Playback of a figure's frames (a time cursor, particles moving): play/pause, step, seek. Honours the reader's
 * prefers-reduced-motion: then nothing plays by itself and `canPlay` is false, so controls offer steps instead.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSettings } from '../state/settings.ts';

export interface Playback {
  frame: number;
  frames: number;
  playing: boolean;
  /** False when the reader asked for reduced motion: show step buttons, not a play button. */
  canPlay: boolean;
  play: () => void;
  pause: () => void;
  step: (delta: number) => void;
  seek: (frame: number) => void;
}

export interface PlaybackOptions {
  frames: number;
  /** Frames per second while playing. */
  fps?: number;
  /** Frame shown before anything plays (default: the last, the complete picture). */
  initial?: number;
  /** Start playing on its own when visible (never under reduced motion). */
  autoplay?: boolean;
  /** Whether the figure is on screen: playing pauses off screen. */
  visible?: boolean;
}

export function usePlayback({ frames, fps = 30, initial, autoplay = false, visible = true }: PlaybackOptions): Playback {
  const reducedMotion = useSettings((s) => s.reducedMotion);
  const last = Math.max(0, frames - 1);
  const [frame, setFrame] = useState(() => Math.min(initial ?? last, last));
  const [playing, setPlaying] = useState(false);
  const started = useRef(false);

  useEffect(() => setFrame((f) => Math.min(f, last)), [last]);
  useEffect(() => {
    if (reducedMotion) setPlaying(false);
  }, [reducedMotion]);
  useEffect(() => {
    if (autoplay && visible && !reducedMotion && !started.current) {
      started.current = true;
      setFrame(0);
      setPlaying(true);
    }
  }, [autoplay, visible, reducedMotion]);

  useEffect(() => {
    if (!playing || !visible) return;
    let raf = 0;
    let prev = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      carry += ((now - prev) * fps) / 1000;
      prev = now;
      const advance = Math.floor(carry);
      carry -= advance;
      if (advance > 0) {
        setFrame((f) => {
          const next = Math.min(last, f + advance);
          if (next >= last) setPlaying(false);
          return next;
        });
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, visible, fps, last]);

  const play = useCallback(() => {
    if (reducedMotion) return;
    setFrame((f) => (f >= last ? 0 : f));
    setPlaying(true);
  }, [reducedMotion, last]);
  const pause = useCallback(() => setPlaying(false), []);
  const step = useCallback(
    (delta: number) => {
      setPlaying(false);
      setFrame((f) => Math.min(last, Math.max(0, f + delta)));
    },
    [last],
  );
  const seek = useCallback((f: number) => setFrame(Math.min(last, Math.max(0, Math.round(f)))), [last]);

  return { frame, frames, playing, canPlay: !reducedMotion, play, pause, step, seek };
}
