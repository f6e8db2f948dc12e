/** The only code that reads and writes relocation matching runs in SQL. */
import type { Queryable } from './db.ts';

export interface RunRow {
  id: number;
  label: string;
  createdBy: string;
  createdAt: string;
  input: unknown;
  summary: unknown;
}

export interface AssignmentRow {
  caseId: string;
  benefitting: string;
  persons: number;
  proposedState: string | null;
  explanation: string;
  detail: unknown;
  decision: 'proposed' | 'accepted' | 'changed';
  finalState: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string;
}

interface RawRun {
  id: number;
  label: string;
  created_by: string;
  created_at: string | Date;
  input: unknown;
  summary: unknown;
}
interface RawAssignment {
  case_id: string;
  benefitting: string;
  persons: number;
  proposed_state: string | null;
  explanation: string;
  detail: unknown;
  decision: AssignmentRow['decision'];
  final_state: string | null;
  decided_by: string | null;
  decided_at: string | Date | null;
  note: string;
}

const iso = (v: string | Date) => new Date(v).toISOString();
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const toRun = (r: RawRun): RunRow => ({ id: r.id, label: r.label, createdBy: r.created_by, createdAt: iso(r.created_at), input: json(r.input), summary: json(r.summary) });
const toAssignment = (r: RawAssignment): AssignmentRow => ({
  caseId: r.case_id,
  benefitting: r.benefitting,
  persons: r.persons,
  proposedState: r.proposed_state,
  explanation: r.explanation,
  detail: json(r.detail),
  decision: r.decision,
  finalState: r.final_state,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at === null ? null : iso(r.decided_at),
  note: r.note,
});

/** Stores a run and its assignments in one transaction (one statement for all assignments). */
export async function insertRun(
  tx: Queryable,
  run: { label: string; createdBy: string; createdAt: Date; input: unknown; summary: unknown },
  assignments: { caseId: string; benefitting: string; persons: number; proposedState: string | null; explanation: string; detail: unknown }[],
): Promise<number> {
  const rows = await tx.query<{ id: number }>('INSERT INTO matching_run (label, created_by, created_at, input, summary) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
    run.label, run.createdBy, run.createdAt.toISOString(), JSON.stringify(run.input), JSON.stringify(run.summary),
  ]);
  const id = rows[0]!.id;
  const CHUNK = 5000;
  for (let i = 0; i < assignments.length; i += CHUNK) {
    const part = assignments.slice(i, i + CHUNK).map((a) => ({ case_id: a.caseId, benefitting: a.benefitting, persons: a.persons, proposed_state: a.proposedState, explanation: a.explanation, detail: a.detail }));
    await tx.query(
      `INSERT INTO matching_assignment (run_id, case_id, benefitting, persons, proposed_state, explanation, detail)
       SELECT $1, x.case_id, x.benefitting, x.persons, x.proposed_state, x.explanation, x.detail
       FROM jsonb_to_recordset($2::jsonb) AS x(case_id text, benefitting text, persons integer, proposed_state text, explanation text, detail jsonb)`,
      [id, JSON.stringify(part)],
    );
  }
  return id;
}

export async function listRuns(db: Queryable): Promise<RunRow[]> {
  return (await db.query<RawRun>('SELECT * FROM matching_run ORDER BY id')).map(toRun);
}

export async function findRun(db: Queryable, id: number): Promise<RunRow | undefined> {
  const rows = await db.query<RawRun>('SELECT * FROM matching_run WHERE id = $1', [id]);
  return rows[0] ? toRun(rows[0]) : undefined;
}

/** Assignments of a run; with `state`, only those where it is the benefitting, proposed or final state. */
export async function listAssignments(db: Queryable, runId: number, state?: string): Promise<AssignmentRow[]> {
  const rows = state
    ? await db.query<RawAssignment>('SELECT * FROM matching_assignment WHERE run_id = $1 AND (benefitting = $2 OR proposed_state = $2 OR final_state = $2) ORDER BY case_id', [runId, state])
    : await db.query<RawAssignment>('SELECT * FROM matching_assignment WHERE run_id = $1 ORDER BY case_id', [runId]);
  return rows.map(toAssignment);
}

export async function findAssignment(db: Queryable, runId: number, caseId: string): Promise<AssignmentRow | undefined> {
  const rows = await db.query<RawAssignment>('SELECT * FROM matching_assignment WHERE run_id = $1 AND case_id = $2', [runId, caseId]);
  return rows[0] ? toAssignment(rows[0]) : undefined;
}

/** Persons per state of relocation as the run stands: the final state where decided, else the proposed one. */
export async function personsByState(db: Queryable, runId: number): Promise<Map<string, number>> {
  const rows = await db.query<{ state: string; persons: string | number }>(
    `SELECT COALESCE(CASE WHEN decision = 'proposed' THEN proposed_state ELSE final_state END, '') AS state, SUM(persons) AS persons
     FROM matching_assignment WHERE run_id = $1 GROUP BY 1`,
    [runId],
  );
  return new Map(rows.filter((r) => r.state !== '').map((r) => [r.state, Number(r.persons)]));
}

/** Records a decision only if the assignment is still as the caller saw it (no two deciders on one case). */
export async function decide(
  db: Queryable,
  d: { runId: number; caseId: string; from: AssignmentRow['decision']; decision: 'accepted' | 'changed'; finalState: string | null; actor: string; at: Date; note: string },
): Promise<AssignmentRow | undefined> {
  const rows = await db.query<RawAssignment>(
    `UPDATE matching_assignment SET decision = $4, final_state = $5, decided_by = $6, decided_at = $7, note = $8
     WHERE run_id = $1 AND case_id = $2 AND decision = $3 RETURNING *`,
    [d.runId, d.caseId, d.from, d.decision, d.finalState, d.actor, d.at.toISOString(), d.note],
  );
  return rows[0] ? toAssignment(rows[0]) : undefined;
}
