/**
 * "Will capacity hold?": occupancy of a Member State's border-procedure places through a year, from its monthly
 * arrivals (forecast with intervals), as a pure flow model.
 *
 * - Entries: each month's arrivals × `borderShare`, the share of arrivals that enter the asylum border procedure.
 *   That share is not published anywhere; it is an explicit parameter (see DEFAULT_BORDER_SHARE) and the result
 *   gives the break-even share at which the capacity would just be reached, which does not depend on it.
 *   Entries are spread evenly over the days of their month, and only from the day the border procedure applies
 *   (12 June 2026, APR Art 79(2)).
 * - Stay: every entrant occupies a place for `durationWeeks` (12 weeks, APR Art 51(2); 16 after relocation), the
 *   maximum: an upper bound on the stay, so occupancy is an upper bound for given entries.
 * - Occupancy on a day = entries in the `durationWeeks × 7` days up to and including that day.
 * - Art 48: capacity is reached when occupancy (applicants in the border procedure at a given moment) reaches the
 *   state's adequate capacity. Art 50: the annual maximum is reached when the year's entries reach it.
 *
 * Intervals: the model is run on each bound of the arrivals forecast (lo95, lo80, mean, hi80, hi95). Running it on
 * the monthly bounds treats forecast errors as fully correlated across months, so the occupancy bounds are wider than
 * exact ones: conservative, and said in the result.
 */

/** APR Art 51(2): 12 weeks from registration to the end of the procedure, appeal included. */
export const BORDER_PROCEDURE_WEEKS = 12;
/** APR Art 51(2): 16 weeks where the person was relocated and the Member State of relocation applies it. */
export const BORDER_PROCEDURE_WEEKS_AFTER_RELOCATION = 16;
/**
 * Default share of arrivals that enter the border procedure: an ASSUMPTION, not an estimate. The mandatory ground
 * of Art 42(1)(j) covers nationalities with a recognition rate ≤ 20 % (see border-nationalities.ts) among those who
 * apply for asylum after an irregular crossing or disembarkation; no published figure gives the resulting share.
 * A quarter is a round figure to start from; pass the state's own figure when known, and read the break-even share.
 */
export const DEFAULT_BORDER_SHARE = 0.25;

export const BANDS = ['lo95', 'lo80', 'mean', 'hi80', 'hi95'] as const;
export type Band = (typeof BANDS)[number];
export type Banded<T> = Record<Band, T>;

export interface MonthlyArrivals extends Banded<number> {
  /** YYYY-MM */
  period: string;
}

export interface OccupancyParams {
  year: number;
  /** Adequate capacity of the state (APR Art 47(4)); persons at any moment. */
  capacity: number;
  /** Annual maximum of border-procedure applications (Art 47(1)); null before the APR applies. */
  annualMaximum: number | null;
  /** Share of arrivals that enter the border procedure (0–1). */
  borderShare: number;
  durationWeeks: number;
  /** First day (YYYY-MM-DD) entries are counted: the day the border procedure applies, or 1 January. */
  appliesFrom: string;
}

export interface OccupancyMonth {
  period: string;
  /** Entries into the border procedure in the month. */
  entries: Banded<number>;
  /** Occupied places on the month's last day. */
  occupancyEnd: Banded<number>;
  /** Highest occupancy on any day of the month. */
  peak: Banded<number>;
  /** Entries since the start of the year (or since the procedure applies), to the month's end: Art 50. */
  cumulative: Banded<number>;
}

/** When a limit is reached: the central date and the ranges of the 80 % and 95 % intervals (null: not in the year). */
export interface ReachDate {
  central: string | null;
  /** [earliest (high arrivals), latest (low arrivals)]. */
  range80: [string | null, string | null];
  range95: [string | null, string | null];
}

export interface OccupancyOutlook {
  params: OccupancyParams;
  months: OccupancyMonth[];
  peak: Banded<number>;
  yearEntries: Banded<number>;
  /** Art 48: occupancy reaches the adequate capacity. Null when the state has no capacity to reach. */
  capacityReached: ReachDate | null;
  /** Art 50: the year's entries reach the annual maximum. */
  annualMaximumReached: ReachDate | null;
  /** The border share at which the central peak occupancy equals the capacity (linear model): null if no arrivals. */
  breakEvenShare: number | null;
  /** The border share at which the central year's entries equal the annual maximum. */
  breakEvenShareAnnual: number | null;
}

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

const banded = <T>(f: (b: Band) => T): Banded<T> => Object.fromEntries(BANDS.map((b) => [b, f(b)])) as Banded<T>;
/** Persons are whole: lower bounds down, upper bounds up, the centre to the nearest; never -0 (a running sum's dust). */
const roundBand = (x: Banded<number>): Banded<number> =>
  banded((b) => (b.startsWith('lo') ? Math.floor(x[b] + 1e-9) : b.startsWith('hi') ? Math.ceil(x[b] - 1e-9) : Math.round(x[b])) || 0);

