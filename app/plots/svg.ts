/**
 * SVG plumbing shared by the SVG primitives: where a mark is drawn (`SvgTarget`), its accessible group, and the
 * root `<svg>` set-up. Kept apart so that no primitive repeats it.
 */
import { select, type BaseType, type Selection } from 'd3';
import { defaultPlotTheme, themeColor, type PlotTheme } from './theme.ts';
import type { PlotSize } from './frame.ts';

/** A d3 selection of one svg or g element (what `PlotSurface` hands to `draw`, or what a primitive returns). */
type SvgSelection = Selection<SVGSVGElement, unknown, BaseType, unknown> | Selection<SVGGElement, unknown, BaseType, unknown>;

/** Where an SVG primitive draws: an `<svg>` or `<g>` element, or a d3 selection of one. */
export type SvgTarget = SVGSVGElement | SVGGElement | SvgSelection;

/** A selection of the `<g>` a primitive created. */
export type MarkGroup = Selection<SVGGElement, unknown, null, undefined>;

/** The element behind a target. */
function targetElement(target: SvgTarget): SVGSVGElement | SVGGElement {
  if ('node' in target && typeof target.node === 'function') {
    const node = target.node();
    if (!node) throw new Error('plots: the svg target selection is empty; pass a selection of one <svg> or <g>.');
    return node;
  }
  return target as SVGSVGElement | SVGGElement;
}

/**
 * Appends the group a mark draws into: `<g class="plot-<kind>" role="img" aria-label="...">`.
 *
 * @param target - where to append
 * @param kind - the mark kind, used in the class name (`line`, `band`, ...)
 * @param ariaLabel - what a screen reader announces for this mark
 */
export function markGroup(target: SvgTarget, kind: string, ariaLabel: string): MarkGroup {
  return select(targetElement(target)).append('g').attr('class', `plot-${kind}`).attr('role', 'img').attr('aria-label', ariaLabel);
}

/** Options for {@link setupSvg}. */
export interface SvgRootOptions {
  /** What the whole figure shows, for screen readers. Default "Plot". */
  ariaLabel?: string;
  /** Theme for the label font size. Default {@link defaultPlotTheme}. */
  theme?: PlotTheme;
}

/**
 * Sets up a root `<svg>`: size, viewBox, `role="img"`, aria label, `color` from `--plot-fg` (so axes in
 * `currentColor` follow the theme), font family and tick-label font size. Does not clear it.
 *
 * @param svg - the svg element or a selection of it
 * @param size - outer size in CSS px
 * @param options - aria label and theme
 */
export function setupSvg(svg: SVGSVGElement | Selection<SVGSVGElement, unknown, null, undefined>, size: PlotSize, options: SvgRootOptions = {}): void {
  const theme = options.theme ?? defaultPlotTheme;
  const el = 'node' in svg && typeof svg.node === 'function' ? svg.node() : (svg as SVGSVGElement);
  if (!el) return;
  select(el)
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', size.width)
    .attr('height', size.height)
    .attr('viewBox', `0 0 ${size.width} ${size.height}`)
    .attr('role', 'img')
    .attr('aria-label', options.ariaLabel ?? 'Plot')
    .attr('font-size', theme.fontSize)
    .style('font-family', `var(--font-ui, ${defaultPlotTheme.fontFamily})`)
    .style('color', themeColor.fg);
}

/** Rounds a px coordinate to 2 decimals: keeps attribute strings short and snapshots stable. */
export function px(v: number): number {
  return Math.round(v * 100) / 100;
}
