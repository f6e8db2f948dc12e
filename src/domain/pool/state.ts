/**
 * The state of one cycle's pool, as the fold of its events. The phase decides which fields exist: there is no
 * Council act before adoption and no closing before the year is closed, so code that reads them must first check
 * the phase.
 *
 * Per Member State the four figures the Regulation keeps apart (domain.md §5.3) live in separate fields and are never
 * merged: the fair share (`line`), the pledges by type (`pledged`), the deductions granted by Council implementing
 * act (`deducted`) and what was implemented (`implemented`).
 */
import { Map as PersistentMap } from 'immutable';
import type { MemberStateCode } from '../member-states.ts';
import type { Category, Needs, Proposal, ProposalLine } from './events.ts';
import { zeroAmounts, type Amounts, type Measure } from './measures.ts';

export type Phase = 'empty' | 'drafted' | 'forum' | 'adopted' | 'implementation' | 'closed';

/** Never changed in place (a change replaces it), so copies of the pool can share pledges. */
export type PledgeMap = PersistentMap<string, Pledge>;
/** A new, empty pledge map. */
export const PledgeMap = (): PledgeMap => PersistentMap<string, Pledge>();

export interface Pledge {
  readonly id: string;
  readonly state: MemberStateCode;
  readonly measure: Readonly<Measure>;
  /** When it was first made and last amended. */
  readonly madeAt: string;
  readonly amendedAt: string;
  /** False until the Council act (or the act adopting additional pledges, Art 13(4)) makes it binding. */
  readonly binding: boolean;
}

export interface Benefitting {
  /** Art 58: identified under migratory pressure; Art 59: considers itself so and the Commission agreed. */
  via: 'art-58' | 'art-59';
  since: string;
  needs: Needs;
}

export interface SelfNotification {
  state: MemberStateCode;
  at: string;
  needs: Needs;
  reasoning: string;
  decision?: { granted: boolean; at: string; reason: string };
  councilRefusal?: { at: string; ground: 'insufficient-capacity' | 'other-objective-reasons'; reason: string };
}

export interface StateBook {
  code: MemberStateCode;
  /** Art 12(2), 66: the state's line of the proposal (after adoption: of the Council act). */
  line: ProposalLine;
  /** Art 11(1): the categories the Commission's implementing decision identified the state in. */
  categories: Category[];
  /**
   * This state's live pledges by id, in a persistent map: a pool holds thousands and every event makes a new state
   * (snapshots are shared), so a change must not copy them — it shares all but the path to the changed pledge. Kept
   * per state because a state reads and changes only its own before adoption (Art 12(6)).
   */
  pledges: PledgeMap;
  /** Live pledges by type (withdrawn ones no longer count). */
  pledged: Amounts;
  /** The part of `pledged` made at a reconvened Forum (Art 13(4)) and not yet adopted by the Council. */
  pending: Amounts;
  /** Art 57(4): euros of alternative measures converted to financial contributions (moved, not added). */
  convertedEur: number;
  /** Arts 61–62: deductions granted by Council implementing act. */
  deducted: Amounts;
  /** Art 60(1): what the Coordinator allocated from this state to benefitting states. */
  allocated: Amounts;
  /** Fulfilment records: relocations carried out, payments made, measures delivered, offsets applied. */
  implemented: Amounts;
  benefitting: Benefitting | null;
  /** Art 60(3): systemic shortcomings found (by an Art 11 or 59(4) decision) and not lifted. */
  systemicShortcomings: { since: string; decision: string } | null;
  /** Art 63(7): offsets this state has accepted to apply (request-based and mandatory), capped at its fair share. */
  offsetsAccepted: number;
  /** Art 63(5): relocations pledged and not carried out by the end of the year (set when the year closes). */
  offsetsOwed: number;
  /** Art 60(6): the January confirmation of what was implemented in the year. */
  confirmation: { at: string; amounts: Amounts } | null;
}

