import { describe, expect, it } from 'vitest';
import { defineFigureParams, defineLinkedFigureParams } from './figureParams.ts';

describe('defineLinkedFigureParams', () => {
  const market = { gamma: { label: 'risk aversion', symbol: 'γ', min: 0.5, max: 8, step: 0.5, default: 2 } };
  const explorer = defineFigureParams('linked-test-explorer', { ...market, pi: { label: 'fraction', symbol: 'π', min: 0, max: 2, step: 0.1, default: 1 } });
  const value = defineLinkedFigureParams(
    'linked-test-value',
    { ...market, paths: { label: 'paths', symbol: 'N', min: 10, max: 100, step: 10, default: 20, integer: true } },
    explorer,
    ['gamma'],
  );

  it('reads and writes the shared key in the other slice, its own keys in its own', () => {
    expect(value.store.getState().values).toEqual({ gamma: 2, paths: 20 });
    value.store.getState().set('gamma', 3);
    expect(explorer.store.getState().values.gamma).toBe(3);
    expect(value.store.getState().values.gamma).toBe(3);
    explorer.store.getState().set('gamma', 4);
    expect(value.store.getState().values.gamma).toBe(4);
    value.store.getState().set('paths', 50);
    expect(value.store.getState().values).toEqual({ gamma: 4, paths: 50 });
    expect(explorer.store.getState().values).toEqual({ gamma: 4, pi: 1 });
  });

  it('resets both', () => {
    value.store.getState().reset();
    expect(value.store.getState().values).toEqual({ gamma: 2, paths: 20 });
    expect(explorer.store.getState().values.gamma).toBe(2);
  });
});
