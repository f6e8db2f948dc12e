/**
 * Small constructors for well-typed pool events, for tests, scripts and the server's fixtures: they fill in the
 * envelope (`type`, `role`, `at`) so that a cycle reads as a list of acts.
 *
 * @example pledge('2025-11-18T10:00:00Z', 'DE', 'de-1', { kind: 'financial', euros: 50_000_000 })
 */
import { SOLIDARITY_STATES, type MemberStateCode } from '../member-states.ts';
import type { PoolEventOf, PoolEventType, Proposal } from './events.ts';
import { zeroAmounts, type Amounts, type Measure } from './measures.ts';
import { memberStateRole, type PoolRole } from './roles.ts';

export function event<T extends PoolEventType>(type: T, role: PoolRole, at: string, payload: PoolEventOf<T>['payload']): PoolEventOf<T> {
  return { type, role, at, payload } as PoolEventOf<T>;
}

export const pledge = (at: string, state: MemberStateCode, pledgeId: string, measure: Measure) =>
  event('pledge-made', memberStateRole(state), at, { pledgeId, state, measure });

export const amounts = (a: Partial<Amounts>): Amounts => ({ ...zeroAmounts(), ...a });

/**
 * A synthetic proposal for tests (NOT real figures): the 26 states with equal shares of the given reference
 * numbers, the remainder going to the first states so that the lines add up exactly.
 */
export function syntheticProposal(cycle = 2026, referenceRelocations = 30_000, referenceFinancialEur = 600_000_000): Proposal {
  const n = SOLIDARITY_STATES.length;
  return {
    cycle,
    referenceRelocations,
    referenceFinancialEur,
    states: SOLIDARITY_STATES.map((code, i) => ({
      code,
      share: 1 / n,
      relocations: Math.floor(referenceRelocations / n) + (i < referenceRelocations % n ? 1 : 0),
      financialEur: Math.floor(referenceFinancialEur / n) + (i < referenceFinancialEur % n ? 1 : 0),
    })),
  };
}
