/**
 * Public figures for the web pages: each state's indicators by year, normalised per 1,000 inhabitants and per
 * € billion of GDP, and set against its fair share of the Union's total (Art 66 key). Everything here is published
 * statistics from the store; nothing of a pool's confidential content.
 */
import { computeFairShares } from '../../domain/fair-share.ts';
import { InputError } from '../../domain/errors.ts';
import { fairSharesForCycle, type CycleFairShares } from '../../cycle/fair-share.ts';
import { SOLIDARITY_STATES, isStateCode } from '../../domain/member-states.ts';
import type { Observation } from '../../domain/observation.ts';
import type { Queryable } from '../../store/db.ts';
import { queryObservations } from '../../store/observations.ts';

/** Indicators shown per state, with how sub-annual periods become a year: flows add up, stocks take the year's end. */
export const STATE_INDICATORS = [
  { id: 'asylum_applicants_first_time', unit: 'persons', kind: 'flow' },
  { id: 'asylum_applicants', unit: 'persons', kind: 'flow' },
  { id: 'first_instance_decisions', unit: 'decisions', kind: 'flow' },
  { id: 'first_instance_positive', unit: 'decisions', kind: 'flow' },
  { id: 'sea_arrivals', unit: 'persons', kind: 'flow' },
  { id: 'tp_beneficiaries', unit: 'persons', kind: 'stock' },
] as const;

export interface SeriesPoint {
  period: string;
  value: number;
  perThousand: number | null;
  perBillionGdp: number | null;
  fairShareValue: number | null;
}

export interface StateSeries {
  geo: string;
  fairShare: number | null;
  population: { value: number; period: string } | null;
  gdp: { value: number; period: string } | null;
  indicators: { indicator: string; unit: string; points: SeriesPoint[] }[];
}

type ByGeoYear = Map<string, Map<string, number>>;

/** Annual figures by geo: annual rows as they are; complete years of months or quarters added up (flows) or their last period (stocks). */
export function annualise(rows: readonly Observation[], kind: 'flow' | 'stock'): ByGeoYear {
  const out: ByGeoYear = new Map();
  const sub = new Map<string, { periods: Map<string, number>; perYear: number }>();
  for (const o of rows) {
    const year = o.period.slice(0, 4);
    const byYear = out.get(o.geo) ?? new Map<string, number>();
    out.set(o.geo, byYear);
    if (o.period.length === 4) {
      byYear.set(year, o.value);
      continue;
    }
    const key = `${o.geo}|${year}`;
    const acc = sub.get(key) ?? { periods: new Map(), perYear: o.period.includes('Q') ? 4 : 12 };
    acc.periods.set(o.period, o.value);
    sub.set(key, acc);
  }
  for (const [key, acc] of sub) {
    const [geo, year] = key.split('|') as [string, string];
    const byYear = out.get(geo)!;
    if (byYear.has(year)) continue; // an annual figure, where published, wins over one built from months
    if (kind === 'flow') {
      if (acc.periods.size === acc.perYear) byYear.set(year, [...acc.periods.values()].reduce((a, b) => a + b, 0));
    } else {
      const last = [...acc.periods.keys()].sort().at(-1)!;
      if (last.endsWith('-12') || last.endsWith('-Q4')) byYear.set(year, acc.periods.get(last)!);
    }
  }
  return out;
}

/**
 * Art 66, Annex I: share = 50 % × population share + 50 % × GDP share among the 26 states bound by the solidarity
 * mechanism, for each year where every one of them has both figures.
 */
export function referenceKeyByYear(population: ByGeoYear, gdp: ByGeoYear): Map<string, Map<string, number>> {
  const years = new Set<string>();
  for (const m of population.values()) for (const y of m.keys()) years.add(y);
  const out = new Map<string, Map<string, number>>();
  for (const year of years) {
    const complete = SOLIDARITY_STATES.every((g) => population.get(g)?.get(year) !== undefined && gdp.get(g)?.get(year) !== undefined);
    if (!complete) continue;
    const key = computeFairShares(SOLIDARITY_STATES.map((code) => ({ code, population: population.get(code)!.get(year)!, gdp: gdp.get(code)!.get(year)! })));
    out.set(year, new Map(key.map((s) => [s.code, s.share])));
  }
  return out;
}

export interface Basis {
  population: ByGeoYear;
  gdp: ByGeoYear;
  key: Map<string, Map<string, number>>;
}

export async function loadBasis(db: Queryable): Promise<Basis> {
  const population = annualise(await queryObservations(db, { indicator: 'population', freq: 'A' }), 'stock');
  const gdp = annualise(await queryObservations(db, { indicator: 'gdp', freq: 'A' }), 'flow');
  return { population, gdp, key: referenceKeyByYear(population, gdp) };
}

