/**
 * Adequate capacity for the border procedure (APR Arts 46–47) computed from the store: the data used, and every
 * substitution made for data the Regulation names but the store does not hold, stated in the result.
 */
import { InputError } from '../domain/errors.ts';
import type { Queryable } from '../store/db.ts';
import { queryObservations } from '../store/observations.ts';
import { SOLIDARITY_STATES, type MemberStateCode } from '../domain/member-states.ts';
import { monthRange } from '../domain/period.ts';
import { note, type Note } from '../domain/note.ts';
import type { Observation } from '../domain/observation.ts';
import { attributeRoutes, type RouteAttribution } from '../domain/route-attribution.ts';
import { computeAdequateCapacity, type AdequateCapacityResult, type CapacityInput } from '../domain/procedures/adequate-capacity.ts';
import { annualMaximumMultiplierInYear, capacityActForYear, type CapacityAct } from '../domain/procedures/capacity-acts.ts';
import { loadRouteAttribution } from './route-attribution.ts';

/** The Member States bound by the APR: Denmark is not (Protocol No 22), Ireland opted in (domain.md §1.1). */
export const APR_STATES: readonly MemberStateCode[] = SOLIDARITY_STATES;

/** IOM DTM / Italian Ministry sea arrivals stand in for SAR disembarkations only here (PROVENANCE.md, iom_dtm/). */
const SEA_ARRIVALS_AS_SAR: readonly MemberStateCode[] = ['IT', 'MT'];

export interface DataUsed {
  indicator: string;
  sources: string[];
  vintages: string[];
  periods: { first: string; last: string } | null;
  rows: number;
}

export interface CapacityReport extends AdequateCapacityResult {
  year: number;
  act: CapacityAct;
  window: { from: string; to: string };
  annualMaximumFrom: string | null;
  attributionTable: { id: string; version: number; status: string };
  unattributedCrossings: { route: string; value: number }[];
  dataUsed: DataUsed[];
  substitutions: Note[];
  notes: Note[];
}

function describe(indicator: string, rows: readonly Observation[]): DataUsed {
  const periods = rows.map((r) => r.period).sort();
  return {
    indicator,
    sources: [...new Set(rows.map((r) => r.source))].sort(),
    vintages: [...new Set(rows.map((r) => r.vintage))].sort(),
    periods: periods.length ? { first: periods[0]!, last: periods[periods.length - 1]! } : null,
    rows: rows.length,
  };
}

const years = (window: { from: string; to: string }) => {
  const out: number[] = [];
  for (let y = Number(window.from.slice(0, 4)); y <= Number(window.to.slice(0, 4)); y++) out.push(y);
  return out;
};

/** Crossings by route over the window: annual figures where stored, otherwise the sum of twelve stored months. */
async function crossingsByRoute(db: Queryable, window: { from: string; to: string }, notes: Note[]) {
  const ys = years(window);
  const rows = (await queryObservations(db, { indicator: 'irregular_crossings', geos: ['EU27_2020'], anyDims: true, from: String(ys[0]), to: `${ys[ys.length - 1]}-12` }))
    .filter((r) => r.dims && Object.keys(r.dims).length === 1 && r.dims.route);
  const used: Observation[] = [];
  const byRoute = new Map<string, number>();
  const routes = [...new Set(rows.map((r) => r.dims!.route!))].sort();
  for (const route of routes) {
    for (const y of ys) {
      const annual = rows.find((r) => r.dims!.route === route && r.period === String(y));
      const months = rows.filter((r) => r.dims!.route === route && r.period.startsWith(`${y}-`));
      if (annual) {
        used.push(annual);
        byRoute.set(route, (byRoute.get(route) ?? 0) + annual.value);
      } else if (months.length > 0) {
        used.push(...months);
        byRoute.set(route, (byRoute.get(route) ?? 0) + months.reduce((a, r) => a + r.value, 0));
        // A route with no detection in a month has no row (missing rows are not zeros, PROVENANCE.md); say so.
        if (months.length < 12) notes.push(note('capacity.monthsStored', { route, year: y, months: months.length }));
      }
    }
  }
  return { byRoute, used };
}

/** Sum over the window of a monthly series for one state; null when any month is missing. */
function windowSum(rows: readonly Observation[], geo: string, window: { from: string; to: string }): { value: number | null; missing: string[] } {
  const months = monthRange(window.from.slice(0, 7), window.to.slice(0, 7));
  const byMonth = new Map(rows.filter((r) => r.geo === geo).map((r) => [r.period, r.value]));
  const missing = months.filter((m) => !byMonth.has(m));
  return { value: missing.length ? null : months.reduce((a, m) => a + byMonth.get(m)!, 0), missing };
}

