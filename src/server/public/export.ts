/** Downloads of everything public, as CSV (RFC 4180, UTF-8) or JSON; the same figures the pages show. */
import type { Queryable } from '../../store/db.ts';
import { decodeDims } from '../../store/observations.ts';
import { cycleOverview } from './overview.ts';
import { fairSharesTable } from './series.ts';

export const EXPORTS = ['overview', 'fair-shares', 'observations'] as const;
export type ExportName = (typeof EXPORTS)[number];

type Cell = string | number | null;

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

async function tabular(db: Queryable, cycle: number, name: ExportName): Promise<{ json: unknown; header: string[]; rows: Cell[][] }> {
  switch (name) {
    case 'overview': {
      const o = await cycleOverview(db, cycle);
      return {
        json: o,
        header: ['cycle', 'geo', 'categories', 'grounds'],
        rows: o.states.map((s) => [o.year, s.geo, o.decisionAdopted ? s.categories.join(';') : null, s.grounds]),
      };
    }
    case 'fair-shares': {
      const f = await fairSharesTable(db, cycle);
      const indicators = f?.indicators ?? [];
      return {
        json: f ?? null,
        header: ['geo', 'share', 'population', 'gdp_meur', ...indicators.flatMap((i) => [`${i}_${f!.indicatorPeriods[i]}`, `${i}_fair_share`])],
        rows: (f?.rows ?? []).map((r) => [r.geo, r.share, r.population, r.gdp, ...indicators.flatMap((i) => [r.actual[i]?.value ?? null, r.actual[i]?.fairShareValue ?? null])]),
      };
    }
    case 'observations': {
      // Every stored figure, latest vintage of each: published statistics only.
      const rows = await db.query<{ indicator: string; geo: string; period: string; dims: string; vintage: string; value: number; unit: string; flags: string; source: string }>(
        `SELECT DISTINCT ON (indicator, geo, period, dims) indicator, geo, period, dims, vintage, value, unit, flags, source
         FROM observation ORDER BY indicator, geo, period, dims, vintage DESC`,
      );
      return {
        json: rows.map((r) => ({ ...r, dims: decodeDims(r.dims) ?? {} })),
        header: ['indicator', 'geo', 'period', 'dims', 'value', 'unit', 'flags', 'source', 'vintage'],
        rows: rows.map((r) => [r.indicator, r.geo, r.period, r.dims, r.value, r.unit, r.flags, r.source, r.vintage]),
      };
    }
  }
}

export async function exportDataset(db: Queryable, cycle: number, name: ExportName, format: 'csv' | 'json'): Promise<string> {
  const t = await tabular(db, cycle, name);
  return format === 'json' ? JSON.stringify(t.json) : toCsv(t.header, t.rows);
}
