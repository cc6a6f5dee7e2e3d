/**
 * Appendix A against the chapters: every meaning its census of letters lists is written, in the form the census gives,
 * in every chapter the census names; the letters and forms the chapters retired stay retired; and the example
 * regulator's numbers are the engine's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../app/content/glossary.ts';
import { lqrDiscounted } from '../../workers/engines/lqr.ts';

const chaptersDir = path.resolve('chapters');

/** Chapter number ('00' for the preface, '01' … '10', 'A') → the text of its index.mdx. */
function chapterSources(): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of readdirSync(chaptersDir, { withFileTypes: true })) {
    const m = /^(\d\d|A)-/.exec(dir.name);
    if (!dir.isDirectory() || !m) continue;
    out.set(m[1], readFileSync(path.join(chaptersDir, dir.name, 'index.mdx'), 'utf8'));
  }
  return out;
}

/** The math of an MDX page: the contents of its $…$ and $$…$$ (without labels), outside import and export lines and tags. */
function mathOf(mdx: string): string {
  const body = mdx
    .split('\n')
    .filter((line) => !/^(import|export)\s/.test(line))
    .join('\n')
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ');
  return [...body.matchAll(/\$\$([\s\S]*?)\$\$|\$([^$]*)\$/g)].map((m) => (m[1] ?? m[2]).replace(/\\label\{[^}]*\}/g, ' ')).join('\n');
}

/** The page without its import and export lines and without the attributes of its JSX tags (ids, labels). */
function proseOf(mdx: string): string {
  return mdx
    .split('\n')
    .filter((line) => !/^(import|export)\s/.test(line))
    .join('\n')
    .replace(/<[A-Za-z][^<>]*>/g, ' ');
}

/** Each place the pattern matches, with some context: an empty list when it matches nowhere. */
function hits(text: string, re: RegExp): string[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return [...text.matchAll(g)].map((m) => text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + m[0].length + 40));
}

