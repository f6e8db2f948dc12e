/**
 * The time limits of one relocation (AMMR Art 67(9)–(11)), counted by Art 75 (`procedures/counting.ts`), and
 * whether each step is done, due or overdue on a given day — what the Coordinator watches.
 *
 * - Art 67(9): the Member State of relocation confirms within 1 week of receiving the information, or within 2 weeks
 *   where it notified the postponement within the first week (complex cases, large numbers); silence at the end of
 *   the period is confirmation.
 * - Art 67(10): the benefitting state takes the transfer decision within 1 week of the confirmation, and notifies the
 *   person in writing at least 2 days (applicants) or 1 week (beneficiaries) before the transfer.
 * - Art 67(11): the transfer takes place within 4 weeks of the confirmation, or of the final decision on an appeal
 *   with suspensive effect.
 *
 * Art 75: a period whose last day is a Saturday, Sunday or public holiday ends on the next working day; the public
 * holidays are an input (those of the Member State that must act). Labels and notes are notes (`src/domain/note.ts`).
 */
import { note, type Note } from '../note.ts';
import { countPeriod, parseIsoDate, isoDate } from '../procedures/counting.ts';
import type { CaseStatus } from './model.ts';

export interface RelocationProgress {
  caseId: string;
  status: CaseStatus;
  /** The Member State of relocation received the information (Art 67(7)). */
  informationReceived: string;
  /** Postponement notified to the benefitting state (Art 67(9), second subparagraph). */
  postponementNotified?: string | null;
  confirmed?: string | null;
  transferDecision?: string | null;
  /** The person was notified of the transfer decision in writing. */
  personNotified?: string | null;
  /** The date planned for the transfer, if fixed. */
  plannedTransfer?: string | null;
  /** Final decision on an appeal with suspensive effect, if any (Art 67(11)). */
  appealFinal?: string | null;
  transferred?: string | null;
}

export type StepState = 'done' | 'done-late' | 'due' | 'overdue' | 'waiting';

export interface TimerStep {
  step: 'confirmation' | 'transfer-decision' | 'notice' | 'transfer';
  article: string;
  label: Note;
  /** Last day for the step (for the notice: the latest day the person may be notified). */
  due: string | null;
  done: string | null;
  state: StepState;
  note: Note | null;
}

export interface RelocationTimers {
  caseId: string;
  steps: TimerStep[];
  /** The day confirmation counts from, and whether it came by silence. */
  confirmation: { date: string; bySilence: boolean } | null;
}

const minusDays = (date: string, n: number) => isoDate(new Date(parseIsoDate(date).getTime() - n * 86_400_000));
const later = (a: string, b: string) => (a > b ? a : b);

function stateOf(due: string | null, done: string | null | undefined, today: string): StepState {
  if (due === null) return 'waiting';
  if (done) return done <= due ? 'done' : 'done-late';
  return today <= due ? 'due' : 'overdue';
}

/**
 * The steps of one relocation on `today` (ISO dates; `holidays` of the state that must act, each a valid date).
 *
 * @example
 * // Information received Saturday 3 October 2026: one week ends Saturday 10, moved past Monday 12 (a holiday given).
 * relocationTimers({ caseId: 'a', status: 'applicant', informationReceived: '2026-10-03' }, '2026-10-04', new Set(['2026-10-12'])).steps[0].due
 * // '2026-10-13'
 */
export function relocationTimers(p: RelocationProgress, today: string, holidays: ReadonlySet<string> = new Set()): RelocationTimers {
  parseIsoDate(today, 'today');
  for (const h of holidays) parseIsoDate(h, 'holiday');
  const week1 = countPeriod(p.informationReceived, { n: 1, unit: 'weeks' }, 'ammr-art-75', holidays).end;
  const postponed = !!p.postponementNotified && p.postponementNotified <= week1;
  const confirmDue = postponed ? countPeriod(p.informationReceived, { n: 2, unit: 'weeks' }, 'ammr-art-75', holidays).end : week1;
  let confirmation: RelocationTimers['confirmation'] = null;
  if (p.confirmed) confirmation = { date: p.confirmed, bySilence: false };
  else if (today > confirmDue) confirmation = { date: confirmDue, bySilence: true };
  const steps: TimerStep[] = [];
  steps.push({
    step: 'confirmation', article: 'Art 67(9)', label: note('timers.label.confirmation', {}),
    due: confirmDue,
    done: confirmation?.date ?? null,
    state: confirmation?.bySilence ? 'done' : stateOf(confirmDue, p.confirmed, today),
    note: confirmation?.bySilence ? note('timers.silenceIsConfirmation', {}) : postponed ? note('timers.postponed', {}) : null,
  });
  const decisionDue = confirmation ? countPeriod(confirmation.date, { n: 1, unit: 'weeks' }, 'ammr-art-75', holidays).end : null;
  steps.push({ step: 'transfer-decision', article: 'Art 67(10)', label: note('timers.label.transferDecision', {}), due: decisionDue, done: p.transferDecision ?? null, state: stateOf(decisionDue, p.transferDecision, today), note: null });
  const transferFrom = confirmation ? (p.appealFinal ? later(confirmation.date, p.appealFinal) : confirmation.date) : null;
  const transferDue = transferFrom ? countPeriod(transferFrom, { n: 4, unit: 'weeks' }, 'ammr-art-75', holidays).end : null;
  const noticeDays = p.status === 'beneficiary' ? 7 : 2;
  const transferDay = p.plannedTransfer ?? transferDue;
  const noticeDue = transferDay ? minusDays(transferDay, noticeDays) : null;
  steps.push({
    step: 'notice', article: 'Art 67(10)', label: note(p.status === 'beneficiary' ? 'timers.label.noticeBeneficiary' : 'timers.label.noticeApplicant', {}),
    due: noticeDue, done: p.personNotified ?? null, state: stateOf(noticeDue, p.personNotified, today),
    note: noticeDue && !p.plannedTransfer ? note('timers.noticeCountedBack', {}) : null,
  });
  steps.push({
    step: 'transfer', article: 'Art 67(11)', label: note('timers.label.transfer', {}), due: transferDue, done: p.transferred ?? null, state: stateOf(transferDue, p.transferred, today),
    note: p.appealFinal ? note('timers.fromAppeal', {}) : null,
  });
  return { caseId: p.caseId, steps, confirmation };
}
