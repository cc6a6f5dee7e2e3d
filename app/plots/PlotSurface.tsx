/**
 * <PlotSurface>: the one React component between figures and the d3 primitives. It measures its container's width,
 * derives the height from an aspect ratio (or takes a fixed one), stacks an `<svg>` over an optional hi-DPI
 * `<canvas>` (over an underlay svg that receives the grid), and calls `draw(svg, ctx, size, theme)` whenever the data (`deps`), the size, the device pixel ratio or
 * the theme change. It reserves its height with CSS before the first measure, so the page does not jump.
 *
 * ```tsx
 * <PlotSurface aspect={0.6} canvas ariaLabel="Sample paths" deps={[result]}
 *   draw={(svg, ctx, size, theme) => {
 *     const f = frame(size, { theme, xLabel: 't' });
 *     const s = plotScales(f, [0, T], [lo, hi]);
 *     drawAxes(svg, s, f, { theme, xLabel: 't' });
 *     if (ctx && result) drawCanvasPaths(ctx, result, s, theme, { clip: f });
 *   }} />
 * ```
 */
import { useContext, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type CSSProperties, type Ref, type RefObject } from 'react';
import { select, type Selection } from 'd3';
import { prepareCanvas } from './canvas.ts';
import type { PlotSize } from './frame.ts';
import { setupSvg } from './svg.ts';
import { defaultPlotTheme, readPlotTheme, type PlotTheme } from './theme.ts';
import { PrerenderContext } from '../figure/prerendered.ts';

/** Size handed to `draw`: CSS px, plus the device pixel ratio the canvas was prepared for. */
export interface SurfaceSize extends PlotSize {
  /** Device pixel ratio of the canvas backing store. */
  dpr: number;
}

/** The root svg selection handed to `draw` (already emptied and sized). */
export type SurfaceSvg = Selection<SVGSVGElement, unknown, null, undefined>;

/**
 * The drawing callback. The svg is emptied and the canvas cleared before each call, so `draw` draws everything
 * from scratch; it must not keep references to old nodes. With a canvas layer, grid lines (`.plot-grid`, drawn by
 * `drawAxes`) are moved afterwards to an svg under the canvas, so they lie beneath canvas marks too.
 */
export type DrawFn = (svg: SurfaceSvg, ctx: CanvasRenderingContext2D | null, size: SurfaceSize, theme: PlotTheme) => void;

/** Imperative handle (via `ref`): the layers, for export or hit-testing, and a forced redraw. */
export interface PlotSurfaceHandle {
  /** The container div (`[data-plot-surface]`). */
  container: HTMLDivElement | null;
  /** The svg layer. */
  svg: SVGSVGElement | null;
  /** The canvas layer, when `canvas` is set. */
  canvas: HTMLCanvasElement | null;
  /** Calls `draw` again now. */
  redraw(): void;
}

/** Props of {@link PlotSurface}. */
export interface PlotSurfaceProps {
  /** Draws the figure; see {@link DrawFn}. Its identity does not matter when `deps` is given. */
  draw: DrawFn;
  /** Redraw when any of these change (compared with `Object.is`). Without `deps`, every render redraws. */
  deps?: readonly unknown[];
  /** Height as a fraction of the width. Default 0.62. Ignored when `height` is set; with `fill`, only the proportions of the picture drawn at build time. */
  aspect?: number;
  /** Fixed height in CSS px. */
  height?: number;
  /**
   * Fill the parent's box: width and height are both measured (the figure's stage sizes panels this way on a
   * projector or in full screen, where the plots share the space left by the controls). Overrides aspect and height.
   */
  fill?: boolean;
  /** Add a canvas layer under the svg (for many paths, particles, large heatmaps). Default false. */
  canvas?: boolean;
  /** What the figure shows, for screen readers (the svg's `aria-label`). */
  ariaLabel: string;
  /** Extra class on the container. */
  className?: string;
  /** Extra style on the container (e.g. a `maxWidth`). */
  style?: CSSProperties;
  /** Imperative handle: layers and `redraw()`. */
  ref?: Ref<PlotSurfaceHandle>;
}

