/**
 * <Exercise label="ex:name" answer={value} tolerance={0.01}>: a numbered exercise whose numeric answer the page
 * checks, with a worked solution folded under it. <Exercise label="ex:name" kind="derivation"> is a derivation:
 * no answer box, and the worked solution is the proof.
 *
 *     <Exercise label="ex:riccati" answer={lqrDiscounted(post).P} tolerance={1e-3}>
 *     Solve the Riccati equation for ...
 *     <Solution>Write ... so $P = 0.266$.</Solution>
 *     </Exercise>
 *
 * The answer should be computed in the MDX from the engine's closed form (not typed in), so that the exercise and
 * the figures cannot disagree. The build (compiler/remarkBook.ts) fills in `number` and `anchor` from the label.
 */
import { Children, isValidElement, useContext, useId, useState, type ReactNode } from 'react';
import { island, PageModeContext } from '../islands/island.tsx';

export interface ExerciseProps {
  label?: string;
  /** Filled in at build time. */
  number?: string;
  anchor?: string;
  /** A numeric exercise (the default) is checked against `answer`; a derivation has only its worked solution. */
  kind?: 'numeric' | 'derivation';
  /** The exact answer of a numeric exercise. */
  answer?: number;
  /** Accepted relative error |given - answer| / |answer| (absolute error when the answer is 0). Default 0.01. */
  tolerance?: number;
  /** Unit or noun shown after the input, e.g. "years". */
  unit?: string;
  /** Digits to show when the answer is revealed. Default 4 significant digits. */
  digits?: number;
  /** The prompt, then an optional <Solution>. */
  children?: ReactNode;
}

/** Reads what a reader typed: decimals with a point or a comma, exponents, a leading minus sign or a Unicode one. */
export function parseAnswer(text: string): number | null {
  const t = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, '')
    .replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Whether `given` is within `tolerance` of `answer` (relative, or absolute when the answer is 0). */
export function isCorrect(given: number, answer: number, tolerance: number): boolean {
  const scale = answer === 0 ? 1 : Math.abs(answer);
  return Math.abs(given - answer) <= tolerance * scale;
}

type Verdict = { kind: 'empty' } | { kind: 'unreadable' } | { kind: 'right'; given: number } | { kind: 'wrong'; given: number };

/**
 * The worked solution of an exercise, folded until the reader opens it. A `<details>`: it opens and closes without
 * JavaScript (a prerendered page read with scripts off, a page not yet live), so it is no island, and its summary
 * says "Show" or "Hide" by the style sheet alone.
 */
export function Solution({ children }: { children?: ReactNode }) {
  return (
    <details className="exercise-solution">
      <summary>
        <span className="when-closed">Show the worked solution</span>
        <span className="when-open">Hide the worked solution</span>
      </summary>
      <div className="exercise-solution-body">{children}</div>
    </details>
  );
}

type CheckProps = Pick<ExerciseProps, 'answer' | 'tolerance' | 'unit' | 'digits'> & { children?: never };

/** The answer box of a numeric exercise: the reader types a number, the page says whether it is within tolerance. */
function AnswerCheck({ answer = NaN, tolerance = 0.01, unit, digits = 4 }: CheckProps) {
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const inputId = useId();
  const prerendering = useContext(PageModeContext).kind === 'server';
  if (!Number.isFinite(answer)) return <p className="figure-error">This exercise's answer could not be computed; please report it.</p>;
  if (prerendering) return <AnswerCheckStandIn unit={unit} />;

  const check = () => {
    if (!text.trim()) return setVerdict({ kind: 'empty' });
    const given = parseAnswer(text);
    if (given === null) return setVerdict({ kind: 'unreadable' });
    setVerdict({ kind: isCorrect(given, answer, tolerance) ? 'right' : 'wrong', given });
  };
  const tol = tolerance >= 0.001 ? `${+(tolerance * 100).toPrecision(2)}%` : `a relative ${tolerance}`;

  return (
    <form
      className="exercise-check"
      onSubmit={(e) => {
        e.preventDefault();
        check();
      }}
    >
      <label htmlFor={inputId}>Your answer</label>
      <input
        id={inputId}
        className="exercise-answer"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setVerdict(null);
        }}
      />
      {unit && <span className="exercise-unit">{unit}</span>}
      <button type="submit" className="exercise-check-button">
        Check
      </button>
      <output className={`exercise-verdict ${verdict?.kind ?? ''}`} aria-live="polite" data-verdict={verdict?.kind ?? ''}>
        {verdict?.kind === 'empty' && 'Type a number first.'}
        {verdict?.kind === 'unreadable' && 'That is not a number this page can read: write it like 0.266 or 2.5e-3.'}
        {verdict?.kind === 'right' && `Right: the exact value is ${answer.toPrecision(digits)} (within ${tol}).`}
        {verdict?.kind === 'wrong' && `Not yet: ${verdict.given} is ${verdict.given > answer ? 'too large' : 'too small'} by more than ${tol}.`}
      </output>
    </form>
  );
}

/**
 * The answer box as the page's HTML has it, until the island is live: the same row, with a box in place of the text
 * field. A text field in the HTML costs the page's load: when the document finishes parsing, Chromium examines each
 * text field (for autofill), and for one inside a block skipped by `content-visibility` it styles and lays out that
 * whole block then and there. Chapter 4's four answer boxes made about 40 ms of a phone's time (Lighthouse's 4×
 * slowdown: 160 ms) in the task that parses the page. Without JavaScript the box could not be checked anyway.
 */
function AnswerCheckStandIn({ unit }: Pick<CheckProps, 'unit'>) {
  return (
    <div className="exercise-check" aria-hidden="true">
      <span>Your answer</span>
      {/* A space: the box takes the height of a line of text, as the field does. */}
      <span className="exercise-answer">{'\u00a0'}</span>
      {unit && <span className="exercise-unit">{unit}</span>}
      <span className="exercise-check-button">Check</span>
      <span className="exercise-verdict" />
    </div>
  );
}

/** An island of its own: the exercise's prompt around it is prose and stays as the page's HTML. */
export const ExerciseCheck = island('ExerciseCheck', AnswerCheck);

/** The exercise: its number, its prompt, an answer box unless it is a derivation, and its worked solutions. */
export function Exercise({ kind = 'numeric', number, anchor, answer = NaN, tolerance = 0.01, unit, digits = 4, children }: ExerciseProps) {
  const all = Children.toArray(children);
  const solution = all.filter((c) => isValidElement(c) && c.type === Solution);
  const prompt = all.filter((c) => !(isValidElement(c) && c.type === Solution));
  return (
    <section className="exercise" id={anchor} data-kind={kind} aria-label={number ? `Exercise ${number}` : 'Exercise'}>
      <p className="exercise-head">
        <span className="exercise-number">Exercise{number ? ` ${number}` : ''}</span>
        {kind === 'derivation' && <span className="exercise-kind">Derivation</span>}
      </p>
      <div className="exercise-prompt">{prompt}</div>
      {kind === 'derivation' ? null : <ExerciseCheck answer={answer} tolerance={tolerance} unit={unit} digits={digits} />}
      {solution}
    </section>
  );
}
