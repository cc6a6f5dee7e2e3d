/**
 * Whole-figure snapshots (imported only by tests): runs a figure's declaration the way the page does, with the
 * worker task run in-process to its end, renders its view's panels at a fixed size, and prints them as one
 * normalised SVG document (see normalizeSvg: numbers rounded, attributes sorted). Canvas marks are recorded by a
 * mock context and summarised (call counts and a rounded checksum of their arguments), and the readouts are printed
 * as text, so that a refactor which changes a picture or a number changes the snapshot.
 */
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { select } from 'd3';
import { defaultPlotTheme } from '../plots/theme.ts';
import { mockContext, normalizeSvg, type Call } from '../plots/testing.ts';
import { defaults, type Schema, type Values } from '../state/schema.ts';
import type { FigureComponent } from './defineFigure.tsx';
import { readoutText } from './Readouts.tsx';
import { computeFigure } from './computeInProcess.ts';
import type { FigureView, ViewContext } from './types.ts';

/** Width of every panel in a snapshot; height is width × the panel's aspect. */
const SNAPSHOT_WIDTH = 560;

/** The counts of each recorded canvas call and a checksum of their numeric arguments (rounded to 0.01 px). */
function canvasDigest(calls: readonly Call[]): string {
  const counts = new Map<string, number>();
  let sum = 0;
  for (const [name, ...args] of calls) {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    for (const a of args) if (typeof a === 'number' && Number.isFinite(a)) sum = (sum + Math.round(a * 100) * 31) % 1_000_000_007;
  }
  const list = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, c]) => `${n}×${c}`);
  return `${list.join(' ')} checksum ${sum}`;
}

/** Renders a hook once in jsdom and returns what it returned. */
function renderHook<T>(hook: () => T): T {
  let out: { value: T } | null = null;
  function Probe() {
    out = { value: hook() };
    return null;
  }
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() => root.render(<Probe />));
  act(() => root.unmount());
  if (!out) throw new Error('the hook did not render');
  return (out as { value: T }).value;
}

/** Renders a view hook once in jsdom and returns what it returned. */
function renderView<S extends Schema>(useView: (ctx: ViewContext<S, unknown, unknown>) => FigureView, ctx: ViewContext<S, unknown, unknown>): FigureView {
  return renderHook(() => useView(ctx));
}

/** Renders a node (a panel's `content`) and returns its element. */
function renderNode(node: ReactNode): Element {
  const host = document.createElement('div');
  act(() => createRoot(host).render(<>{node}</>));
  return host;
}

/**
 * The snapshot text of a figure at its default values (or `values`). Needs jsdom and a 2-D context mock; the task
 * runs synchronously, so keep defaults cheap or pass smaller values.
 */
export function figureSnapshot<S extends Schema>(figure: FigureComponent<S>, values: Values<S> = defaults(figure.declaration.schema)): string {
  const decl = figure.declaration;
  // A figure that computes only on a button (useEnabled) is drawn as a reader first sees it: not yet run.
  const useEnabled = 'compute' in decl ? undefined : decl.useEnabled;
  const enabled = useEnabled ? renderHook(() => useEnabled(values)) : true;
  const computed = enabled ? computeFigure(decl, values) : null;
  const ctx: ViewContext<S, unknown, unknown> = {
    values,
    shown: computed && { result: computed.result, values, request: computed.request },
    set: () => {},
    status: 'ready',
    preview: false,
    inView: false,
    params: figure.params,
  };
  const view = renderView(decl.useView as (c: ViewContext<S, unknown, unknown>) => FigureView, ctx);
  const parts: string[] = [];
  let y = 0;
  for (const panel of view.panels) {
    const width = SNAPSHOT_WIDTH;
    const height = Math.round(width * (panel.aspect ?? 0.62));
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('x', '0');
    svg.setAttribute('y', String(y));
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('data-panel', panel.key);
    const { ctx: canvas, calls } = mockContext();
    if (panel.draw) panel.draw(select(svg), panel.canvas ? canvas : null, { width, height, dpr: 1 }, defaultPlotTheme);
    else if (panel.content) svg.appendChild(renderNode(panel.content));
    if (calls.length) {
      const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
      desc.textContent = `canvas: ${canvasDigest(calls)}`;
      svg.appendChild(desc);
    }
    parts.push(normalizeSvg(svg));
    y += height;
  }
  const text = [readoutText(view.readouts ?? []), view.notice ?? ''].filter(Boolean).join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SNAPSHOT_WIDTH}" height="${y}" data-figure="${decl.id}">`,
    `<desc>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</desc>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
