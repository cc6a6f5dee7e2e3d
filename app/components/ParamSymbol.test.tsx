import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ParamSymbol } from './ParamSymbol.tsx';

describe('<ParamSymbol>', () => {
  it('shows Unicode symbols as they are and `base_sub` as base with a subscript', () => {
    expect(renderToStaticMarkup(<ParamSymbol symbol="x₀" />)).toBe('<span class="symbol">x₀</span>');
    expect(renderToStaticMarkup(<ParamSymbol symbol="r_f" />)).toBe('<span class="symbol">r<sub>f</sub></span>');
    expect(renderToStaticMarkup(<ParamSymbol symbol="q_T" />)).toBe('<span class="symbol">q<sub>T</sub></span>');
    // A lone or trailing underscore is not a subscript.
    expect(renderToStaticMarkup(<ParamSymbol symbol="_" />)).toBe('<span class="symbol">_</span>');
    expect(renderToStaticMarkup(<ParamSymbol symbol="a_" />)).toBe('<span class="symbol">a_</span>');
  });
});