const squash = (s: string) => s.replace(/\s+/g, '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the math contains a written form: a lone symbol as a token, anything longer up to whitespace. */
function writes(math: string, form: string): boolean {
  if (/^\\?[A-Za-z]+$/.test(form)) return new RegExp(`(?<![A-Za-z\\\\])${escapeRe(form)}(?![A-Za-z])`).test(math);
  return squash(math).includes(squash(form));
}

interface CensusRow {
  letter: string;
  meaning: string;
  forms: string[];
  chapters: string[];
  line: string;
}

/** Chapter list "preface, 2, 4, 5" → ['00', '02', '04', '05']. */
function parseChapters(cell: string): string[] {
  return cell.split(',').map((c) => {
    const t = c.trim();
    if (t === 'preface') return '00';
    if (!/^[1-9]\d?$/.test(t)) throw new Error(`unreadable chapter "${t}" in "${cell}"`);
    return t.padStart(2, '0');
  });
}

/** The rows of the census table (the four-column table of the section "Letters with more than one meaning"). */
function censusRows(appendix: string): CensusRow[] {
  const start = appendix.indexOf('## Letters with more than one meaning');
  const end = appendix.indexOf('\n## ', start + 1);
  const section = appendix.slice(start, end < 0 ? undefined : end);
  const rows: CensusRow[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| $')) continue;
    const cells = line.split('|').slice(1, -1);
    if (cells.length !== 4) throw new Error(`census row without four cells: ${line}`);
    const [letterCell, meaning, writtenCell, chaptersCell] = cells;
    const letter = /^\s*\$([^$]+)\$\s*$/.exec(letterCell)?.[1];
    if (!letter) throw new Error(`census row without one letter: ${line}`);
    const forms = [...writtenCell.matchAll(/\$([^$]+)\$/g)].map((m) => m[1]);
    rows.push({ letter, meaning: meaning.trim(), forms, chapters: parseChapters(chaptersCell), line });
  }
  return rows;
}

const sources = chapterSources();
const appendix = sources.get('A') ?? '';
const math = new Map([...sources].map(([k, v]) => [k, mathOf(v)]));
const rows = censusRows(appendix);
const numbered = [...sources.keys()].filter((k) => k !== 'A');

describe('Appendix A: the census of letters', () => {
  it('reads the chapters and a census of more than a hundred meanings', () => {
    expect(numbered).toEqual(['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10']);
    expect(rows.length).toBeGreaterThan(100);
  });

  it('lists only letters with at least two meanings, each written with its letter', () => {
    const meanings = new Map<string, Set<string>>();
    for (const row of rows) {
      expect(row.forms.length, row.line).toBeGreaterThan(0);
      for (const form of row.forms) expect(squash(form), row.line).toContain(squash(row.letter));
      meanings.set(row.letter, (meanings.get(row.letter) ?? new Set()).add(row.meaning.replace(/,.*$/, '')));
    }
    for (const [letter, set] of meanings) expect(set.size, `$${letter}$ has one meaning in the census`).toBeGreaterThan(1);
  });

  it('every chapter a row names writes one of its forms, and every form is written in a chapter the row names', () => {
    const problems: string[] = [];
    for (const row of rows) {
      for (const ch of row.chapters) {
        if (!row.forms.some((form) => writes(math.get(ch) ?? '', form)))
          problems.push(`chapter ${ch} writes none of ${row.forms.join(' / ')} (${row.letter}: ${row.meaning})`);
      }
      for (const form of row.forms) {
        if (!row.chapters.some((ch) => writes(math.get(ch) ?? '', form)))
          problems.push(`no chapter of ${row.chapters.join(', ')} writes ${form} (${row.letter}: ${row.meaning})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names no chapter twice for one letter and one form', () => {
    const seen = new Set<string>();
    for (const row of rows)
      for (const ch of row.chapters)
        for (const form of row.forms) {
          const key = `${row.letter}|${row.meaning}|${form}|${ch}`;
          expect(seen.has(key), row.line).toBe(false);
          seen.add(key);
        }
  });

  it('every letter of the census that chapter 10 writes has a row naming chapter 10', () => {
    // \mathcal L, \mathbb Q and \mathrm{KL} are other symbols than L and Q; i, j, k, n index sums and sequences (see the
    // section's opening).
    const ch10 = (math.get('10') ?? '').replace(/\\math(?:cal|bb|rm)\s*(?:\{[^}]*\}|[A-Za-z])/g, ' ');
    const letters = [...new Set(rows.map((r) => r.letter))].filter((l) => !['i', 'j', 'k', 'n'].includes(l));
    const missing = letters.filter((l) => writes(ch10, l) && !rows.some((r) => r.letter === l && r.chapters.includes('10')));
    expect(missing).toEqual([]);
  });

  it("a policy's value: the names the appendix gives are the chapters' names", () => {
    const names: [string, string[]][] = [
      ['V^\\pi', ['01', '05']],
      ['V^{\\pi_n}', ['06']],
      ['V^K', ['05']],
      ['J^\\pi', ['04', '08']],
      ['V_K', ['04']],
      ['V^{\\pi, k}', ['07']],
    ];
    for (const [name, chapters] of names) {
      expect(squash(appendix), name).toContain(squash(`$${name}$`));
      for (const k of chapters) expect(writes(math.get(k) ?? '', name), `chapter ${k} writes ${name}`).toBe(true);
    }
  });

  it('the example regulator: P, K* and c rounded from the engine', () => {
    const m = /P = ([\d.]+)\$, \$K\^\* = ([\d.]+)\$ and \$c = ([\d.]+)\$/.exec(appendix);
    expect(m).not.toBeNull();
    const sol = lqrDiscounted({ alpha: -0.5, beta: 1, q: 1, r: 0.1, sigma: 0.3, rho: 0.1 });
    expect(m?.[1]).toBe(sol.P.toFixed(4));
    expect(m?.[2]).toBe(sol.K.toFixed(3));
    expect(m?.[3]).toBe(sol.c.toFixed(4));
  });

  it('makes none of the false claims of the earlier census', () => {
    expect(hits(appendix, /eight letters/i)).toEqual([]);
    expect(hits(appendix, /only \$r\$ and \$q\$/)).toEqual([]);
    expect(hits(appendix, /q-rate/)).toEqual([]);
  });
});

describe('retired letters and names stay retired', () => {
  const ch = (k: string) => math.get(k) ?? '';

  it('"q-rate" is nowhere in the prose or the glossary text (the glossary id may stay)', () => {
    for (const [k, src] of sources) expect(hits(proseOf(src), /q-rate/), `chapter ${k}`).toEqual([]);
    for (const entry of glossary) expect(hits(`${entry.term} ${entry.definition}`, /q-rate/), entry.id).toEqual([]);
    for (const k of ['02', '07', '08']) expect(proseOf(sources.get(k) ?? ''), `chapter ${k}`).toMatch(/q-function/);
  });

  it('chapter 1 writes states x and rewards r(x, a), not s and R(s, a)', () => {
    expect(hits(ch('01'), /R\(s/)).toEqual([]);
    expect(hits(ch('01'), /(?<![A-Za-z\\])s\s*\\in/)).toEqual([]);
  });

  it('chapter 3: the OU level is x̄, not μ; the orders are ν, not γ and β', () => {
    expect(squash(ch('03'))).not.toContain('(\\mu-X');
    expect(hits(ch('03'), /\\gamma|\\beta/)).toEqual([]);
    expect(ch('03')).toMatch(/\\nu_\{\\mathrm\{w\}\}/);
  });

  it('the action weight is R, never r (w_a in chapter 8)', () => {
    for (const k of numbered) {
      expect(hits(ch(k), /(?<![A-Za-z\\])r\s*a\^2/), `chapter ${k}`).toEqual([]);
      expect(hits(ch(k), /\\beta\^2\s*\/\s*r(?![A-Za-z_])/), `chapter ${k}`).toEqual([]);
      expect(hits(ch(k), /\\beta P\s*\/\s*r(?![A-Za-z_])/), `chapter ${k}`).toEqual([]);
    }
    expect(hits(ch('08'), /(?<![A-Za-z\\])q\s*x\^2/)).toEqual([]);
  });

  it('the HJB residual is 𝓡, never R(x)', () => {
    const residual = /(?<!\\mathcal\s*)(?<![A-Za-z\\])R\(x\)/;
    for (const k of numbered) expect(hits(ch(k), residual), `chapter ${k}`).toEqual([]);
    for (const entry of glossary) expect(hits(entry.definition, residual), entry.id).toEqual([]);
  });

  it('chapter 7 steps with Δt, not h; chapter 9 writes no q and no r for p_{T−t} or a variable of integration', () => {
    expect(hits(ch('07'), /(?<![A-Za-z\\])h(?![A-Za-z])/)).toEqual([]);
    expect(hits(ch('09'), /(?<![A-Za-z\\])q(?![A-Za-z])/)).toEqual([]);
    expect(hits(ch('09'), /\\dd\s*r(?![A-Za-z])/)).toEqual([]);
  });

  it('letters that had two meanings inside one chapter', () => {
    expect(hits(ch('07'), /(?<![A-Za-z\\])B\s*x\^\{1/)).toEqual([]);
    expect(hits(ch('08'), /(?<![A-Za-z\\])c_[123]/)).toEqual([]);
    expect(hits(ch('09'), /(?<![A-Za-z\\_])k\(/)).toEqual([]);
    expect(hits(ch('09'), /y_m(?![A-Za-z])/)).toEqual([]);
  });

  it("the glossary uses the chapters' letters", () => {
    const text = glossary.map((e) => e.definition).join('\n');
    expect(hits(text, /(?<![A-Za-z\\])r a\^2/)).toEqual([]);
    expect(hits(text, /\\theta\(\\mu - X_t\)/)).toEqual([]);
    expect(hits(text, /Strong order \$\\gamma/)).toEqual([]);
  });
});
