/**
 * Readouts, declared once as data: shown as the figure's stats line and spoken as its accessible summary, so the
 * two cannot disagree.
 */
import type { Readout } from './types.ts';

/** The detail after a value: a space before words, none before punctuation ("; exact …"). */
function detailText(detail: string | undefined): string {
  if (!detail) return '';
  return /^[;,.:)]/.test(detail) ? detail : ` ${detail}`;
}

/** A symbol reads "P = 0.266"; words read "mean of X(T): 0.987". */
function separator(label: string): string {
  return /\s/.test(label) ? ': ' : ' = ';
}

/** The readouts as one text for screen readers: "label: value detail." per readout. */
export function readoutText(readouts: readonly Readout[]): string {
  return readouts
    .map((r) => {
      const body = r.value === undefined ? r.label : `${r.label}${separator(r.label)}${r.value}${detailText(r.detail)}`;
      return /[.!?]$/.test(body) ? body : `${body}.`;
    })
    .join(' ');
}

function ReadoutLine({ r, brief = false }: { r: Readout; brief?: boolean }) {
  if (r.value === undefined) return <span>{r.label}</span>;
  return (
    <span>
      {r.label}
      {separator(r.label)}
      <b>{r.value}</b>
      {!brief && detailText(r.detail)}
    </span>
  );
}

/**
 * The visible stats. On the stage (projector, full screen) the plots keep the space: the main readouts show their
 * values only, and their details and the secondary readouts fold into a "More numbers" disclosure.
 */
export function Readouts({ readouts, fold }: { readouts: readonly Readout[]; fold: boolean }) {
  if (!readouts.length) return null;
  const main = fold ? readouts.filter((r) => !r.secondary) : readouts;
  const more = fold ? readouts.filter((r) => r.secondary || (r.detail && r.value !== undefined)) : [];
  return (
    <div className="figure-stats">
      {main.map((r, i) => (
        <ReadoutLine key={i} r={r} brief={fold} />
      ))}
      {more.length > 0 && (
        <details className="figure-more">
          <summary>More numbers</summary>
          {more.map((r, i) => (
            <ReadoutLine key={i} r={r} />
          ))}
        </details>
      )}
    </div>
  );
}
