/**
 * Reads every chapter's MDX source (chapters/NN-slug/index.mdx) before anything is compiled and builds the book's
 * index: the chapters in order with their sections, and every label a `<Ref>` may point at (equations, figures,
 * sections) with its number. Numbers are per chapter, in reading order: equation (3.2), figure 3.1, section 3.4.
 * Node only; used by the Vite plugin (virtual:book-index) and the remark plugin (numbering and validation).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

type LabelKind = 'equation' | 'figure' | 'exercise' | 'section';

interface LabelInfo {
  kind: LabelKind;
  /** Shown number, e.g. "3.2". */
  number: string;
  /** Slug of the chapter that holds the label. */
  chapter: string;
  /** Element id in the chapter page, e.g. "eq-hjb". */
  anchor: string;
  /** Equation: its TeX (without \label); figure: its caption; exercise: its prompt; section: its title. */
  text: string;
}

interface SectionInfo {
  id: string;
  title: string;
  number: string;
}

interface ChapterInfo {
  /** 0 for the preface, 1, 2, ... for chapters, a capital letter for an appendix (folder `A-slug`). */
  number: number | string;
  slug: string;
  /** Folder name under chapters/, e.g. "00-preface". */
  dir: string;
  title: string;
  /** One-sentence summary for the table of contents (frontmatter `summary`). */
  summary: string;
  sections: SectionInfo[];
  /** Whether the chapter has a lecture deck (chapters/NN-slug/lecture.mdx), shown at `<slug>/lecture/`. */
  lecture: boolean;
}

export interface BookIndex {
  chapters: ChapterInfo[];
  labels: Record<string, LabelInfo>;
}

/** `NN-slug` for the preface (00) and chapters; `A-slug` (one capital letter) for appendices, after the chapters. */
const CHAPTER_DIR = /^(\d\d|[A-Z])-([a-z0-9-]+)$/;

/** Heading text to an id: lower case, letters and digits kept, everything else folded into single hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/\$[^$]*\$/g, (m) => m.replace(/\\[a-zA-Z]+/g, ' ').replace(/[{}^_\\$]/g, ' '))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `\label{eq:x}` inside TeX to the anchor id "eq-x" (ids stay valid CSS selectors). */
function anchorFor(label: string): string {
  return label.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** The simple `key: value` frontmatter this book uses (no nesting). */
function parseFrontmatter(source: string): Record<string, string> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  const out: Record<string, string> = {};
  if (!m) return out;
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (kv) out[kv[1]] = kv[2].replace(/^["']|["']$/g, '').trim();
  }
  return out;
}

/** Removes fenced code blocks so that their content is not mistaken for headings or math. */
function stripCode(source: string): string {
  return source.replace(/^```[\s\S]*?^```/gm, (m) => m.replace(/[^\n]/g, ' '));
}

/**
 * The caption of a figure element (or an exercise's prompt): the text between its opening tag and `</Name>`, or
 * up to a worked `<Solution>` if there is one, markup removed.
 */
function captionAfter(body: string, from: number, name: string): string {
  const open = body.indexOf('>', from);
  if (open < 0 || body[open - 1] === '/') return '';
  let close = body.indexOf(`</${name}>`, open);
  if (close < 0) return '';
  const solution = body.indexOf('<Solution', open);
  if (solution >= 0 && solution < close) close = solution;
  return body
    .slice(open + 1, close)
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Scans one chapter's MDX. Equations are `$$ ... \label{eq:name} ... $$` display blocks; figures are JSX elements
 * with `label="fig:name"`; exercises are `<Exercise label="ex:name">`; sections are `##` headings (level 2),
 * labelled "sec:<chapter>:<slug>", and "sec:<slug>" as well when the heading's slug is unique in the book.
 */
function scanChapter(source: string, number: number | string, slug: string, dir: string) {
  const front = parseFrontmatter(source);
  const body = stripCode(source.replace(/^---[\s\S]*?\n---/, (m) => m.replace(/[^\n]/g, ' ')));
  const labels: Record<string, LabelInfo> = {};
  const sections: SectionInfo[] = [];
  const problems: string[] = [];
  let eq = 0;
  let fig = 0;
  let ex = 0;
  let sec = 0;
  const add = (label: string, info: LabelInfo) => {
    if (labels[label]) problems.push(`label "${label}" is defined twice in chapters/${dir}/index.mdx`);
    labels[label] = info;
  };
  // One pass in document order over the four kinds of numbered things.
  const token = /\$\$([\s\S]*?)\$\$|<([A-Z][\w.]*)\b([^>]*?)\blabel="((?:fig|ex):[^"]+)"|^##[ \t]+(.+)$/gm;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    if (m[1] !== undefined) {
      const tex = m[1];
      const lm = /\\label\{([^}]+)\}/.exec(tex);
      if (!lm) continue;
      eq++;
      add(lm[1], { kind: 'equation', number: `${number}.${eq}`, chapter: slug, anchor: anchorFor(lm[1]), text: tex.replace(/\\label\{[^}]+\}/, '').trim() });
    } else if (m[4] !== undefined) {
      const isFigure = m[4].startsWith('fig:');
      const n = isFigure ? ++fig : ++ex;
      add(m[4], {
        kind: isFigure ? 'figure' : 'exercise',
        number: `${number}.${n}`,
        chapter: slug,
        anchor: anchorFor(m[4]),
        text: captionAfter(body, token.lastIndex, m[2]),
      });
    } else if (m[5] !== undefined) {
      sec++;
      const title = m[5].trim();
      const id = slugify(title);
      const info: SectionInfo = { id, title, number: `${number}.${sec}` };
      sections.push(info);
      add(`sec:${slug}:${id}`, { kind: 'section', number: info.number, chapter: slug, anchor: id, text: title });
    }
  }
  const chapter: Omit<ChapterInfo, 'lecture'> = {
    number,
    slug,
    dir,
    title: front.title ?? slug,
    summary: front.summary ?? '',
    sections,
  };
  if (!front.title) problems.push(`chapters/${dir}/index.mdx has no "title:" in its frontmatter`);
  return { chapter, labels, problems };
}

