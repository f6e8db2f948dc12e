/**
 * National implementation plans as a service: who may record and review what is checked here, for the API and the
 * CLI alike, and the Union overview the Report calls.
 */
import { InputError, PermissionError } from '../domain/errors.ts';
import { isSolidarityState, type MemberStateCode } from '../domain/member-states.ts';
import {
  mayReviewMilestones,
  mayUpdateMilestones,
  REVIEW_OUTCOMES,
  unionOverview,
  validateMilestoneUpdate,
  type MilestoneRecord,
  type MilestoneUpdate,
  type UnionOverview,
} from '../domain/procedures/implementation-plan.ts';
import type { Db } from '../store/db.ts';
import * as store from '../store/implementation.ts';

export interface Actor {
  name: string;
  role: string;
}

export function parsePlanState(code: string): MemberStateCode {
  if (!isSolidarityState(code)) throw new InputError(`${code} is not one of the 26 Member States bound by the Pact (Eurostat codes, EL for Greece)`, { field: 'state' });
  return code;
}

export async function recordMilestone(db: Db, actor: Actor, stateCode: string, update: MilestoneUpdate, at: Date): Promise<MilestoneRecord> {
  const state = parsePlanState(stateCode);
  if (!mayUpdateMilestones(actor.role, state)) throw new PermissionError(`only member-state:${state} records ${state}'s implementation milestones`);
  const u = validateMilestoneUpdate(update);
  return db.transaction(async (tx) => {
    await store.upsertMilestone(tx, { state, ...u, actor: actor.name, role: actor.role, at });
    return (await store.findMilestone(tx, state, u.milestone))!;
  });
}

export async function reviewMilestone(db: Db, actor: Actor, stateCode: string, milestone: string, outcome: string, note: string, at: Date): Promise<MilestoneRecord> {
  const state = parsePlanState(stateCode);
  if (!mayReviewMilestones(actor.role)) throw new PermissionError('only the Commission reviews implementation milestones');
  if (outcome !== 'accepted' && outcome !== 'returned') throw new InputError(`a review is accepted or returned, not "${outcome}"`, { field: 'outcome' });
  if (outcome === 'returned' && note.trim() === '') throw new InputError('say why the milestone is returned', { field: 'note' });
  return db.transaction(async (tx) => {
    const current = await store.findMilestone(tx, state, milestone);
    if (!current) throw new InputError(`${state} has not reported the milestone "${milestone}"`, { field: 'milestone' });
    await store.reviewMilestoneRow(tx, { state, milestone, outcome: outcome as (typeof REVIEW_OUTCOMES)[number], note: note.trim(), actor: actor.name, role: actor.role, at });
    return (await store.findMilestone(tx, state, milestone))!;
  });
}

export async function listPlan(db: Db, stateCode?: string): Promise<MilestoneRecord[]> {
  return store.listMilestones(db, stateCode === undefined ? undefined : parsePlanState(stateCode));
}

/** The Union overview of the national implementation plans, for the Report and the API. */
export async function implementationOverview(db: Db): Promise<UnionOverview & { records: MilestoneRecord[] }> {
  const records = await store.listMilestones(db);
  return { ...unionOverview(records), records };
}
