/**
 * The stage: lays out a figure's plot panels for the screen it is on (see useStageMode). Every panel's box gets its
 * size from CSS (app/styles/figure.css), and the PlotSurface inside fills it, so one set of panels serves a desk, a
 * phone and a projector:
 * - reading: panels in a grid (two columns when there are two or more; wide panels span), each at its aspect;
 * - phone: one panel at a time behind tabs, pinned under the top bar while the controls below it scroll;
 * - stage: the panels share the height left by the caption and the readouts (rows in proportion to their reading
 *   heights), nothing to scroll.
 */
import { useId, useState, type CSSProperties, type Ref } from 'react';
import { Legend } from '../components/Legend.tsx';
import { PlotSurface } from '../plots/PlotSurface.tsx';
import type { StageMode } from './useStageMode.ts';
import type { Panel } from './types.ts';

function PanelView({ panel, hidden, id, labelledBy }: { panel: Panel; hidden: boolean; id?: string; labelledBy?: string }) {
  const style = { '--aspect': panel.aspect ?? 0.62 } as CSSProperties;
  return (
    <div
      className={panel.wide ? 'stage-panel stage-panel-wide' : 'stage-panel'}
      data-panel={panel.key}
      hidden={hidden}
      id={id}
      role={labelledBy ? 'tabpanel' : undefined}
      aria-labelledby={labelledBy}
      style={style}
    >
      {panel.legend && <Legend items={panel.legend} />}
      <div className="stage-box">
        {panel.draw && <PlotSurface fill aspect={panel.aspect} canvas={panel.canvas} ariaLabel={panel.ariaLabel} deps={panel.deps} draw={panel.draw} />}
        {panel.content}
      </div>
    </div>
  );
}

/** How many columns the panels take when reading: two when two or more panels are not wide. */
function columnsFor(panels: readonly Panel[]): number {
  return panels.filter((p) => !p.wide).length >= 2 ? 2 : 1;
}

/**
 * The grid's columns: two panels side by side share the width by their weights, the lighter one never narrower
 * than a readable plot (11rem) unless the two would not fit side by side (half the width less half the column gap,
 * 0.8rem in figure.css); otherwise equal columns.
 */
function columnTemplate(panels: readonly Panel[], columns: number): string {
  const side = panels.filter((p) => !p.wide);
  if (side.length === 2) return side.map((p) => `minmax(min(11rem, calc(50% - 0.4rem)), ${p.weight ?? 1}fr)`).join(' ');
  return `repeat(${columns}, minmax(0, 1fr))`;
}

/**
 * The rows of the grid (pairs of ordinary panels, and a row of its own for each wide one), each with its share of
 * the height the panels take when reading (aspect times width). On the stage the rows share the height in these
 * proportions, so a short wide strip (a loss curve under two square plots) stays short.
 */
function rowShares(panels: readonly Panel[], columns: number): number[] {
  const side = panels.filter((p) => !p.wide);
  const total = side.length === 2 ? side.reduce((a, p) => a + (p.weight ?? 1), 0) : columns;
  const widthOf = (p: Panel) => (p.wide ? 1 : (side.length === 2 ? (p.weight ?? 1) : 1) / total);
  const rows: number[] = [];
  let open = 0;
  let height = 0;
  for (const p of panels) {
    const h = (p.aspect ?? 0.62) * widthOf(p);
    if (p.wide) {
      if (open) {
        rows.push(height);
        open = 0;
        height = 0;
      }
      rows.push(h);
    } else {
      height = Math.max(height, h);
      if (++open === columns) {
        rows.push(height);
        open = 0;
        height = 0;
      }
    }
  }
  if (open) rows.push(height);
  // As shares of one: grid tracks whose fr values sum to less than one leave the rest of the height empty.
  const sum = rows.reduce((a, h) => a + h, 0);
  return rows.map((h) => (sum > 0 ? h / sum : 1));
}

export function Stage({ panels, mode, plotRef }: { panels: readonly Panel[]; mode: StageMode; plotRef: Ref<HTMLDivElement> }) {
  const [active, setActive] = useState(0);
  const base = useId();
  const tabs = mode === 'phone' && panels.length > 1;
  const current = Math.min(active, panels.length - 1);
  const columns = columnsFor(panels);
  const style = {
    '--columns-template': columnTemplate(panels, columns),
    '--rows-template': rowShares(panels, columns)
      .map((h) => `minmax(0, ${h.toFixed(3)}fr)`)
      .join(' '),
  } as CSSProperties;
  return (
    <>
      {tabs && (
        <div className="stage-tabs" role="tablist" aria-label="Plots">
          {panels.map((p, i) => (
            <button
              key={p.key}
              type="button"
              role="tab"
              id={`${base}-tab-${i}`}
              aria-selected={i === current}
              aria-controls={`${base}-panel-${i}`}
              tabIndex={i === current ? 0 : -1}
              onClick={() => setActive(i)}
              onKeyDown={(e) => {
                const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (!dir) return;
                e.preventDefault();
                const to = (current + dir + panels.length) % panels.length;
                setActive(to);
                (e.currentTarget.parentElement?.children[to] as HTMLElement | undefined)?.focus();
              }}
            >
              {p.title}
            </button>
          ))}
        </div>
      )}
      <div ref={plotRef} className="stage-plots" style={style}>
        {panels.map((p, i) => (
          <PanelView
            key={p.key}
            panel={p}
            hidden={tabs && i !== current}
            id={tabs ? `${base}-panel-${i}` : undefined}
            labelledBy={tabs ? `${base}-tab-${i}` : undefined}
          />
        ))}
      </div>
    </>
  );
}