/** Width and height of an element, kept up to date by a ResizeObserver (window resize where there is none). */
export function useElementSize(ref: RefObject<HTMLElement | null>): PlotSize {
  const [size, setSize] = useState<PlotSize>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const set = (w: number, h: number) => {
      const next = { width: Math.max(0, Math.floor(w)), height: Math.max(0, Math.floor(h)) };
      setSize((prev) => (prev.width === next.width && prev.height === next.height ? prev : next));
    };
    const box = el.getBoundingClientRect();
    set(box.width, box.height);
    if (typeof ResizeObserver === 'undefined') {
      const onResize = () => {
        const b = el.getBoundingClientRect();
        set(b.width, b.height);
      };
      window.addEventListener('resize', onResize);
      return () => window.removeEventListener('resize', onResize);
    }
    const ro = new ResizeObserver((entries) => {
      const e = entries[entries.length - 1];
      if (e) set(e.contentRect.width, e.contentRect.height);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

function sameTheme(a: PlotTheme, b: PlotTheme): boolean {
  return (
    a.fg === b.fg &&
    a.grid === b.grid &&
    a.muted === b.muted &&
    a.band === b.band &&
    a.background === b.background &&
    a.strokeWidth === b.strokeWidth &&
    a.fontSize === b.fontSize &&
    a.fontFamily === b.fontFamily &&
    a.series.length === b.series.length &&
    a.series.every((c, i) => c === b.series[i])
  );
}

/**
 * The plot theme in effect at an element, re-read when `<html>`'s `data-theme` (or class/style) changes.
 */
export function usePlotTheme(ref: RefObject<Element | null>): PlotTheme {
  const [theme, setTheme] = useState<PlotTheme>(defaultPlotTheme);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const next = readPlotTheme(el);
      setTheme((prev) => (sameTheme(prev, next) ? prev : next));
    };
    read();
    if (typeof MutationObserver === 'undefined') return;
    const mo = new MutationObserver(read);
    mo.observe(el.ownerDocument.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => mo.disconnect();
  }, [ref]);
  return theme;
}

/** `window.devicePixelRatio`, updated when it changes (browser zoom, moving to another screen). */
function useDevicePixelRatio(): number {
  const read = () => (typeof window !== 'undefined' && window.devicePixelRatio) || 1;
  const [dpr, setDpr] = useState(read);
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(`(resolution: ${dpr}dppx)`);
    const on = () => setDpr(read());
    mq.addEventListener?.('change', on);
    return () => mq.removeEventListener?.('change', on);
  }, [dpr]);
  return dpr;
}

/** Moves every `.plot-grid` group of `svg` into `under`, keeping the transforms of its ancestors. */
function moveGridsUnder(svg: SVGSVGElement, under: SVGSVGElement): void {
  for (const grid of Array.from(svg.querySelectorAll('.plot-grid'))) {
    const transforms: string[] = [];
    for (let a = grid.parentElement; a && a !== (svg as Element); a = a.parentElement) {
      const t = a.getAttribute('transform');
      if (t) transforms.unshift(t);
    }
    if (transforms.length) {
      const wrap = under.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'g');
      wrap.setAttribute('transform', transforms.join(' '));
      wrap.appendChild(grid);
      under.appendChild(wrap);
    } else under.appendChild(grid);
  }
}

/** A counter that moves when `deps` change (shallowly), or on every render without deps. */
function useDepsVersion(deps: readonly unknown[] | undefined): number {
  const state = useRef<{ deps: readonly unknown[] | undefined; version: number }>({ deps: undefined, version: 0 });
  const prev = state.current;
  const same = deps !== undefined && prev.deps !== undefined && deps.length === prev.deps.length && deps.every((d, i) => Object.is(d, prev.deps![i]));
  if (!same) state.current = { deps, version: prev.version + 1 };
  return state.current.version;
}

