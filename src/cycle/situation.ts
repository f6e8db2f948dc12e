/**
 * The situation in the reference period against the previous one (AMMR Art 9(1), 9(3)(a)): arrivals by route and by
 * Member State, applications, temporary protection, first-instance decisions and recognition rates, returns, and
 * Dublin — each figure with the period it covers, from the store's latest vintages. The Report and its annexes print
 * exactly these figures.
 */
import { DUBLIN_ASSOCIATED, EU27 } from '../domain/member-states.ts';
import type { Observation } from '../domain/observation.ts';
import { compareWithPrevious, referenceWindow, relativeChange, shiftWindow, type PeriodFigure, type Window } from '../domain/situation.ts';
import { indicatorDefinition, type IndicatorId } from '../data/registry.ts';
import type { Queryable } from '../store/db.ts';
import { queryObservations } from '../store/observations.ts';

export interface SituationRow {
  /** A state's Eurostat code, `EU27_2020` for the Union, or a Frontex route. */
  key: string;
  reference: PeriodFigure | null;
  previous: PeriodFigure | null;
  change: number | null;
}

export interface SituationTable {
  id: string;
  indicators: IndicatorId[];
  measure: 'flow' | 'stock' | 'rate';
  unit: string;
  rows: SituationRow[];
  /** Expected keys (states) with no figure within reach. */
  missing: string[];
}

export interface Situation {
  cycle: number;
  reference: Window;
  previous: Window;
  tables: SituationTable[];
  /** Indicators the Regulation asks for that the store holds nothing of (Dublin, refusals of entry, …). */
  noData: IndicatorId[];
}

export const EU_TOTAL = 'EU27_2020';
const STATE_KEYS: readonly string[] = [...EU27, ...DUBLIN_ASSOCIATED];
const FRONTLINE = ['IT', 'EL', 'ES', 'MT', 'CY', 'BG'];

/** Per-state tables of the Report, in the order of Art 9(3)(a). */
export const STATE_TABLES: readonly { id: string; indicator: IndicatorId }[] = [
  { id: 'asylum-applicants-first-time', indicator: 'asylum_applicants_first_time' },
  { id: 'asylum-applicants', indicator: 'asylum_applicants' },
  { id: 'tp-beneficiaries', indicator: 'tp_beneficiaries' },
  { id: 'first-instance-decisions', indicator: 'first_instance_decisions' },
  { id: 'first-instance-positive', indicator: 'first_instance_positive' },
  { id: 'orders-to-leave', indicator: 'orders_to_leave' },
  { id: 'returns', indicator: 'returns' },
  { id: 'illegally-present', indicator: 'illegally_present' },
  // Art 9(3)(a)(x)–(xi): Dublin requests and transfers; where no public file exists the Report says so.
  { id: 'dublin-requests-outgoing', indicator: 'dublin_requests_outgoing' },
  { id: 'dublin-requests-incoming', indicator: 'dublin_requests_incoming' },
  { id: 'dublin-transfers-outgoing', indicator: 'dublin_transfers_outgoing' },
  { id: 'dublin-transfers-incoming', indicator: 'dublin_transfers_incoming' },
];

const kindOf = (id: IndicatorId) => indicatorDefinition(id).measure;

const isPartial = (flags: string) => flags.split(/[,;\s]+/).includes('partial');

function row(key: string, obs: readonly Observation[], kind: 'flow' | 'stock', w: Window): SituationRow {
  // A period flagged partial (a year to date) is not the period's figure.
  const points = obs.filter((o) => !isPartial(o.flags));
  const { reference, previous } = compareWithPrevious(points, kind, w);
  return { key, reference, previous, change: relativeChange(reference?.value, previous?.value) };
}

function group<T extends { period: string; value: number }>(rows: readonly T[], keyOf: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const g = out.get(k) ?? [];
    g.push(r);
    out.set(k, g);
  }
  return out;
}

async function stateTable(db: Queryable, id: string, indicator: IndicatorId, w: Window, keys: readonly string[]): Promise<SituationTable> {
  const byGeo = group(await queryObservations(db, { indicator, geos: [...keys, EU_TOTAL] }), (o) => o.geo);
  const kind = kindOf(indicator);
  const rows: SituationRow[] = [];
  const missing: string[] = [];
  for (const key of [...keys, EU_TOTAL]) {
    const r = row(key, byGeo.get(key) ?? [], kind, w);
    if (r.reference) rows.push(r);
    else if (key !== EU_TOTAL) missing.push(key);
  }
  return { id, indicators: [indicator], measure: kind, unit: indicatorDefinition(indicator).unit, rows, missing };
}

/** A rate (share) of two tables' figures where both cover the same period: recognition rate, return rate. */
function rateTable(id: string, num: SituationTable, den: SituationTable): SituationTable {
  const denByKey = new Map(den.rows.map((r) => [r.key, r]));
  const ratio = (a: PeriodFigure | null, b: PeriodFigure | null | undefined): PeriodFigure | null =>
    a && b && a.used === b.used && b.value > 0 ? { ...a, value: a.value / b.value } : null;
  const rows: SituationRow[] = [];
  for (const n of num.rows) {
    const d = denByKey.get(n.key);
    const reference = ratio(n.reference, d?.reference);
    if (!reference) continue;
    const previous = ratio(n.previous, d?.previous);
    // A rate's change is in percentage points, not relative.
    rows.push({ key: n.key, reference, previous, change: previous ? reference.value - previous.value : null });
  }
  return { id, indicators: [...num.indicators, ...den.indicators], measure: 'rate', unit: 'ratio', rows, missing: [] };
}

/** Frontex detections by route (EU external borders), monthly series of one route each. */
async function routeTable(db: Queryable, w: Window): Promise<SituationTable> {
  const obs = (await queryObservations(db, { indicator: 'irregular_crossings', anyDims: true, dimKeys: ['route'] })).filter(
    (o) => o.dims && Object.keys(o.dims).length === 1 && o.dims.route !== undefined,
  );
  const byRoute = group(obs, (o) => o.dims!.route!);
  const rows = [...byRoute.keys()].sort().map((route) => row(route, byRoute.get(route)!, 'flow', w)).filter((r) => r.reference);
  return { id: 'arrivals-by-route', indicators: ['irregular_crossings'], measure: 'flow', unit: 'detections', rows, missing: [] };
}

export async function situationReport(db: Queryable, cycle: number): Promise<Situation> {
  const reference = referenceWindow(cycle);
  const tables: SituationTable[] = [await routeTable(db, reference)];
  tables.push(await stateTable(db, 'arrivals-by-state', 'sea_arrivals', reference, FRONTLINE));
  const byId = new Map<string, SituationTable>();
  for (const t of STATE_TABLES) {
    const table = await stateTable(db, t.id, t.indicator, reference, STATE_KEYS);
    byId.set(t.id, table);
    tables.push(table);
  }
  // Art 12(3) speaks of recognition and return rates; both are shares of figures over the same period.
  tables.push(rateTable('recognition-rate', byId.get('first-instance-positive')!, byId.get('first-instance-decisions')!));
  tables.push(rateTable('return-rate', byId.get('returns')!, byId.get('orders-to-leave')!));
  const noData = tables.filter((t) => t.rows.length === 0 && t.measure !== 'rate').flatMap((t) => t.indicators);
  return { cycle, reference, previous: shiftWindow(reference, -1), tables: tables.filter((t) => t.rows.length > 0), noData };
}
