/** The only code that reads and writes the recorded steps of relocations in SQL (migration 043, append-only). */
import type { Queryable } from './db.ts';

/** The steps of a relocation that a person records, as `RelocationProgress` names them (AMMR Art 67(7)–(11)). */
export const PROGRESS_STEPS = ['informationReceived', 'postponementNotified', 'confirmed', 'transferDecision', 'personNotified', 'plannedTransfer', 'appealFinal', 'transferred'] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

export interface ProgressRow {
  id: number;
  runId: number;
  caseId: string;
  step: ProgressStep;
  /** The calendar date of the step (ISO). */
  date: string;
  recordedBy: string;
  recordedAt: string;
}

interface Raw {
  id: number;
  run_id: number;
  case_id: string;
  step: ProgressStep;
  date: string | Date;
  recorded_by: string;
  recorded_at: string | Date;
}

const COLUMNS = 'id, run_id, case_id, step, date::text AS date, recorded_by, recorded_at';
// `date` is read as text: the calendar date, whatever the engine's time zone.
const day = (v: string | Date) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const toRow = (r: Raw): ProgressRow => ({ id: r.id, runId: r.run_id, caseId: r.case_id, step: r.step, date: day(r.date), recordedBy: r.recorded_by, recordedAt: new Date(r.recorded_at).toISOString() });

/**
 * Appends one recorded step; a correction is another call, and the latest row wins (`latestSteps`).
 * @example await recordStep(db, { runId: 1, caseId: 'IT-1', step: 'confirmed', date: '2026-09-08', recordedBy: 'de-officer', recordedAt: new Date() })
 */
export async function recordStep(db: Queryable, s: { runId: number; caseId: string; step: ProgressStep; date: string; recordedBy: string; recordedAt: Date }): Promise<ProgressRow> {
  const rows = await db.query<Raw>(
    `INSERT INTO relocation_progress (run_id, case_id, step, date, recorded_by, recorded_at) VALUES ($1, $2, $3, $4::date, $5, $6) RETURNING ${COLUMNS}`,
    [s.runId, s.caseId, s.step, s.date, s.recordedBy, s.recordedAt.toISOString()],
  );
  return toRow(rows[0]!);
}

/** Every recorded step of a run (or of one case), oldest first: the history. */
export async function listSteps(db: Queryable, runId: number, caseId?: string): Promise<ProgressRow[]> {
  const rows = caseId === undefined
    ? await db.query<Raw>(`SELECT ${COLUMNS} FROM relocation_progress WHERE run_id = $1 ORDER BY id`, [runId])
    : await db.query<Raw>(`SELECT ${COLUMNS} FROM relocation_progress WHERE run_id = $1 AND case_id = $2 ORDER BY id`, [runId, caseId]);
  return rows.map(toRow);
}

/**
 * The step dates in force per case: for each (case, step) the latest row recorded.
 * @example latestSteps(rows).get('IT-1')?.confirmed // '2026-09-08'
 */
export function latestSteps(rows: readonly ProgressRow[]): Map<string, Partial<Record<ProgressStep, string>>> {
  const out = new Map<string, Partial<Record<ProgressStep, string>>>();
  for (const r of [...rows].sort((a, b) => a.id - b.id)) {
    const steps = out.get(r.caseId) ?? {};
    steps[r.step] = r.date;
    out.set(r.caseId, steps);
  }
  return out;
}
