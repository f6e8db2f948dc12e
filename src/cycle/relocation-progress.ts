/**
 * The progress of decided relocations and their time limits (AMMR Art 67(7)–(11)), as a service: the Member States
 * involved record the steps they take or receive, the Coordinator may record any, and the Coordinator reads the time
 * limits of every case of a run while a Member State reads those of the cases it sends or receives.
 *
 * Who records which step follows who acts under Art 67:
 * - the Member State of relocation receives the information the benefitting state sends (Art 67(7)), notifies a
 *   postponement and confirms (Art 67(9));
 * - the benefitting state takes the transfer decision and notifies the person (Art 67(10)), fixes the transfer date,
 *   knows the final decision on an appeal against its transfer decision, and carries out the transfer (Art 67(11)).
 */
import { InputError, PermissionError } from '../domain/errors.ts';
import type { CaseStatus } from '../domain/matching/model.ts';
import { relocationTimers, type RelocationProgress, type RelocationTimers } from '../domain/matching/timers.ts';
import { isoDate, parseIsoDate } from '../domain/procedures/counting.ts';
import type { Db } from '../store/db.ts';
import * as matching from '../store/matching.ts';
import * as store from '../store/relocation-progress.ts';
import type { Actor } from './implementation.ts';

export type ProgressStep = store.ProgressStep;

/** The steps the Member State of relocation records; the benefitting state records the others. */
export const STEPS_OF_RELOCATION_STATE: readonly ProgressStep[] = ['informationReceived', 'postponementNotified', 'confirmed'];

export interface CaseTimers {
  caseId: string;
  benefitting: string;
  /** The Member State of relocation as decided. */
  stateOfRelocation: string;
  persons: number;
  /** Applicant or beneficiary of protection (the notice before transfer depends on it); null for runs stored before it was kept. */
  status: CaseStatus | null;
  /** The latest recorded date of each step. */
  progress: Partial<Record<ProgressStep, string>>;
  /** Null until the Member State of relocation has received the information: the time limits count from it. */
  timers: RelocationTimers | null;
}

const ownState = (role: string): string | null => (role.startsWith('member-state:') ? role.slice('member-state:'.length) : null);
const stateOfRelocation = (a: matching.AssignmentRow): string | null => a.finalState ?? a.proposedState;
const isDecided = (a: matching.AssignmentRow) => a.decision === 'accepted' || a.decision === 'changed';
const statusOf = (a: matching.AssignmentRow): CaseStatus | null => {
  const s = (a.detail as { status?: unknown } | null)?.status;
  return s === 'applicant' || s === 'beneficiary' ? s : null;
};

/** Whether the caller sees a case's progress: the Coordinator every case, a Member State those it sends or receives. */
function sees(actor: Actor, a: matching.AssignmentRow): boolean {
  if (actor.role === 'coordinator') return true;
  const state = ownState(actor.role);
  return state !== null && (a.benefitting === state || stateOfRelocation(a) === state);
}

function mustReadMatching(actor: Actor): void {
  if (actor.role !== 'coordinator' && !ownState(actor.role)) throw new PermissionError('relocation progress is read by the Coordinator and, for their own cases, by Member States');
}

async function runOrRefuse(db: Db, runId: number) {
  const run = await matching.findRun(db, runId);
  if (!run) throw new InputError(`no matching run ${runId}`, { field: 'id' });
  return run;
}

/** Records one step of a decided relocation; a correction is another record of the same step, and the latest wins. */
export async function recordProgress(db: Db, actor: Actor, runId: number, caseId: string, body: { step: ProgressStep; date: string }, at: Date): Promise<store.ProgressRow> {
  mustReadMatching(actor);
  parseIsoDate(body.date, 'date');
  await runOrRefuse(db, runId);
  const a = await matching.findAssignment(db, runId, caseId);
  // A case the caller may not see answers as one that does not exist: its existence is not told.
  if (!a || !sees(actor, a)) throw new InputError(`no case "${caseId}" in matching run ${runId}`, { field: 'caseId' });
  if (!isDecided(a)) throw new InputError(`case "${caseId}" is not decided yet: only an accepted or changed relocation has progress`, { field: 'caseId' });
  const state = ownState(actor.role);
  if (state !== null) {
    const byRelocationState = STEPS_OF_RELOCATION_STATE.includes(body.step);
    if (byRelocationState && stateOfRelocation(a) !== state) throw new PermissionError(`${body.step} is recorded by the Member State of relocation (${stateOfRelocation(a)}) or the Coordinator`);
    if (!byRelocationState && a.benefitting !== state) throw new PermissionError(`${body.step} is recorded by the benefitting Member State (${a.benefitting}) or the Coordinator`);
  }
  const current = store.latestSteps(await store.listSteps(db, runId, caseId)).get(caseId) ?? {};
  if (body.step === 'informationReceived') {
    const earliest = Object.entries(current).filter(([k]) => k !== 'informationReceived').map(([, v]) => v).sort()[0];
    if (earliest !== undefined && earliest < body.date) throw new InputError(`information received on ${body.date} would postdate a step recorded on ${earliest}`, { field: 'date' });
  } else {
    const received = current.informationReceived;
    if (received === undefined) throw new InputError('record informationReceived first: the time limits count from it (Art 67(9))', { field: 'step' });
    if (body.date < received) throw new InputError(`${body.step} on ${body.date} predates the information received on ${received}`, { field: 'date' });
  }
  return store.recordStep(db, { runId, caseId, step: body.step, date: body.date, recordedBy: actor.name, recordedAt: at });
}

/**
 * The time limits of a run's decided relocations on `today`, as the caller may see them. Counted by Art 75 with the
 * public holidays the caller gives (the server holds none): a last day on one of them moves to the next working day.
 */
export async function runTimers(db: Db, actor: Actor, runId: number, today: string, holidays: readonly string[] = []): Promise<CaseTimers[]> {
  mustReadMatching(actor);
  parseIsoDate(today, 'today');
  for (const h of holidays) parseIsoDate(h, 'holiday');
  const holidaySet = new Set(holidays);
  await runOrRefuse(db, runId);
  const state = ownState(actor.role);
  const assignments = (await matching.listAssignments(db, runId, state ?? undefined)).filter((a) => isDecided(a) && sees(actor, a));
  const latest = store.latestSteps(await store.listSteps(db, runId));
  return assignments.map((a) => {
    const progress = latest.get(a.caseId) ?? {};
    const status = statusOf(a);
    let timers: RelocationTimers | null = null;
    if (progress.informationReceived !== undefined) {
      // Without a stored status the longer notice (1 week, beneficiaries) is counted: the earlier last day to notify.
      const p: RelocationProgress = { ...progress, caseId: a.caseId, status: status ?? 'beneficiary', informationReceived: progress.informationReceived };
      timers = relocationTimers(p, today, holidaySet);
    }
    return { caseId: a.caseId, benefitting: a.benefitting, stateOfRelocation: stateOfRelocation(a)!, persons: a.persons, status, progress, timers };
  });
}

/** Today as the server's clock has it (UTC calendar date). */
export const todayOf = (now: Date): string => isoDate(now);