/** Sum over the window's years of an annual series for one state; null when any year is missing. */
function yearsSum(rows: readonly Observation[], geo: string, ys: readonly number[]): number | null {
  const byYear = new Map(rows.filter((r) => r.geo === geo).map((r) => [r.period, r.value]));
  return ys.every((y) => byYear.has(String(y))) ? ys.reduce((a, y) => a + byYear.get(String(y))!, 0) : null;
}

export async function adequateCapacityFromStore(db: Queryable, year: number, table: RouteAttribution = loadRouteAttribution()): Promise<CapacityReport> {
  const act = capacityActForYear(year);
  const { window } = act;
  const ys = years(window);
  const notes: Note[] = [];
  const substitutions: Note[] = [];

  // Irregular border crossings: Frontex by route → Member States through the attribution table.
  const { byRoute, used: crossingRows } = await crossingsByRoute(db, window, notes);
  const attributed = attributeRoutes(byRoute, table);
  if (byRoute.size > 0) {
    substitutions.push(
      note('capacity.crossingsAttributed', {
        table: table.title,
        version: String(table.version),
        status: table.status,
        routes: Object.entries(table.routes).map(([route, e]) =>
          Object.keys(e.states).length ? note('capacity.routeAttributed', { route, states: [Object.keys(e.states).join('/')], basis: e.basis }) : note('capacity.routeNotAttributed', { route, basis: e.basis }),
        ),
      }),
    );
    substitutions.push(note('capacity.detectionsNotPersons', {}));
  } else {
    notes.push(note('capacity.noCrossings', {}));
  }

  // Arrivals after search and rescue: a SAR series where stored; otherwise sea arrivals for IT and MT.
  const sarRows = await queryObservations(db, { indicator: 'sar_disembarkations', geos: APR_STATES, from: window.from.slice(0, 7), to: window.to.slice(0, 7), freq: 'M' });
  const seaRows = await queryObservations(db, { indicator: 'sea_arrivals', geos: SEA_ARRIVALS_AS_SAR, from: window.from.slice(0, 7), to: window.to.slice(0, 7), freq: 'M' });
  const sarStates = new Set(sarRows.map((r) => r.geo));

  // Refusals of entry at the external border (Eurostat migr_eirfs), annual.
  const refusalRows = await queryObservations(db, { indicator: 'refusals_of_entry', geos: APR_STATES, from: String(ys[0]), to: String(ys[ys.length - 1]), freq: 'A' });

  const inputs: CapacityInput[] = APR_STATES.map((code) => {
    let sar: number | null = null;
    if (sarStates.has(code)) {
      const s = windowSum(sarRows, code, window);
      sar = s.value;
      if (s.missing.length) notes.push(note('capacity.sarMissing', { state: code, months: s.missing }));
    } else if (SEA_ARRIVALS_AS_SAR.includes(code)) {
      const s = windowSum(seaRows, code, window);
      sar = s.value;
      if (s.missing.length) notes.push(note('capacity.seaMissing', { state: code, months: s.missing }));
    }
    return { code, crossings: byRoute.size > 0 ? (attributed.byState.get(code) ?? 0) : null, sar, refusals: yearsSum(refusalRows, code, ys) };
  });

  if (seaRows.length > 0 && SEA_ARRIVALS_AS_SAR.some((c) => !sarStates.has(c))) {
    substitutions.push(note('capacity.seaAsSar', {}));
    notes.push(note('capacity.doubleCount', {}));
  }
  if (inputs.every((s) => !s.crossings && !s.sar && !s.refusals)) {
    throw new InputError(`no irregular crossings, search-and-rescue arrivals or refusals of entry are stored for ${window.from} to ${window.to}: load the data first (pactcycle data load)`, { field: 'year' });
  }
  const result = computeAdequateCapacity(inputs, annualMaximumMultiplierInYear(year)?.multiplier ?? null);
  const refusals = result.components.find((c) => c.component === 'refusals')!;
  if (refusals.status === 'absent') {
    notes.push(note('capacity.refusalsAbsent', {}));
  } else if (refusals.status === 'partial') {
    notes.push(note('capacity.refusalsPartial', { states: refusals.unknownFor }));
  }
  if (attributed.unattributed.length) {
    notes.push(note('capacity.unattributed', { detections: attributed.unattributed.map((u) => note('assessment.routeCount', { route: u.route, count: u.value })) }));
  }
  const multiplier = annualMaximumMultiplierInYear(year);
  return {
    ...result,
    year,
    act,
    window,
    annualMaximumFrom: multiplier?.from ?? null,
    attributionTable: { id: table.id, version: table.version, status: table.status },
    unattributedCrossings: attributed.unattributed,
    dataUsed: [
      describe('irregular_crossings', crossingRows),
      describe('sar_disembarkations', sarRows),
      describe('sea_arrivals', seaRows),
      describe('refusals_of_entry', refusalRows),
    ],
    substitutions,
    notes,
  };
}
