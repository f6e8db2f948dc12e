/**
 * A monthly series as the forecasting core takes it: consecutive months, no gaps, no negative counts. Checked once
 * here, at the edge of the core, with errors that name the series and the month.
 */
import { InputError } from '../errors.ts';
import type { Note } from '../note.ts';
import { addMonths, monthIndex } from '../period.ts';

export interface MonthlySeries {
  /** e.g. `irregular_crossings:Central Mediterranean Route` or `sea_arrivals:IT`. */
  id: string;
  /** First month, `YYYY-MM`. */
  start: string;
  values: number[];
}

/**
 * A series the data cannot support, refused with an English message (the CLI's error when the series was asked for
 * by name) and the same reason as a note, which the lists of skipped series carry so that each reader gets it in
 * their language.
 *
 * @example
 * throw new SeriesRefused('series sea_arrivals:EL has only 1 month (2024-12); a forecast needs at least 2',
 *   note('forecast.skip.tooShort', { months: 1, since: '2024-12', min: 2 }), { field: 'period' });
 */
export class SeriesRefused extends InputError {
  readonly reason: Note;

  constructor(message: string, reason: Note, where: { field?: string } = {}) {
    super(message, where);
    this.name = 'SeriesRefused';
    this.reason = reason;
  }
}

/** A series left out of a forecast or a backtest, and why. */
export interface SkippedSeries {
  id: string;
  reason: Note;
}

export interface MonthlyPoint {
  period: string;
  value: number;
}

/** Builds a series from (month, value) points; refuses gaps, duplicates, negative or non-finite values. */
export function monthlySeries(id: string, points: readonly MonthlyPoint[]): MonthlySeries {
  if (points.length === 0) throw new InputError(`series ${id} has no monthly observations`, { field: 'period' });
  const sorted = [...points].sort((a, b) => monthIndex(a.period) - monthIndex(b.period));
  const start = sorted[0]!.period;
  const values: number[] = [];
  sorted.forEach((p, i) => {
    const expected = addMonths(start, i);
    if (p.period !== expected) {
      const what = monthIndex(p.period) < monthIndex(expected) ? `${p.period} appears twice` : `months ${expected} to ${addMonths(p.period, -1)} are missing`;
      throw new InputError(`series ${id} has a gap: ${what}; a forecast needs consecutive months`, { field: 'period' });
    }
    if (!Number.isFinite(p.value) || p.value < 0) {
      throw new InputError(`series ${id} has value ${p.value} in ${p.period}; counts cannot be negative`, { field: 'value' });
    }
    values.push(p.value);
  });
  return { id, start, values };
}

export function lastMonth(s: MonthlySeries): string {
  return addMonths(s.start, s.values.length - 1);
}
