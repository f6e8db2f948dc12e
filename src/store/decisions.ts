/** The only code that reads and writes classification decision records in SQL (migration 041). */
import type { DecisionRecord } from '../domain/assessment/decisions.ts';
import type { AssessmentCategory } from '../domain/assessment/methodology.ts';
import type { MemberStateCode } from '../domain/member-states.ts';
import type { Queryable } from './db.ts';

interface Row {
  id: number;
  cycle: number;
  state: string;
  category: string;
  adopted: boolean;
  ground: string;
  decided_on: string | Date;
  act: string;
  recorded_by: string;
  recorded_at: string | Date;
}

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
// `date` columns come back as Date at UTC midnight (PGlite) or as text (pg): either way the calendar date is wanted.
const day = (v: string | Date) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

function toRecord(r: Row): DecisionRecord & { id: number } {
  return {
    id: r.id,
    cycle: r.cycle,
    state: r.state as MemberStateCode,
    category: r.category as AssessmentCategory,
    adopted: r.adopted,
    ground: r.ground,
    date: day(r.decided_on),
    act: r.act,
    by: r.recorded_by,
    origin: 'record',
    recordedAt: iso(r.recorded_at),
  };
}

/** Stores a validated decision (see `parseDecision`) and returns it with its id. */
export async function recordDecision(db: Queryable, d: DecisionRecord, recordedAt: Date = new Date()): Promise<DecisionRecord & { id: number }> {
  const rows = await db.query<Row>(
    `INSERT INTO classification_decision (cycle, state, category, adopted, ground, decided_on, act, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9)
     RETURNING id, cycle, state, category, adopted, ground, decided_on::text AS decided_on, act, recorded_by, recorded_at`,
    [d.cycle, d.state, d.category, d.adopted, d.ground, d.date, d.act, d.by, recordedAt.toISOString()],
  );
  return toRecord(rows[0]!);
}

/** Every record of a cycle, oldest first (the history; `currentDecisions` gives the ones in force). */
export async function listDecisions(db: Queryable, cycle: number): Promise<(DecisionRecord & { id: number })[]> {
  const rows = await db.query<Row>(
    `SELECT id, cycle, state, category, adopted, ground, decided_on::text AS decided_on, act, recorded_by, recorded_at
     FROM classification_decision WHERE cycle = $1 ORDER BY id`,
    [cycle],
  );
  return rows.map(toRecord);
}

/** The latest cycle with an Art 11 decision, recorded here or in the pool ledger (`classification-recorded`); null if none. */
export async function latestDecidedCycle(db: Queryable): Promise<number | null> {
  const rows = await db.query<{ cycle: number | null }>(
    `SELECT max(cycle)::integer AS cycle FROM (
       SELECT cycle FROM classification_decision UNION ALL SELECT cycle FROM pool_event WHERE type = 'classification-recorded'
     ) AS decided`,
  );
  return rows[0]?.cycle ?? null;
}
