/**
 * A radio group for a parameter whose schema lists `choices` (a model, a scheme, an on/off switch). It is a real
 * radio group: one tab stop, arrow keys move the choice (and wrap), and the options are labelled buttons a pointer,
 * a finger or a clicker can hit. The value lives in the figure's slice and URL like a slider's.
 */
import { ParamSymbol } from './ParamSymbol.tsx';
import { useRef, type KeyboardEvent } from 'react';
import type { FigureParams } from '../state/figureParams.ts';
import { useFigureState } from '../state/figureParams.ts';
import type { Schema } from '../state/schema.ts';

export function ChoiceControl<S extends Schema>({ params, name }: { params: FigureParams<S>; name: keyof S & string }) {
  const spec = params.schema[name];
  const options = spec.choices ?? [];
  const value = useFigureState(params, (s) => s.values[name]);
  const set = useFigureState(params, (s) => s.set);
  const group = useRef<HTMLDivElement>(null);
  const current = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? options.length - 1 : dir ? (current + dir + options.length) % options.length : -1;
    if (to < 0) return;
    e.preventDefault();
    set(name, options[to].value);
    group.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[to]?.focus();
  };

  return (
    <div className="choice-control">
      <span className="slider-label" id={`${params.id}-${name}-label`}>
        <ParamSymbol symbol={spec.symbol} /> <span className="slider-words">{spec.label}</span>
      </span>
      <div ref={group} className="choice-options" role="radiogroup" aria-labelledby={`${params.id}-${name}-label`} onKeyDown={onKeyDown}>
        {options.map((o, i) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={i === current}
            tabIndex={i === current ? 0 : -1}
            data-param={`${params.id}.${name}`}
            data-choice={`${params.id}.${name}=${o.value}`}
            onClick={() => set(name, o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}
