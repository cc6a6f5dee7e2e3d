/**
 * A labelled slider for one parameter of a figure, generated from its schema. Pointer drags use the native range
 * input; keys are ours: arrows one step, Shift ten, Alt a tenth, PageUp/PageDown ten, Home/End the ends.
 */
import { ParamSymbol } from './ParamSymbol.tsx';
import { useId } from 'react';
import type { FigureParams } from '../state/figureParams.ts';
import { useFigureState } from '../state/figureParams.ts';
import { formatValue, fromPosition, keyedValue, toPosition, type Schema } from '../state/schema.ts';
import { ChoiceControl } from './ChoiceControl.tsx';

const POSITIONS = 1000;

export function Slider<S extends Schema>({ params, name }: { params: FigureParams<S>; name: keyof S & string }) {
  const spec = params.schema[name];
  const value = useFigureState(params, (s) => s.values[name]);
  const set = useFigureState(params, (s) => s.set);
  const id = useId();
  const text = `${formatValue(spec, value)}${spec.units ? ` ${spec.units}` : ''}`;
  return (
    <div className="slider">
      <label htmlFor={id} className="slider-label">
        <ParamSymbol symbol={spec.symbol} /> <span className="slider-words">{spec.label}</span>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={POSITIONS}
        step={1}
        value={Math.round(toPosition(spec, value) * POSITIONS)}
        aria-valuetext={text}
        data-param={`${params.id}.${name}`}
        onChange={(e) => set(name, fromPosition(spec, Number(e.currentTarget.value) / POSITIONS))}
        onKeyDown={(e) => {
          const next = keyedValue(spec, value, e.key, e.shiftKey, e.altKey);
          if (next === null) return;
          e.preventDefault();
          set(name, next);
        }}
      />
      <output htmlFor={id} className="slider-value">
        {text}
      </output>
    </div>
  );
}

/**
 * Controls for the given parameters of a figure: a slider for a range, a radio group for a choice. When `names` is
 * omitted, all of them except `seed` (the figure's toolbar shows the seed with a re-roll button: a slider over seeds
 * means nothing).
 */
export function Controls<S extends Schema>({ params, names }: { params: FigureParams<S>; names?: (keyof S & string)[] }) {
  const keys = names ?? (Object.keys(params.schema).filter((k) => k !== 'seed') as (keyof S & string)[]);
  return (
    <div className="controls" role="group" aria-label="Figure settings">
      {keys.map((k) => (params.schema[k].choices ? <ChoiceControl key={k} params={params} name={k} /> : <Slider key={k} params={params} name={k} />))}
    </div>
  );
}
