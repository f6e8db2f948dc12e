/** Fair shares (Art 66, Annex I): each bound state's population, GDP, their shares and the reference key. */
import type { CycleFairShares } from '../../cycle/fair-share.ts';
import { col, type ReportTable } from '../table.ts';

export function fairSharesTable(f: CycleFairShares): ReportTable {
  return {
    id: 'fair-shares',
    params: { populationYear: f.population.year, gdpYear: f.gdp.year },
    columns: [col('state', 'state'), col('population', 'integer'), col('gdp_meur', 'decimal'), col('population_share', 'share'), col('gdp_share', 'share'), col('fair_share', 'share')],
    rows: f.states.map((s) => ({ state: s.code, population: s.population, gdp_meur: s.gdp, population_share: s.populationShare, gdp_share: s.gdpShare, fair_share: s.share })),
  };
}
