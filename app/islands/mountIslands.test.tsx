// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountIslands } from './mountIslands.tsx';
import { setComputeAll } from '../sim/computeAll.ts';

// A reference that renders a live link, or throws for the label "boom" (as a component with a bug would).
vi.mock('../components/Ref.tsx', () => ({
  Ref: ({ to }: { to: string }) => {
    if (to === 'boom') throw new Error('no such label');
    return <a className="live">live {to}</a>;
  },
}));

function page(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

describe('mountIslands', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('makes every island live in place and resolves once all have rendered', async () => {
    const host = page(
      '<p>Prose <book-island data-island="Ref" data-props=\'{"to":"eq:a"}\'><a>(1)</a></book-island> and ' +
        '<book-island data-island="Ref" data-props=\'{"to":"eq:b"}\'><a>(2)</a></book-island>.</p>',
    );
    const prose = host.querySelector('p')!.firstChild;
    await mountIslands(host);
    expect([...host.querySelectorAll('.live')].map((a) => a.textContent)).toEqual(['live eq:a', 'live eq:b']);
    // The prose around the islands is the same node, never rendered again.
    expect(host.querySelector('p')!.firstChild).toBe(prose);
  });

  it('an island whose component throws keeps its prerendered nodes, says why, and does not hold up the page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const host = page(
      '<p><book-island data-island="Ref" data-props=\'{"to":"boom"}\'><a class="old">(3)</a></book-island> ' +
        '<book-island data-island="Ref" data-props=\'{"to":"eq:c"}\'><a>(4)</a></book-island> ' +
        '<book-island data-island="Nope" data-props="{}"><span class="old">kept</span></book-island></p>',
    );
    await mountIslands(host);
    const [broken, fine, unknown] = host.querySelectorAll('book-island');
    expect(broken.querySelector('a.old')?.textContent).toBe('(3)');
    expect(broken.querySelector('[role="alert"]')?.textContent).toMatch(/could not be made live \(no such label\)/);
    expect(fine.querySelector('.live')?.textContent).toBe('live eq:c');
    expect(unknown.querySelector('.old')?.textContent).toBe('kept');
    expect(unknown.querySelector('[role="alert"]')?.textContent).toMatch(/no island named Nope/);
  });
});

/** An IntersectionObserver the test drives: `show(el)` reports the element near the screen. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly watched = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.watched.add(el);
  }
  unobserve(el: Element) {
    this.watched.delete(el);
  }
  disconnect() {
    this.watched.clear();
  }
  static show(el: Element) {
    for (const o of FakeObserver.all)
      if (o.watched.has(el)) o.callback([{ target: el, isIntersecting: true } as unknown as IntersectionObserverEntry], o as unknown as IntersectionObserver);
  }
}

/** A figure island as the prerenderer writes it (a closed-form figure, which computes in jsdom). */
function figurePage(): { host: HTMLElement; figure: HTMLElement } {
  const host = page(
    '<p>Prose.</p><book-island data-island="figure" data-props=\'{"src":"../../chapters/04-stochastic-hjb-lqr/RiccatiFinite.tsx#RiccatiFinite","anchor":"fig:lqr-riccati","number":"4.2"}\'>' +
      '<figure class="figure figure-ready" id="fig:lqr-riccati" data-figure="lqr-riccati" data-status="static">' +
      '<div class="figure-main"><p class="picture">prerendered picture</p></div><div class="figure-side"><button type="button">Reset</button></div>' +
      '</figure></book-island>',
  );
  return { host, figure: host.querySelector('figure')! };
}

/** A scrub number as the prerenderer writes it (without the live one's `data-param`), of a chapter 4 figure. */
function scrubMarkup(module: string, name: string): string {
  const props = JSON.stringify({ src: `../../chapters/04-stochastic-hjb-lqr/${module}`, name });
  return `<book-island data-island="Scrub" data-props='${props}'><span role="slider" tabindex="0" class="scrub">1</span></book-island>`;
}

