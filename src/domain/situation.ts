/**
 * One figure of the situation report for a twelve-month period (AMMR Art 9(1): the Report covers July–June), from
 * whatever frequency the source publishes, and the rule that says which period was used when the series does not
 * cover the period asked for. Pure: the caller has already read the observations.
 *
 * The rule, in order: (1) the period's own months or quarters, all of them for a flow (summed) or its last one for a
 * stock; (2) the calendar year in which the period begins (published annual figure, or its 12 months / 4 quarters);
 * (3) the same, one year earlier at a time, up to `MAX_YEARS_BACK` years. The result names the period used, so that
 * the Report states every substitution instead of filling a gap silently.
 */
import { addMonths, monthRange } from './period.ts';

export interface Window {
  /** First month, `YYYY-MM`. */
  first: string;
  /** Last month, `YYYY-MM`. */
  last: string;
}

export type Basis = 'months' | 'quarters' | 'calendar-year';

export interface PeriodFigure {
  value: number;
  basis: Basis;
  /** The period the value covers: `2024-07..2025-06`, `2024-Q3..2025-Q2` or `2024`. */
  used: string;
  /** Whole years by which the period used lies before the period asked for (0: the period itself). */
  yearsBack: number;
}

export interface Point {
  period: string;
  value: number;
}

export const MAX_YEARS_BACK = 3;

/** Art 9(1): the reference period of the cycle of year Y is July Y−2 to June Y−1; the previous one a year earlier. */
export function referenceWindow(cycle: number): Window {
  return { first: `${cycle - 2}-07`, last: `${cycle - 1}-06` };
}

export function shiftWindow(w: Window, years: number): Window {
  return { first: addMonths(w.first, 12 * years), last: addMonths(w.last, 12 * years) };
}

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

function quarterRange(w: Window): string[] {
  return [...new Set(monthRange(w.first, w.last).map(quarterOf))];
}

function over(byPeriod: Map<string, number>, periods: readonly string[], kind: 'flow' | 'stock'): number | null {
  if (kind === 'stock') {
    const last = byPeriod.get(periods[periods.length - 1]!);
    return last === undefined ? null : last;
  }
  let sum = 0;
  for (const p of periods) {
    const v = byPeriod.get(p);
    if (v === undefined) return null;
    sum += v;
  }
  return sum;
}

/** The figure for exactly this window and basis, or null when the series does not cover it. */
export function figureOn(byPeriod: Map<string, number>, kind: 'flow' | 'stock', w: Window, basis: Basis): { value: number; used: string } | null {
  if (basis === 'months') {
    const months = monthRange(w.first, w.last);
    const value = over(byPeriod, months, kind);
    return value === null ? null : { value, used: `${w.first}..${w.last}` };
  }
  if (basis === 'quarters') {
    // Only when the window starts and ends on quarter boundaries (July–June does).
    const quarters = quarterRange(w);
    if (quarters.length * 3 !== monthRange(w.first, w.last).length) return null;
    const value = over(byPeriod, quarters, kind);
    return value === null ? null : { value, used: `${quarters[0]}..${quarters[quarters.length - 1]}` };
  }
  const year = w.first.slice(0, 4);
  const annual = byPeriod.get(year);
  if (annual !== undefined) return { value: annual, used: year };
  const fromMonths = over(byPeriod, monthRange(`${year}-01`, `${year}-12`), kind);
  if (fromMonths !== null) return { value: fromMonths, used: year };
  const fromQuarters = over(byPeriod, [1, 2, 3, 4].map((q) => `${year}-Q${q}`), kind);
  return fromQuarters === null ? null : { value: fromQuarters, used: year };
}

const BASES: readonly Basis[] = ['months', 'quarters', 'calendar-year'];

/**
 * The figure for the window by the rule above, or null when the series has nothing within `MAX_YEARS_BACK` years.
 *
 * @example figureFor([{ period: '2024', value: 10 }], 'flow', referenceWindow(2026)) // → { value: 10, basis: 'calendar-year', used: '2024', yearsBack: 0 }
 */
export function figureFor(points: readonly Point[], kind: 'flow' | 'stock', w: Window): PeriodFigure | null {
  const byPeriod = new Map(points.map((p) => [p.period, p.value]));
  for (let back = 0; back <= MAX_YEARS_BACK; back++) {
    const shifted = shiftWindow(w, -back);
    for (const basis of BASES) {
      const f = figureOn(byPeriod, kind, shifted, basis);
      if (f) return { ...f, basis, yearsBack: back };
    }
  }
  return null;
}

/**
 * The reference figure and the figure a year before it on the same basis, so that the two compare like with like.
 * The previous figure is null when the series does not reach back that far on that basis.
 */
export function compareWithPrevious(points: readonly Point[], kind: 'flow' | 'stock', w: Window): { reference: PeriodFigure | null; previous: PeriodFigure | null } {
  const reference = figureFor(points, kind, w);
  if (!reference) return { reference: null, previous: null };
  const byPeriod = new Map(points.map((p) => [p.period, p.value]));
  const prev = figureOn(byPeriod, kind, shiftWindow(w, -reference.yearsBack - 1), reference.basis);
  return { reference, previous: prev ? { ...prev, basis: reference.basis, yearsBack: reference.yearsBack + 1 } : null };
}

/** Relative change from `previous` to `reference` (0.1 = +10 %); null when there is nothing to compare with. */
export function relativeChange(reference: number | null | undefined, previous: number | null | undefined): number | null {
  if (reference === null || reference === undefined || previous === null || previous === undefined || previous === 0) return null;
  return (reference - previous) / previous;
}
