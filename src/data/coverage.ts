/**
 * What the store holds, indicator by indicator and state by state, and what is missing: indicators of the registry
 * with no data, Member States without a series, and series that stop before the reference period of the cycle
 * (Art 9(1): the Report covers the previous July–June; the cycle of year Y uses July Y-2 to June Y-1).
 */
import { EU27 } from '../domain/member-states.ts';
import { parsePeriod, periodMonths, type Frequency } from '../domain/period.ts';
import type { Queryable } from '../store/db.ts';
import { REGISTRY, type IndicatorDefinition } from './registry.ts';

/** The first cycle under the Pact: Report of 15 October 2025 (July 2024–June 2025), pool for 2026. */
export const DEFAULT_CYCLE_YEAR = 2026;

export interface CoverageEntry {
  indicator: string;
  geo: string;
  freq: Frequency;
  first: string;
  last: string;
  count: number;
  /** True when the series exists only broken down by extra dimensions (routes, reception types). */
  byDimension: boolean;
}

export type Gap =
  | { kind: 'no-data'; indicator: string; detail: string }
  | { kind: 'missing-states'; indicator: string; states: string[]; detail: string }
  | { kind: 'ends-before-reference-period'; indicator: string; series: { geo: string; last: string }[]; detail: string };

export interface CoverageSummary {
  cycleYear: number;
  referencePeriod: { first: string; last: string };
  observations: number;
  coverage: CoverageEntry[];
  gaps: Gap[];
}

/** Art 9(1): the reference period of the cycle of year Y runs from July Y-2 to June Y-1. */
export function referencePeriod(cycleYear: number): { first: string; last: string } {
  return { first: `${cycleYear - 2}-07`, last: `${cycleYear - 1}-06` };
}

const FRONTLINE = ['IT', 'EL', 'ES', 'MT', 'CY', 'BG'];

function expectedGeos(def: IndicatorDefinition): readonly string[] | null {
  switch (def.geoScope ?? 'member-states') {
    case 'member-states':
      return EU27;
    case 'frontline':
      return FRONTLINE;
    case 'IT':
      return ['IT'];
    case 'routes':
      return null;
  }
}

interface Row {
  indicator: string;
  geo: string;
  freq: Frequency;
  total: boolean;
  first: string;
  last: string;
  count: number;
}

export async function coverageSummary(db: Queryable, opts: { cycleYear?: number } = {}): Promise<CoverageSummary> {
  const cycleYear = opts.cycleYear ?? DEFAULT_CYCLE_YEAR;
  const ref = referencePeriod(cycleYear);
  const rows = await db.query<Row>(
    `SELECT indicator, geo,
            CASE WHEN period ~ '^[0-9]{4}$' THEN 'A' WHEN period ~ 'Q' THEN 'Q' ELSE 'M' END AS freq,
            dims = '' AS total,
            min(period) AS first, max(period) AS last, count(DISTINCT period)::int AS count
     FROM observation GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`,
  );
  const observations = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation'))[0]?.n ?? 0;
  // Per indicator: the rows without extra dimensions where there are any, else the broken-down ones.
  const withTotals = new Set(rows.filter((r) => r.total).map((r) => r.indicator));
  const coverage: CoverageEntry[] = rows
    .filter((r) => r.total || !withTotals.has(r.indicator))
    .map((r) => ({ indicator: r.indicator, geo: r.geo, freq: r.freq, first: r.first, last: r.last, count: r.count, byDimension: !r.total }));

  const gaps: Gap[] = [];
  for (const def of REGISTRY) {
    if (def.fallback) continue;
    const entries = coverage.filter((c) => c.indicator === def.id);
    if (entries.length === 0) {
      gaps.push({ kind: 'no-data', indicator: def.id, detail: `no observations of ${def.label}${def.offlineFiles.length ? '' : ' (no public file found)'}` });
      continue;
    }
    const geos = expectedGeos(def) ?? [...new Set(entries.map((e) => e.geo))];
    const present = new Set(entries.map((e) => e.geo));
    const missing = geos.filter((g) => !present.has(g));
    if (missing.length > 0) {
      gaps.push({ kind: 'missing-states', indicator: def.id, states: missing, detail: `${missing.length} of ${geos.length} expected geos have no ${def.label}` });
    }
    const short: { geo: string; last: string }[] = [];
    for (const geo of geos) {
      const mine = entries.filter((e) => e.geo === geo);
      if (mine.length === 0) continue;
      const last = mine.map((e) => ({ period: e.last, end: periodMonths(parsePeriod(e.last)!).last })).sort((a, b) => (a.end < b.end ? 1 : -1))[0]!;
      if (last.end < ref.last) short.push({ geo, last: last.period });
    }
    if (short.length > 0) {
      gaps.push({
        kind: 'ends-before-reference-period',
        indicator: def.id,
        series: short,
        detail: `${short.length} series end before the reference period ${ref.first}..${ref.last} of the ${cycleYear} cycle is covered`,
      });
    }
  }
  return { cycleYear, referencePeriod: ref, observations, coverage, gaps };
}
