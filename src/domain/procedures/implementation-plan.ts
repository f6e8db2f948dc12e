/**
 * The state of play of each Member State's national implementation plan for the Pact: the milestones the
 * Commission's Common Implementation Plan (12 June 2024) asks every Member State to plan and report, their status
 * and evidence, set by the Member State and reviewed by the Commission. The Report presents the Union overview.
 */
import { InputError } from '../errors.ts';
import { SOLIDARITY_STATES, type MemberStateCode } from '../member-states.ts';
import { parseIsoDate } from './counting.ts';

export const MILESTONES = [
  { id: 'legal-framework', label: 'National legal framework adapted', basis: 'all Pact instruments; APR Art 79, AMMR Art 85 (application from 12 June 2026)' },
  { id: 'screening', label: 'Screening at the external border and within the territory', basis: 'Regulation (EU) 2024/1356' },
  { id: 'eurodac', label: 'Eurodac: new data categories and connections', basis: 'Regulation (EU) 2024/1358' },
  { id: 'border-procedure-capacity', label: 'Border-procedure capacity and facilities', basis: 'APR Arts 43-54, adequate capacity Arts 46-47' },
  { id: 'reception', label: 'Reception conditions and capacity', basis: 'Directive (EU) 2024/1346' },
  { id: 'staffing', label: 'Staff for screening, registration, examination and return', basis: 'APR, Screening Regulation, Return Border Procedure Regulation' },
  { id: 'contingency-plan', label: 'Contingency planning', basis: 'Directive (EU) 2024/1346 (reception contingency plans); AMMR Art 9(3)(d)' },
  { id: 'national-strategy', label: 'National asylum and migration management strategy', basis: 'AMMR Art 7' },
] as const;

export type MilestoneId = (typeof MILESTONES)[number]['id'];
export const MILESTONE_STATUSES = ['not-started', 'in-progress', 'completed', 'delayed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const REVIEW_OUTCOMES = ['pending', 'accepted', 'returned'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface MilestoneRecord {
  state: MemberStateCode;
  milestone: MilestoneId;
  status: MilestoneStatus;
  evidence: string;
  targetDate: string | null;
  updatedBy: string;
  updatedAt: string;
  review: ReviewOutcome;
  reviewNote: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface MilestoneUpdate {
  milestone: string;
  status: string;
  evidence: string;
  targetDate?: string | null;
}

export function isMilestoneId(id: string): id is MilestoneId {
  return MILESTONES.some((m) => m.id === id);
}

/** Checks an update before it is stored: known milestone and status, and evidence for a completed milestone. */
export function validateMilestoneUpdate(u: MilestoneUpdate): { milestone: MilestoneId; status: MilestoneStatus; evidence: string; targetDate: string | null } {
  if (!isMilestoneId(u.milestone)) throw new InputError(`unknown milestone "${u.milestone}": use one of ${MILESTONES.map((m) => m.id).join(', ')}`, { field: 'milestone' });
  if (!(MILESTONE_STATUSES as readonly string[]).includes(u.status)) throw new InputError(`unknown status "${u.status}": use one of ${MILESTONE_STATUSES.join(', ')}`, { field: 'status' });
  const evidence = u.evidence.trim();
  // A completed milestone is reviewed by the Commission: it must say what shows it (law, facility, act, report).
  if (u.status === 'completed' && evidence === '') throw new InputError('a completed milestone needs evidence (the act, facility or document that shows it)', { field: 'evidence' });
  const targetDate = u.targetDate ?? null;
  // A date that does not exist (2026-02-30) is refused as the deadline calculator refuses it.
  if (targetDate !== null) parseIsoDate(targetDate, 'targetDate');
  return { milestone: u.milestone, status: u.status as MilestoneStatus, evidence, targetDate };
}

/** Only the Member State itself records its milestones. */
export function mayUpdateMilestones(role: string, state: MemberStateCode): boolean {
  return role === `member-state:${state}`;
}

/** Only the Commission reviews them. */
export function mayReviewMilestones(role: string): boolean {
  return role === 'commission';
}

export interface MilestoneOverview {
  milestone: MilestoneId;
  label: string;
  basis: string;
  counts: Record<MilestoneStatus | 'not-reported', number>;
  acceptedByCommission: number;
}

export interface StateOverview {
  code: MemberStateCode;
  reported: number;
  completed: number;
  /** Completed and accepted by the Commission. */
  accepted: number;
  delayed: number;
  notReported: MilestoneId[];
}

export interface UnionOverview {
  states: number;
  milestones: MilestoneOverview[];
  byState: StateOverview[];
  /** States that reported nothing: shown as not reported, never as not started. */
  statesNotReporting: MemberStateCode[];
}

/** The Union overview of the national implementation plans, for the Report. */
export function unionOverview(records: readonly MilestoneRecord[], states: readonly MemberStateCode[] = SOLIDARITY_STATES): UnionOverview {
  const key = (s: string, m: string) => `${s}/${m}`;
  const byKey = new Map(records.map((r) => [key(r.state, r.milestone), r]));
  const milestones = MILESTONES.map((m): MilestoneOverview => {
    const counts = { 'not-started': 0, 'in-progress': 0, completed: 0, delayed: 0, 'not-reported': 0 };
    let acceptedByCommission = 0;
    for (const s of states) {
      const r = byKey.get(key(s, m.id));
      if (!r) counts['not-reported']++;
      else {
        counts[r.status]++;
        if (r.status === 'completed' && r.review === 'accepted') acceptedByCommission++;
      }
    }
    return { milestone: m.id, label: m.label, basis: m.basis, counts, acceptedByCommission };
  });
  const byState = states.map((code): StateOverview => {
    const own = MILESTONES.map((m) => byKey.get(key(code, m.id)));
    return {
      code,
      reported: own.filter(Boolean).length,
      completed: own.filter((r) => r?.status === 'completed').length,
      accepted: own.filter((r) => r?.status === 'completed' && r.review === 'accepted').length,
      delayed: own.filter((r) => r?.status === 'delayed').length,
      notReported: MILESTONES.filter((_, i) => !own[i]).map((m) => m.id),
    };
  });
  return { states: states.length, milestones, byState, statesNotReporting: byState.filter((s) => s.reported === 0).map((s) => s.code) };
}