export interface DeductionRequest {
  id: string;
  state: MemberStateCode;
  article: 61 | 62;
  amounts: Amounts;
  reasoning?: string;
  requestedAt: string;
  assessment?: { at: string; favourable: boolean; reason: string; late: boolean };
  decision?: { at: string; act: string; granted: Amounts };
}

export interface OffsetRequest {
  id: string;
  /** Art 63(1), 63(5): asked by the benefitting state; Art 63(2)–(3): offered by the contributing state. */
  initiative: 'request' | 'offer';
  article: '63(1)' | '63(2)' | '63(3)' | '63(4)' | '63(5)';
  benefitting: MemberStateCode;
  contributing: MemberStateCode;
  persons: number;
  at: string;
  reply?: { at: string; acceptedPersons: number; late: boolean };
}

/** Art 60(1): amounts allocated and implemented between one contributing and one benefitting state. */
export interface Transfer {
  contributing: MemberStateCode;
  benefitting: MemberStateCode;
  allocated: Amounts;
  implemented: Amounts;
}

/** Art 57(1)–(2): the content of the Council implementing act. */
export interface CouncilAct {
  act: string;
  adoptedAt: string;
  referenceRelocations: number;
  referenceFinancialEur: number;
  sarPercentage?: number;
  /** Whether the Council changed the proposal's reference numbers or lines (allowed by QMV, Art 57(1)). */
  amendedProposal: boolean;
}

export interface ReconvenedForum {
  at: string;
  ground: 'insufficient-pool' | 'significant-deductions' | 'higher-needs';
  /** Open while additional pledges are being made; closed by the act adopting them. */
  open: boolean;
}

interface Common {
  cycle: number;
  proposal: Proposal;
  proposedAt: string;
  classification: { decision: string; at: string } | null;
  /** Books of the Member States in the proposal, keyed by code. */
  states: Map<MemberStateCode, StateBook>;
  /** Which state made each live pledge (ids are unique in the pool); the pledges themselves are in the books. */
  pledgeOwners: PersistentMap<string, MemberStateCode>;
  /** Pool totals of live pledges, kept incrementally. */
  pledgedTotal: Amounts;
}

export interface EmptyPool {
  phase: 'empty';
}
export interface DraftedPool extends Common {
  phase: 'drafted';
}
export interface ForumPool extends Common {
  phase: 'forum';
  forumOpenedAt: string;
}
interface AfterAdoption extends Common {
  forumOpenedAt: string;
  councilAct: CouncilAct;
  /** Art 13(4): every reconvening of the High-Level Forum, the latest last. */
  reconvened: ReconvenedForum[];
  selfNotifications: Map<MemberStateCode, SelfNotification>;
  deductions: Map<string, DeductionRequest>;
  offsets: Map<string, OffsetRequest>;
  /** Keyed `contributing>benefitting`. */
  transfers: Map<string, Transfer>;
  deductedTotal: Amounts;
  implementedTotal: Amounts;
  /** Art 14, 58(3), 59(6): meetings of the Technical-Level Forum, with the benefitting state they were convened for. */
  technicalForums: { at: string; benefitting: MemberStateCode | null }[];
}
export interface AdoptedPool extends AfterAdoption {
  phase: 'adopted';
}
export interface ImplementationPool extends AfterAdoption {
  phase: 'implementation';
  implementationStartedAt: string;
}
export interface ClosedPool extends AfterAdoption {
  phase: 'closed';
  implementationStartedAt: string;
  closedAt: string;
}

export type PoolState = EmptyPool | DraftedPool | ForumPool | AdoptedPool | ImplementationPool | ClosedPool;
export type OpenPool = Exclude<PoolState, EmptyPool>;
export type AdoptedOrLater = AdoptedPool | ImplementationPool | ClosedPool;

export const EMPTY_POOL: EmptyPool = Object.freeze({ phase: 'empty' });

export function isAdopted(s: PoolState): s is AdoptedOrLater {
  return s.phase === 'adopted' || s.phase === 'implementation' || s.phase === 'closed';
}

export const transferKey = (contributing: MemberStateCode, benefitting: MemberStateCode) => `${contributing}>${benefitting}`;

