/**
 * The frame every live figure stands in. Its root carries data-figure="<id>", data-status and data-stage, which the
 * browser tests and the crawler read. It shows the numbered caption, the stage of plot panels, a progress bar for
 * long runs, an error as a sentence, notices about link values, the controls generated from the schema, the readouts,
 * and a toolbar: reset to defaults, the seed with a re-roll button, export (SVG, PNG, CSV), full screen and the code
 * behind the figure. The frame, not the figure, owns the layout (see Stage and useStageMode).
 */
import { PrintLink } from './PrintLink.tsx';
import { useContext, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { CodeListing } from '../../compiler/highlightCode.ts';
import { CodePanel } from '../components/CodePanel.tsx';
import { Controls } from '../components/Slider.tsx';
import type { SimStatus } from '../sim/useSimulation.ts';
import type { FigureParams } from '../state/figureParams.ts';
import { useFigureState } from '../state/figureParams.ts';
import { defaults, type Schema } from '../state/schema.ts';
import { Readouts, readoutText } from './Readouts.tsx';
import { Stage } from './Stage.tsx';
import type { FigureView } from './types.ts';
import { PrerenderContext, takePrerenderedPicture } from './prerendered.ts';
import { useIsFullscreen, useStageMode } from './useStageMode.ts';

export interface FigureFrameProps<S extends Schema> {
  params: FigureParams<S>;
  /** Filled in at build time from the chapter's `label="fig:..."`. */
  number?: string;
  anchor?: string;
  /** The caption (the MDX body of the figure element). */
  caption?: ReactNode;
  status: SimStatus;
  error: string | null;
  progress: number | null;
  preview: boolean;
  view: FigureView;
  code?: readonly CodeListing[];
  rootRef: RefObject<HTMLElement | null>;
  plotRef: RefObject<HTMLDivElement | null>;
  /** Drawn at build time with its default result (marks the figure for the page's live render). */
  prerendered?: boolean;
  /** Whether the view was given a result (until then a prerendered picture of the figure stands in). */
  hasResult?: boolean;
  /**
   * The prerendered `<figure>` element the live figure renders into (a prerendered page): the page keeps one element
   * per figure, so the place a link points to, and whatever holds the element, see it come alive.
   */
  host?: HTMLElement;
}

/** The figure element's attributes, by their DOM names. */
type FigureAttributes = Record<'class' | 'id' | 'data-figure' | 'data-status' | 'data-stage' | 'data-preview' | 'data-prerendered', string | undefined> & {
  'aria-busy': 'true' | 'false';
};

/** Keeps a host element's attributes as a rendered `<figure>` would have them. */
function useHostAttributes(host: HTMLElement | undefined, attributes: FigureAttributes): void {
  useLayoutEffect(() => {
    if (!host) return;
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined) host.removeAttribute(name);
      else if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    }
  });
}

