/**
 * Statistical reference periods as Eurostat writes them: `2024` (year), `2024-Q3` (quarter), `2024-07` (month).
 * Periods are kept as strings in the store so that sorting them lexically within one frequency sorts them in time.
 */

export type Frequency = 'A' | 'Q' | 'M';

export interface Period {
  freq: Frequency;
  year: number;
  /** 1–4 for quarters, 1–12 for months, 1 for years. */
  sub: number;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-?Q([1-4])$/;
const MONTH = /^(\d{4})-?M?(0[1-9]|1[0-2])$/;

/** Parses a period in any of Eurostat's spellings (`2024M07`, `2024-07`, `2024Q3`, `2024-Q3`); null if none fits. */
export function parsePeriod(text: string): Period | null {
  let m = YEAR.exec(text);
  if (m) return { freq: 'A', year: Number(m[1]), sub: 1 };
  m = QUARTER.exec(text);
  if (m) return { freq: 'Q', year: Number(m[1]), sub: Number(m[2]) };
  m = MONTH.exec(text);
  if (m) return { freq: 'M', year: Number(m[1]), sub: Number(m[2]) };
  return null;
}

export function formatPeriod(p: Period): string {
  if (p.freq === 'A') return String(p.year);
  if (p.freq === 'Q') return `${p.year}-Q${p.sub}`;
  return `${p.year}-${String(p.sub).padStart(2, '0')}`;
}

/** Normalises any accepted spelling to the canonical one used in the store. */
export function canonicalPeriod(text: string): string | null {
  const p = parsePeriod(text);
  return p ? formatPeriod(p) : null;
}

export function periodFrequency(text: string): Frequency {
  const p = parsePeriod(text);
  if (!p) throw new RangeError(`not a period: ${text}`);
  return p.freq;
}

/** First and last calendar month (as `YYYY-MM`) a period covers. */
export function periodMonths(p: Period): { first: string; last: string } {
  const mm = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
  if (p.freq === 'A') return { first: mm(p.year, 1), last: mm(p.year, 12) };
  if (p.freq === 'Q') return { first: mm(p.year, p.sub * 3 - 2), last: mm(p.year, p.sub * 3) };
  return { first: mm(p.year, p.sub), last: mm(p.year, p.sub) };
}

/** Month index since year 0, for arithmetic on months. */
export function monthIndex(month: string): number {
  const p = parsePeriod(month);
  if (!p || p.freq !== 'M') throw new RangeError(`not a month: ${month}`);
  return p.year * 12 + (p.sub - 1);
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  return formatPeriod({ freq: 'M', year, sub: (index % 12) + 1 });
}

/** Inclusive list of months from `first` to `last`. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(first); i <= monthIndex(last); i++) out.push(monthFromIndex(i));
  return out;
}

export function addMonths(month: string, n: number): string {
  return monthFromIndex(monthIndex(month) + n);
}
