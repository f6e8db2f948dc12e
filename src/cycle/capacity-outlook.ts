/**
 * "Will capacity hold?" (issue 9, item 2): each Member State's occupancy of border-procedure places through a year,
 * from the forecast of irregular crossings by route (forecast.ts), attributed to the states by the same versioned
 * table as the adequate capacity (route-attribution-v<N>.json), against its adequate capacity (APR Art 48) and its
 * annual maximum (Art 50). The flow model and its assumptions are in domain/procedures/border-occupancy.ts.
 */
import { InputError } from '../domain/errors.ts';
import type { MemberStateCode } from '../domain/member-states.ts';
import { note, type Note } from '../domain/note.ts';
import type { ModelId } from '../domain/forecast/models.ts';
import { addMonths, monthIndex, monthRange } from '../domain/period.ts';
import { attributeRoutes, type RouteAttribution } from '../domain/route-attribution.ts';
import { APR_APPLIES_FROM } from '../domain/procedures/capacity-acts.ts';
import {
  BANDS,
  BORDER_PROCEDURE_WEEKS,
  borderOccupancy,
  DEFAULT_BORDER_SHARE,
  type Banded,
  type MonthlyArrivals,
  type OccupancyOutlook,
} from '../domain/procedures/border-occupancy.ts';
import type { Queryable } from '../store/db.ts';
import { adequateCapacityFromStore, type CapacityReport } from './adequate-capacity.ts';
import { forecastSeries, type SeriesForecast } from './forecast.ts';
import { readRouteSeries } from './route-forecast.ts';
import { loadRouteAttribution } from './route-attribution.ts';

export interface OutlookOptions {
  /** Share of arrivals entering the border procedure (0–1); default DEFAULT_BORDER_SHARE, an assumption. */
  borderShare?: number;
  /** 12 (APR Art 51(2)) or 16 after relocation. */
  durationWeeks?: number;
  model?: ModelId;
  /** Only these states (default: every state bound by the APR). */
  states?: readonly MemberStateCode[];
  /**
   * The routes' forecasts for the year already made (the Report's projection, `forecastRoutes`): used where one is
   * the same forecast (series, year, model), so the routes are not forecast twice.
   */
  forecasts?: readonly SeriesForecast[];
}

export interface RouteForecastUsed {
  route: string;
  model: string;
  lastObserved: string;
  fallback?: Note;
  notes: Note[];
}

export interface StateOutlook {
  code: MemberStateCode;
  capacity: number;
  annualMaximum: number | null;
  /** Routes whose detections are attributed to the state; empty: no arrivals are modelled for it. */
  routes: string[];
  /** Detections attributed to the state per month of the year from the month the procedure applies (observed where observed, else the forecast). */
  arrivals: MonthlyArrivals[];
  outlook: OccupancyOutlook;
}

export interface CapacityOutlookReport {
  year: number;
  assumptions: { borderShare: number; borderShareIsDefault: boolean; durationWeeks: number; appliesFrom: string; model: ModelId; attributionTable: { id: string; version: number; status: string } };
  routes: RouteForecastUsed[];
  states: StateOutlook[];
  capacity: CapacityReport;
  notes: Note[];
}

