/**
 * One state's figure for a span of months, from whatever periods its series has — and, when the series does not
 * cover the span, the nearest period it does cover, said out loud. The rule (issue 3 §1): use the nearest
 * available period and say so per state and indicator; never fill a gap silently, never invent a value.
 *
 * - Flows (applications, arrivals, returns) add up: the span's months, quarters or calendar years when all are there
 *   (exact); otherwise the window of the same length nearest to the span that the series covers completely.
 * - Stocks (pending cases, temporary protection) are read at the span's last month; otherwise the nearest
 *   observation date. Annual stocks in the store are year-end figures (UNHCR), read as December.
 * - Ties go to the earlier window: it is the one the Commission could have had when it adopted the Report
 *   (Art 9(4): by 15 October, when the calendar year then running was not yet published).
 * - A window further than `maxGapMonths` from the span is not used: the figure is missing, with the reason.
 * - A missing row is a missing value, never zero (PROVENANCE.md conventions). Periods flagged `partial` are skipped.
 */
import { note, type Note } from '../note.ts';
import { monthFromIndex, monthIndex, parsePeriod, periodMonths } from '../period.ts';
import { formatSpan, spanLength, type MonthSpan } from './reference-periods.ts';

export interface SeriesPoint {
  period: string;
  value: number;
  flags?: string;
  source?: string;
  vintage?: string;
}

export type Measure = 'flow' | 'stock';
export type Basis = 'months' | 'quarters' | 'years' | 'month-end' | 'quarter-end' | 'year-end';

export interface Resolved {
  ok: true;
  value: number;
  /** The months actually covered: the span itself when exact. */
  window: MonthSpan;
  basis: Basis;
  exact: boolean;
  /** For a window built from months: how many months had a positive value (recurrence, Art 11(3)). */
  activeMonths?: number;
  sources: string[];
  vintages: string[];
  flags: string[];
}

export interface Unresolved {
  ok: false;
  /** Why there is no figure, for a data note. */
  reason: Note;
}

export type Resolution = Resolved | Unresolved;

interface Candidate {
  start: number;
  basis: Basis;
  points: SeriesPoint[];
}

const FINER: Record<Basis, number> = { months: 0, quarters: 1, years: 2, 'month-end': 0, 'quarter-end': 1, 'year-end': 2 };

function usable(points: readonly SeriesPoint[]): SeriesPoint[] {
  return points.filter((p) => Number.isFinite(p.value) && !(p.flags ?? '').split(/\s+/).includes('partial') && parsePeriod(p.period) !== null);
}

/** Consecutive runs of keys (each `step` apart), as [first, last]. */
function runs(keys: number[], step: number): [number, number][] {
  const sorted = [...new Set(keys)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const k of sorted) {
    const last = out[out.length - 1];
    if (last && k === last[1] + step) last[1] = k;
    else out.push([k, k]);
  }
  return out;
}

/** Windows of `len` months from units of `unit` months (1, 3, 12), nearest to `target` within each run. */
function windows(byStart: Map<number, SeriesPoint>, unit: number, len: number, target: number, basis: Basis): Candidate[] {
  if (len % unit !== 0) return [];
  const n = len / unit;
  const out: Candidate[] = [];
  for (const [first, last] of runs([...byStart.keys()], unit)) {
    const lastStart = last - (n - 1) * unit;
    if (lastStart < first) continue;
    // The starts allowed are first, first+unit, …, lastStart; take the ones on either side of the target.
    const clamped = Math.min(Math.max(target, first), lastStart);
    const below = first + Math.floor((clamped - first) / unit) * unit;
    for (const s of new Set([below, Math.min(below + unit, lastStart)])) {
      const pts: SeriesPoint[] = [];
      for (let i = 0; i < n; i++) pts.push(byStart.get(s + i * unit)!);
      out.push({ start: s, basis, points: pts });
    }
  }
  return out;
}

function meta(points: readonly SeriesPoint[]) {
  const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  return { sources: uniq(points.map((p) => p.source)), vintages: uniq(points.map((p) => p.vintage)), flags: uniq(points.map((p) => p.flags)) };
}

