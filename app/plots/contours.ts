/**
 * Contours: level sets of a grid (d3-contour, marching squares), as SVG paths in data coordinates. Lines over a
 * heatmap by default; filled bands with `fill`.
 */
import { contours as d3contours, geoPath, geoTransform, ticks } from 'd3';
import { assertGrid, type ColorScale, type GridData } from './grid.ts';
import { finiteExtent, type XYScales } from './scales.ts';
import { markGroup, type MarkGroup, type SvgTarget } from './svg.ts';
import { defaultPlotTheme, type PlotTheme } from './theme.ts';

/** Options for {@link drawContours}. */
export interface ContoursOptions {
  /** Levels: explicit values, or a count of nice levels across the finite extent. Default 8. */
  thresholds?: number | readonly number[];
  /** Fill each band with `color(level)` instead of stroking lines. Needs `color`. */
  fill?: boolean;
  /** Colour scale for filled bands (or for coloured lines with `colorLines`). */
  color?: ColorScale;
  /** Stroke each line in `color(level)` rather than `currentColor`. Default false. */
  colorLines?: boolean;
  /** Line opacity. Default 0.7. */
  opacity?: number;
  /** Theme for the stroke width. Default {@link defaultPlotTheme}. */
  theme?: PlotTheme;
  /** Screen-reader label. Default "Contours at N levels". */
  ariaLabel?: string;
}

/**
 * Contour levels for a grid: explicit ones as given, or nice round values strictly inside the finite extent.
 *
 * @param grid - the grid
 * @param thresholds - explicit levels or a desired count
 */
export function contourLevels(grid: GridData, thresholds: number | readonly number[] = 8): number[] {
  if (typeof thresholds !== 'number') return thresholds.filter(Number.isFinite);
  const ext = finiteExtent(grid.values);
  if (!ext || ext[0] === ext[1]) return [];
  return ticks(ext[0], ext[1], thresholds).filter((t) => t > ext[0] && t < ext[1]);
}

/**
 * Draws the contours of a grid: one `<path>` per level (with `data-level`).
 *
 * @param target - svg or g to draw into
 * @param grid - the grid (row 0 at the bottom)
 * @param scales - x and y scales
 * @param options - levels, fill, colours, aria label
 * @returns the contours' group
 */
export function drawContours(target: SvgTarget, grid: GridData, scales: XYScales, options: ContoursOptions = {}): MarkGroup {
  assertGrid(grid);
  const theme = options.theme ?? defaultPlotTheme;
  const { nx, ny } = grid;
  const levels = contourLevels(grid, options.thresholds);
  const g = markGroup(target, 'contours', options.ariaLabel ?? `Contours at ${levels.length} levels`);
  if (levels.length === 0) return g;
  // d3-contour works in grid units: (0,0) is the corner of cell 0 and (nx, ny) the far corner.
  const sx = (grid.x[1] - grid.x[0]) / nx;
  const sy = (grid.y[1] - grid.y[0]) / ny;
  const project = geoTransform({
    point(gx, gy) {
      this.stream.point(scales.x(grid.x[0] + gx * sx), scales.y(grid.y[0] + gy * sy));
    },
  });
  const path = geoPath(project).digits(2);
  // d3-contour only indexes `values`; it treats non-finite cells as below every level.
  const gen = d3contours().size([nx, ny]).thresholds(levels);
  const polys = gen(grid.values as number[]);
  const fill = options.fill && options.color;
  for (const poly of polys) {
    const p = g
      .append('path')
      .attr('d', path(poly) ?? '')
      .attr('data-level', poly.value);
    if (fill) {
      p.attr('fill', options.color!(poly.value)).attr('stroke', 'none');
    } else {
      p.attr('fill', 'none')
        .attr('stroke', options.colorLines && options.color ? options.color(poly.value) : 'currentColor')
        .attr('stroke-width', Math.max(0.75, theme.strokeWidth * 0.6))
        .attr('stroke-opacity', options.opacity ?? 0.7)
        .attr('stroke-linejoin', 'round');
    }
  }
  return g;
}
