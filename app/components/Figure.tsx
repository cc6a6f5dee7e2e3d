/**
 * <Figure>: the frame every live figure uses. Its root carries data-figure="<id>" and data-status, which the
 * browser tests and the crawler read. It shows the numbered caption, a progress bar for long runs, an error as
 * a sentence, notices about link values, and a toolbar: reset to defaults, the seed with a re-roll button, export
 * (SVG, PNG, CSV), full screen and the code behind the figure.
 */
import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import type { FigureParams } from '../state/figureParams.ts';
import { useFigureState } from '../state/figureParams.ts';
import { defaults, type Schema } from '../state/schema.ts';
import type { SimStatus } from '../sim/useSimulation.ts';
import type { CodeListing } from '../../compiler/highlightCode.ts';
import { CodePanel } from './CodePanel.tsx';

export interface FigureProps<S extends Schema> {
  /** The figure's id (also its URL prefix and data-figure). */
  params: FigureParams<S>;
  /** Filled in at build time from the chapter's `label="fig:..."`. */
  number?: string;
  anchor?: string;
  status: SimStatus;
  error?: string | null;
  progress?: number | null;
  /** True while the plot shows a simulation's quick preview and the full result is on its way (`useSimulation`). */
  preview?: boolean;
  /** The caption (MDX children of the figure element). */
  caption?: ReactNode;
  /** The plot area. */
  children: ReactNode;
  /** Sliders and other controls, shown beside or below the plot. */
  controls?: ReactNode;
  /** The figure's data as named columns, for "Export CSV". */
  csv?: () => Record<string, ArrayLike<number>>;
  /** Element holding the plot's svg/canvas layers, for SVG/PNG export. */
  plotRef?: RefObject<HTMLElement | null>;
  /** Root ref (for visibility). */
  rootRef?: RefObject<HTMLElement | null>;
  /** Engine listings behind the figure, shown in code panels. */
  code?: CodeListing[];
  /** Accessible summary of what the plot shows now (numbers a sighted reader reads off the picture). */
  summary?: string;
}

export function Figure<S extends Schema>(props: FigureProps<S>) {
  const { params, number, anchor, status, error, progress, preview, caption, children, controls, csv, plotRef, rootRef, code, summary } = props;
  const values = params.useValues();
  const notices = useFigureState(params, (s) => s.notices);
  const reset = useFigureState(params, (s) => s.reset);
  const set = useFigureState(params, (s) => s.set);
  const dismiss = useFigureState(params, (s) => s.dismissNotices);
  const isDefault = Object.entries(defaults(params.schema)).every(([k, v]) => (values as Record<string, number>)[k] === v);
  const hasSeed = 'seed' in params.schema;
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    const on = () => setFullscreen(document.fullscreenElement === rootRef?.current);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, [rootRef]);

  const name = params.id;
  const doExport = async (kind: 'svg' | 'png' | 'csv') => {
    const ex = await import('../plots/export.ts');
    if (kind === 'csv' && csv) ex.downloadText(`${name}.csv`, ex.toCsv(csv()), 'text/csv');
    else if (plotRef?.current && kind === 'svg') ex.downloadText(`${name}.svg`, ex.exportSvg(plotRef.current), 'image/svg+xml');
    else if (plotRef?.current && kind === 'png') ex.downloadBlob(`${name}.png`, await ex.exportPng(plotRef.current));
  };

  return (
    <figure
      className={`figure figure-${status}${preview ? ' figure-preview' : ''}`}
      id={anchor}
      data-figure={params.id}
      data-status={status}
      data-preview={preview ? 'true' : undefined}
      aria-busy={status === 'loading'}
      ref={rootRef as RefObject<HTMLElement & HTMLDivElement>}
    >
      {notices.length > 0 && (
        <div className="notice" role="status">
          <ul>
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <button type="button" className="notice-dismiss" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      <div className="figure-body">
        <div className="figure-plot">
          {children}
          {status === 'loading' && progress != null && (
            <div className="figure-progress" role="progressbar" aria-label="Computing" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
              <div style={{ width: `${Math.round(progress * 100)}%` }} />
            </div>
          )}
          {status === 'error' && error && (
            <p className="figure-error" role="alert">
              {error}
            </p>
          )}
          {summary && <p className="visually-hidden" aria-live="polite">{summary}</p>}
        </div>
        {controls && <div className="figure-controls">{controls}</div>}
      </div>
      <div className="figure-toolbar" role="toolbar" aria-label={`Figure ${number ?? ''} tools`}>
        <button type="button" onClick={reset} disabled={isDefault} title="Put every setting of this figure back to its default">
          Reset
        </button>
        {hasSeed && (
          <span className="figure-seed">
            seed <output>{(values as Record<string, number>).seed}</output>
            <button
              type="button"
              aria-label="New random seed"
              title="Draw new random numbers"
              onClick={() => set('seed' as keyof S & string, 1 + Math.floor(Math.random() * (params.schema.seed.max - 1)))}
            >
              ↻
            </button>
          </span>
        )}
        <span className="figure-export">
          {plotRef && (
            <>
              <button type="button" onClick={() => void doExport('svg')}>SVG</button>
              <button type="button" onClick={() => void doExport('png')}>PNG</button>
            </>
          )}
          {csv && <button type="button" onClick={() => void doExport('csv')}>CSV</button>}
        </span>
        {rootRef && (
          <button
            type="button"
            aria-pressed={fullscreen}
            onClick={() => (fullscreen ? document.exitFullscreen() : rootRef.current?.requestFullscreen?.())}
          >
            {fullscreen ? 'Exit full screen' : 'Full screen'}
          </button>
        )}
      </div>
      {(number || caption) && (
        <figcaption>
          {number && <span className="figure-number">Figure {number}.</span>} {caption}
        </figcaption>
      )}
      {code?.map((listing) => <CodePanel key={listing.symbol} listing={listing} />)}
    </figure>
  );
}
