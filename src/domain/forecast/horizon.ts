/**
 * Which months a forecast covers: the 12 months after the last observation and, when later, every month to the end
 * of the cycle year — the "coming year" the Report projects (AMMR Art 9(3)(b)); the 2026 cycle's Report (October
 * 2025) projects calendar year 2026.
 */
import { addMonths, monthIndex } from '../period.ts';

export interface ForecastHorizon {
  /** First and last forecast month. */
  first: string;
  last: string;
  months: number;
  /** Months of the cycle year already observed (they are not forecast). */
  cycleObserved: number;
}

export function forecastHorizon(lastObserved: string, cycle: number): ForecastHorizon {
  const first = addMonths(lastObserved, 1);
  const cycleEnd = `${cycle}-12`;
  const months = Math.max(12, monthIndex(cycleEnd) - monthIndex(lastObserved));
  const observedInCycle = monthIndex(lastObserved) - monthIndex(`${cycle}-01`) + 1;
  return { first, last: addMonths(lastObserved, months), months, cycleObserved: Math.min(12, Math.max(0, observedInCycle)) };
}
