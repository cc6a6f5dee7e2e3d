/**
 * <Scrub params={OuPaths.params} name="theta" />: a number in the prose that the reader drags (Tangle-style) or steps
 * with the keyboard; it drives the same value as the figure's slider. One pixel of drag moves the value by its
 * finest increment (a tenth of a step); Shift moves ten times faster, Alt ten times slower. Keys as on sliders.
 */
import { useRef } from 'react';
import type { FigureParams } from '../state/figureParams.ts';
import { useFigureState } from '../state/figureParams.ts';
import { island } from '../islands/island.tsx';
import { formatValue, fromPosition, keyedValue, nearestValid, resolutionOf, toPosition, type Schema } from '../state/schema.ts';

function ScrubNumber<S extends Schema>({ params, name }: { params: FigureParams<S>; name: keyof S & string; children?: never }) {
  const spec = params.schema[name];
  const value = useFigureState(params, (s) => s.values[name]);
  const set = useFigureState(params, (s) => s.set);
  const drag = useRef<{ x: number; v: number } | null>(null);
  const text = `${formatValue(spec, value)}${spec.units ? ` ${spec.units}` : ''}`;
  return (
    <span
      role="slider"
      tabIndex={0}
      className="scrub"
      aria-label={spec.label}
      aria-valuemin={spec.min}
      aria-valuemax={spec.max}
      aria-valuenow={value}
      aria-valuetext={text}
      data-param={`${params.id}.${name}`}
      title={`Drag or use the arrow keys to change ${spec.label}`}
      onPointerDown={(e) => {
        try {
          e.currentTarget.setPointerCapture(e.pointerId);
        } catch {
          return; // a press replayed after its pointer was lifted (app/islands/mountIslands.tsx): no drag to follow
        }
        drag.current = { x: e.clientX, v: value };
      }}
      onPointerMove={(e) => {
        const start = drag.current;
        if (!start) return;
        // No button down: the press that began the drag was lifted unseen (a replayed press), so the drag is over.
        if (e.buttons === 0) {
          drag.current = null;
          return;
        }
        const dx = e.clientX - start.x;
        const perPixel = e.shiftKey ? 10 : e.altKey ? 0.1 : 1;
        if (spec.log) set(name, fromPosition(spec, toPosition(spec, start.v) + (dx * perPixel) / 400));
        else set(name, nearestValid(spec, start.v + dx * perPixel * resolutionOf(spec)));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onKeyDown={(e) => {
        const next = keyedValue(spec, value, e.key, e.shiftKey, e.altKey);
        if (next === null) return;
        e.preventDefault();
        set(name, next);
      }}
    >
      {text}
    </span>
  );
}

/** In a prerendered page the scrub names its figure's module; the browser loads it for the figure's parameters. */
export const Scrub = island('Scrub', ScrubNumber, ({ params, name }, mode) => {
  const src = mode.figureSource(params.id);
  if (!src) throw new Error(`Scrub: no figure module declares ${params.id}`);
  return { src, name };
}) as <S extends Schema>(props: { params: FigureParams<S>; name: keyof S & string }) => ReturnType<typeof ScrubNumber>;
