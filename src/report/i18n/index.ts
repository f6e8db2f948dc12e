/**
 * The Report's languages: one message catalog per language (`<code>.json` beside this file, the same keys in each),
 * and numbers, percentages, months and dates formatted by `Intl` in that language. Only words change between
 * languages; every figure is the same number.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { UsageError } from '../../domain/errors.ts';
import type { Note } from '../../domain/note.ts';
import { NOTE_CATALOGS, renderNote, routeName } from '../../notes/index.ts';

const DIR = import.meta.dirname;

type Catalog = Record<string, string>;

function loadCatalogs(): Map<string, Catalog> {
  const out = new Map<string, Catalog>();
  for (const f of readdirSync(DIR).filter((n) => /^[a-z]{2}\.json$/.test(n)).sort()) {
    out.set(f.slice(0, 2), JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Catalog);
  }
  return out;
}

const CATALOGS = loadCatalogs();

/** The languages the Report is written in (one per catalog). */
export const LANGUAGES: readonly string[] = [...CATALOGS.keys()];

export function isLanguage(code: string): boolean {
  return CATALOGS.has(code);
}

/** The messages of one language; `{name}` placeholders are filled from `params`. */
export function catalog(lang: string): Catalog {
  const c = CATALOGS.get(lang);
  if (!c) throw new UsageError(`unknown language "${lang}"; the Report is written in ${LANGUAGES.join(', ')}`);
  return c;
}

export interface I18n {
  lang: string;
  t(key: string, params?: Record<string, string | number>): string;
  /** Whether the catalog has this key (indicator and route names fall back to the source's label). */
  has(key: string): boolean;
  integer(n: number): string;
  decimal(n: number, digits?: number): string;
  percent(fraction: number, digits?: number): string;
  /** A change in percentage points, signed. */
  points(fraction: number, digits?: number): string;
  /** A signed relative change: +12.3 %. */
  change(fraction: number): string;
  /** `2024-07` → July 2024; `2024-Q3` → Q3 2024; `2024` → 2024; `a..b` → a – b. */
  period(text: string): string;
  /** `YYYY-MM-DD` or ISO timestamp → a long date (UTC). */
  date(iso: string): string;
  state(geo: string): string;
  /** A Frontex route in this language, from its name in the data; a route the note catalog does not know as named. */
  route(name: string): string;
  /** A note of the engine in this language (src/notes/). */
  note(n: Note): string;
}

export function createI18n(lang: string): I18n {
  const messages = catalog(lang);
  const en = CATALOGS.get('en') ?? {};
  const t = (key: string, params: Record<string, string | number> = {}) => {
    const text = messages[key] ?? en[key];
    if (text === undefined) throw new Error(`no message "${key}" in the ${lang} catalog`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : typeof params[name] === 'number' ? integer(params[name]) : params[name]));
  };
  const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const integer = (n: number) => nf.format(Math.round(n));
  const decimal = (n: number, digits = 2) => new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  const percent = (f: number, digits = 1) => new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(f);
  const signed = (f: number, digits: number, style: 'percent' | 'decimal') =>
    new Intl.NumberFormat(lang, { style, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(f);
  const month = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames([lang], { type: 'region' });
  const notes = NOTE_CATALOGS[lang];
  if (!notes) throw new Error(`no note catalog for ${lang} in src/notes/`);
  const one = (p: string): string => {
    if (/^\d{4}-\d{2}$/.test(p)) return month.format(new Date(`${p}-01T00:00:00Z`));
    const q = /^(\d{4})-Q([1-4])$/.exec(p);
    if (q) return t('period.quarter', { quarter: q[2]!, year: q[1]! });
    return p;
  };
  return {
    lang,
    t,
    has: (key) => key in messages,
    integer,
    decimal,
    percent,
    points: (f, digits = 1) => `${signed(f * 100, digits, 'decimal')} ${t('unit.pp')}`,
    change: (f) => signed(f, 1, 'percent'),
    // Periods come as `2024-07..2025-06` (data coverage) or `2024-07/2025-06` (figures, as the assessment writes them).
    period: (text) => text.split(/\.\.|\//).map(one).join(' – '),
    date: (iso) => long.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    state: (geo) => (geo === 'EU27_2020' ? t('geo.EU27_2020') : (regions.of(geo === 'EL' ? 'GR' : geo) ?? geo)),
    route: (name) => routeName(name, notes),
    note: (n) => renderNote(n, notes),
  };
}
