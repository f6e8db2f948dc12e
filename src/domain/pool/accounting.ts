/**
 * Accounting per Member State and for the pool. Four figures are kept apart and never merged (domain.md §5.3):
 * the fair share (Art 66, the proposal's or the act's line), the pledges by type (Art 57(3)), the deductions granted
 * by Council implementing act (Arts 61–62) and what was implemented (Art 60). Each is given by type and with its
 * euro equivalent (EUR 20,000 per person, Art 12(3)).
 */
import type { MemberStateCode } from '../member-states.ts';
import { euroEquivalent, EURO_PER_RELOCATION, zeroAmounts, type Amounts } from './measures.ts';
import { FINANCIAL_FLOOR_EUR, RELOCATION_FLOOR } from './settings.ts';
import { hasFullDeduction, isAdopted, obligation, type OpenPool, type StateBook } from './state.ts';

export type Valued = Amounts & { euroEquivalent: number };

const valued = (a: Amounts): Valued => ({ ...a, euroEquivalent: euroEquivalent(a) });

export interface FairShareFigure {
  /** Art 66, Annex I: the state's share of the reference key. */
  share: number;
  /** Art 12(2): the indicative contribution, as relocations and as money. */
  relocations: number;
  financialEur: number;
  /** Art 12(3): the fair share's value at EUR 20,000 per relocation. */
  euroEquivalent: number;
}

export interface Compliance {
  pledgedEuroEquivalent: number;
  fairShareEuroEquivalent: number;
  /** Pledges ÷ fair share (null when the fair share is 0). */
  ratio: number | null;
  /** Art 57(3): states pledge according to their fair share; more is voluntary (recital 31). */
  meetsFairShare: boolean;
  explanation: string;
}

export interface StateAccount {
  code: MemberStateCode;
  fairShare: FairShareFigure;
  pledged: Valued;
  /** Part of `pledged` made at a reconvened Forum and not yet adopted (Art 13(4)). */
  pendingAdoption: Valued;
  deducted: Valued;
  implemented: Valued;
  /** Art 57(4): alternative measures converted into financial contributions, in euros. */
  convertedEur: number;
  /** What remains to implement: binding pledges less deductions and implementation (0 when exempt). */
  outstanding: Valued;
  /** Art 60(3): benefitting states and states with a full deduction need not implement their pledges. */
  exempt: 'benefitting' | 'full-deduction' | null;
  compliance: Compliance;
}

function fairShareOf(b: StateBook): FairShareFigure {
  return { share: b.line.share, relocations: b.line.relocations, financialEur: b.line.financialEur, euroEquivalent: b.line.relocations * EURO_PER_RELOCATION };
}

export function compliance(b: StateBook): Compliance {
  const pledged = euroEquivalent(b.pledged);
  const fair = b.line.relocations * EURO_PER_RELOCATION;
  const meets = pledged >= fair;
  const ratio = fair === 0 ? null : pledged / fair;
  const pct = ratio === null ? 'n/a' : `${(ratio * 100).toFixed(1)} %`;
  return {
    pledgedEuroEquivalent: pledged,
    fairShareEuroEquivalent: fair,
    ratio,
    meetsFairShare: meets,
    explanation: `Art 57(3), 66: ${b.code} pledged the equivalent of EUR ${pledged} against a fair share of ${b.line.relocations} relocations = EUR ${fair} at EUR 20,000 each (Art 12(3)): ${pct}, ${meets ? 'meets' : 'below'} its fair share.`,
  };
}

/** The account of one state. */
export function stateAccount(s: OpenPool, code: MemberStateCode): StateAccount | null {
  const b = s.states.get(code);
  if (!b) return null;
  const exempt = b.benefitting ? 'benefitting' : hasFullDeduction(b) ? 'full-deduction' : null;
  const o = obligation(b);
  const outstanding = exempt
    ? zeroAmounts()
    : {
        relocations: Math.max(0, o.relocations - b.implemented.relocations),
        financialEur: Math.max(0, o.financialEur - b.implemented.financialEur),
        alternativeEur: Math.max(0, o.alternativeEur - b.implemented.alternativeEur),
        offsets: Math.max(0, o.offsets - b.implemented.offsets),
      };
  return {
    code,
    fairShare: fairShareOf(b),
    pledged: valued(b.pledged),
    pendingAdoption: valued(b.pending),
    deducted: valued(b.deducted),
    implemented: valued(b.implemented),
    convertedEur: b.convertedEur,
    outstanding: valued(outstanding),
    exempt,
    compliance: compliance(b),
  };
}

