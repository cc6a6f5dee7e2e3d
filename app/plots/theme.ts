/**
 * The plot theme: the CSS variables of `app/styles/theme.css` that figures use.
 *
 * SVG marks never read this for colours: they write `var(--plot-N, fallback)` or `currentColor`, so they re-theme
 * without a redraw. Canvas cannot resolve CSS variables, so canvas primitives take a {@link PlotTheme} read with
 * {@link readPlotTheme}; `PlotSurface` re-reads it and redraws when `data-theme` changes. Sizes (font, stroke) are
 * numbers used for layout, so SVG primitives take the theme too, for those.
 */

/** Resolved plot colours and sizes for one theme. */
export interface PlotTheme {
  /** Foreground: axes, tick labels, text (`--plot-fg`). */
  fg: string;
  /** Grid lines (`--plot-grid`). */
  grid: string;
  /** Secondary marks: many background paths, de-emphasised text (`--plot-muted`). */
  muted: string;
  /** Series colours 1..6 (`--plot-1` .. `--plot-6`), index 0 is `--plot-1`. */
  series: readonly string[];
  /** Translucent fill for quantile bands (`--plot-band`). */
  band: string;
  /** Page background behind the figure (`--bg`), used when exporting a PNG. */
  background: string;
  /** Line width in CSS px (`--plot-stroke`). */
  strokeWidth: number;
  /** Tick-label font size in CSS px (`--plot-font`). */
  fontSize: number;
  /** Font family for labels (`--font-ui`). */
  fontFamily: string;
}

/** The light theme's values, as in `theme.css`: used in tests and wherever no stylesheet is loaded. */
export const defaultPlotTheme: PlotTheme = Object.freeze({
  fg: '#2b2b30',
  grid: '#e4e1d8',
  muted: '#8a8a93',
  series: Object.freeze(['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9']),
  band: 'rgba(0, 114, 178, 0.18)',
  background: '#fdfcf9',
  strokeWidth: 1.5,
  fontSize: 12,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

/** Number of series colours the theme defines. */
const SERIES_COUNT = 6;

/**
 * The value of CSS custom property `name` in effect at `el`, or "" when none is set. Browsers inherit custom
 * properties, so the first lookup answers; engines that do not (jsdom) are handled by walking up the ancestors.
 *
 * @param el - the element whose cascade applies
 * @param name - the property, e.g. `--plot-1`
 */
export function cssCustomProperty(el: Element, name: string): string {
  const view = el.ownerDocument?.defaultView;
  if (!view) return '';
  for (let node: Element | null = el; node; node = node.parentElement) {
    const v = view.getComputedStyle(node).getPropertyValue(name).trim();
    if (v) return v;
  }
  return '';
}

/**
 * Reads the plot theme from the CSS variables in effect on `el` (custom properties inherit, so any element inside
 * the themed document works). Variables that are missing fall back to {@link defaultPlotTheme}.
 *
 * @param el - an element in the themed document (usually the figure's container)
 */
export function readPlotTheme(el: Element): PlotTheme {
  if (!el.ownerDocument?.defaultView) return defaultPlotTheme;
  const get = (name: string, fallback: string): string => cssCustomProperty(el, name) || fallback;
  const num = (name: string, fallback: number): number => {
    const v = Number.parseFloat(cssCustomProperty(el, name));
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  const d = defaultPlotTheme;
  return {
    fg: get('--plot-fg', d.fg),
    grid: get('--plot-grid', d.grid),
    muted: get('--plot-muted', d.muted),
    series: d.series.map((c, i) => get(`--plot-${i + 1}`, c)),
    band: get('--plot-band', d.band),
    background: get('--bg', d.background),
    strokeWidth: num('--plot-stroke', d.strokeWidth),
    fontSize: num('--plot-font', d.fontSize),
    fontFamily: get('--font-ui', d.fontFamily),
  };
}

/**
 * CSS colour for series `i` (0-based, wraps after 6) for use in SVG: `var(--plot-N, <light fallback>)`, so the mark
 * follows the theme and still has a colour where no stylesheet is loaded.
 */
export function seriesColor(i: number): string {
  const k = ((Math.trunc(i) % SERIES_COUNT) + SERIES_COUNT) % SERIES_COUNT;
  return `var(--plot-${k + 1}, ${defaultPlotTheme.series[k]})`;
}

/** CSS colours (variables with fallbacks) for the non-series roles, for use in SVG. */
export const themeColor = Object.freeze({
  /** Foreground (`--plot-fg`). */
  fg: `var(--plot-fg, ${defaultPlotTheme.fg})`,
  /** Grid (`--plot-grid`). */
  grid: `var(--plot-grid, ${defaultPlotTheme.grid})`,
  /** Muted (`--plot-muted`). */
  muted: `var(--plot-muted, ${defaultPlotTheme.muted})`,
  /** Band fill (`--plot-band`). */
  band: `var(--plot-band, ${defaultPlotTheme.band})`,
  /** Page background (`--bg`). */
  background: `var(--bg, ${defaultPlotTheme.background})`,
});

/**
 * Canvas colour for series `i` (0-based, wraps) from a resolved theme.
 */
export function themeSeries(theme: PlotTheme, i: number): string {
  const n = theme.series.length;
  return theme.series[((Math.trunc(i) % n) + n) % n];
}