function resolveFlow(points: SeriesPoint[], span: MonthSpan, maxGapMonths: number): Resolution {
  const len = spanLength(span);
  const target = monthIndex(span.from);
  const months = new Map<number, SeriesPoint>();
  const quarters = new Map<number, SeriesPoint>();
  const years = new Map<number, SeriesPoint>();
  for (const p of points) {
    const parsed = parsePeriod(p.period)!;
    const start = monthIndex(periodMonths(parsed).first);
    (parsed.freq === 'M' ? months : parsed.freq === 'Q' ? quarters : years).set(start, p);
  }
  // A calendar year complete in months or quarters counts as a year where no annual figure is published.
  for (const [unit, byStart] of [[1, months], [3, quarters]] as const) {
    const perYear = 12 / unit;
    const seen = new Map<number, SeriesPoint[]>();
    for (const [start, p] of byStart) {
      const yStart = start - (start % 12);
      seen.set(yStart, [...(seen.get(yStart) ?? []), p]);
    }
    for (const [yStart, ps] of seen) {
      if (ps.length === perYear && !years.has(yStart)) {
        const m = meta(ps);
        years.set(yStart, { period: String(yStart / 12), value: ps.reduce((a, p) => a + p.value, 0), source: m.sources.join(', '), vintage: m.vintages.join(', '), flags: m.flags.join(' ') });
      }
    }
  }
  const candidates = [
    ...windows(months, 1, len, target, 'months'),
    ...windows(quarters, 3, len, target, 'quarters'),
    ...windows(years, 12, len, target, 'years'),
  ];
  if (candidates.length === 0) {
    return { ok: false, reason: points.length === 0 ? note('resolve.noData', {}) : noCompletePeriod(len, points) };
  }
  candidates.sort((a, b) => Math.abs(a.start - target) - Math.abs(b.start - target) || a.start - b.start || FINER[a.basis] - FINER[b.basis]);
  const best = candidates[0]!;
  const gap = Math.abs(best.start - target);
  const window = { from: monthFromIndex(best.start), to: monthFromIndex(best.start + len - 1) };
  if (gap > maxGapMonths) {
    return { ok: false, reason: note('resolve.tooFar', { window: formatSpan(window), gap, span: formatSpan(span), max: maxGapMonths }) };
  }
  const r: Resolved = { ok: true, value: best.points.reduce((a, p) => a + p.value, 0), window, basis: best.basis, exact: gap === 0, ...meta(best.points) };
  if (best.basis === 'months') r.activeMonths = best.points.filter((p) => p.value > 0).length;
  return r;
}

function resolveStock(points: SeriesPoint[], span: MonthSpan, maxGapMonths: number): Resolution {
  const target = monthIndex(span.to);
  const candidates = points.map((p) => {
    const parsed = parsePeriod(p.period)!;
    const end = monthIndex(periodMonths(parsed).last);
    const basis: Basis = parsed.freq === 'M' ? 'month-end' : parsed.freq === 'Q' ? 'quarter-end' : 'year-end';
    return { end, basis, p };
  });
  if (candidates.length === 0) return { ok: false, reason: note('resolve.noData', {}) };
  candidates.sort((a, b) => Math.abs(a.end - target) - Math.abs(b.end - target) || a.end - b.end || FINER[a.basis] - FINER[b.basis]);
  const best = candidates[0]!;
  const gap = Math.abs(best.end - target);
  const month = monthFromIndex(best.end);
  if (gap > maxGapMonths) {
    return { ok: false, reason: note('resolve.tooFarStock', { month, gap, span: formatSpan(span), max: maxGapMonths }) };
  }
  return { ok: true, value: best.p.value, window: { from: month, to: month }, basis: best.basis, exact: gap === 0, ...meta([best.p]) };
}

function noCompletePeriod(length: number, points: readonly SeriesPoint[]): Note {
  const sorted = points.map((p) => p.period).sort();
  return note('resolve.noCompletePeriod', { length, count: points.length, first: sorted[0]!, last: sorted[sorted.length - 1]! });
}

/** The figure of one series for `span`: exact when the series covers it, else the nearest period, else why not. */
export function resolveSpan(points: readonly SeriesPoint[], span: MonthSpan, measure: Measure, maxGapMonths: number): Resolution {
  const pts = usable(points);
  return measure === 'flow' ? resolveFlow(pts, span, maxGapMonths) : resolveStock(pts, span, maxGapMonths);
}

/** The note a substitution gives: what was used instead of what. */
export function describeSubstitution(r: Resolved, span: MonthSpan, measure: Measure): Note {
  const used = r.basis === 'year-end' ? r.window.to.slice(0, 4) : formatSpan(r.window);
  return measure === 'stock' ? note('resolve.substitutedStock', { basis: r.basis, used, month: span.to }) : note('resolve.substituted', { basis: r.basis, used, span: formatSpan(span) });
}
