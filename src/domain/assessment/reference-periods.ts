/**
 * The periods an annual cycle looks at (AMMR Arts 9–11; domain.md §1.3–1.4, §2.1):
 *
 * - the reference period: the Report adopted by 15 October of year Y−1 covers 1 July Y−2 to 30 June Y−1
 *   (Art 9(1), 9(4); the 2026 cycle: July 2024 – June 2025);
 * - the previous 12-month period, for trends and "previous pressure" (Art 11(2));
 * - the cumulative look-back for the significant migratory situation: "the cumulative effect of current and previous
 *   annual arrivals" (Art 2(25), 10(3)). The Regulation fixes no number of years; the Commission's first decision used
 *   five (S7), so it is a methodology parameter with default 5.
 *
 * Spans are whole months, written `YYYY-MM`, both ends included.
 */
import { addMonths, monthIndex } from '../period.ts';
import { InputError } from '../errors.ts';

export interface MonthSpan {
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month, `YYYY-MM`, included. */
  to: string;
}

export interface CyclePeriods {
  cycle: number;
  /** Art 9(1): the 12 months the Report covers. */
  current: MonthSpan;
  /** The 12 months before, for trends (Art 11(2) "previous pressure"). */
  previous: MonthSpan;
  /** Art 2(25), 10(3): the look-back, ending with the reference period. */
  cumulative: MonthSpan;
  lookBackYears: number;
}

export type PeriodKey = 'current' | 'previous' | 'cumulative';

/** The first cycle is 2026 (the first Report and decision of November 2025, domain.md §2.1). */
export const FIRST_CYCLE = 2026;
/**
 * Earlier years can be assessed as a back-cast of the methodology on the historical data (for comparison, e.g. the
 * benchmark over ten cycles); the data begin in 2008, so the first reference period with data is July 2008 – June 2009.
 */
export const EARLIEST_BACKCAST = 2010;

export function referencePeriods(cycle: number, lookBackYears = 5): CyclePeriods {
  if (!Number.isInteger(cycle) || cycle < EARLIEST_BACKCAST || cycle > 2100) {
    throw new InputError(`unknown cycle ${cycle}: cycles run from ${FIRST_CYCLE} (the first Report covered July 2024 – June 2025), back-casts from ${EARLIEST_BACKCAST}`, { field: 'cycle' });
  }
  if (!Number.isInteger(lookBackYears) || lookBackYears < 1 || lookBackYears > 20) {
    throw new InputError(`the look-back must be a whole number of years from 1 to 20, got ${lookBackYears}`, { field: 'lookBackYears' });
  }
  const current = { from: `${cycle - 2}-07`, to: `${cycle - 1}-06` };
  return {
    cycle,
    current,
    previous: { from: addMonths(current.from, -12), to: addMonths(current.to, -12) },
    cumulative: { from: addMonths(current.from, -12 * (lookBackYears - 1)), to: current.to },
    lookBackYears,
  };
}

/** The reference period as dates, as the CLI and the Report print it: `{from: '2024-07-01', to: '2025-06-30'}`. */
export function spanDates(span: MonthSpan): { from: string; to: string } {
  const [y, m] = span.to.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${span.from}-01`, to: `${span.to}-${String(lastDay).padStart(2, '0')}` };
}

export function spanLength(span: MonthSpan): number {
  return monthIndex(span.to) - monthIndex(span.from) + 1;
}

/** How a span is written in evidence: `2024-07/2025-06`, `2024` for a calendar year, `2025-06` for one month. */
export function formatSpan(span: MonthSpan): string {
  if (span.from === span.to) return span.from;
  const y = span.from.slice(0, 4);
  if (span.from === `${y}-01` && span.to === `${y}-12`) return y;
  const y2 = span.to.slice(0, 4);
  if (span.from.endsWith('-01') && span.to.endsWith('-12')) return `${y}/${y2}`;
  return `${span.from}/${span.to}`;
}
