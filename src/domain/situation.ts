/**
 * One figure of the situation report for a twelve-month period (AMMR Art 9(1): the Report covers July–June), from
 * whatever frequency the source publishes. Which period stands in when a series does not cover the one asked for is
 * the assessment's rule (./assessment/resolve.ts: the nearest complete period of the same length, stated), so the
 * Report and the assessment never disagree on a figure. The Report reaches further than the assessment: it
 * describes what is known, up to three years away and said so, where the assessment classifies and stops at the
 * methodology's limit. Pure: the caller has already read the observations.
 */
import { referencePeriods, formatSpan, type MonthSpan } from './assessment/reference-periods.ts';
import { resolveSpan, type Basis, type Resolved } from './assessment/resolve.ts';
import { addMonths, monthIndex } from './period.ts';

export interface Window {
  /** First month, `YYYY-MM`. */
  first: string;
  /** Last month, `YYYY-MM`. */
  last: string;
}

export interface PeriodFigure {
  value: number;
  basis: Basis;
  /** The period the value covers, as printed: `2024-07/2025-06`, `2024` for a calendar year, `2025-06` for a stock's month. */
  used: string;
  /** The months the value covers. */
  window: Window;
  /** True when the value covers exactly the period asked for. */
  exact: boolean;
}

export interface Point {
  period: string;
  value: number;
}

/** How far from the period asked for the Report still takes a figure (stated): three years. */
export const REPORT_REACH_MONTHS = 36;

const toSpan = (w: Window): MonthSpan => ({ from: w.first, to: w.last });
const toWindow = (s: MonthSpan): Window => ({ first: s.from, last: s.to });

/** Art 9(1): the reference period of the cycle of year Y is July Y−2 to June Y−1; the previous one a year earlier. */
export function referenceWindow(cycle: number): Window {
  return toWindow(referencePeriods(cycle).current);
}

export function shiftWindow(w: Window, years: number): Window {
  return { first: addMonths(w.first, 12 * years), last: addMonths(w.last, 12 * years) };
}

/** True when the two windows share at least one month. */
export function overlaps(a: Window, b: Window): boolean {
  return monthIndex(a.first) <= monthIndex(b.last) && monthIndex(b.first) <= monthIndex(a.last);
}

/** A stock read at a quarter's or a year's end is that quarter's or year's figure, and printed so. */
function printed(r: Resolved): string {
  const month = r.window.to;
  if (r.basis === 'year-end') return month.slice(0, 4);
  if (r.basis === 'quarter-end') return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  return formatSpan(r.window);
}

function figure(r: Resolved): PeriodFigure {
  return { value: r.value, basis: r.basis, used: printed(r), window: toWindow(r.window), exact: r.exact };
}

/**
 * The figure for the window: exact when the series covers it, else the nearest complete period of the same length
 * within `reachMonths`, else null.
 *
 * @example figureFor([{ period: '2024', value: 10 }], 'flow', referenceWindow(2026)) // → { value: 10, basis: 'years', used: '2024', exact: false, … }
 */
export function figureFor(points: readonly Point[], kind: 'flow' | 'stock', w: Window, reachMonths = REPORT_REACH_MONTHS): PeriodFigure | null {
  const r = resolveSpan(points, toSpan(w), kind, reachMonths);
  return r.ok ? figure(r) : null;
}

/**
 * The reference figure and the figure for the twelve months just before the period it covers, so that the two
 * compare like with like. The previous figure is null when the series does not cover exactly those months.
 */
export function compareWithPrevious(points: readonly Point[], kind: 'flow' | 'stock', w: Window): { reference: PeriodFigure | null; previous: PeriodFigure | null } {
  const reference = figureFor(points, kind, w);
  if (!reference) return { reference: null, previous: null };
  // A stock is read at the window's last month: its "period" is that month, and the previous one is a year before.
  const before = kind === 'stock' ? shiftWindow({ first: reference.window.last, last: reference.window.last }, -1) : shiftWindow(reference.window, -1);
  return { reference, previous: figureFor(points, kind, before, 0) };
}

/** Relative change from `previous` to `reference` (0.1 = +10 %); null when there is nothing to compare with. */
export function relativeChange(reference: number | null | undefined, previous: number | null | undefined): number | null {
  if (reference === null || reference === undefined || previous === null || previous === undefined || previous === 0) return null;
  return (reference - previous) / previous;
}
