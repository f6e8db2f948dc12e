/**
 * The permanent EU Migration Support Toolbox (AMMR Art 6(3)): the catalogue of support, Member States' requests and
 * their life cycle, and the order in which requests are served. Using the Toolbox is not a precondition for
 * solidarity (recital 32). Priority for Member States identified as at risk of migratory pressure is the
 * Commission's stated policy (2025 communication); it is not written in the Regulation (domain.md §1.10).
 */
import { InputError, PermissionError } from '../errors.ts';
import type { MemberStateCode } from '../member-states.ts';

export const TOOLBOX_CATALOGUE = [
  { id: 'euaa-operational-support', label: 'Operational and technical support by the EU Asylum Agency', kind: 'agency-support', basis: 'AMMR Art 6(3); Regulation (EU) 2021/2303' },
  { id: 'frontex-operational-support', label: 'Operational support by Frontex (border management)', kind: 'agency-support', basis: 'AMMR Art 6(3); Regulation (EU) 2019/1896' },
  { id: 'europol-support', label: 'Support by Europol (security checks, smuggling networks)', kind: 'agency-support', basis: 'AMMR Art 6(3); Regulation (EU) 2016/794' },
  { id: 'amif-funding', label: 'Asylum, Migration and Integration Fund (AMIF)', kind: 'funding', basis: 'AMMR Art 6(3); Regulation (EU) 2021/1147' },
  { id: 'bmvi-funding', label: 'Border Management and Visa Instrument (BMVI)', kind: 'funding', basis: 'AMMR Art 6(3); Regulation (EU) 2021/1148' },
  { id: 'crisis-derogations', label: 'Derogations under the Crisis and Force Majeure Regulation', kind: 'legal-derogation', basis: 'AMMR Art 6(3); Regulation (EU) 2024/1359' },
  { id: 'procedure-derogations', label: 'Derogations in the APR and the Return Border Procedure Regulation', kind: 'legal-derogation', basis: 'AMMR Art 6(3); Regulations (EU) 2024/1348 and 2024/1349' },
  { id: 'civil-protection', label: 'Union Civil Protection Mechanism', kind: 'civil-protection', basis: 'AMMR Art 6(3); Decision No 1313/2013/EU' },
  { id: 'return-reintegration', label: 'Return and reintegration support', kind: 'return', basis: 'AMMR Art 6(3)' },
  { id: 'external-dimension', label: 'Actions in the external dimension (partnerships with third countries)', kind: 'external', basis: 'AMMR Art 6(3)' },
  { id: 'diplomatic-outreach', label: 'Diplomatic outreach and communication', kind: 'external', basis: 'AMMR Art 6(3)' },
  { id: 'third-country-capacity', label: 'Support to third countries\' migration policies and capacities', kind: 'external', basis: 'AMMR Art 6(3)' },
  { id: 'legal-pathways', label: 'Legal migration and mobility partnerships', kind: 'external', basis: 'AMMR Art 6(3)' },
] as const;

export type ToolboxItemId = (typeof TOOLBOX_CATALOGUE)[number]['id'];
export const REQUEST_STATUSES = ['submitted', 'in-review', 'granted', 'refused', 'delivered', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'in-review', 'granted'];

export interface SupportRequest {
  id: number;
  state: MemberStateCode;
  item: ToolboxItemId;
  description: string;
  status: RequestStatus;
  submittedBy: string;
  submittedAt: string;
  updatedBy: string;
  updatedAt: string;
  note: string;
}

export function isToolboxItem(id: string): id is ToolboxItemId {
  return TOOLBOX_CATALOGUE.some((i) => i.id === id);
}

export function validateNewRequest(input: { item: string; description: string }): { item: ToolboxItemId; description: string } {
  if (!isToolboxItem(input.item)) throw new InputError(`unknown Toolbox item "${input.item}": use one of ${TOOLBOX_CATALOGUE.map((i) => i.id).join(', ')}`, { field: 'item' });
  const description = input.description.trim();
  if (description.length < 10) throw new InputError('describe the support needed in at least 10 characters', { field: 'description' });
  return { item: input.item, description };
}