/** Every state's account, in the order of the proposal. */
export function stateAccounts(s: OpenPool): StateAccount[] {
  return [...s.states.keys()].map((c) => stateAccount(s, c)!);
}

export interface FloorCheck {
  article: string;
  value: number;
  floor: number;
  meets: boolean;
  explanation: string;
}

export interface PoolAccount {
  pledged: Valued;
  deducted: Valued;
  implemented: Valued;
  /** Art 12(2): the proposal's reference numbers against the floors (binding on the proposal, Art 12(4) aside). */
  proposalFloors: FloorCheck[];
  /** Art 57(1): the Council may amend the proposal; this shows whether the act departs from the floors. */
  actFloors: FloorCheck[] | null;
  /** Art 12(3): the proposal keeps the ratio of EUR 20,000 per relocation. */
  proposalKeepsRatio: boolean;
  /** Pledges against the reference numbers (the act's once adopted), relocations and money as alternatives. */
  pledgesAgainstReference: { referenceEuroEquivalent: number; pledgedEuroEquivalent: number; ratio: number | null };
}

function floor(article: string, what: string, value: number, min: number): FloorCheck {
  const meets = value >= min;
  return { article, value, floor: min, meets, explanation: `${article}: ${what} of ${value} ${meets ? 'meets' : 'is below'} the floor of ${min}.` };
}

/** Pool totals: pledges, deductions and implementation, and the reference numbers against the floors. */
export function poolAccount(s: OpenPool): PoolAccount {
  const deducted = zeroAmounts();
  const implemented = zeroAmounts();
  for (const b of s.states.values()) {
    for (const k of ['relocations', 'financialEur', 'alternativeEur', 'offsets'] as const) {
      deducted[k] += b.deducted[k];
      implemented[k] += b.implemented[k];
    }
  }
  const p = s.proposal;
  const act = isAdopted(s) ? s.councilAct : null;
  const refRelocations = act ? act.referenceRelocations : p.referenceRelocations;
  const referenceEur = refRelocations * EURO_PER_RELOCATION;
  const pledgedEur = euroEquivalent(s.pledgedTotal);
  return {
    pledged: valued(s.pledgedTotal),
    deducted: valued(deducted),
    implemented: valued(implemented),
    proposalFloors: [
      floor('Art 12(2)(a)', 'the proposal’s relocations', p.referenceRelocations, RELOCATION_FLOOR),
      floor('Art 12(2)(b)', 'the proposal’s financial contributions in euros', p.referenceFinancialEur, FINANCIAL_FLOOR_EUR),
    ],
    actFloors: act
      ? [
          floor('Art 57(1), 12(2)(a)', 'the Council act’s relocations', act.referenceRelocations, RELOCATION_FLOOR),
          floor('Art 57(1), 12(2)(b)', 'the Council act’s financial contributions in euros', act.referenceFinancialEur, FINANCIAL_FLOOR_EUR),
        ]
      : null,
    proposalKeepsRatio: p.referenceRelocations * EURO_PER_RELOCATION === p.referenceFinancialEur,
    pledgesAgainstReference: { referenceEuroEquivalent: referenceEur, pledgedEuroEquivalent: pledgedEur, ratio: referenceEur === 0 ? null : pledgedEur / referenceEur },
  };
}

/**
 * Art 60(1): how evenly the Coordinator's allocations are spread over the benefitting states, in euro equivalent
 * against each one's stated needs (Art 58(1), 59(2)).
 */
export function allocationBalance(s: OpenPool): { code: MemberStateCode; needsEuroEquivalent: number; allocatedEuroEquivalent: number; coverage: number | null }[] {
  if (!isAdopted(s)) return [];
  const allocated = new Map<MemberStateCode, number>();
  for (const t of s.transfers.values()) allocated.set(t.benefitting, (allocated.get(t.benefitting) ?? 0) + euroEquivalent(t.allocated));
  return [...s.states.values()]
    .filter((b) => b.benefitting)
    .map((b) => {
      const needs = b.benefitting!.needs.relocations * EURO_PER_RELOCATION + b.benefitting!.needs.financialEur;
      const got = allocated.get(b.code) ?? 0;
      return { code: b.code, needsEuroEquivalent: needs, allocatedEuroEquivalent: got, coverage: needs === 0 ? null : got / needs };
    });
}
