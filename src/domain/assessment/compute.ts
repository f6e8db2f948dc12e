/**
 * The indicators per Member State for each period of the cycle (Art 9(3)(a), Art 10): the absolute figure, per
 * 1,000 inhabitants, per € billion of GDP, and the disproportionality index — the state's share of the Union total
 * divided by its fair share under the Art 66 key (1 = exactly its fair share). That is the comparison recital 2 of
 * Decision 2025/2323 describes: each state's situation against the overall situation in the Union (domain.md §2.3).
 *
 * Pure: the store has already fetched the series; every substitution and every gap becomes a data note.
 */
import { note, type Note } from '../note.ts';
import { attributeRoutes, type RouteAttribution } from '../route-attribution.ts';
import { parsePeriod, periodMonths } from '../period.ts';
import type { MemberStateCode } from '../member-states.ts';
import { formatSpan, type CyclePeriods, type MonthSpan, type PeriodKey } from './reference-periods.ts';
import { describeSubstitution, resolveSpan, type Basis, type Resolution, type SeriesPoint } from './resolve.ts';
import { sourceKey, type AssessmentIndicator, type IndicatorSource } from './indicators.ts';

/** One state's line of the Art 66 key, with the figures it was computed from. */
export interface KeyRow {
  code: MemberStateCode;
  /** Fraction of 1 (Art 66). */
  share: number;
  /** Persons on 1 January. */
  population: number;
  /** GDP at current prices, million euro. */
  gdpMeur: number;
}

/** Stored series by source key (`sourceKey`) and geo. */
export type SeriesByGeo = ReadonlyMap<string, ReadonlyMap<string, readonly SeriesPoint[]>>;

export interface IndicatorInputs {
  periods: CyclePeriods;
  key: readonly KeyRow[];
  indicators: readonly AssessmentIndicator[];
  series: SeriesByGeo;
  /** Frontex detections by route (geo EU27_2020). */
  routes: ReadonlyMap<string, readonly SeriesPoint[]>;
  routeTable: RouteAttribution;
  /** The furthest (in months) a substituted period may be from the one wanted. */
  maxGapMonths: number;
}

export interface IndicatorFigure {
  indicator: string;
  period: PeriodKey;
  value: number | null;
  perThousand: number | null;
  perBillionGdp: number | null;
  disproportionality: number | null;
  /** The months the figure covers (`2024-07/2025-06`, `2024`, `2025-06` for a stock); null without a figure. */
  window: string | null;
  basis: Basis | 'attributed' | null;
  /** True when the figure covers exactly the period wanted. */
  exact: boolean | null;
  /** The stored series it came from. */
  series: string | null;
  /** The observations' sources and vintages, and any flag their source put on them (rounded, new and repeat, …). */
  sources?: string[];
  vintages?: string[];
  flags?: string[];
  /** Months with a positive figure, where the figure is a sum of months (recurrence, Art 11(3)). */
  activeMonths?: number;
  /** Why there is no figure. */
  missing?: Note;
}

export interface UnionFigure {
  indicator: string;
  period: PeriodKey;
  /** Sum over the states with a figure; null for ratios. */
  total: number | null;
  statesWithData: number;
  /** The Union's figure per 1,000 inhabitants and per € billion of GDP, over the same states: the average a state is compared with. */
  perThousand: number | null;
  perBillionGdp: number | null;
}

export interface IndicatorsResult {
  byState: Map<MemberStateCode, IndicatorFigure[]>;
  union: UnionFigure[];
  /** Per state: every substitution and every gap, by indicator and period. */
  notes: Map<MemberStateCode, Note[]>;
  /** Notes that hold for every state (a source's coverage, the route attribution). */
  generalNotes: Note[];
}

const PERIOD_KEYS: readonly PeriodKey[] = ['current', 'previous', 'cumulative'];

interface Raw {
  value: number | null;
  /** As printed: `2024-07/2025-06`; two windows joined by a comma where routes differ. */
  window: string | null;
  basis: IndicatorFigure['basis'];
  exact: boolean | null;
  series: string | null;
  sources?: string[];
  vintages?: string[];
  flags?: string[];
  activeMonths?: number;
  missing?: Note;
  /** Outside a frontline source's coverage: no figure, and no note per state. */
  outside?: boolean;
}

