// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountIslands } from './mountIslands.tsx';

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
