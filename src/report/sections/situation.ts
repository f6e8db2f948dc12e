/** The situation section's tables: each indicator in the reference period against the previous one. */
import type { Situation, SituationRow, SituationTable } from '../../cycle/situation.ts';
import { col, type ReportTable } from '../table.ts';

const keyType = (t: SituationTable) => (t.id === 'arrivals-by-route' ? 'route' : 'state');

export function situationTable(t: SituationTable): ReportTable {
  const rate = t.measure === 'rate';
  const value = rate ? 'percent' : 'integer';
  return {
    id: t.id,
    columns: [
      col('key', keyType(t)),
      col('reference', value),
      col('reference_period', 'period'),
      col('previous', value),
      col('previous_period', 'period'),
      col('change', rate ? 'points' : 'change'),
    ],
    rows: t.rows.map((r: SituationRow) => ({
      key: r.key,
      reference: r.reference?.value ?? null,
      reference_period: r.reference?.used ?? null,
      previous: r.previous?.value ?? null,
      previous_period: r.previous?.used ?? null,
      change: r.change,
    })),
  };
}

export function situationTables(s: Situation): ReportTable[] {
  return s.tables.map(situationTable);
}
