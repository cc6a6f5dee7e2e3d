// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawAxes } from './axes.ts';
import { drawLine } from './line.ts';
import { PlotSurface, type DrawFn, type PlotSurfaceHandle } from './PlotSurface.tsx';
import { plotScales } from './setup.ts';
import { frame } from './frame.ts';
import { installThemeStylesheet, mockContext } from './testing.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A ResizeObserver double whose observers the test resizes by hand. */
class FakeResizeObserver {
  static all: FakeResizeObserver[] = [];
  targets: Element[] = [];
  constructor(private readonly cb: ResizeObserverCallback) {
    FakeResizeObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.push(el);
  }
  unobserve() {}
  disconnect() {
    this.targets = [];
  }
  static resize(width: number) {
    for (const ro of FakeResizeObserver.all) {
      const entries = ro.targets.map((target) => ({ target, contentRect: { width, height: 0 } }) as unknown as ResizeObserverEntry);
      if (entries.length) ro.cb(entries, ro as unknown as ResizeObserver);
    }
  }
}

let container: HTMLDivElement;
let root: Root;
let style: HTMLStyleElement;
const ctx = mockContext();

beforeAll(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx.ctx as never);
  style = installThemeStylesheet();
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  style.remove();
});
beforeEach(() => {
  FakeResizeObserver.all = [];
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  document.documentElement.removeAttribute('data-theme');
});

