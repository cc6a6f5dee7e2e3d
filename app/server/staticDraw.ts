/**
 * Plot panels drawn at build time, for prerendered pages: the panel's draw function runs against an SVG element of
 * a server-side DOM (jsdom), at a fixed width, and its markup goes into the page. Marks a panel draws on its canvas
 * layer (bundles of many paths, particles, heatmaps) have no canvas here and are left out: the picture keeps the
 * axes, the exact curves, bands and histograms, and the live figure draws everything once it runs.
 */
import { JSDOM } from 'jsdom';
import { select } from 'd3';
import type { DrawFn } from '../plots/PlotSurface.tsx';
import { setupSvg } from '../plots/svg.ts';
import { defaultPlotTheme } from '../plots/theme.ts';
import { compactPolylines } from './compactPath.ts';

/** The width a picture is drawn at (it scales to its box). */
const WIDTH = 560;

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

/** The inside of the panel's svg, or null when its drawing needs a browser (it threw). */
export function drawStatic(draw: DrawFn, _canvas: boolean, aspect: number, ariaLabel: string): string | null {
  const width = WIDTH;
  const height = Math.round(WIDTH * aspect);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  setupSvg(svg as unknown as SVGSVGElement, { width, height }, { ariaLabel, theme: defaultPlotTheme });
  try {
    draw(select(svg as unknown as SVGSVGElement), null, { width, height, dpr: 1 }, defaultPlotTheme);
  } catch {
    return null;
  }
  // The picture is a stand-in, redrawn by the live figure: its curves need no more than a tenth of a pixel.
  compactPolylines(svg);
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" height="100%" preserveAspectRatio="xMidYMid meet">${svg.innerHTML}</svg>`;
}
