/**
 * How a time limit of the Pact is counted, per instrument.
 *
 * - AMMR (Regulation (EU) 2024/1351) Art 75, for the Dublin and relocation time limits: the day of the event is not
 *   counted; a period in weeks or months ends on the same weekday or date as the event; if that date does not exist
 *   in the last month the period ends on its last day; Saturdays, Sundays and public holidays count, but a period
 *   whose last day is one of them ends on the next working day.
 * - Regulation (EEC, Euratom) No 1182/71, which applies to the APR, the Screening and the Return Border Procedure
 *   Regulations since they lay down no rule of their own: Art 3(1) the day of the event is not counted; Art 3(2)(c)
 *   weeks/months end on the same weekday/date, or the last day of the month; Art 3(3) holidays and weekends count;
 *   Art 3(4) a period ending on a Saturday, Sunday or public holiday ends on the next working day; Art 3(5) any
 *   period of two days or more includes at least two working days.
 *
 * Public holidays are those of the Member State where the act is to be done; they are an input, because the
 * Regulation does not list them. Dates are ISO `YYYY-MM-DD` calendar days (no time zones: a date names a day).
 */
import { InputError } from '../errors.ts';
import { note, type Note } from '../note.ts';

export type CountingRule = 'ammr-art-75' | 'regulation-1182-71';
export type PeriodUnit = 'days' | 'working-days' | 'weeks' | 'months';

export interface PeriodLength {
  n: number;
  unit: PeriodUnit;
}

export interface CountedPeriod {
  /** The day on which the period ends before any move to a working day. */
  nominalEnd: string;
  /** The last day of the period. */
  end: string;
  /** Why `end` differs from `nominalEnd`, with the rule applied. */
  moved: Note | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses an ISO date and refuses dates that do not exist (2026-02-30), naming the field. */
export function parseIsoDate(text: string, field = 'date'): Date {
  const m = ISO_DATE.exec(text);
  if (!m) throw new InputError(`"${text}" is not a date: write YYYY-MM-DD`, { field });
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new InputError(`${text} does not exist in the calendar`, { field });
  }
  return date;
}

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY_MS);

function addMonthsClamped(d: Date, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  // The same date n months later, or the last day of that month when the date does not exist there.
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)));
}

export function isWorkingDay(d: Date, holidays: ReadonlySet<string>): boolean {
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !holidays.has(isoDate(d));
}

/** A day that is not a working day: a public holiday given, else the weekend day (`terms.dayKind`). */
const dayKind = (d: Date, holidays: ReadonlySet<string>) => (holidays.has(isoDate(d)) ? 'holiday' : d.getUTCDay() === 0 ? 'sunday' : 'saturday');

/** Counts a period from the day of the triggering event (not itself counted). */
export function countPeriod(start: string, length: PeriodLength, rule: CountingRule, holidays: ReadonlySet<string> = new Set()): CountedPeriod {
  const from = parseIsoDate(start, 'from');
  if (!Number.isInteger(length.n) || length.n < 1) throw new RangeError(`a period has a positive whole length, got ${length.n}`);
  let end: Date;
  switch (length.unit) {
    case 'days':
      end = addDays(from, length.n);
      break;
    case 'weeks':
      end = addDays(from, 7 * length.n);
      break;
    case 'months':
      end = addMonthsClamped(from, length.n);
      break;
    case 'working-days': {
      end = from;
      for (let left = length.n; left > 0; ) {
        end = addDays(end, 1);
        if (isWorkingDay(end, holidays)) left--;
      }
      break;
    }
  }
  const nominalEnd = isoDate(end);
  let moved: Note | null = null;
  if (rule === 'regulation-1182-71' && length.unit !== 'working-days' && (length.unit !== 'days' || length.n >= 2)) {
    // Art 3(5) of Regulation 1182/71: a period of two days or more includes at least two working days.
    let working = 0;
    for (let d = addDays(from, 1); d <= end; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) working++;
    while (working < 2) {
      end = addDays(end, 1);
      if (isWorkingDay(end, holidays)) working++;
    }
    // The period then ends on the working day that completes the two, so no weekend or holiday move follows.
    if (isoDate(end) !== nominalEnd) moved = note('counting.twoWorkingDays', {});
  }
  if (!isWorkingDay(end, holidays)) {
    const kind = dayKind(end, holidays);
    while (!isWorkingDay(end, holidays)) end = addDays(end, 1);
    // AMMR Art 75, or Regulation 1182/71 Art 3(4): the term of the rule names the article.
    moved = note('counting.nonWorkingDay', { day: kind, rule });
  }
  return { nominalEnd, end: isoDate(end), moved };
}