export function borderOccupancy(arrivals: readonly MonthlyArrivals[], p: OccupancyParams): OccupancyOutlook {
  if (!(p.borderShare >= 0 && p.borderShare <= 1)) throw new RangeError(`the border share must be between 0 and 1, got ${p.borderShare}`);
  if (!(Number.isInteger(p.durationWeeks) && p.durationWeeks > 0)) throw new RangeError(`the duration must be a whole number of weeks, got ${p.durationWeeks}`);
  if (!Number.isInteger(p.capacity) || p.capacity < 0) throw new RangeError(`capacity must be a whole number ≥ 0, got ${p.capacity}`);
  const stay = p.durationWeeks * 7;
  const yearStart = dayNumber(`${p.year}-01-01`);
  const yearEnd = dayNumber(`${p.year}-12-31`);
  const applies = dayNumber(p.appliesFrom);
  // Daily entries from the first day that can still occupy a place in the year to the year's end; none before the
  // border procedure applies.
  const firstDay = yearStart - stay + 1;
  const byMonth = new Map(arrivals.map((a) => [a.period, a]));
  const daily = banded(() => new Float64Array(yearEnd - firstDay + 1));
  for (let d = firstDay; d <= yearEnd; d++) {
    if (d < applies) continue;
    const month = dateOf(d).slice(0, 7);
    const a = byMonth.get(month);
    if (!a) throw new RangeError(`arrivals for ${month} are needed (entries from ${dateOf(Math.max(firstDay, applies))} to ${p.year}-12-31)`);
    for (const b of BANDS) {
      if (!(a[b] >= 0)) throw new RangeError(`arrivals for ${month} (${b}) must be ≥ 0, got ${a[b]}`);
      daily[b][d - firstDay] = (a[b] * p.borderShare) / daysIn(month);
    }
  }
  const countFrom = Math.max(yearStart, applies);
  const months: OccupancyMonth[] = [];
  const occ = banded(() => 0);
  const cum = banded(() => 0);
  const peak = banded(() => 0);
  const reachCap = banded<number | null>(() => null);
  const reachMax = banded<number | null>(() => null);
  let month: OccupancyMonth | null = null;
  for (let d = firstDay; d <= yearEnd; d++) {
    const i = d - firstDay;
    for (const b of BANDS) {
      occ[b] += daily[b][i]! - (i >= stay ? daily[b][i - stay]! : 0);
      if (d >= countFrom) cum[b] += daily[b][i]!;
    }
    if (d < yearStart) continue;
    const period = dateOf(d).slice(0, 7);
    if (!month || month.period !== period) {
      month = { period, entries: banded(() => 0), occupancyEnd: banded(() => 0), peak: banded(() => 0), cumulative: banded(() => 0) };
      months.push(month);
    }
    for (const b of BANDS) {
      if (d >= countFrom) month.entries[b] += daily[b][i]!;
      month.occupancyEnd[b] = occ[b];
      month.peak[b] = Math.max(month.peak[b], occ[b]);
      month.cumulative[b] = cum[b];
      peak[b] = Math.max(peak[b], occ[b]);
      // A tiny tolerance: the running sums are floating point, the limits whole persons.
      if (reachCap[b] === null && p.capacity > 0 && occ[b] >= p.capacity - 1e-6) reachCap[b] = d;
      if (reachMax[b] === null && p.annualMaximum !== null && p.annualMaximum > 0 && cum[b] >= p.annualMaximum - 1e-6) reachMax[b] = d;
    }
  }
  const reach = (r: Banded<number | null>): ReachDate => {
    const f = (b: Band) => (r[b] === null ? null : dateOf(r[b]));
    return { central: f('mean'), range80: [f('hi80'), f('lo80')], range95: [f('hi95'), f('lo95')] };
  };
  const yearEntries = { ...cum };
  const centralPeakAtFullShare = p.borderShare > 0 ? peak.mean / p.borderShare : 0;
  const centralYearAtFullShare = p.borderShare > 0 ? yearEntries.mean / p.borderShare : 0;
  return {
    params: { ...p },
    months: months.map((m) => ({ period: m.period, entries: roundBand(m.entries), occupancyEnd: roundBand(m.occupancyEnd), peak: roundBand(m.peak), cumulative: roundBand(m.cumulative) })),
    peak: roundBand(peak),
    yearEntries: roundBand(yearEntries),
    capacityReached: p.capacity > 0 ? reach(reachCap) : null,
    annualMaximumReached: p.annualMaximum !== null && p.annualMaximum > 0 ? reach(reachMax) : null,
    breakEvenShare: p.capacity > 0 && centralPeakAtFullShare > 0 ? p.capacity / centralPeakAtFullShare : null,
    breakEvenShareAnnual: p.annualMaximum && centralYearAtFullShare > 0 ? p.annualMaximum / centralYearAtFullShare : null,
  };
}
