/**
 * What each role may see of a pool (Art 12(6); issue 4 item 6). The server serves only these projections, so a
 * confidential figure never leaves the domain for a role that may not see it.
 *
 * - Before the Council act the proposal is classified (Art 12(6), RESTREINT UE): its per-state figures are seen by
 *   the Commission and the Council; each Member State sees the reference numbers and its own line only.
 * - Pledges not yet adopted (at the Forum, or at a reconvened Forum under Art 13(4)) are seen by the Commission, the
 *   Council and the pledging state only.
 * - The public and the Coordinator see that the cycle exists, its phase and the published Art 11 decision; after
 *   adoption, the content of the Council act (Art 57(1)): reference numbers, each state's line and pledges by type,
 *   the SAR percentage, and the deductions granted by Council implementing acts (Arts 61(4), 62(4)).
 * - After adoption the Commission, the Council and the Coordinator see the implementation; a Member State sees
 *   what concerns it (its requests, the offsets and allocations it is party to) and who is benefitting or released.
 */
import type { MemberStateCode } from '../member-states.ts';
import type { Category, ProposalLine } from './events.ts';
import { euroEquivalent, type Amounts, type Measure } from './measures.ts';
import { stateOfRole, type PoolRole } from './roles.ts';
import { allPledges, isAdopted, type CouncilAct, type DeductionRequest, type OffsetRequest, type Phase, type PoolState, type SelfNotification, type StateBook } from './state.ts';

export interface PledgeView {
  id: string;
  state: MemberStateCode;
  measure: Measure;
  madeAt: string;
  amendedAt: string;
  binding: boolean;
}

export interface ActLine {
  code: MemberStateCode;
  /** The fair share (Art 66) and indicative contribution of the act. */
  line: ProposalLine;
  /** Binding pledges by type, and their euro equivalent (EUR 20,000 per person, Art 12(3)). */
  pledged: Amounts;
  pledgedEuroEquivalent: number;
  /** Deductions granted by Council implementing act (Arts 61(4), 62(4)). */
  deducted: Amounts;
}

export interface PoolView {
  cycle: number | null;
  phase: Phase;
  dates: { proposedAt?: string; forumOpenedAt?: string; adoptedAt?: string; implementationStartedAt?: string; closedAt?: string };
  /** Art 11(1): the Commission's implementing decision is published. */
  classification?: { decision: string; at: string; states: { code: MemberStateCode; categories: Category[] }[] };
  /** The Commission proposal: all lines for the Commission and the Council, a Member State's own line for it. */
  proposal?: { referenceRelocations: number; referenceFinancialEur: number; sarPercentage?: number; lines: ProposalLine[] };
  /** Individual pledge records visible to the viewer. */
  pledges?: PledgeView[];
  /** Pool totals of every live pledge, adopted or not: for the Commission and the Council only. */
  pledgedTotal?: Amounts;
  councilAct?: CouncilAct & { lines: ActLine[] };
  reconvened?: { at: string; ground: string; open: boolean }[];
  benefitting?: { code: MemberStateCode; via: 'art-58' | 'art-59'; since: string }[];
  systemicShortcomings?: { code: MemberStateCode; since: string; decision: string }[];
  selfNotifications?: SelfNotification[];
  deductionRequests?: DeductionRequest[];
  offsets?: OffsetRequest[];
  transfers?: { contributing: MemberStateCode; benefitting: MemberStateCode; allocated: Amounts; implemented: Amounts }[];
  /** Per state: what was allocated from it, implemented, owed as offsets after the year and confirmed in January. */
  implementation?: { code: MemberStateCode; allocated: Amounts; implemented: Amounts; convertedEur: number; offsetsAccepted: number; offsetsOwed: number; confirmation: { at: string; amounts: Amounts } | null }[];
}

type Viewer = { kind: 'institution'; role: 'commission' | 'council' } | { kind: 'coordinator' } | { kind: 'state'; code: MemberStateCode } | { kind: 'public' };

function viewer(role: PoolRole): Viewer {
  const code = stateOfRole(role);
  if (code) return { kind: 'state', code };
  if (role === 'commission' || role === 'council') return { kind: 'institution', role };
  if (role === 'coordinator') return { kind: 'coordinator' };
  return { kind: 'public' };
}

const amounts = (a: Amounts): Amounts => ({ ...a });
const binding = (b: StateBook): Amounts => ({
  relocations: b.pledged.relocations - b.pending.relocations,
  financialEur: b.pledged.financialEur - b.pending.financialEur,
  alternativeEur: b.pledged.alternativeEur - b.pending.alternativeEur,
  offsets: b.pledged.offsets - b.pending.offsets,
});
const byCode = <T extends { code: string }>(a: T[]): T[] => a.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));