/** Who may move a request from one status to another: the Commission decides, the Member State may withdraw. */
const TRANSITIONS: Record<RequestStatus, Partial<Record<RequestStatus, 'commission' | 'requesting-state'>>> = {
  submitted: { 'in-review': 'commission', refused: 'commission', withdrawn: 'requesting-state' },
  'in-review': { granted: 'commission', refused: 'commission', withdrawn: 'requesting-state' },
  granted: { delivered: 'commission' },
  refused: {},
  delivered: {},
  withdrawn: {},
};

/** Checks a status change; throws InputError naming what is allowed. */
export function checkTransition(request: Pick<SupportRequest, 'state' | 'status'>, to: string, role: string): RequestStatus {
  if (!(REQUEST_STATUSES as readonly string[]).includes(to)) throw new InputError(`unknown status "${to}": use one of ${REQUEST_STATUSES.join(', ')}`, { field: 'status' });
  const who = TRANSITIONS[request.status][to as RequestStatus];
  if (!who) {
    const allowed = Object.keys(TRANSITIONS[request.status]);
    throw new InputError(`a ${request.status} request cannot become ${to}${allowed.length ? `; it can become ${allowed.join(', ')}` : ': it is closed'}`, { field: 'status' });
  }
  const ok = who === 'commission' ? role === 'commission' : role === `member-state:${request.state}`;
  if (!ok) throw new PermissionError(who === 'commission' ? `only the Commission can make a request ${to}` : `only ${request.state} can withdraw its request`);
  return to as RequestStatus;
}

export interface PrioritisedRequest extends SupportRequest {
  priority: 'at-risk' | 'standard' | 'closed';
  rank: number;
}

/**
 * The order in which requests are served: open requests from Member States identified as at risk of migratory
 * pressure (Art 11 decision) first, then other open requests, each group oldest first (ties by id); closed requests
 * last, newest first.
 */
export function prioritiseRequests(requests: readonly SupportRequest[], atRisk: ReadonlySet<string>): PrioritisedRequest[] {
  const group = (r: SupportRequest) => (!OPEN_STATUSES.includes(r.status) ? 2 : atRisk.has(r.state) ? 0 : 1);
  const sorted = [...requests].sort((a, b) => {
    const g = group(a) - group(b);
    if (g !== 0) return g;
    if (group(a) === 2) return b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id;
    return a.submittedAt.localeCompare(b.submittedAt) || a.id - b.id;
  });
  return sorted.map((r, i) => ({ ...r, priority: (['at-risk', 'standard', 'closed'] as const)[group(r)], rank: i + 1 }));
}

export interface ToolboxItemSummary {
  item: ToolboxItemId;
  requests: number;
  byStatus: Record<RequestStatus, number>;
  /** Requests from Member States identified as at risk (served first). */
  fromAtRisk: number;
}

export interface ToolboxSummary {
  requests: number;
  /** Member States that have asked at least once. */
  states: number;
  atRisk: { states: string[]; basis: string };
  /** Every item of the catalogue, in its order, with its requests (zero where none). */
  items: ToolboxItemSummary[];
}

/**
 * The Toolbox for the Report: requests per item of the catalogue and status, and how many came from at-risk states.
 * Aggregates only: which Member State asked for what is seen by the Commission, the Coordinator and that state.
 */
export function summariseRequests(requests: readonly SupportRequest[], atRisk: { states: readonly string[]; basis: string }): ToolboxSummary {
  const risky = new Set(atRisk.states);
  const items = TOOLBOX_CATALOGUE.map((i) => {
    const mine = requests.filter((r) => r.item === i.id);
    return {
      item: i.id,
      requests: mine.length,
      byStatus: Object.fromEntries(REQUEST_STATUSES.map((st) => [st, mine.filter((r) => r.status === st).length])) as Record<RequestStatus, number>,
      fromAtRisk: mine.filter((r) => risky.has(r.state)).length,
    };
  });
  return { requests: requests.length, states: new Set(requests.map((r) => r.state)).size, atRisk: { states: [...atRisk.states], basis: atRisk.basis }, items };
}
