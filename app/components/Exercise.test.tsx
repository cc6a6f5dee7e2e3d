// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { PageModeContext } from '../islands/island.tsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Exercise, Solution, isCorrect, parseAnswer } from './Exercise.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('reading and judging an answer', () => {
  it('reads the ways people write numbers, and refuses the rest', () => {
    expect(parseAnswer('0.266')).toBe(0.266);
    expect(parseAnswer(' 0,266 ')).toBe(0.266);
    expect(parseAnswer('\u22122.5e-3')).toBe(-0.0025);
    expect(parseAnswer('.5')).toBe(0.5);
    expect(parseAnswer('1/2')).toBeNull();
    expect(parseAnswer('abc')).toBeNull();
    expect(parseAnswer('')).toBeNull();
  });
  it('accepts within a relative tolerance, or an absolute one at zero', () => {
    expect(isCorrect(0.2657, 0.2659751, 0.01)).toBe(true);
    expect(isCorrect(0.26, 0.2659751, 0.01)).toBe(false);
    expect(isCorrect(0.004, 0, 0.01)).toBe(true);
    expect(isCorrect(-0.2659751, 0.2659751, 0.01)).toBe(false);
  });
});

describe('<Exercise>', () => {
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

  const type = (value: string) => {
    const input = host.querySelector('input')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    act(() => {
      setter.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => host.querySelector('form')!.requestSubmit());
    return host.querySelector('output')!;
  };

  it('checks the answer, and shows the solution only on request', () => {
    act(() =>
      root.render(
        <Exercise number="4.2" anchor="ex-p" answer={0.2659751} tolerance={0.001}>
          <p>Find P.</p>
          <Solution>
            <p>P is 0.266.</p>
          </Solution>
        </Exercise>,
      ),
    );
    expect(host.textContent).toContain('Exercise 4.2');
    const solution = host.querySelector<HTMLDetailsElement>('details.exercise-solution')!;
    expect(solution.open).toBe(false);
    // The prompt comes before the answer form, the solution after it.
    const order = [...host.querySelectorAll('.exercise-prompt, form, .exercise-solution')].map((e) => e.className);
    expect(order).toEqual(['exercise-prompt', 'exercise-check', 'exercise-solution']);

    expect(type('0.27').dataset.verdict).toBe('wrong');
    expect(host.querySelector('output')!.textContent).toMatch(/too large/);
    expect(type('zero point two').dataset.verdict).toBe('unreadable');
    const right = type('0.2660');
    expect(right.dataset.verdict).toBe('right');
    expect(right.textContent).toContain('0.2660');

    act(() => solution.querySelector('summary')!.click());
    expect(solution.open).toBe(true);
    expect(solution.querySelector('.exercise-solution-body')!.textContent).toBe('P is 0.266.');
  });

  it('says so when the answer is not a number, instead of accepting anything', () => {
    act(() => root.render(<Exercise answer={NaN}>Find it.</Exercise>));
    expect(host.querySelector('form')).toBeNull();
    expect(host.textContent).toMatch(/could not be computed/);
  });

  it('renders a derivation with its worked solution and no answer box', () => {
    act(() =>
      root.render(
        <Exercise kind="derivation" number="1.3" anchor="ex-pi">
          <p>Prove policy improvement.</p>
          <Solution>
            <p>Apply the Bellman operator of the new policy repeatedly.</p>
          </Solution>
        </Exercise>,
      ),
    );
    const section = host.querySelector<HTMLElement>('section.exercise')!;
    expect(section.dataset.kind).toBe('derivation');
    expect(host.querySelector('form, input')).toBeNull();
    expect(host.textContent).toContain('Derivation');
    expect(host.textContent).not.toMatch(/could not be computed/);
    expect(host.querySelector<HTMLDetailsElement>('details.exercise-solution')!.open).toBe(false);
  });

  it('marks a numeric exercise as numeric', () => {
    act(() => root.render(<Exercise answer={1}>Find it.</Exercise>));
    expect(host.querySelector<HTMLElement>('section.exercise')!.dataset.kind).toBe('numeric');
  });

  it('writes a box without a text field into the page, and the live island has the field', () => {
    const exercise = (
      <Exercise number="4.2" anchor="ex-p" answer={0.2659751} unit="years">
        <p>Find P.</p>
      </Exercise>
    );
    const html = renderToString(<PageModeContext value={{ kind: 'server', figureSource: () => null }}>{exercise}</PageModeContext>);
    const page = document.createElement('div');
    page.innerHTML = html;
    // No text field and no form in the HTML (a field costs the page's load), and nothing for a screen reader to stop at.
    expect(page.querySelector('input, form, button, label')).toBeNull();
    const standIn = page.querySelector<HTMLElement>('.exercise-check')!;
    expect(standIn.getAttribute('aria-hidden')).toBe('true');
    // The same row as the live one, piece by piece, so nothing moves when it comes alive.
    expect([...standIn.children].map((c) => c.className)).toEqual(['', 'exercise-answer', 'exercise-unit', 'exercise-check-button', 'exercise-verdict']);
    expect(standIn.textContent).toBe('Your answer\u00a0yearsCheck');

    act(() => root.render(exercise));
    const live = host.querySelector('form.exercise-check')!;
    expect([...live.children].map((c) => c.className)).toEqual(['', 'exercise-answer', 'exercise-unit', 'exercise-check-button', 'exercise-verdict ']);
    expect(live.querySelector('input')!.className).toBe('exercise-answer');
  });
});