function fromResolution(r: Resolution, series: string): Raw {
  if (!r.ok) return { value: null, window: null, basis: null, exact: null, series: null, missing: r.reason };
  const raw: Raw = { value: r.value, window: formatSpan(r.window), basis: r.basis, exact: r.exact, series, sources: r.sources, vintages: r.vintages, flags: r.flags };
  if (r.activeMonths !== undefined) raw.activeMonths = r.activeMonths;
  return raw;
}

function pointsOf(series: SeriesByGeo, source: IndicatorSource, geo: string): readonly SeriesPoint[] {
  const points = series.get(sourceKey(source))?.get(geo) ?? [];
  // A period counts by its last month: the year-end stock of `2022` is dated December 2022.
  return source.validFrom ? points.filter((p) => { const parsed = parsePeriod(p.period); return parsed !== null && periodMonths(parsed).last >= source.validFrom!; }) : points;
}

/** The indicator, period and span a note is about. */
function about(ind: AssessmentIndicator, period: PeriodKey, span: MonthSpan) {
  return { indicator: ind.id, period, span: formatSpan(span) };
}

/** A flow or stock from the first source, in order of preference, that gives the state a figure. */
function resolveState(inp: IndicatorInputs, ind: AssessmentIndicator, code: MemberStateCode, span: MonthSpan, notes: Note[], period: PeriodKey): Raw {
  const measure = ind.kind === 'stock' ? 'stock' : 'flow';
  const applicable = ind.sources.filter((s) => !s.states || s.states.includes(code));
  const hasAny = applicable.some((s) => pointsOf(inp.series, s, code).length > 0);
  if (!hasAny && ind.scope === 'frontline') return { value: null, window: null, basis: null, exact: null, series: null, missing: note('assessment.outsideCoverage', {}), outside: true };
  const reasons: Note[] = [];
  for (const [i, source] of applicable.entries()) {
    const r = resolveSpan(pointsOf(inp.series, source, code), span, measure, inp.maxGapMonths);
    if (!r.ok) {
      reasons.push(note('assessment.sourceReason', { source: sourceKey(source), reason: r.reason }));
      continue;
    }
    const parts: Note[] = [];
    if (!r.exact) parts.push(describeSubstitution(r, span, measure));
    if (i > 0 || source.note) parts.push(source.note ? note('assessment.fromSourceBecause', { source: sourceKey(source), because: source.note }) : note('assessment.fromSource', { source: sourceKey(source) }));
    if (r.flags.length) parts.push(note('assessment.flagged', { flags: r.flags.map((f) => `"${f}"`) }));
    for (const [k, caveat] of Object.entries(ind.caveats ?? {})) {
      if (k === code || r.sources.some((src) => src.includes(k))) parts.push(caveat);
    }
    if (parts.length) notes.push(note('assessment.figure', { ...about(ind, period, span), parts }));
    return fromResolution(r, sourceKey(source));
  }
  const missing = note('assessment.missing', { ...about(ind, period, span), reasons: reasons.length ? reasons : [note('assessment.noSource', {})] });
  notes.push(missing);
  return { value: null, window: null, basis: null, exact: null, series: null, missing };
}

/** A ratio read on one window: the denominator's (nearest) window, and the numerator on exactly the same months. */
function resolveRatio(inp: IndicatorInputs, ind: AssessmentIndicator, code: MemberStateCode, span: MonthSpan, notes: Note[], period: PeriodKey): Raw {
  const { numerator, denominator } = ind.ratio!;
  const den = resolveSpan(pointsOf(inp.series, denominator, code), span, 'flow', inp.maxGapMonths);
  const num = den.ok ? resolveSpan(pointsOf(inp.series, numerator, code), den.window, 'flow', 0) : den;
  if (!den.ok || !num.ok || den.value <= 0) {
    const why = !den.ok
      ? note('assessment.sourceReason', { source: sourceKey(denominator), reason: den.reason })
      : !num.ok
        ? note('assessment.sourceReason', { source: sourceKey(numerator), reason: num.reason })
        : note('assessment.denominatorZero', { source: sourceKey(denominator) });
    notes.push(note('assessment.missingRatio', { ...about(ind, period, span), reason: why }));
    return { value: null, window: null, basis: null, exact: null, series: null, missing: why };
  }
  if (!den.exact) notes.push(note('assessment.figure', { ...about(ind, period, span), parts: [describeSubstitution(den, span, 'flow')] }));
  return { value: num.value / den.value, window: formatSpan(den.window), basis: den.basis, exact: den.exact, series: `${sourceKey(numerator)} / ${sourceKey(denominator)}` };
}