describe('PlotSurface', () => {
  it('reserves its height with CSS before it is measured, then draws at the measured width', () => {
    const draw = vi.fn<DrawFn>();
    act(() => root.render(<PlotSurface aspect={0.5} ariaLabel="Test" draw={draw} deps={[1]} />));
    const box = container.querySelector<HTMLDivElement>('[data-plot-surface]')!;
    expect(box.style.aspectRatio).toBe('1 / 0.5');
    expect(box.style.width).toBe('100%');
    expect(draw).not.toHaveBeenCalled(); // jsdom measures 0 px: nothing to draw yet
    act(() => FakeResizeObserver.resize(400.7));
    expect(draw).toHaveBeenCalledTimes(1);
    const [svg, c, size] = draw.mock.calls[0];
    expect(size).toEqual({ width: 400, height: 200, dpr: 1 });
    expect(c).toBeNull();
    expect(svg.attr('width')).toBe('400');
    expect(svg.attr('role')).toBe('img');
    expect(svg.attr('aria-label')).toBe('Test');
  });

  it('uses a fixed height when given one', () => {
    const draw = vi.fn<DrawFn>();
    act(() => root.render(<PlotSurface height={150} ariaLabel="Fixed" draw={draw} />));
    expect(container.querySelector<HTMLDivElement>('[data-plot-surface]')!.style.height).toBe('150px');
    act(() => FakeResizeObserver.resize(300));
    expect(draw.mock.calls.at(-1)![2]).toEqual({ width: 300, height: 150, dpr: 1 });
  });

  it('redraws on resize and on deps change, not on a re-render with the same deps', () => {
    const draw = vi.fn<DrawFn>();
    const data = { x: [0, 1], y: [0, 1] };
    const view = (deps: unknown[]) => <PlotSurface ariaLabel="Deps" draw={draw} deps={deps} />;
    act(() => root.render(view([data])));
    act(() => FakeResizeObserver.resize(320));
    expect(draw).toHaveBeenCalledTimes(1);
    act(() => root.render(view([data])));
    expect(draw).toHaveBeenCalledTimes(1);
    act(() => root.render(view([{ ...data }])));
    expect(draw).toHaveBeenCalledTimes(2);
    act(() => FakeResizeObserver.resize(500));
    expect(draw).toHaveBeenCalledTimes(3);
    expect(draw.mock.calls[2][2].width).toBe(500);
  });

  it('empties the svg before each draw, so primitives append from scratch', () => {
    const draw: DrawFn = (svg, _c, size, theme) => {
      const f = frame(size, { theme });
      drawLine(svg, { x: [0, 1], y: [0, 1] }, plotScales(f, [0, 1], [0, 1]), { theme });
    };
    let bump: () => void = () => {};
    function Host() {
      const [n, setN] = useState(0);
      bump = () => setN((k) => k + 1);
      return <PlotSurface ariaLabel="Line" draw={draw} deps={[n]} />;
    }
    act(() => root.render(<Host />));
    act(() => FakeResizeObserver.resize(320));
    act(() => bump());
    act(() => bump());
    expect(container.querySelectorAll('.plot-line')).toHaveLength(1);
  });

  it('re-reads the theme and redraws when data-theme changes', async () => {
    const draw = vi.fn<DrawFn>();
    act(() => root.render(<PlotSurface ariaLabel="Theme" draw={draw} deps={[]} />));
    act(() => FakeResizeObserver.resize(320));
    expect(draw.mock.calls.at(-1)![3].fontSize).toBe(12);
    await act(async () => {
      document.documentElement.setAttribute('data-theme', 'projector');
      await Promise.resolve();
    });
    const theme = draw.mock.calls.at(-1)![3];
    expect(theme.fontSize).toBe(20);
    expect(theme.strokeWidth).toBe(3);
    expect(theme.series[0]).toBe('#0050a0');
    const calls = draw.mock.calls.length;
    await act(async () => {
      document.documentElement.setAttribute('data-theme', 'projector'); // same theme: no redraw
      await Promise.resolve();
    });
    expect(draw.mock.calls.length).toBe(calls);
  });

  it('prepares a hi-DPI canvas under the svg when asked', () => {
    vi.stubGlobal('devicePixelRatio', 2);
    const draw = vi.fn<DrawFn>();
    const handle: { current: PlotSurfaceHandle | null } = { current: null };
    act(() => root.render(<PlotSurface ariaLabel="Canvas" canvas draw={draw} deps={[]} ref={handle} />));
    act(() => FakeResizeObserver.resize(300));
    const canvas = container.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-hidden')).toBe('true');
    expect(canvas.nextElementSibling?.tagName.toLowerCase()).toBe('svg');
    expect(canvas.width).toBe(600);
    expect(draw.mock.calls.at(-1)![1]).toBe(ctx.ctx);
    expect(draw.mock.calls.at(-1)![2].dpr).toBe(2);
    expect(ctx.calls).toContainEqual(['setTransform', 2, 0, 0, 2, 0, 0]);
    expect(handle.current?.canvas).toBe(canvas);
    act(() => handle.current!.redraw());
    expect(draw.mock.calls.length).toBeGreaterThanOrEqual(2);
    vi.stubGlobal('devicePixelRatio', 1);
  });

  it('moves the grid under the canvas so canvas marks cover it', () => {
    const draw: DrawFn = (svg, _c, size, theme) => {
      const f = frame(size, { theme });
      const g = svg.append('g').attr('transform', 'translate(3,4)');
      drawAxes(g, plotScales(f, [0, 1], [0, 1]), f, { theme });
    };
    act(() => root.render(<PlotSurface ariaLabel="Grid" canvas draw={draw} deps={[]} />));
    act(() => FakeResizeObserver.resize(320));
    const [under, canvas, top] = Array.from(container.querySelector('[data-plot-surface]')!.children);
    expect(under.getAttribute('class')).toBe('plot-underlay');
    expect(canvas.tagName.toLowerCase()).toBe('canvas');
    expect(top.querySelector('.plot-grid')).toBeNull();
    expect(top.querySelector('.plot-axis-x')).not.toBeNull();
    const grid = under.querySelector('.plot-grid')!;
    expect(grid.querySelectorAll('line').length).toBeGreaterThan(2);
    expect(grid.parentElement!.getAttribute('transform')).toBe('translate(3,4)');
    // a redraw does not duplicate it
    act(() => FakeResizeObserver.resize(330));
    expect(under.querySelectorAll('.plot-grid')).toHaveLength(1);
  });

  it('survives a draw that throws and marks the surface', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    act(() =>
      root.render(
        <PlotSurface
          ariaLabel="Broken"
          deps={[]}
          draw={() => {
            throw new Error('boom');
          }}
        />,
      ),
    );
    act(() => FakeResizeObserver.resize(300));
    expect(container.querySelector('[data-plot-surface]')!.getAttribute('data-plot-error')).toBe('boom');
    expect(err).toHaveBeenCalled();
    err.mockRestore();
  });
});