/** Waits until `check` holds (a figure's module loads and its root commits over several tasks). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('mountIslands: figures', () => {
  afterEach(() => {
    document.body.replaceChildren();
    FakeObserver.all = [];
    setComputeAll(false);
    vi.unstubAllGlobals();
  });

  // First in this file to ask for RiccatiFinite's module: a scrub number waits for its figure's module to be asked for.
  it('leaves a scrub number as it was drawn until its figure nears the screen, then makes it live', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { host, figure } = figurePage();
    host.insertAdjacentHTML('afterbegin', `<p>Try ${scrubMarkup('RiccatiFinite.tsx#RiccatiFinite', 'qT')}.</p>`);
    await mountIslands(host);
    await new Promise((r) => setTimeout(r, 50));
    expect(host.querySelector('.scrub')!.hasAttribute('data-param')).toBe(false); // still the prerendered number
    FakeObserver.show(figure);
    await until(() => host.querySelector('.scrub')!.getAttribute('data-param') === 'lqr-riccati.qT');
  });

  it('makes a scrub number live when the reader points at it, and replays a key pressed on it meanwhile', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    // No figure of this module on the page: only the reader can wake the number.
    const host = page(`<p>Try ${scrubMarkup('DoubleIntegrator.tsx#DoubleIntegrator', 'noise')}.</p>`);
    await mountIslands(host);
    const scrub = () => host.querySelector<HTMLElement>('.scrub')!;
    await new Promise((r) => setTimeout(r, 50));
    expect(scrub().hasAttribute('data-param')).toBe(false);
    scrub().focus();
    const key = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    scrub().dispatchEvent(key);
    expect(key.defaultPrevented).toBe(true);
    await until(() => scrub().getAttribute('data-param') === 'lqr-double-integrator.noise');
    await until(() => scrub().getAttribute('aria-valuenow') === '0.25'); // one step up from the default 0.2
    expect(document.activeElement).toBe(scrub());
  });

  it('leaves a figure as its picture until it nears the screen, then makes the same element live', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { host, figure } = figurePage();
    await mountIslands(host);
    await new Promise((r) => setTimeout(r, 50));
    expect(figure.getAttribute('data-status')).toBe('static');
    expect(figure.querySelector('.picture')).not.toBeNull();
    FakeObserver.show(figure);
    await until(() => figure.getAttribute('data-status') === 'ready');
    // The same <figure> element, now rendered by the live figure: its own controls, no prerendered picture.
    expect(host.querySelector('[data-figure="lqr-riccati"]')).toBe(figure);
    expect(figure.id).toBe('fig:lqr-riccati');
    expect(figure.querySelector('.picture')).toBeNull();
    expect(figure.querySelector('.figure-number')?.textContent).toBe('Figure 4.2.');
    expect(figure.querySelectorAll('input[type="range"]').length).toBeGreaterThan(0);
  });

  it('makes every figure live when the page asks all to compute (printing)', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { host, figure } = figurePage();
    await mountIslands(host);
    expect(figure.getAttribute('data-status')).toBe('static');
    setComputeAll(true);
    await until(() => figure.getAttribute('data-status') === 'ready');
  });

  it('keeps the keyboard on the control a reader tabbed to before the figure came alive', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { host, figure } = figurePage();
    await mountIslands(host);
    figure.querySelector('button')!.focus();
    await until(() => figure.getAttribute('data-status') === 'ready' && document.activeElement !== document.body);
    const focusable = figure.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
    expect(document.activeElement).toBe(focusable[0]);
    expect(figure.querySelector('.picture')).toBeNull();
  });

  it('replays on the live slider a key pressed on the prerendered one while the figure came alive', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    // The live figure's own markup stands for the prerendered one: the same controls in the same order.
    const first = figurePage();
    await mountIslands(first.host);
    FakeObserver.show(first.figure);
    await until(() => first.figure.getAttribute('data-status') === 'ready');
    const drawn = first.figure.outerHTML.replace('data-status="ready"', 'data-status="static"');
    const island = first.host.querySelector('book-island')!.cloneNode(false) as HTMLElement;
    document.body.replaceChildren();
    island.innerHTML = drawn;
    const host = page('');
    host.append(island);
    const figure = host.querySelector('figure')!;
    await mountIslands(host);
    const slider = () => figure.querySelector<HTMLInputElement>('input[type="range"]')!;
    const before = slider().getAttribute('aria-valuetext');
    slider().focus();
    const key = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    slider().dispatchEvent(key);
    // Held: the prerendered range input must not move by its own rules and jump back when the figure is live.
    expect(key.defaultPrevented).toBe(true);
    await until(() => figure.getAttribute('data-status') === 'ready' && slider().getAttribute('aria-valuetext') !== before);
    expect(document.activeElement).toBe(slider());
    figure.querySelector<HTMLButtonElement>('button')!.click(); // Reset, for the tests after this one
    await until(() => slider().getAttribute('aria-valuetext') === before);
  });

  it('makes a figure live when a scrub number in the prose changes its values', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { host, figure } = figurePage();
    host.insertAdjacentHTML('afterbegin', `<p>Try ${scrubMarkup('RiccatiFinite.tsx#RiccatiFinite', 'qT')}.</p>`);
    await mountIslands(host);
    await until(() => host.querySelector('.scrub')!.hasAttribute('data-param'));
    expect(figure.getAttribute('data-status')).toBe('static');
    host.querySelector('.scrub')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await until(() => figure.getAttribute('data-status') === 'ready');
  });

  it('does not take the keyboard back from where the reader moved it while the figure came alive', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { host, figure } = figurePage();
    const search = document.createElement('input');
    document.body.append(search);
    await mountIslands(host);
    figure.querySelector('button')!.focus();
    search.focus();
    await until(() => figure.getAttribute('data-status') === 'ready');
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).toBe(search);
  });

  it('mounts every figure at once where nothing can tell what is near the screen', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { host, figure } = figurePage();
    await mountIslands(host);
    expect(figure.getAttribute('data-status')).toBe('ready');
  });

  it("leaves an exercise's answer box as its stand-in until it nears the screen, then renders the text field", async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const host = page(
      '<section class="exercise"><p>Find P.</p><book-island data-island="ExerciseCheck" data-props=\'{"answer":0.266,"tolerance":0.01,"digits":4}\'>' +
        '<div class="exercise-check" aria-hidden="true"><span class="exercise-answer">\u00a0</span></div></book-island></section>',
    );
    const standIn = host.querySelector('.exercise-check')!;
    await mountIslands(host);
    await new Promise((r) => setTimeout(r, 50));
    expect(host.querySelector('input')).toBeNull();
    FakeObserver.show(standIn);
    await until(() => host.querySelector('form.exercise-check input.exercise-answer') !== null);
    expect(host.querySelector('[aria-hidden="true"]')).toBeNull();
  });
});