/** Frontex routes over the span, attributed to states by the route table; a state fed by a route without a figure has none. */
function resolveRoutes(inp: IndicatorInputs, ind: AssessmentIndicator, span: MonthSpan, period: PeriodKey, notes: Map<MemberStateCode, Note[]>, general: Note[]): Map<MemberStateCode, Raw> {
  const byRoute = new Map<string, number>();
  const resolved = new Map<string, Resolution>();
  for (const [route, points] of inp.routes) {
    const r = resolveSpan(points, span, 'flow', inp.maxGapMonths);
    resolved.set(route, r);
    if (r.ok) byRoute.set(route, r.value);
  }
  const out = new Map<MemberStateCode, Raw>();
  if (inp.routes.size === 0) {
    general.push(note('assessment.noFrontex', about(ind, period, span)));
    for (const k of inp.key) out.set(k.code, { value: null, window: null, basis: null, exact: null, series: null, missing: note('assessment.noFrontexStored', {}) });
    return out;
  }
  const attributed = attributeRoutes(byRoute, inp.routeTable);
  const okRoutes = [...resolved.entries()].filter(([, r]) => r.ok) as [string, Extract<Resolution, { ok: true }>][];
  const exact = okRoutes.every(([, r]) => r.exact);
  if (!exact) {
    const routes = okRoutes.filter(([, r]) => !r.exact).map(([route, r]) => note('assessment.routeSubstitution', { route, substitution: describeSubstitution(r, span, 'flow') }));
    general.push(note('assessment.routesSubstituted', { ...about(ind, period, span), routes }));
  }
  if (okRoutes.length === 0) {
    general.push(note('assessment.noRouteFigure', about(ind, period, span)));
    for (const k of inp.key) out.set(k.code, { value: null, window: null, basis: null, exact: null, series: null, missing: note('assessment.noRouteFigureShort', {}) });
    return out;
  }
  for (const k of inp.key) {
    const routes = Object.entries(inp.routeTable.routes).filter(([, e]) => k.code in e.states).map(([route]) => route);
    const failed = routes.filter((route) => !resolved.get(route)?.ok);
    const stateNotes = notes.get(k.code)!;
    const why = failed.map((route) => {
      const r = resolved.get(route);
      return note('assessment.sourceReason', { source: route, reason: r && !r.ok ? r.reason : note('resolve.noData', {}) });
    });
    if (failed.length > 0 && failed.length === routes.length) {
      const missing = note('assessment.missing', { ...about(ind, period, span), reasons: why });
      stateNotes.push(missing);
      out.set(k.code, { value: null, window: null, basis: null, exact: null, series: null, missing });
      continue;
    }
    if (failed.length > 0) {
      // Not read as zero: the figure and the Union total it is compared with both leave the route out, and say so.
      stateNotes.push(note('assessment.routesWithoutFigure', { ...about(ind, period, span), routes: failed, reasons: why }));
    }
    // The state's own routes decide its window; a state on no route has 0 over the windows of all routes.
    const okOwn = routes.filter((route) => resolved.get(route)?.ok);
    const own = okOwn.length > 0 ? okOwn.map((route) => resolved.get(route) as Extract<Resolution, { ok: true }>) : okRoutes.map(([, r]) => r);
    const ownWindows = [...new Set(own.map((r) => formatSpan(r.window)))];
    const ownExact = own.every((r) => r.exact);
    const split = routes.filter((route) => inp.routeTable.routes[route]!.basis === 'equal-split');
    if (split.length > 0 && period === 'current') {
      stateNotes.push(
        note('assessment.equalSplit', { indicator: ind.id, routes: split, states: split.map((r) => Object.keys(inp.routeTable.routes[r]!.states).join('/')), version: String(inp.routeTable.version) }),
      );
    }
    if (okOwn.length > 0 && !ownExact) stateNotes.push(note('assessment.routesNearest', { ...about(ind, period, span), windows: ownWindows, routes: okOwn }));
    out.set(k.code, { value: attributed.byState.get(k.code) ?? 0, window: ownWindows.join(', ') || null, basis: 'attributed', exact: ownExact, series: 'irregular_crossings' });
  }
  const none = inp.key.filter((k) => !Object.values(inp.routeTable.routes).some((e) => k.code in e.states)).map((k) => k.code);
  if (period === 'current') {
    const table = { indicator: ind.id, table: inp.routeTable.title, version: String(inp.routeTable.version), status: inp.routeTable.status, none };
    general.push(
      attributed.unattributed.length
        ? note('assessment.routeAttributionUnattributed', { ...table, detections: attributed.unattributed.map((u) => note('assessment.routeCount', { route: u.route, count: u.value })) })
        : note('assessment.routeAttribution', table),
    );
  }
  return out;
}