export async function capacityOutlookFromStore(db: Queryable, year: number, opts: OutlookOptions = {}, table: RouteAttribution = loadRouteAttribution()): Promise<CapacityOutlookReport> {
  const borderShare = opts.borderShare ?? DEFAULT_BORDER_SHARE;
  const durationWeeks = opts.durationWeeks ?? BORDER_PROCEDURE_WEEKS;
  const model = opts.model ?? 'combination';
  const capacity = await adequateCapacityFromStore(db, year, table);
  const appliesFrom = `${year}-01-01` > APR_APPLIES_FROM ? `${year}-01-01` : APR_APPLIES_FROM;

  const { series: routeSeries } = await readRouteSeries(db);
  if (routeSeries.length === 0) {
    throw new InputError('no monthly Frontex detections by route are stored: the arrivals cannot be forecast (load frontex/ibc_detections_monthly_by_route.csv)', { field: 'irregular_crossings' });
  }
  // Months that can hold an occupied place in the year: from 12 weeks (or 16) before 1 January, or from the day the
  // border procedure applies.
  const firstNeeded = `${year}-01-01` > APR_APPLIES_FROM ? addMonths(`${year}-01`, -Math.ceil(durationWeeks / 4)) : APR_APPLIES_FROM.slice(0, 7);
  const months = monthRange(firstNeeded, `${year}-12`);

  const routes: RouteForecastUsed[] = [];
  // route → month → bands
  const byRoute = new Map<string, Map<string, Banded<number>>>();
  const notes: Note[] = [];
  for (const s of routeSeries) {
    const route = s.dims!.route!;
    const f = opts.forecasts?.find((x) => x.id === s.id && x.requestedModel === model && x.cycleYear.year === year) ?? forecastSeries(s, year, model);
    const values = new Map<string, Banded<number>>();
    for (const m of months) {
      const i = monthIndex(m) - monthIndex(s.start);
      if (i >= 0 && i < s.values.length) {
        const v = s.values[i]!;
        values.set(m, { lo95: v, lo80: v, mean: v, hi80: v, hi95: v });
      } else {
        const h = f.horizon.find((x) => x.period === m);
        if (!h) throw new InputError(`route ${route}: no observation or forecast for ${m}`, { field: 'period' });
        values.set(m, { lo95: h.lo95, lo80: h.lo80, mean: h.mean, hi80: h.hi80, hi95: h.hi95 });
      }
    }
    byRoute.set(route, values);
    routes.push({ route, model: f.model, lastObserved: f.lastObserved, ...(f.fallback ? { fallback: f.fallback } : {}), notes: f.notes });
  }

  // Each month and each bound attributed to the states as the adequate capacity is (whole detections per route).
  const attributed = new Map<MemberStateCode, MonthlyArrivals[]>();
  const unattributed = new Set<string>();
  for (const m of months) {
    const perBand = Object.fromEntries(
      BANDS.map((b) => {
        const r = attributeRoutes(new Map([...byRoute].map(([route, v]) => [route, v.get(m)![b]])), table);
        r.unattributed.forEach((u) => unattributed.add(u.route));
        return [b, r.byState];
      }),
    ) as Banded<Map<MemberStateCode, number>>;
    for (const row of capacity.states) {
      let list = attributed.get(row.code);
      if (!list) attributed.set(row.code, (list = []));
      list.push({ period: m, ...(Object.fromEntries(BANDS.map((b) => [b, perBand[b].get(row.code) ?? 0])) as Banded<number>) });
    }
  }
  const routesOf = (code: MemberStateCode) => Object.entries(table.routes).filter(([r, e]) => byRoute.has(r) && e.states[code] !== undefined).map(([r]) => r);

  const states: StateOutlook[] = capacity.states
    .filter((row) => !opts.states || opts.states.includes(row.code))
    .map((row) => ({
      code: row.code,
      capacity: row.capacity,
      annualMaximum: row.annualMaximum,
      routes: routesOf(row.code),
      arrivals: attributed.get(row.code)!.filter((a) => a.period.startsWith(`${year}-`)),
      outlook: borderOccupancy(attributed.get(row.code)!, { year, capacity: row.capacity, annualMaximum: row.annualMaximum, borderShare, durationWeeks, appliesFrom }),
    }));

  notes.push(
    note(opts.borderShare === undefined ? 'outlook.entries.default' : 'outlook.entries.given', { share: borderShare, weeks: durationWeeks }),
    note('outlook.arrivals', {}),
    note('outlook.intervals', {}),
    note('outlook.returnProcedure', {}),
  );
  if (year === 2026) notes.push(note('outlook.appliesFrom', { date: APR_APPLIES_FROM }));
  if (unattributed.size) notes.push(note('outlook.unattributed', { routes: [...unattributed].sort() }));
  for (const r of routes) {
    if (monthIndex(r.lastObserved) < monthIndex(months[0]!) - 1) notes.push(note('outlook.lastObserved', { route: r.route, last: r.lastObserved, from: addMonths(r.lastObserved, 1), model: r.model }));
  }
  return {
    year,
    assumptions: { borderShare, borderShareIsDefault: opts.borderShare === undefined, durationWeeks, appliesFrom, model, attributionTable: capacity.attributionTable },
    routes,
    states,
    capacity,
    notes,
  };
}
