/**
 * Art 75: how the Regulation's periods are counted.
 * (a) the day of the event that starts a period is not counted;
 * (b) a period in weeks or months ends on the same weekday, or the same date, as that day; when that date does not
 *     exist in the last month, on the last day of that month;
 * (c) Saturdays, Sundays and public holidays count, but a period whose last day is one of them ends on the next
 *     working day (domain.md §1.1).
 */
import { addDays, addMonthsClamped, isWeekend, type IsoDate } from './dates.ts';
import { EU_INSTITUTION_HOLIDAYS, type HolidayCalendar } from './holidays.ts';

export type Period = { days: number } | { weeks: number } | { months: number };

/** The last day of a period before Art 75(c) moves it off a weekend or holiday. */
export function naivePeriodEnd(start: IsoDate, period: Period): IsoDate {
  if ('days' in period) return addDays(start, period.days);
  if ('weeks' in period) return addDays(start, 7 * period.weeks);
  return addMonthsClamped(start, period.months);
}

/** The first day on or after `date` that is neither a Saturday, a Sunday nor a holiday. */
export function nextWorkingDay(date: IsoDate, holidays: HolidayCalendar = EU_INSTITUTION_HOLIDAYS): IsoDate {
  let d = date;
  // Holidays come in runs of at most a couple of weeks (24–31 December); the bound guards a calendar that says
  // every day is a holiday.
  for (let i = 0; i < 366 && (isWeekend(d) || holidays(d)); i++) d = addDays(d, 1);
  return d;
}

/**
 * The last day of a period that starts with an event on `start`, under Art 75.
 * @example periodEnd('2026-01-31', { months: 1 }, NO_HOLIDAYS) // '2026-03-02' (28 Feb 2026 is a Saturday)
 */
export function periodEnd(start: IsoDate, period: Period, holidays: HolidayCalendar = EU_INSTITUTION_HOLIDAYS): IsoDate {
  return nextWorkingDay(naivePeriodEnd(start, period), holidays);
}

/** `weeks` weeks, `days` days, `months` months: a readable label for a period. */
export function describePeriod(period: Period): string {
  if ('days' in period) return `${period.days} day${period.days === 1 ? '' : 's'}`;
  if ('weeks' in period) return `${period.weeks} week${period.weeks === 1 ? '' : 's'}`;
  return `${period.months} month${period.months === 1 ? '' : 's'}`;
}
