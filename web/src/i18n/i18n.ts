/**
 * Message catalogs and locale-aware formatting. A language is added by dropping `<code>.json` beside `en.json`:
 * the list of languages comes from the files present, so no code changes. Missing keys fall back to English.
 * A message is a string with `{name}` placeholders, or an object keyed by plural category (Intl.PluralRules).
 */
import en from './en.json' with { type: 'json' };
import enNotes from '../../../src/notes/en.json' with { type: 'json' };
import type { Note } from '../../../src/domain/note.ts';
import { hasNote, renderNote, routeName as routeTerm, type NoteCatalog, type NoteJson } from '../../../src/notes/render.ts';

export type Catalog = Record<string, string | Partial<Record<Intl.LDMLPluralRule, string>>>;
export type MessageKey = keyof typeof en;

const loaders = import.meta.glob<Catalog>(['./*.json'], { import: 'default' });
// The engine's notes have their own catalogs, shared with the Report (src/notes/): loaded with the language.
const noteLoaders = import.meta.glob<NoteCatalog>(['../../../src/notes/*.json'], { import: 'default' });

/** Codes of every catalog shipped, e.g. `['en', 'nl']`. */
export const LANGUAGES: readonly string[] = Object.keys(loaders)
  .map((path) => /\.\/(.+)\.json$/.exec(path)![1]!)
  .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));

const STORAGE_KEY = 'pactcycle.locale';

let locale = 'en';
let catalog: Catalog = en;
let notes: NoteCatalog = enNotes;
const listeners = new Set<() => void>();

export function currentLocale(): string {
  return locale;
}

/** The name of a language in that language ("Nederlands"), for the language switcher. */
export function languageName(code: string): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

export async function setLocale(code: string): Promise<void> {
  const load = loaders[`./${code}.json`];
  if (!load) throw new RangeError(`no catalog for ${code}`);
  const loadNotes = noteLoaders[`../../../src/notes/${code}.json`];
  [catalog, notes] = code === 'en' ? [en, enNotes] : await Promise.all([load(), loadNotes ? loadNotes() : enNotes]);
  locale = code;
  document.documentElement.lang = code;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  for (const l of listeners) l();
}

/** The stored choice, else the browser's preferred language if shipped, else English. */
export function initialLocale(): string {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  const wanted = [stored, ...navigator.languages.map((l) => l.slice(0, 2))];
  return wanted.find((c): c is string => !!c && LANGUAGES.includes(c)) ?? 'en';
}

export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Params = Record<string, string | number>;

export function t(key: MessageKey, params: Params = {}): string {
  const message = catalog[key] ?? (en as Catalog)[key] ?? key;
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = Number(params.count ?? 0);
    const rule = new Intl.PluralRules(locale).select(count);
    text = message[rule] ?? message.other ?? key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? `{${name}}` : typeof v === 'number' ? formatNumber(v) : v;
  });
}

export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

export function formatEuros(n: number): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);
}

export function formatPercent(fraction: number, digits = 1): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(fraction);
}

/** `YYYY-MM-DD` or an ISO timestamp, as a date in the reader's language (UTC, as the Regulation's days are dates). */
export function formatDate(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** A state's name in the reader's language, from its Eurostat code (EL → Greece). */
export function stateName(geo: string): string {
  const iso = geo === 'EL' ? 'GR' : geo;
  return new Intl.DisplayNames([locale], { type: 'region' }).of(iso) ?? geo;
}

/** A Frontex route in the reader's language, from its name in the data (the note catalogs' `terms.route`); a route they do not know as the data names it. */
export function routeName(route: string): string {
  return routeTerm(route, notes);
}

/** A note of the engine (an API response's `{key, params, text}`) in the reader's language; its English text when this page does not know the key. */
export function noteText(n: NoteJson): string {
  return hasNote(n.key, notes) ? renderNote(n as unknown as Note, notes) : n.text;
}