const latest = (m: Map<string, number> | undefined): { value: number; period: string } | null => {
  if (!m || m.size === 0) return null;
  const period = [...m.keys()].sort().at(-1)!;
  return { value: m.get(period)!, period };
};

/** The cycle's Art 66 key, or null while the store lacks population or GDP for it. */
async function cycleKeyOrNull(db: Queryable, cycle: number): Promise<CycleFairShares | null> {
  try {
    return await fairSharesForCycle(db, { cycle });
  } catch (err) {
    if (err instanceof InputError) return null;
    throw err;
  }
}

/** The state's series, or undefined when the code is not a state of the Pact. */
export async function stateSeries(db: Queryable, geo: string, cycle: number): Promise<StateSeries | undefined> {
  if (!isStateCode(geo)) return undefined;
  const basis = await loadBasis(db);
  const cycleKey = await cycleKeyOrNull(db, cycle);
  const indicators: StateSeries['indicators'] = [];
  for (const def of STATE_INDICATORS) {
    const rows = await queryObservations(db, { indicator: def.id });
    const byGeo = annualise(rows, def.kind);
    const own = byGeo.get(geo);
    if (!own || own.size === 0) continue;
    const points = [...own.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([year, value]): SeriesPoint => {
        const pop = basis.population.get(geo)?.get(year);
        const gdp = basis.gdp.get(geo)?.get(year);
        const share = basis.key.get(year)?.get(geo);
        const all = SOLIDARITY_STATES.map((g) => byGeo.get(g)?.get(year));
        const unionTotal = all.every((v) => v !== undefined) ? all.reduce((a, b) => a! + b!, 0)! : undefined;
        return {
          period: year,
          value,
          perThousand: pop ? (value / pop) * 1000 : null,
          // GDP is stored in million euro: € billion = MIO_EUR / 1000.
          perBillionGdp: gdp ? value / (gdp / 1000) : null,
          fairShareValue: share !== undefined && unionTotal !== undefined ? share * unionTotal : null,
        };
      });
    indicators.push({ indicator: def.id, unit: def.unit, points });
  }
  return {
    geo,
    fairShare: cycleKey?.states.find((s) => s.code === geo)?.share ?? null,
    population: latest(basis.population.get(geo)),
    gdp: latest(basis.gdp.get(geo)),
    indicators,
  };
}

export interface FairShareRow {
  geo: string;
  share: number;
  population: number;
  gdp: number;
  actual: Record<string, { value: number; fairShareValue: number }>;
}

export interface FairSharesTable {
  populationPeriod: string;
  gdpPeriod: string;
  /** The latest year for which each indicator shown is complete for all 26 states (may differ per indicator). */
  period: string;
  indicators: string[];
  /** The year each indicator's figures are from. */
  indicatorPeriods: Record<string, string>;
  rows: FairShareRow[];
}

/** The cycle's key (as `pactcycle fairshare` computes it), and for each indicator its latest complete year set against it. */
export async function fairSharesTable(db: Queryable, cycle: number): Promise<FairSharesTable | undefined> {
  const key = await cycleKeyOrNull(db, cycle);
  if (!key) return undefined;
  const year = key.population.year;
  const rows: FairShareRow[] = key.states.map((s) => ({ geo: s.code, share: s.share, population: s.population, gdp: s.gdp, actual: {} }));
  const indicators: string[] = [];
  const indicatorPeriods: Record<string, string> = {};
  for (const def of STATE_INDICATORS) {
    const byGeo = annualise(await queryObservations(db, { indicator: def.id }), def.kind);
    const complete = [...(byGeo.get(SOLIDARITY_STATES[0]!)?.keys() ?? [])]
      .filter((y) => SOLIDARITY_STATES.every((g) => byGeo.get(g)?.has(y)))
      .sort();
    const y = complete.at(-1);
    if (!y) continue;
    const total = SOLIDARITY_STATES.reduce((a, g) => a + byGeo.get(g)!.get(y)!, 0);
    for (const r of rows) r.actual[def.id] = { value: byGeo.get(r.geo)!.get(y)!, fairShareValue: r.share * total };
    indicators.push(def.id);
    indicatorPeriods[def.id] = y;
  }
  const periods = [...new Set(Object.values(indicatorPeriods))].sort();
  return { populationPeriod: year, gdpPeriod: key.gdp.year, period: periods.join(', ') || year, indicators, indicatorPeriods, rows };
}