/**
 * An svg layer over an optional canvas layer, sized to the container's width; see the module comment.
 */
export function PlotSurface({ draw, deps, aspect = 0.62, height, fill = false, canvas = false, ariaLabel, className, style, ref }: PlotSurfaceProps) {
  const boxRef = useRef<HTMLDivElement | null>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const underRef = useRef<SVGSVGElement | null>(null);
  const measured = useElementSize(boxRef);
  const width = measured.width;
  const theme = usePlotTheme(boxRef);
  const dpr = useDevicePixelRatio();
  const version = useDepsVersion(deps);
  const drawRef = useRef(draw);
  const [failed, setFailed] = useState<string | null>(null);
  // On a page being prerendered: the picture drawn now, as SVG (the browser draws it again live).
  const prerender = useContext(PrerenderContext);
  const picture = prerender ? prerender.draw(draw, canvas, height !== undefined && !fill ? height / 560 : aspect, ariaLabel) : null;
  useLayoutEffect(() => {
    drawRef.current = draw;
  });

  const plotHeight = fill ? measured.height : (height ?? Math.round(width * aspect));

  const render = () => {
    const svgEl = svgRef.current;
    if (!svgEl || width <= 0 || plotHeight <= 0) return;
    const size: SurfaceSize = { width, height: plotHeight, dpr };
    const svg = select(svgEl);
    svg.selectChildren().remove();
    setupSvg(svg, size, { ariaLabel, theme });
    const under = underRef.current;
    if (under) {
      select(under).selectChildren().remove();
      setupSvg(under, size, { theme });
      select(under).attr('role', null).attr('aria-label', null).attr('aria-hidden', 'true');
    }
    const ctx = canvas && canvasRef.current ? prepareCanvas(canvasRef.current, size, dpr) : null;
    try {
      drawRef.current(svg, ctx, size, theme);
      if (under) moveGridsUnder(svgEl, under);
      setFailed(null);
    } catch (err) {
      // A drawing bug must not take the chapter down with it: log it and mark the surface for tests.
      console.error('PlotSurface: draw failed', err);
      setFailed(err instanceof Error ? err.message : String(err));
    }
  };

  useLayoutEffect(render, [width, plotHeight, dpr, theme, version, canvas, ariaLabel]);

  useImperativeHandle(ref, () => ({
    get container() {
      return boxRef.current;
    },
    get svg() {
      return svgRef.current;
    },
    get canvas() {
      return canvasRef.current;
    },
    redraw: render,
  }));

  const boxStyle: CSSProperties = {
    position: 'relative',
    width: '100%',
    ...(fill ? { height: '100%' } : height !== undefined ? { height } : { aspectRatio: `1 / ${aspect}` }),
    ...style,
  };
  const layer: CSSProperties = { position: 'absolute', left: 0, top: 0, display: 'block' };
  return (
    <div
      ref={boxRef}
      className={className ? `plot-surface ${className}` : 'plot-surface'}
      data-plot-surface=""
      data-plot-error={failed ?? undefined}
      style={boxStyle}
    >
      {canvas && <svg ref={underRef} className="plot-underlay" aria-hidden="true" style={layer} />}
      {canvas && <canvas ref={canvasRef} aria-hidden="true" style={layer} />}
      {picture !== null ? (
        <svg
          role="img"
          aria-label={ariaLabel}
          style={{ ...layer, width: '100%', height: '100%', overflow: 'visible' }}
          dangerouslySetInnerHTML={{ __html: picture }}
        />
      ) : (
        <svg ref={svgRef} role="img" aria-label={ariaLabel} style={{ ...layer, overflow: 'visible' }} />
      )}
    </div>
  );
}
