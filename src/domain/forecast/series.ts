/**
 * A monthly series as the forecasting core takes it: consecutive months, no gaps, no negative counts. Checked once
 * here, at the edge of the core, with errors that name the series and the month.
 */
import { InputError } from '../errors.ts';
import { addMonths, monthIndex } from '../period.ts';

export interface MonthlySeries {
  /** e.g. `irregular_crossings:Central Mediterranean Route` or `sea_arrivals:IT`. */
  id: string;
  /** First month, `YYYY-MM`. */
  start: string;
  values: number[];
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
