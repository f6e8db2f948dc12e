/** The only code that reads and writes national implementation milestones in SQL. */
import type { MemberStateCode } from '../domain/member-states.ts';
import type { MilestoneId, MilestoneRecord, MilestoneStatus, ReviewOutcome } from '../domain/procedures/implementation-plan.ts';
import type { Queryable } from './db.ts';

interface Row {
  state: string;
  milestone: string;
  status: string;
  evidence: string;
  target_date: string | Date | null;
  updated_by: string;
  updated_at: string | Date;
  review: string;
  review_note: string;
  reviewed_by: string | null;
  reviewed_at: string | Date | null;
}

const iso = (v: string | Date) => new Date(v).toISOString();
// `date` columns come back as Date at UTC midnight (pg) or as text; either way the calendar day is the first 10 chars.
const day = (v: string | Date) => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

const toRecord = (r: Row): MilestoneRecord => ({
  state: r.state as MemberStateCode,
  milestone: r.milestone as MilestoneId,
  status: r.status as MilestoneStatus,
  evidence: r.evidence,
  targetDate: r.target_date === null ? null : day(r.target_date),
  updatedBy: r.updated_by,
  updatedAt: iso(r.updated_at),
  review: r.review as ReviewOutcome,
  reviewNote: r.review_note,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at === null ? null : iso(r.reviewed_at),
});

export async function listMilestones(db: Queryable, state?: MemberStateCode): Promise<MilestoneRecord[]> {
  const rows = await db.query<Row>(
    `SELECT state, milestone, status, evidence, target_date::text AS target_date, updated_by, updated_at, review, review_note, reviewed_by, reviewed_at
     FROM implementation_milestone ${state ? 'WHERE state = $1' : ''} ORDER BY state, milestone`,
    state ? [state] : [],
  );
  return rows.map(toRecord);
}

export async function findMilestone(db: Queryable, state: string, milestone: string): Promise<MilestoneRecord | undefined> {
  const rows = await db.query<Row>(
    `SELECT state, milestone, status, evidence, target_date::text AS target_date, updated_by, updated_at, review, review_note, reviewed_by, reviewed_at
     FROM implementation_milestone WHERE state = $1 AND milestone = $2`,
    [state, milestone],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** Sets a milestone; any change sends it back to the Commission for review. */
export async function upsertMilestone(
  db: Queryable,
  m: { state: MemberStateCode; milestone: MilestoneId; status: MilestoneStatus; evidence: string; targetDate: string | null; actor: string; role: string; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO implementation_milestone (state, milestone, status, evidence, target_date, updated_by, updated_at, review)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, 'pending')
     ON CONFLICT (state, milestone) DO UPDATE SET status = EXCLUDED.status, evidence = EXCLUDED.evidence, target_date = EXCLUDED.target_date,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at, review = 'pending', review_note = '', reviewed_by = NULL, reviewed_at = NULL`,
    [m.state, m.milestone, m.status, m.evidence, m.targetDate, m.actor, m.at.toISOString()],
  );
  await db.query(
    `INSERT INTO implementation_milestone_history (state, milestone, action, actor, role, at, detail) VALUES ($1, $2, 'update', $3, $4, $5, $6::jsonb)`,
    [m.state, m.milestone, m.actor, m.role, m.at.toISOString(), JSON.stringify({ status: m.status, evidence: m.evidence, targetDate: m.targetDate })],
  );
}

export async function reviewMilestoneRow(
  db: Queryable,
  r: { state: string; milestone: string; outcome: ReviewOutcome; note: string; actor: string; role: string; at: Date },
): Promise<void> {
  await db.query(
    `UPDATE implementation_milestone SET review = $3, review_note = $4, reviewed_by = $5, reviewed_at = $6 WHERE state = $1 AND milestone = $2`,
    [r.state, r.milestone, r.outcome, r.note, r.actor, r.at.toISOString()],
  );
  await db.query(
    `INSERT INTO implementation_milestone_history (state, milestone, action, actor, role, at, detail) VALUES ($1, $2, 'review', $3, $4, $5, $6::jsonb)`,
    [r.state, r.milestone, r.actor, r.role, r.at.toISOString(), JSON.stringify({ outcome: r.outcome, note: r.note })],
  );
}

export async function milestoneHistory(db: Queryable, state: string, milestone: string): Promise<{ action: string; actor: string; role: string; at: string; detail: unknown }[]> {
  const rows = await db.query<{ action: string; actor: string; role: string; at: string | Date; detail: unknown }>(
    'SELECT action, actor, role, at, detail FROM implementation_milestone_history WHERE state = $1 AND milestone = $2 ORDER BY id',
    [state, milestone],
  );
  return rows.map((r) => ({ ...r, at: iso(r.at) }));
}
