/**
 * The engine's notes in words: a note (`src/domain/note.ts`) rendered from a language's catalog (`<lang>.json` beside
 * this file), its numbers, months, dates and state names formatted by `Intl` in that language. The Report, the web
 * pages, the CLI and the API all render through here, so a note reads the same everywhere.
 *
 * @example
 * renderNote(note('outlook.appliesFrom', { date: '2026-06-12' }), NOTE_CATALOGS.nl)
 * // "De grensprocedure is van toepassing vanaf 12 juni 2026 (APR art. 79, lid 2): …"
 */
import { NOTE_PARAMS, type Note, type NoteKey, type NoteParam, type ParamKind } from '../domain/note.ts';

/** One language's words for the notes: a sentence per key, the terms `@group` parameters name, the quarter's form. */
export interface NoteCatalog {
  lang: string;
  quarter: string;
  terms: Record<string, Record<string, string>>;
  notes: Record<string, string>;
}

/** A note as the API and the CLI's JSON give it: the key and parameters, and the English sentence for readers. */
export interface NoteJson {
  key: string;
  params: Readonly<Record<string, NoteParam | unknown>>;
  text: string;
}

interface Formats {
  integer: Intl.NumberFormat;
  decimal: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  month: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  list: Intl.ListFormat;
  regions: Intl.DisplayNames;
}

const FORMATS = new Map<string, Formats>();

function formats(lang: string): Formats {
  let f = FORMATS.get(lang);
  if (!f) {
    f = {
      integer: new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }),
      decimal: new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      month: new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      day: new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }),
      list: new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }),
      regions: new Intl.DisplayNames([lang], { type: 'region' }),
    };
    FORMATS.set(lang, f);
  }
  return f;
}

/** A month (`2024-07`), quarter (`2024-Q3`), year, or span of them (`2024-07/2025-06`, `2024-07..2025-06`). */
function period(text: string, cat: NoteCatalog, f: Formats): string {
  const one = (p: string): string => {
    if (/^\d{4}-\d{2}$/.test(p)) return f.month.format(new Date(`${p}-01T00:00:00Z`));
    const q = /^(\d{4})-Q([1-4])$/.exec(p);
    if (q) return cat.quarter.replace('{quarter}', q[2]!).replace('{year}', q[1]!);
    return p;
  };
  return text.split(/\.\.|\//).map(one).join(' – ');
}

function state(geo: string, cat: NoteCatalog, f: Formats): string {
  return cat.terms.geo?.[geo] ?? f.regions.of(geo === 'EL' ? 'GR' : geo) ?? geo;
}

/**
 * A Frontex route in the catalog's language, from its name in the data (`Western Balkan Route` → `Westelijke
 * Balkanroute`); a route the catalog does not know (a new name in newer data) as the data names it.
 */
export function routeName(route: string, cat: NoteCatalog): string {
  return cat.terms.route?.[route] ?? route;
}

function value(kind: ParamKind, v: NoteParam, cat: NoteCatalog, f: Formats): string {
  const strings = (x: NoteParam) => (Array.isArray(x) ? (x as readonly string[]) : [String(x)]);
  switch (kind) {
    case 'int':
      return typeof v === 'number' ? f.integer.format(Math.round(v)) : String(v);
    case 'dec':
      return typeof v === 'number' ? f.decimal.format(v) : String(v);
    case 'pct':
      return typeof v === 'number' ? f.percent.format(v * 100) : String(v);
    case 'state':
      return state(String(v), cat, f);
    case 'states':
      return f.list.format(strings(v).map((g) => state(g, cat, f)));
    case 'routes':
      return f.list.format(strings(v).map((r) => routeName(r, cat)));
    case 'period':
      return period(String(v), cat, f);
    case 'periods':
      return f.list.format(strings(v).map((p) => period(p, cat, f)));
    case 'date':
      return f.day.format(new Date(String(v).length === 10 ? `${String(v)}T00:00:00Z` : String(v)));
    case 'list':
      return f.list.format(strings(v));
    case 'note':
      return renderNote(v as Note, cat);
    case 'notes':
      return (v as readonly Note[]).map((n) => renderNote(n, cat)).join('; ');
    case 'text':
    case 'year':
      return String(v);
    default: {
      const term = cat.terms[kind.slice(1)]?.[String(v)];
      return term ?? String(v);
    }
  }
}

/** Whether a catalog has a sentence for this key (a note from a newer server may not). */
export function hasNote(key: string, cat: NoteCatalog): key is NoteKey {
  return Object.hasOwn(NOTE_PARAMS, key) && Object.hasOwn(cat.notes, key);
}

/** The note in the catalog's language; a placeholder with no parameter is left as `{name}`. */
export function renderNote(n: Note, cat: NoteCatalog): string {
  // A key this code does not know (a note from a newer server) keeps its placeholders.
  const spec: Readonly<Record<string, ParamKind>> = (NOTE_PARAMS as Readonly<Record<string, Readonly<Record<string, ParamKind>>>>)[n.key] ?? {};
  const text = cat.notes[n.key] ?? n.key;
  const f = formats(cat.lang);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const kind = spec[name];
    const v = n.params[name];
    return kind === undefined || v === undefined ? whole : value(kind, v, cat, f);
  });
}
