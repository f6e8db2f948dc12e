/**
 * Art 75: how the Regulation's periods are counted — the day of the triggering event is not counted; a period in
 * weeks or months ends on the same weekday or date (the last day of the month when that date does not exist); a
 * period whose last day is a Saturday, Sunday or public holiday ends on the next working day. The counting itself is
 * `countPeriod` (src/domain/procedures/counting.ts, shared with the procedures' time limits); this file gives it the
 * cycle's default holidays.
 */
import { countPeriod, type PeriodLength } from '../procedures/counting.ts';
import type { IsoDate } from './dates.ts';
import { EU_INSTITUTION_HOLIDAYS, type HolidayCalendar } from './holidays.ts';

export type Period = { days: number } | { weeks: number } | { months: number };

function length(period: Period): PeriodLength {
  if ('days' in period) return { n: period.days, unit: 'days' };
  if ('weeks' in period) return { n: period.weeks, unit: 'weeks' };
  return { n: period.months, unit: 'months' };
}

/** The last day of a period before Art 75 moves it off a weekend or holiday. */
export function naivePeriodEnd(start: IsoDate, period: Period): IsoDate {
  return countPeriod(start, length(period), 'ammr-art-75').nominalEnd;
}

/**
 * The last day of a period that starts with an event on `start`, under Art 75.
 * @example periodEnd('2026-01-31', { months: 1 }, NO_HOLIDAYS) // '2026-03-02' (28 Feb 2026 is a Saturday)
 */
export function periodEnd(start: IsoDate, period: Period, holidays: HolidayCalendar = EU_INSTITUTION_HOLIDAYS): IsoDate {
  return countPeriod(start, length(period), 'ammr-art-75', holidays).end;
}

/** A readable label for a period: `2 weeks`, `30 days`, `1 month`. */
export function describePeriod(period: Period): string {
  const { n, unit } = length(period);
  return `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
}