function rawFor(inp: IndicatorInputs, ind: AssessmentIndicator, span: MonthSpan, period: PeriodKey, notes: Map<MemberStateCode, Note[]>, general: Note[]): Map<MemberStateCode, Raw> {
  if (ind.scope === 'routes') return resolveRoutes(inp, ind, span, period, notes, general);
  const out = new Map<MemberStateCode, Raw>();
  for (const k of inp.key) {
    const stateNotes = notes.get(k.code)!;
    out.set(k.code, ind.kind === 'ratio' ? resolveRatio(inp, ind, k.code, span, stateNotes, period) : resolveState(inp, ind, k.code, span, stateNotes, period));
  }
  if (ind.scope === 'frontline' && period === 'current') {
    const covered = [...out.entries()].filter(([, r]) => !r.outside).map(([c]) => c);
    general.push(covered.length ? note('assessment.frontlineCoverage', { indicator: ind.id, states: covered }) : note('assessment.frontlineNone', { indicator: ind.id }));
  }
  return out;
}

/** Every indicator for every state and period, normalised and compared with the Union. */
export function computeIndicators(inp: IndicatorInputs): IndicatorsResult {
  const notes = new Map<MemberStateCode, Note[]>(inp.key.map((k) => [k.code, []]));
  const byState = new Map<MemberStateCode, IndicatorFigure[]>(inp.key.map((k) => [k.code, []]));
  const general: Note[] = [];
  const union: UnionFigure[] = [];
  const spans: Record<PeriodKey, MonthSpan> = { current: inp.periods.current, previous: inp.periods.previous, cumulative: inp.periods.cumulative };
  for (const ind of inp.indicators) {
    // A stock is already cumulative: it has a value at the end of a period, not a sum over the look-back.
    for (const period of ind.kind === 'stock' ? PERIOD_KEYS.filter((p) => p !== 'cumulative') : PERIOD_KEYS) {
      const raws = rawFor(inp, ind, spans[period], period, notes, general);
      const withValue = inp.key.filter((k) => raws.get(k.code)!.value !== null);
      const total = ind.kind === 'ratio' ? null : withValue.reduce((a, k) => a + raws.get(k.code)!.value!, 0);
      // The Union's size over the states compared: all 26 where the source covers the Union, else those with a figure.
      const compared = ind.scope === 'member-states' ? withValue : inp.key;
      const keyTotal = compared.reduce((a, k) => a + k.share, 0);
      const population = compared.reduce((a, k) => a + k.population, 0);
      const gdpBn = compared.reduce((a, k) => a + k.gdpMeur, 0) / 1000;
      union.push({
        indicator: ind.id,
        period,
        total,
        statesWithData: withValue.length,
        perThousand: total !== null && population > 0 ? (total / population) * 1000 : null,
        perBillionGdp: total !== null && gdpBn > 0 ? total / gdpBn : null,
      });
      for (const k of inp.key) {
        const raw = raws.get(k.code)!;
        const v = raw.value;
        const normalised = v !== null && ind.kind !== 'ratio';
        const fig: IndicatorFigure = {
          indicator: ind.id,
          period,
          value: v,
          perThousand: normalised ? (v / k.population) * 1000 : null,
          // GDP is stored in million euro: € billion = MIO_EUR / 1000.
          perBillionGdp: normalised ? v / (k.gdpMeur / 1000) : null,
          disproportionality: normalised && total! > 0 && keyTotal > 0 ? v / total! / (k.share / keyTotal) : null,
          window: raw.window,
          basis: raw.basis,
          exact: raw.exact,
          series: raw.series,
        };
        if (raw.sources) Object.assign(fig, { sources: raw.sources, vintages: raw.vintages, flags: raw.flags });
        if (raw.activeMonths !== undefined) fig.activeMonths = raw.activeMonths;
        if (raw.missing !== undefined) fig.missing = raw.missing;
        byState.get(k.code)!.push(fig);
      }
      if (ind.scope === 'member-states' && ind.kind !== 'ratio' && withValue.length > 0 && withValue.length < inp.key.length) {
        general.push(note('assessment.partialUnion', { ...about(ind, period, spans[period]), count: withValue.length, total: inp.key.length }));
      }
    }
  }
  return { byState, union, notes, generalNotes: general };
}