export function FigureFrame<S extends Schema>(props: FigureFrameProps<S>) {
  const { params, number, anchor, caption, status, error, progress, preview, view, code, rootRef, plotRef, prerendered, hasResult, host } = props;
  // Drawn at build time, the figure is a picture until it comes alive: 'static', so that whoever waits for 'ready'
  // waits for the live figure.
  const drawnAtBuild = useContext(PrerenderContext) !== null;
  // The prerendered picture (plots, readouts, notices) stays until the first result or error, so nothing moves.
  const [picture] = useState(() => takePrerenderedPicture(params.id));
  const answered = useRef(false);
  if (hasResult || status === 'error') answered.current = true;
  const standIn = picture !== undefined && !answered.current;
  const values = params.useValues() as Record<string, number>;
  const notices = useFigureState(params, (s) => s.notices);
  const reset = useFigureState(params, (s) => s.reset);
  const set = useFigureState(params, (s) => s.set);
  const dismiss = useFigureState(params, (s) => s.dismissNotices);
  const mode = useStageMode(rootRef);
  const fullscreen = useIsFullscreen(rootRef);
  const isDefault = Object.entries(defaults(params.schema)).every(([k, v]) => values[k] === v);
  const hasSeed = 'seed' in params.schema;
  const readouts = view.readouts ?? [];
  const summary = [readoutText(readouts), view.notice ?? ''].filter(Boolean).join(' ');

  const doExport = async (kind: 'svg' | 'png' | 'csv') => {
    const ex = await import('../plots/export.ts');
    const name = params.id;
    if (kind === 'csv' && view.csv) ex.downloadText(`${name}.csv`, ex.toCsv(view.csv()), 'text/csv');
    else if (plotRef.current && kind === 'svg') ex.downloadText(`${name}.svg`, ex.exportSvg(plotRef.current), 'image/svg+xml');
    else if (plotRef.current && kind === 'png') ex.downloadBlob(`${name}.png`, await ex.exportPng(plotRef.current));
  };

  const attributes: FigureAttributes = {
    class: `figure figure-${status}${preview ? ' figure-preview' : ''}`,
    id: anchor,
    'data-figure': params.id,
    'data-status': drawnAtBuild ? 'static' : status,
    'data-stage': mode,
    'data-preview': preview ? 'true' : undefined,
    'data-prerendered': prerendered ? '' : undefined,
    'aria-busy': status === 'loading' && !drawnAtBuild ? 'true' : 'false',
  };
  useHostAttributes(host, attributes);

  const contents = (
    <>
      {(number || caption) && (
        <figcaption>
          {number && <span className="figure-number">Figure {number}.</span>} {caption}
        </figcaption>
      )}
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
        {standIn ? (
          <div className="figure-main" dangerouslySetInnerHTML={{ __html: picture }} />
        ) : (
          <div className="figure-main">
            <div className="figure-plot">
              <Stage panels={view.panels} mode={mode} plotRef={plotRef} />
              {status === 'loading' && progress != null && (
                <div
                  className="figure-progress"
                  role="progressbar"
                  aria-label="Computing"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(progress * 100)}
                >
                  <div style={{ width: `${Math.round(progress * 100)}%` }} />
                </div>
              )}
              {status === 'error' && error && (
                <p className="figure-error" role="alert">
                  {error}
                </p>
              )}
              {view.playback}
            </div>
            {view.notice && (
              <p className="figure-notice" role="status">
                {view.notice}
              </p>
            )}
            <Readouts readouts={readouts} fold={mode === 'stage'} />
            {summary && (
              <p className="visually-hidden" aria-live="polite">
                {summary}
              </p>
            )}
          </div>
        )}
        <div className="figure-side">
          <Controls params={params} names={view.controlKeys as (keyof S & string)[] | undefined} />
          {view.actions && <div className="figure-actions">{view.actions}</div>}
          <div className="figure-toolbar" role="toolbar" aria-label={`Figure ${number ?? ''} tools`}>
            <button type="button" onClick={reset} disabled={isDefault} title="Put every setting of this figure back to its default">
              Reset
            </button>
            {hasSeed && (
              <span className="figure-seed">
                seed <output>{values.seed}</output>
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
              <button type="button" onClick={() => void doExport('svg')}>
                SVG
              </button>
              <button type="button" onClick={() => void doExport('png')}>
                PNG
              </button>
              {view.csv && (
                <button type="button" onClick={() => void doExport('csv')}>
                  CSV
                </button>
              )}
            </span>
            <button type="button" aria-pressed={fullscreen} onClick={() => (fullscreen ? document.exitFullscreen() : rootRef.current?.requestFullscreen?.())}>
              {fullscreen ? 'Exit full screen' : 'Full screen'}
            </button>
          </div>
        </div>
      </div>
      <PrintLink anchor={anchor} />
      {code?.map((listing) => (
        <CodePanel key={listing.symbol} listing={listing} />
      ))}
    </>
  );
  if (host) return contents;
  const { class: className, ...rest } = attributes;
  return (
    <figure className={className} {...rest} ref={rootRef as RefObject<HTMLElement & HTMLDivElement>}>
      {contents}
    </figure>
  );
}
