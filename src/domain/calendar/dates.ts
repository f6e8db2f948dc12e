/**
 * Calendar dates as ISO strings (`2026-06-12`), with arithmetic in whole UTC days: no time zone, no clock.
 */

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The UTC calendar date of an ISO timestamp, or the date itself. */
export function dateOf(timestamp: string): IsoDate {
  if (ISO_DATE.test(timestamp)) return timestamp;
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO timestamp: ${JSON.stringify(timestamp)}`);
  return new Date(t).toISOString().slice(0, 10);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}
