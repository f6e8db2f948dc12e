/**
 * The monthly series the cycle forecasts, built from what the store holds (not from a fixed list): every monthly
 * indicator below, per geo — and per Frontex route for irregular crossings — without breakdowns by nationality or
 * citizenship. Problems are stated per series: a trailing partial month is left out, a series with a gap is
 * forecast from its consecutive months since the gap (or refused when too short), negative values refuse the series.
 * A refusal is a SeriesRefused: an English message for the CLI's error, and the reason as a note for the lists of
 * skipped series, which the Report and the web pages write in their reader's language.
 */
import { InputError } from '../domain/errors.ts';
import { MIN_ANY } from '../domain/forecast/models.ts';
import { monthlySeries, SeriesRefused, type MonthlyPoint, type MonthlySeries, type SkippedSeries } from '../domain/forecast/series.ts';
import { addMonths, monthIndex } from '../domain/period.ts';
import { note, type Note } from '../domain/note.ts';
import type { IndicatorId } from '../data/registry.ts';
import type { Observation } from '../domain/observation.ts';
import type { Queryable } from '../store/db.ts';
import { queryObservations } from '../store/observations.ts';

/** Monthly indicators of the Report worth projecting (AMMR Art 9(3)(a)(i), (xv), (xvi) and (b) sea arrivals). */
export const FORECAST_INDICATORS: readonly IndicatorId[] = [
  'irregular_crossings',
  'sea_arrivals',
  'asylum_applicants',
  'asylum_applicants_first_time',
  'asylum_applicants_non_ukrainian',
  'tp_beneficiaries',
  'pending_cases',
];

export type { SkippedSeries } from '../domain/forecast/series.ts';

/** Dimensions that identify a series rather than break one down. */
const SERIES_DIMS = new Set(['route', 'area']);
/** Fewest consecutive months kept after a gap. */
const MIN_AFTER_GAP = 24;

export interface StoredSeries extends MonthlySeries {
  indicator: IndicatorId;
  geo: string;
  dims?: Record<string, string>;
  /** What was done to the data before forecasting, in words. */
  notes: Note[];
}

export function seriesId(o: Pick<Observation, 'indicator' | 'geo' | 'dims'>): string {
  if (o.dims?.route) return `${o.indicator}:${o.dims.route}`;
  const extra = o.dims ? Object.keys(o.dims).sort().map((k) => o.dims![k]) : [];
  return [o.indicator, o.geo, ...extra].join(':');
}

/** Refuses a series shorter than any model takes ({@link MIN_ANY} months), naming it and its first month. */
export function refuseTooShort(s: MonthlySeries): void {
  if (s.values.length >= MIN_ANY) return;
  const reason = note('forecast.skip.tooShort', { months: s.values.length, since: s.start, min: MIN_ANY });
  throw new SeriesRefused(`series ${s.id} has only ${s.values.length} month (${s.start}); a forecast needs at least ${MIN_ANY}`, reason, { field: 'period' });
}

/**
 * Turns one series' observations into a forecastable series, or says why it cannot be one: a SeriesRefused with
 * an English message and the reason as a note.
 */
