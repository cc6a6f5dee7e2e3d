/**
 * Figure state in the URL's query string: `/preface/?v=1&ou-paths.theta=2.5&ou-paths.seed=7`. Only values that
 * differ from their defaults are written. `v` is the format version: links made by an older version are migrated
 * step by step before they are read, so old links keep working. Reading never throws.
 */
import { encodeValue, parseValue, truncate, type Schema } from './schema.ts';

const URL_VERSION = 1;

/**
 * migrations[k] turns the entries of a version-k link into version k+1 (e.g. a renamed key or a changed unit).
 * Version 0 is a link without `v` (the first links had none), identical in format to version 1.
 */
const migrations: Array<(entries: Map<string, string>) => Map<string, string>> = [(e) => e];

const KEY = /^([a-z][a-z0-9-]*)\.([A-Za-z][A-Za-z0-9]*)$/;

export interface DecodedUrl {
  /** figure id -> key -> raw value, after migration. */
  byFigure: Map<string, Map<string, string>>;
  /** Things in the link that the book could not use, in words for the reader. */
  notices: string[];
}

/** Parses a query string (with or without the leading "?"). Tolerates anything, including broken percent-escapes. */
export function decodeUrl(search: string, migrationTable = migrations, version = URL_VERSION): DecodedUrl {
  const notices: string[] = [];
  let entries = new Map<string, string>();
  const text = search.startsWith('?') ? search.slice(1) : search;
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    entries.set(safeDecode(rawKey), safeDecode(rawValue));
  }
  const vRaw = entries.get('v');
  entries.delete('v');
  let v = vRaw === undefined ? 0 : Number(vRaw);
  if (!Number.isInteger(v) || v < 0 || v > version) {
    notices.push(`This link has an unknown format version “${truncate(vRaw ?? '')}”; its values were read as the current version.`);
    v = version;
  }
  for (; v < version; v++) entries = migrationTable[v]?.(entries) ?? entries;
  const byFigure = new Map<string, Map<string, string>>();
  const ignored: string[] = [];
  for (const [key, value] of entries) {
    const m = KEY.exec(key);
    if (!m) {
      ignored.push(key);
      continue;
    }
    if (!byFigure.has(m[1])) byFigure.set(m[1], new Map());
    byFigure.get(m[1])!.set(m[2], value);
  }
  if (ignored.length) {
    notices.push(
      `This link had ${ignored.length === 1 ? 'a setting' : `${ignored.length} settings`} the book does not know (${listSome(ignored)}); ${ignored.length === 1 ? 'it was' : 'they were'} ignored.`,
    );
  }
  return { byFigure, notices };
}

/** At most five quoted names, then how many more: a notice stays a sentence however long the link. */
function listSome(names: readonly string[], shown = 5): string {
  const quoted = names.slice(0, shown).map((k) => `“${truncate(k, 20)}”`);
  return names.length > shown ? `${quoted.join(', ')} and ${names.length - shown} more` : quoted.join(', ');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** A figure's values from the decoded URL: unknown keys and bad values become notices, never exceptions. */
export function readFigure<S extends Schema>(
  decoded: DecodedUrl,
  figureId: string,
  schema: S,
): { values: Partial<Record<keyof S, number>>; notices: string[] } {
  const values: Partial<Record<keyof S, number>> = {};
  const notices: string[] = [];
  const raw = decoded.byFigure.get(figureId);
  if (!raw) return { values, notices };
  const unknown: string[] = [];
  for (const [key, text] of raw) {
    // Own keys only: "constructor" or "__proto__" in a link must not reach Object.prototype.
    const spec = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!spec) {
      unknown.push(key);
      continue;
    }
    const parsed = parseValue(spec, text);
    values[key as keyof S] = parsed.value;
    if (parsed.notice) notices.push(parsed.notice);
  }
  if (unknown.length === 1) notices.push(`The link names a setting ${listSome(unknown)} this figure does not have; it was ignored.`);
  else if (unknown.length > 1) notices.push(`The link names ${unknown.length} settings this figure does not have (${listSome(unknown)}); they were ignored.`);
  return { values, notices };
}

/**
 * Writes the given figures' values into a query string, keeping entries of figures not given that the book has
 * (they belong to chapters not loaded yet) and dropping entries the book cannot read, including those of figures it
 * does not have (`bookFigures`; when omitted, every figure's entries are kept). Non-default values only; keys sorted.
 */
export function encodeUrl(
  currentSearch: string,
  figures: Array<{ id: string; schema: Schema; values: Record<string, number> }>,
  bookFigures?: ReadonlySet<string>,
): string {
  const decoded = decodeUrl(currentSearch);
  const out = new Map<string, string>();
  const given = new Set(figures.map((f) => f.id));
  for (const [fig, entries] of decoded.byFigure) {
    if (given.has(fig) || (bookFigures && !bookFigures.has(fig))) continue;
    for (const [k, v] of entries) out.set(`${fig}.${k}`, v);
  }
  for (const f of figures) {
    for (const [k, spec] of Object.entries(f.schema)) {
      const v = f.values[k];
      if (v !== undefined && v !== spec.default) out.set(`${f.id}.${k}`, encodeValue(v));
    }
  }
  if (out.size === 0) return '';
  const keys = [...out.keys()].sort();
  return '?' + [`v=${URL_VERSION}`, ...keys.map((k) => `${k}=${encodeURIComponent(out.get(k)!)}`)].join('&');
}
