/**
 * Controls for a figure's playback: play/pause (only when motion is welcome), step back and forward (always),
 * and a time slider. `label` names what moves, e.g. "time"; `format` shows the current frame's value.
 */
import { useId } from 'react';
import type { Playback } from '../sim/usePlayback.ts';

export function PlaybackControls({ playback, label, format }: { playback: Playback; label: string; format: (frame: number) => string }) {
  const id = useId();
  const { frame, frames, playing, canPlay, play, pause, step, seek } = playback;
  const stepSize = Math.max(1, Math.round(frames / 20));
  return (
    <div className="playback" role="group" aria-label={`${label} playback`}>
      <button type="button" onClick={() => step(-stepSize)} aria-label={`Step ${label} back`} disabled={frame === 0}>
        |◀
      </button>
      {canPlay && (
        <button type="button" onClick={playing ? pause : play} aria-label={playing ? 'Pause' : 'Play'} aria-pressed={playing}>
          {playing ? '❚❚' : '▶'}
        </button>
      )}
      <button type="button" onClick={() => step(stepSize)} aria-label={`Step ${label} forward`} disabled={frame >= frames - 1}>
        ▶|
      </button>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={frames - 1}
        step={1}
        value={frame}
        aria-valuetext={format(frame)}
        onChange={(e) => seek(Number(e.currentTarget.value))}
      />
      <output htmlFor={id} className="playback-value">
        {format(frame)}
      </output>
    </div>
  );
}
