/**
 * Migration Support Toolbox requests as a service: Member States ask, the Commission decides, the Coordinator and
 * the Commission see every request in the order it is to be served (at-risk Member States first).
 */
import { InputError, PermissionError } from '../domain/errors.ts';
import type { MemberStateCode } from '../domain/member-states.ts';
import { checkTransition, prioritiseRequests, summariseRequests, validateNewRequest, type PrioritisedRequest, type SupportRequest, type ToolboxSummary } from '../domain/procedures/support-toolbox.ts';
import type { Db } from '../store/db.ts';
import { currentDecisions } from '../domain/assessment/decisions.ts';
import { latestDecidedCycle } from '../store/decisions.ts';
import { decisionRecords } from './assess.ts';
import * as store from '../store/support-requests.ts';
import { parsePlanState, type Actor } from './implementation.ts';

const ownState = (role: string): MemberStateCode | null => (role.startsWith('member-state:') ? parsePlanState(role.slice('member-state:'.length)) : null);

export async function submitSupportRequest(db: Db, actor: Actor, input: { item: string; description: string }, at: Date): Promise<SupportRequest> {
  const state = ownState(actor.role);
  if (!state) throw new PermissionError('only a Member State asks the Toolbox for support');
  const r = validateNewRequest(input);
  return store.insertSupportRequest(db, { state, ...r, actor: actor.name, at });
}

export async function changeSupportRequestStatus(db: Db, actor: Actor, id: number, to: string, note: string, at: Date): Promise<SupportRequest> {
  const current = await store.findSupportRequest(db, id);
  if (!current || (ownState(actor.role) !== null && ownState(actor.role) !== current.state)) throw new InputError(`no Toolbox request ${id}`, { field: 'id' });
  const status = checkTransition(current, to, actor.role);
  const updated = await store.updateSupportRequestStatus(db, { id, from: current.status, to: status, note: note.trim(), actor: actor.name, at });
  if (!updated) throw new InputError(`Toolbox request ${id} changed meanwhile; read it again`, { field: 'status' });
  return updated;
}

/** Where the Member States identified as at risk (Art 11 decision) come from. */
export type AtRiskSource = (db: Db) => Promise<{ states: string[]; basis: string }>;

export const NO_DECISION_RECORDED: AtRiskSource = async () => ({
  states: [],
  basis: 'no Art 11 implementing decision is recorded: no Member State is identified as at risk, so requests are served in the order they were made',
});

/**
 * The Member States identified as at risk of migratory pressure by the latest cycle's Art 11 decision in force
 * (recorded with `decision record` or in the pool ledger); before any decision, none (NO_DECISION_RECORDED).
 */
export const AT_RISK_FROM_DECISIONS: AtRiskSource = async (db) => {
  const cycle = await latestDecidedCycle(db);
  if (cycle === null) return NO_DECISION_RECORDED(db);
  const atRisk = currentDecisions(await decisionRecords(db, cycle)).filter((d) => d.category === 'at-risk' && d.adopted);
  if (atRisk.length === 0) return { states: [], basis: `the Art 11 decisions in force for the ${cycle} cycle identify no Member State as at risk of migratory pressure, so requests are served in the order they were made` };
  const acts = [...new Set(atRisk.map((d) => d.act))].join('; ');
  return { states: [...new Set(atRisk.map((d) => d.state))].sort(), basis: `identified as at risk of migratory pressure for the ${cycle} cycle by ${acts} (AMMR Art 11)` };
};

export interface ToolboxView {
  /** Member States identified as at risk, whose requests are served first, and where that list comes from. */
  atRisk: { states: string[]; basis: string };
  requests: PrioritisedRequest[];
}

/**
 * The requests a caller may see, in serving order: all for the Commission and the Coordinator, its own for a
 * Member State, none for the public.
 */
export async function toolboxView(db: Db, actor: Actor, atRisk: { states: readonly string[]; basis: string }): Promise<ToolboxView> {
  let requests: SupportRequest[];
  if (actor.role === 'commission' || actor.role === 'coordinator') requests = await store.listSupportRequests(db);
  else {
    const state = ownState(actor.role);
    if (!state) throw new PermissionError('Toolbox requests are seen by the Commission, the Coordinator and the requesting Member State');
    requests = await store.listSupportRequests(db, state);
  }
  return { atRisk: { states: [...atRisk.states], basis: atRisk.basis }, requests: prioritiseRequests(requests, new Set(atRisk.states)) };
}

/** Every request recorded, summarised for the Report, with the at-risk states of the latest Art 11 decision in force. */
export async function toolboxSummary(db: Db): Promise<ToolboxSummary> {
  return summariseRequests(await store.listSupportRequests(db), await AT_RISK_FROM_DECISIONS(db));
}
