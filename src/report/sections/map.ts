/**
 * The map's figures: asylum applicants in the reference period (the period used per state, as in the situation
 * table) per 1,000 inhabitants, with the population of the cycle's reference key (Art 66). Classes are fixed
 * thresholds, so that maps of different cycles compare.
 */
import type { CycleFairShares } from '../../cycle/fair-share.ts';
import type { Situation } from '../../cycle/situation.ts';
import { col, type ReportTable } from '../table.ts';

export const PER_THOUSAND_CLASSES = [
  { id: 'lt1', max: 1, fill: '#eff3ff' },
  { id: '1to2', max: 2, fill: '#bdd7e7' },
  { id: '2to4', max: 4, fill: '#6baed6' },
  { id: '4to8', max: 8, fill: '#3182bd' },
  { id: 'ge8', max: Infinity, fill: '#08519c' },
] as const;

export interface MapFigure {
  state: string;
  applicants: number;
  period: string;
  population: number;
  perThousand: number;
}

export function applicantsPerThousand(s: Situation, f: CycleFairShares): MapFigure[] {
  const rows = new Map(s.tables.find((t) => t.id === 'asylum-applicants')?.rows.map((r) => [r.key, r]) ?? []);
  return f.states.flatMap((st) => {
    const r = rows.get(st.code)?.reference;
    return r ? [{ state: st.code, applicants: r.value, period: r.used, population: st.population, perThousand: (1000 * r.value) / st.population }] : [];
  });
}

export const classOfValue = (v: number) => PER_THOUSAND_CLASSES.find((c) => v < c.max)!;

export function mapTable(figures: readonly MapFigure[], populationYear: string): ReportTable {
  return {
    id: 'map-applicants-per-thousand',
    params: { populationYear },
    columns: [col('state', 'state'), col('applicants', 'integer'), col('period', 'period'), col('population', 'integer'), col('per_thousand', 'decimal')],
    rows: figures.map((m) => ({ state: m.state, applicants: m.applicants, period: m.period, population: m.population, per_thousand: m.perThousand })),
  };
}