/**
 * Exactly what `role` may see of `state`, as plain JSON-ready data that shares nothing with the state.
 * @example projectFor('public', pool).proposal // undefined before and after adoption
 */
export function projectFor(role: PoolRole, state: PoolState): PoolView {
  if (state.phase === 'empty') return { cycle: null, phase: 'empty', dates: {} };
  const v = viewer(role);
  const full = v.kind === 'institution';
  const own = v.kind === 'state' ? v.code : null;
  const s = state;
  const view: PoolView = { cycle: s.cycle, phase: s.phase, dates: { proposedAt: s.proposedAt } };
  if (s.phase !== 'drafted') view.dates.forumOpenedAt = s.forumOpenedAt;

  if (s.classification) {
    view.classification = {
      ...s.classification,
      states: byCode([...s.states.values()].filter((b) => b.categories.length > 0).map((b) => ({ code: b.code, categories: [...b.categories] }))),
    };
  }

  // Art 12(6): the proposal stays with the Commission, the Council and, for its own line, each Member State.
  if (full || own) {
    const p = s.proposal;
    view.proposal = {
      referenceRelocations: p.referenceRelocations,
      referenceFinancialEur: p.referenceFinancialEur,
      ...(p.sarPercentage !== undefined ? { sarPercentage: p.sarPercentage } : {}),
      lines: p.states.filter((l) => full || l.code === own).map((l) => ({ ...l })),
    };
  }

  // Pledges: all for the Commission and the Council, own for a state; after adoption the binding ones are public
  // through the act, so a state also sees the others' binding pledge records.
  const visiblePledge = (p: { state: MemberStateCode; binding: boolean }) => full || p.state === own || (isAdopted(s) && p.binding && v.kind !== 'public');
  if (full || own || isAdopted(s)) {
    // Before adoption a state's view reads its own book only: a write's answer must not cost the whole pool.
    const candidates = full || isAdopted(s) || own === null ? allPledges(s) : [...(s.states.get(own)?.pledges.values() ?? [])];
    view.pledges = candidates.filter(visiblePledge).map((p) => ({ ...p, measure: { ...p.measure } }));
  }
  if (full) view.pledgedTotal = amounts(s.pledgedTotal);

  if (!isAdopted(s)) return view;

  view.dates.adoptedAt = s.councilAct.adoptedAt;
  if (s.phase !== 'adopted') view.dates.implementationStartedAt = s.implementationStartedAt;
  if (s.phase === 'closed') view.dates.closedAt = s.closedAt;

  view.councilAct = {
    ...s.councilAct,
    lines: byCode(
      [...s.states.values()].map((b) => {
        const pledged = binding(b);
        return { code: b.code, line: { ...b.line }, pledged, pledgedEuroEquivalent: euroEquivalent(pledged), deducted: amounts(b.deducted) };
      }),
    ),
  };
  view.reconvened = s.reconvened.map((r) => ({ ...r }));
  if (v.kind === 'public') return view;

  const books = [...s.states.values()];
  view.benefitting = byCode(books.filter((b) => b.benefitting).map((b) => ({ code: b.code, via: b.benefitting!.via, since: b.benefitting!.since })));
  view.systemicShortcomings = byCode(books.filter((b) => b.systemicShortcomings).map((b) => ({ code: b.code, ...b.systemicShortcomings! })));
  const mine = (code: MemberStateCode) => own === null || code === own;
  view.selfNotifications = [...s.selfNotifications.values()].filter((n) => mine(n.state)).map((n) => ({ ...n }));
  view.deductionRequests = [...s.deductions.values()].filter((d) => mine(d.state)).map((d) => ({ ...d, amounts: amounts(d.amounts) }));
  view.offsets = [...s.offsets.values()].filter((o) => mine(o.benefitting) || mine(o.contributing)).map((o) => ({ ...o }));
  view.transfers = [...s.transfers.values()]
    .filter((t) => mine(t.benefitting) || mine(t.contributing))
    .map((t) => ({ contributing: t.contributing, benefitting: t.benefitting, allocated: amounts(t.allocated), implemented: amounts(t.implemented) }));
  view.implementation = byCode(
    books
      .filter((b) => mine(b.code))
      .map((b) => ({
        code: b.code,
        allocated: amounts(b.allocated),
        implemented: amounts(b.implemented),
        convertedEur: b.convertedEur,
        offsetsAccepted: b.offsetsAccepted,
        offsetsOwed: b.offsetsOwed,
        confirmation: b.confirmation ? { at: b.confirmation.at, amounts: amounts(b.confirmation.amounts) } : null,
      })),
  );
  return view;
}
