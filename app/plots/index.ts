/**
 * d3 plot primitives for the book's figures. Each mark is a plain function of (target, data, scales, options) in
 * its own module; SVG marks colour themselves with `var(--plot-N)` / `currentColor`, canvas marks take a resolved
 * {@link PlotTheme}. `PlotSurface` hosts them in React; `export.ts` (loaded on demand) saves SVG, PNG and CSV.
 *
 * Typical draw callback:
 * ```ts
 * const f = frame(size, { theme, xLabel: 't', yDomain });
 * const s = plotScales(f, [0, T], yDomain);
 * drawAxes(svg, s, f, { theme, xLabel: 't' });
 * drawBand(svg, { x: t, lower: q05, upper: q95 }, s);
 * if (ctx) drawCanvasPaths(ctx, { t, values: paths }, s, theme, { highlight: [0], clip: f });
 * drawLine(svg, { x: t, y: mean }, s, { theme, dash: '6 4' });
 * ```
 */
export * from './theme.ts';
export * from './format.ts';
export * from './scales.ts';
export * from './ticks.ts';
export * from './frame.ts';
export * from './svg.ts';
export * from './canvas.ts';
export * from './axes.ts';
export * from './line.ts';
export * from './band.ts';
export * from './canvasPaths.ts';
export * from './histogram.ts';
export * from './grid.ts';
export * from './heatmap.ts';
export * from './contours.ts';
export * from './colorLegend.ts';
export * from './legend.ts';
export * from './particles.ts';
export * from './vectorField.ts';
export * from './PlotSurface.tsx';
