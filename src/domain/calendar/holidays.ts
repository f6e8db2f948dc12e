/**
 * Public holidays for Art 75's rule that a period ending on a holiday ends on the next working day. The Regulation
 * does not say whose holidays; the list is an input. The default is the set the EU institutions in Brussels
 * observe every year (the Commission's decision on its public holidays follows this pattern: New Year and the day
 * after, Maundy Thursday, Good Friday, Easter Monday, Labour Day, Europe Day on 9 May, Ascension Day and the Friday
 * after, Whit Monday, the Belgian national day, Assumption, All Saints and All Souls, and 24–31 December). The
 * Commission fixes the exact list each year; pass another list where it differs.
 */
import { addDays, isoDate, type IsoDate } from './dates.ts';

/** Holidays as ISO dates (the shape `countPeriod` of src/domain/procedures/counting.ts takes). */
export type HolidayCalendar = ReadonlySet<IsoDate>;

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The default holidays of the EU institutions in Brussels for one year, sorted. */
export function euInstitutionHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const ascension = addDays(easter, 39);
  const days = [
    isoDate(year, 1, 1),
    isoDate(year, 1, 2),
    addDays(easter, -3), // Maundy Thursday
    addDays(easter, -2), // Good Friday
    addDays(easter, 1), // Easter Monday
    isoDate(year, 5, 1),
    isoDate(year, 5, 9), // Europe Day (anniversary of the Schuman declaration)
    ascension,
    addDays(ascension, 1),
    addDays(easter, 50), // Whit Monday
    isoDate(year, 7, 21),
    isoDate(year, 8, 15),
    isoDate(year, 11, 1),
    isoDate(year, 11, 2),
  ];
  for (let d = 24; d <= 31; d++) days.push(isoDate(year, 12, d));
  return [...new Set(days)].sort();
}

/** The first and last years the default calendar covers. */
export const DEFAULT_HOLIDAY_YEARS = [2024, 2100] as const;

/** The default calendar: the EU institutions' holidays for 2024–2100. */
export const EU_INSTITUTION_HOLIDAYS: HolidayCalendar = (() => {
  const all = new Set<IsoDate>();
  for (let y = DEFAULT_HOLIDAY_YEARS[0]; y <= DEFAULT_HOLIDAY_YEARS[1]; y++) for (const d of euInstitutionHolidays(y)) all.add(d);
  return all;
})();

export const NO_HOLIDAYS: HolidayCalendar = new Set();
