/**
 * The Commission's proposal for the Annual Solidarity Pool (Art 12): the Union reference numbers and each bound
 * state's indicative contribution, its fair share (Art 66) times the reference numbers (Art 12(2)). Persons and euros
 * are whole numbers apportioned by largest remainder, so the lines add up exactly to the reference numbers. The
 * proposal is confidential (RESTREINT UE) until the Council adopts the pool (Art 12(6)); the mark is part of the value.
 */
import { apportion } from '../apportion.ts';
import { InputError } from '../errors.ts';
import { EURO_PER_RELOCATION } from './measures.ts';
import type { Proposal } from './events.ts';
import { FINANCIAL_FLOOR_EUR, RELOCATION_FLOOR } from './settings.ts';

export interface ProposalInput {
  cycle: number;
  shares: readonly { code: string; share: number }[];
  /** Art 12(2)(a): default the floor of 30,000. */
  referenceRelocations?: number;
  /** Art 12(2)(b): default the relocations at EUR 20,000 each, the ratio Art 12(3) keeps. */
  referenceFinancialEur?: number;
  /**
   * Art 12(4): where the information shows no need for solidarity the proposal takes it into account, and may go
   * below the floors. Without this reason numbers below the floors are refused.
   */
  exceptionalSituation?: string;
  /** Art 12(5): the indicative percentage of the pool for states under pressure because of recurring SAR disembarkations. */
  sarPercentage?: number;
}

export type ComputedProposal = Proposal & { confidential: true; exceptionalSituation?: string };

/**
 * Art 12(2): each state's indicative contribution, share × reference number, in whole persons and whole euros that
 * add up exactly to the reference numbers.
 */
export function indicativeLines(shares: readonly { code: string; share: number }[], relocations: number, financialEur: number): Proposal['states'] {
  const weights = shares.map((s) => s.share);
  const persons = apportion(relocations, weights);
  const euros = apportion(financialEur, weights);
  return shares.map((s, i) => ({ code: s.code as Proposal['states'][number]['code'], share: s.share, relocations: persons[i]!, financialEur: euros[i]! }));
}

export function computeProposal(input: ProposalInput): ComputedProposal {
  const relocations = input.referenceRelocations ?? (input.referenceFinancialEur !== undefined ? input.referenceFinancialEur / EURO_PER_RELOCATION : RELOCATION_FLOOR);
  if (!Number.isSafeInteger(relocations) || relocations < 0) {
    throw new InputError(`the reference number of relocations must be a whole number of persons, got ${relocations}`, { field: 'relocations' });
  }
  const financialEur = input.referenceFinancialEur ?? relocations * EURO_PER_RELOCATION;
  if (financialEur !== relocations * EURO_PER_RELOCATION) {
    throw new InputError(
      `Art 12(3) keeps the ratio of EUR ${EURO_PER_RELOCATION.toLocaleString('en-GB')} per relocation: ${relocations} relocations go with EUR ${(relocations * EURO_PER_RELOCATION).toLocaleString('en-GB')}, not EUR ${financialEur.toLocaleString('en-GB')}`,
      { field: 'financialEur' },
    );
  }
  if ((relocations < RELOCATION_FLOOR || financialEur < FINANCIAL_FLOOR_EUR) && !input.exceptionalSituation) {
    throw new InputError(
      `Art 12(2): the proposal must reach at least ${RELOCATION_FLOOR.toLocaleString('en-GB')} relocations and EUR ${FINANCIAL_FLOOR_EUR.toLocaleString('en-GB')}; only an exceptional situation without need for solidarity (Art 12(4)) allows less, and it must be stated`,
      { field: 'relocations' },
    );
  }
  if (input.sarPercentage !== undefined && !(input.sarPercentage >= 0 && input.sarPercentage <= 100)) {
    throw new InputError(`the search-and-rescue percentage must lie between 0 and 100, got ${input.sarPercentage}`, { field: 'sarPercentage' });
  }
  const sum = input.shares.reduce((a, s) => a + s.share, 0);
  if (input.shares.length === 0 || Math.abs(sum - 1) > 1e-9) {
    throw new InputError(`the fair shares must add up to 1, they add up to ${sum}`, { field: 'shares' });
  }
  return {
    cycle: input.cycle,
    confidential: true,
    referenceRelocations: relocations,
    referenceFinancialEur: financialEur,
    states: indicativeLines(input.shares, relocations, financialEur),
    ...(input.sarPercentage !== undefined ? { sarPercentage: input.sarPercentage } : {}),
    ...(input.exceptionalSituation ? { exceptionalSituation: input.exceptionalSituation } : {}),
  };
}