/** Scans every chapter folder under `chaptersDir`. Throws, naming the file, on duplicate labels or a missing title. */
export function scanBook(chaptersDir: string): BookIndex {
  const dirs = readdirSync(chaptersDir)
    .filter((d) => CHAPTER_DIR.test(d) && existsSync(path.join(chaptersDir, d, 'index.mdx')))
    .sort();
  const chapters: ChapterInfo[] = [];
  const labels: Record<string, LabelInfo> = {};
  const problems: string[] = [];
  for (const dir of dirs) {
    const [, nn, slug] = CHAPTER_DIR.exec(dir)!;
    const source = readFileSync(path.join(chaptersDir, dir, 'index.mdx'), 'utf8');
    const scanned = scanChapter(source, /^\d+$/.test(nn) ? Number(nn) : nn, slug, dir);
    chapters.push({ ...scanned.chapter, lecture: existsSync(path.join(chaptersDir, dir, 'lecture.mdx')) });
    problems.push(...scanned.problems);
    for (const [label, info] of Object.entries(scanned.labels)) {
      if (labels[label]) problems.push(`label "${label}" is defined in two chapters (${labels[label].chapter} and ${info.chapter})`);
      labels[label] = info;
    }
  }
  // A section is also "sec:<heading-slug>" when no other chapter has a heading with the same slug ("Exercises" does
  // not get one); "sec:<chapter>:<heading-slug>" always works.
  const bare = new Map<string, LabelInfo[]>();
  for (const [label, info] of Object.entries(labels)) {
    if (info.kind !== 'section') continue;
    const short = `sec:${label.slice(label.indexOf(':', 4) + 1)}`;
    bare.set(short, [...(bare.get(short) ?? []), info]);
  }
  for (const [short, infos] of bare) {
    if (infos.length === 1 && !labels[short]) labels[short] = infos[0];
  }
  if (problems.length) throw new Error(`The book's sources have problems:\n  ${problems.join('\n  ')}`);
  return { chapters, labels };
}
