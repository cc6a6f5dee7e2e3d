// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Cite } from './Cite.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('<Cite>', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  it('writes the text form, "Bellman (1952)", by default', () => {
    act(() => root.render(<Cite id="bellman1952" />));
    expect(host.textContent).toBe('Bellman (1952)');
  });

  it('writes the parenthetical form, "(Bellman 1952; Øksendal 2003, p. 5)", with paren', () => {
    act(() => root.render(<Cite paren id="bellman1952, oksendal2003" page="p. 5" />));
    expect(host.textContent).toMatch(/^\(Bellman 1952; \S+ 2003, p\. 5\)$/);
    // Each name is its own button (the parentheses and the separator are not part of any).
    const buttons = [...host.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Bellman 1952', expect.stringMatching(/^\S+ 2003, p\. 5$/)]);
  });
});
