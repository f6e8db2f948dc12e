/**
 * Relocation matching as a service: the Coordinator runs the matching tool on cases and pledges and stores the
 * result as a proposal; a person (the Coordinator) then accepts or changes each case — the tool only proposes
 * (domain.md §5.2(9)). A Member State reads the lines of a run that concern it (as benefitting state or state of
 * relocation), nothing else; the public reads nothing.
 */
import { InputError, PermissionError } from '../domain/errors.ts';
import type { RelocationPledge } from '../domain/matching/model.ts';
import { checkInstance, parseCases, parsePledges } from '../domain/matching/schemas.ts';
import { match, type MatchResult } from '../domain/matching/solve.ts';
import { isStateCode } from '../domain/member-states.ts';
import type { Db } from '../store/db.ts';
import * as store from '../store/matching.ts';
import type { Actor } from './implementation.ts';

export interface RunSummary {
  placedPersons: number;
  eligiblePersons: number;
  objective: number;
  bound: number;
  gap: number;
  optimal: boolean;
  excluded: number;
  states: MatchResult['states'];
  benefitting: MatchResult['benefitting'];
  solver: MatchResult['solver'];
}

export interface RunView {
  id: number;
  label: string;
  createdBy: string;
  createdAt: string;
  summary: RunSummary;
  assignments: store.AssignmentRow[];
}

const ownState = (role: string): string | null => (role.startsWith('member-state:') ? role.slice('member-state:'.length) : null);

function mustBeCoordinator(actor: Actor, what: string): void {
  if (actor.role !== 'coordinator') throw new PermissionError(`only the EU Solidarity Coordinator ${what}`);
}

/** Runs the matching on the request's cases and pledges and stores it as a proposal. */
export async function runMatching(db: Db, actor: Actor, body: { label?: string; cases: unknown; pledges: unknown; releases?: unknown }, at: Date): Promise<RunView> {
  mustBeCoordinator(actor, 'runs a relocation matching');
  const cases = parseCases(body.cases, 'cases');
  const { pledges, releases } = parsePledges({ pledges: body.pledges, releases: body.releases ?? [] }, 'pledges');
  const instance = checkInstance({ cases, pledges, releases });
  const r = match(instance);
  // Kept with each line for the Art 67(10) notice before transfer: 2 days for an applicant, 1 week for a beneficiary.
  const statusOf = new Map(cases.map((c) => [c.id, c.status]));
  const summary: RunSummary = {
    placedPersons: r.placedPersons, eligiblePersons: r.eligiblePersons, objective: r.objective, bound: r.bound, gap: r.gap, optimal: r.optimal,
    excluded: r.excluded.length, states: r.states, benefitting: r.benefitting, solver: r.solver,
  };
  const id = await db.transaction((tx) =>
    store.insertRun(
      tx,
      { label: body.label ?? '', createdBy: actor.name, createdAt: at, input: { pledges, releases }, summary },
      r.assignments.map((a) => ({
        caseId: a.caseId, benefitting: a.benefitting, persons: a.persons, proposedState: a.state, explanation: a.explanation,
        detail: { score: a.score, link: a.link, alternative: a.alternative, unusableLinks: a.unusableLinks, status: statusOf.get(a.caseId) ?? null },
      })),
    ),
  );
  return readRun(db, actor, id);
}

/** The runs a caller may know of: all for the Coordinator, all (without figures of others) for a Member State. */
export async function listMatchingRuns(db: Db, actor: Actor): Promise<{ id: number; label: string; createdAt: string; createdBy: string }[]> {
  if (actor.role !== 'coordinator' && !ownState(actor.role)) throw new PermissionError('matching runs are read by the Coordinator and, for their own lines, by Member States');
  return (await store.listRuns(db)).map((r) => ({ id: r.id, label: r.label, createdAt: r.createdAt, createdBy: r.createdBy }));
}

/** A run as the caller may see it: whole for the Coordinator, only its own lines for a Member State. */
export async function readRun(db: Db, actor: Actor, id: number): Promise<RunView> {
  const state = ownState(actor.role);
  if (actor.role !== 'coordinator' && !state) throw new PermissionError('matching runs are read by the Coordinator and, for their own lines, by Member States');
  const run = await store.findRun(db, id);
  if (!run) throw new InputError(`no matching run ${id}`, { field: 'id' });
  const summary = run.summary as RunSummary;
  if (!state) return { id, label: run.label, createdBy: run.createdBy, createdAt: run.createdAt, summary, assignments: await store.listAssignments(db, id) };
  // A Member State sees its own line of each table and the cases it sends or receives; no totals of others.
  const mine: RunSummary = {
    ...summary,
    objective: 0, bound: 0, gap: 0, optimal: false, excluded: 0, placedPersons: 0, eligiblePersons: 0,
    states: summary.states.filter((s) => s.state === state),
    benefitting: summary.benefitting.filter((b) => b.state === state),
    solver: { classes: 0, arcs: 0, phases: 0 },
  };
  return { id, label: run.label, createdBy: run.createdBy, createdAt: run.createdAt, summary: mine, assignments: await store.listAssignments(db, id, state) };
}

/** A person's decision on one proposed case: accept it as proposed, or change the state of relocation (with a note). */
export async function decideAssignment(
  db: Db,
  actor: Actor,
  runId: number,
  caseId: string,
  d: { decision: string; state?: string | undefined; note?: string | undefined },
  at: Date,
): Promise<store.AssignmentRow> {
  mustBeCoordinator(actor, 'accepts or changes a proposed relocation');
  const run = await store.findRun(db, runId);
  if (!run) throw new InputError(`no matching run ${runId}`, { field: 'id' });
  const current = await store.findAssignment(db, runId, caseId);
  if (!current) throw new InputError(`no case "${caseId}" in matching run ${runId}`, { field: 'caseId' });
  const note = (d.note ?? '').trim();
  let finalState: string | null;
  let decision: 'accepted' | 'changed';
  if (d.decision === 'accept') {
    if (current.proposedState === null) throw new InputError(`case "${caseId}" was not placed: change it to a state, or leave it`, { field: 'decision' });
    finalState = current.proposedState;
    decision = 'accepted';
  } else if (d.decision === 'change') {
    const to = d.state ?? '';
    if (!isStateCode(to)) throw new InputError(`unknown state "${to}"`, { field: 'state' });
    if (!note) throw new InputError('a change needs a note saying why', { field: 'note' });
    const pledge = (run.input as { pledges: RelocationPledge[] }).pledges.find((p) => p.state === to);
    if (!pledge || pledge.persons === 0) throw new InputError(`${to} pledged no places in this run`, { field: 'state' });
    if (to === current.benefitting) throw new InputError(`${to} is the benefitting state of the case`, { field: 'state' });
    const used = (await store.personsByState(db, runId)).get(to) ?? 0;
    const already = (current.decision === 'proposed' ? current.proposedState : current.finalState) === to ? current.persons : 0;
    if (used - already + current.persons > pledge.persons) {
      throw new InputError(`${to} has ${pledge.persons - used + already} places left, fewer than the ${current.persons} persons of the case (families are not split, Art 67(6))`, { field: 'state' });
    }
    finalState = to;
    decision = 'changed';
  } else throw new InputError('decision is "accept" or "change"', { field: 'decision' });
  const updated = await store.decide(db, { runId, caseId, from: current.decision, decision, finalState, actor: actor.name, at, note });
  if (!updated) throw new InputError(`case "${caseId}" changed meanwhile; read it again`, { field: 'decision' });
  return updated;
}
