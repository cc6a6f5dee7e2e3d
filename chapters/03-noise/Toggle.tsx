/**
 * A checkbox or a row of choice buttons bound to an integer parameter of a figure's schema (0/1, or 0..k-1), so
 * that the choice lives in the same zustand slice and URL as the sliders.
 */
import { useId } from 'react';
import type { FigureParams } from '../../app/state/figureParams.ts';
import { useFigureState } from '../../app/state/figureParams.ts';
import type { Schema } from '../../app/state/schema.ts';

export function Toggle<S extends Schema>({ params, name, label }: { params: FigureParams<S>; name: keyof S & string; label: string }) {
  const value = useFigureState(params, (s) => s.values[name]);
  const set = useFigureState(params, (s) => s.set);
  const id = useId();
  return (
    <div className="noise-toggle">
      <input id={id} type="checkbox" data-param={`${params.id}.${name}`} checked={value === 1} onChange={(e) => set(name, e.currentTarget.checked ? 1 : 0)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function Choice<S extends Schema>({ params, name, options, label }: { params: FigureParams<S>; name: keyof S & string; options: string[]; label: string }) {
  const value = useFigureState(params, (s) => s.values[name]);
  const set = useFigureState(params, (s) => s.set);
  return (
    <div className="noise-choice" role="radiogroup" aria-label={label}>
      {options.map((o, i) => (
        <button key={o} type="button" role="radio" aria-checked={value === i} data-choice={`${params.id}.${name}=${i}`} onClick={() => set(name, i)}>
          {o}
        </button>
      ))}
    </div>
  );
}
