/**
 * The latest cycle the stored data supports: the pool for cycle Y is proposed in October Y−1 on the population of
 * 1 January Y−1 and the GDP of Y−2 (see fair-share.ts), so Y is bounded by both figures being complete for the 26
 * bound states.
 */
import { SOLIDARITY_STATES } from '../domain/member-states.ts';
import { InputError } from '../domain/errors.ts';
import type { Queryable } from '../store/db.ts';

async function latestCompleteYear(db: Queryable, indicator: string): Promise<number | null> {
  const rows = await db.query<{ period: string }>(
    `SELECT period FROM observation
     WHERE indicator = $1 AND dims = '' AND period ~ '^[0-9]{4}$' AND geo = ANY($2::text[])
     GROUP BY period HAVING count(DISTINCT geo) = $3 ORDER BY period DESC LIMIT 1`,
    [indicator, SOLIDARITY_STATES, SOLIDARITY_STATES.length],
  );
  return rows[0] ? Number(rows[0].period) : null;
}

export async function latestSupportedCycle(db: Queryable): Promise<number> {
  const population = await latestCompleteYear(db, 'population');
  const gdp = await latestCompleteYear(db, 'gdp');
  if (population === null || gdp === null) {
    throw new InputError('the store has no complete year of population and GDP for the 26 bound Member States; load the data first (pactcycle data load)');
  }
  return Math.min(population + 1, gdp + 2);
}