export function buildSeries(id: string, rows: readonly Observation[]): StoredSeries {
  const first = rows[0]!;
  const notes: Note[] = [];
  const sorted = [...rows].sort((a, b) => a.period.localeCompare(b.period));
  while (sorted.length > 0 && sorted[sorted.length - 1]!.flags.split(/[,;\s]+/).includes('partial')) {
    notes.push(note('series.partialMonth', { month: sorted.pop()!.period }));
  }
  if (sorted.length === 0) {
    const months = rows.map((r) => r.period).sort();
    const reason = note('forecast.skip.allPartial', { first: months[0]!, last: months.at(-1)! });
    throw new SeriesRefused(`series ${id} has no complete month: every month from ${months[0]} to ${months.at(-1)} is flagged partial`, reason, { field: 'flags' });
  }
  const negative = sorted.find((r) => r.value < 0);
  if (negative) {
    const reason = note('forecast.skip.negative', { value: negative.value, month: negative.period, source: negative.source });
    throw new SeriesRefused(`series ${id} has value ${negative.value} in ${negative.period} (source ${negative.source}); counts cannot be negative`, reason, { field: 'value' });
  }
  let points: MonthlyPoint[] = sorted.map((r) => ({ period: r.period, value: r.value }));
  for (let i = points.length - 1; i > 0; i--) {
    if (monthIndex(points[i]!.period) - monthIndex(points[i - 1]!.period) !== 1) {
      const kept = points.slice(i);
      const [from, to, since] = [addMonths(points[i - 1]!.period, 1), addMonths(points[i]!.period, -1), kept[0]!.period];
      if (kept.length < MIN_AFTER_GAP) {
        // The last gap, the one that leaves too few months (not the first, which monthlySeries would name).
        const reason = note('forecast.skip.gap', { from, to, months: kept.length, since, min: MIN_AFTER_GAP });
        throw new SeriesRefused(`series ${id} has a gap: months ${from} to ${to} are missing, and only ${kept.length === 1 ? '1 consecutive month follows' : `${kept.length} consecutive months follow`} it (since ${since}; at least ${MIN_AFTER_GAP} needed); a forecast needs consecutive months`, reason, { field: 'period' });
      }
      notes.push(note('series.gap', { from, to, months: kept.length, since }));
      points = kept;
      break;
    }
  }
  const s = monthlySeries(id, points);
  refuseTooShort(s);
  const out: StoredSeries = { ...s, indicator: first.indicator as IndicatorId, geo: first.geo, notes };
  if (first.dims) out.dims = first.dims;
  return out;
}

/**
 * Every monthly series in the store (or only those named in `ids`). Named series that cannot be used raise their
 * SeriesRefused (an InputError); unnamed ones are listed in `skipped` with the reason as a note.
 */
export async function readMonthlySeries(db: Queryable, ids?: readonly string[]): Promise<{ series: StoredSeries[]; skipped: SkippedSeries[] }> {
  const groups = new Map<string, Observation[]>();
  for (const indicator of FORECAST_INDICATORS) {
    for (const o of await queryObservations(db, { indicator, freq: 'M', anyDims: true })) {
      if (o.dims && Object.keys(o.dims).some((k) => !SERIES_DIMS.has(k))) continue;
      const id = seriesId(o);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = []));
      g.push(o);
    }
  }
  if (ids) {
    const unknown = ids.filter((id) => !groups.has(id));
    if (unknown.length > 0) {
      const known = [...groups.keys()].sort();
      throw new InputError(`no monthly series ${unknown.map((u) => `"${u}"`).join(', ')} in the store${known.length ? `; known series include ${known.slice(0, 8).join(', ')}` : ' (is the data loaded? run `pactcycle data load`)'}`, { field: 'series' });
    }
  }
  return buildGroups(groups, ids ?? [...groups.keys()].sort(), ids !== undefined);
}

/**
 * The monthly series of one indicator broken down by exactly the dimensions `dimKeys`, one per combination of their
 * values, with the id `indicator:value1:value2…` in the order of `dimKeys` (['route'] gives each Frontex route's
 * series under the id `seriesId` gives it). A series that cannot be built is skipped with the reason.
 */
export async function readSeriesByDims(db: Queryable, indicator: IndicatorId, dimKeys: readonly string[]): Promise<{ series: StoredSeries[]; skipped: SkippedSeries[] }> {
  const groups = new Map<string, Observation[]>();
  for (const o of await queryObservations(db, { indicator, freq: 'M', anyDims: true, dimKeys })) {
    const dims = o.dims ?? {};
    if (Object.keys(dims).length !== dimKeys.length || dimKeys.some((k) => dims[k] === undefined)) continue;
    const id = [indicator, ...dimKeys.map((k) => dims[k]!)].join(':');
    let g = groups.get(id);
    if (!g) groups.set(id, (g = []));
    g.push(o);
  }
  return buildGroups(groups, [...groups.keys()].sort(), false);
}

/** Builds each named group; a refused series is thrown when the caller named it (`strict`), else skipped with its reason. */
function buildGroups(groups: ReadonlyMap<string, readonly Observation[]>, ids: readonly string[], strict: boolean): { series: StoredSeries[]; skipped: SkippedSeries[] } {
  const series: StoredSeries[] = [];
  const skipped: SkippedSeries[] = [];
  for (const id of ids) {
    try {
      series.push(buildSeries(id, groups.get(id)!));
    } catch (err) {
      if (strict || !(err instanceof SeriesRefused)) throw err;
      skipped.push({ id, reason: err.reason });
    }
  }
  return { series, skipped };
}