export function newBook(line: ProposalLine): StateBook {
  return {
    code: line.code,
    line,
    categories: [],
    pledges: PledgeMap(),
    pledged: zeroAmounts(),
    pending: zeroAmounts(),
    convertedEur: 0,
    deducted: zeroAmounts(),
    allocated: zeroAmounts(),
    implemented: zeroAmounts(),
    benefitting: null,
    systemicShortcomings: null,
    offsetsAccepted: 0,
    offsetsOwed: 0,
    confirmation: null,
  };
}

/** Every live pledge of the pool, state by state. */
export function allPledges(s: OpenPool): Pledge[] {
  return [...s.states.values()].flatMap((b) => [...b.pledges.values()]);
}

/** The live pledge with this id, whichever state made it. */
export function findPledge(s: OpenPool, id: string): Pledge | undefined {
  const owner = s.pledgeOwners.get(id);
  return owner === undefined ? undefined : s.states.get(owner)?.pledges.get(id);
}

const copyAmounts = (a: Amounts): Amounts => ({ ...a });

function copyBook(b: StateBook): StateBook {
  return {
    ...b,
    categories: [...b.categories],
    pledged: copyAmounts(b.pledged),
    pending: copyAmounts(b.pending),
    deducted: copyAmounts(b.deducted),
    allocated: copyAmounts(b.allocated),
    implemented: copyAmounts(b.implemented),
  };
}

/**
 * A copy that shares nothing mutable with `s`, so that the fold may change it in place: the cost is the size of
 * the live state (26 books, live pledges, open requests), never the number of events folded. Pledges are immutable
 * and shared.
 */
export function clonePool<S extends PoolState>(s: S): S {
  if (s.phase === 'empty') return s;
  const c = s as Exclude<S, EmptyPool> & Partial<AfterAdoption>;
  const out: Common & Partial<AfterAdoption> & { phase: Phase } = {
    ...c,
    states: new Map([...c.states].map(([k, b]) => [k, copyBook(b)])),
    pledgedTotal: copyAmounts(c.pledgedTotal),
  };
  if (c.councilAct) {
    out.reconvened = c.reconvened!.map((r) => ({ ...r }));
    out.technicalForums = [...c.technicalForums!];
    out.selfNotifications = new Map([...c.selfNotifications!].map(([k, n]) => [k, { ...n }]));
    out.deductions = new Map([...c.deductions!].map(([k, d]) => [k, { ...d }]));
    out.offsets = new Map([...c.offsets!].map(([k, o]) => [k, { ...o }]));
    out.transfers = new Map(
      [...c.transfers!].map(([k, t]) => [k, { ...t, allocated: copyAmounts(t.allocated), implemented: copyAmounts(t.implemented) }]),
    );
    out.deductedTotal = copyAmounts(c.deductedTotal!);
    out.implementedTotal = copyAmounts(c.implementedTotal!);
  }
  return out as unknown as S;
}

/**
 * What a state is bound to implement: its binding pledges less granted deductions (Arts 61–62), with alternative
 * measures converted to money moved from `alternativeEur` to `financialEur` (Art 57(4)).
 */
export function obligation(b: StateBook): Amounts {
  return {
    relocations: b.pledged.relocations - b.pending.relocations - b.deducted.relocations,
    financialEur: b.pledged.financialEur - b.pending.financialEur - b.deducted.financialEur + b.convertedEur,
    alternativeEur: b.pledged.alternativeEur - b.pending.alternativeEur - b.deducted.alternativeEur - b.convertedEur,
    offsets: b.pledged.offsets - b.pending.offsets - b.deducted.offsets,
  };
}

/** Art 60(3): a state with a full deduction need not implement: it had pledges and all of them were deducted. */
export function hasFullDeduction(b: StateBook): boolean {
  const o = obligation(b);
  const deducted = b.deducted.relocations + b.deducted.financialEur + b.deducted.alternativeEur + b.deducted.offsets;
  return deducted > 0 && o.relocations <= 0 && o.financialEur <= 0 && o.alternativeEur <= 0 && o.offsets <= 0;
}
