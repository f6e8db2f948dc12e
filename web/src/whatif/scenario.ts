/**
 * A what-if scenario computed by the domain's own rules, in the browser: the scenario's proposal, pledges and
 * adoption are folded into a pool with `applyEvents` (so an impossible scenario is refused with the domain's
 * message), granted deductions are set on the folded books as a Council deduction act would (Arts 61(4), 62(4)),
 * and the figures come from `stateAccounts`, `poolAccount` and `offsetTriggers`. Nothing is sent or saved.
 * Imports name the domain's files one by one: its index also exports the zod schemas, which the browser does not need.
 */
import { apportion } from '../../../src/domain/apportion.ts';
import type { MemberStateCode } from '../../../src/domain/member-states.ts';
import { stateAccounts, poolAccount, type PoolAccount, type StateAccount } from '../../../src/domain/pool/accounting.ts';
import { applyEvents } from '../../../src/domain/pool/apply.ts';
import { PoolRuleError } from '../../../src/domain/pool/errors.ts';
import type { PoolEvent } from '../../../src/domain/pool/events.ts';
import { EURO_PER_RELOCATION, type Amounts } from '../../../src/domain/pool/measures.ts';
import { offsetTriggers, type OffsetTrigger } from '../../../src/domain/pool/offsets.ts';
import { clonePool, EMPTY_POOL, isAdopted } from '../../../src/domain/pool/state.ts';

export type PledgeMix = Amounts;

export interface Scenario {
  referenceRelocations: number;
  /** The relocation number of the Commission's proposal (Art 63(1) measures pledges against it). */
  proposalRelocations: number;
  shares: { geo: string; share: number }[];
  pledges: Record<string, PledgeMix>;
  /** States whose full deduction is granted in this scenario. */
  deductions: Record<string, boolean>;
  /** Whether the High-Level Forum has been reconvened (a condition of Art 63(3)). */
  reconvened?: boolean;
}

export type ScenarioResult =
  | { ok: true; states: StateAccount[]; pool: PoolAccount; triggers: OffsetTrigger[] }
  | { ok: false; message: string };

const AT = '2026-01-01T00:00:00Z';

function lines(total: number, shares: Scenario['shares']) {
  const persons = apportion(total, shares.map((s) => s.share));
  return shares.map((s, i) => ({ code: s.geo as MemberStateCode, share: s.share, relocations: persons[i]!, financialEur: persons[i]! * EURO_PER_RELOCATION }));
}

function scenarioEvents(s: Scenario): PoolEvent[] {
  const events: PoolEvent[] = [
    { type: 'proposal-drafted', role: 'commission', at: AT, payload: { cycle: 2026, referenceRelocations: s.proposalRelocations, referenceFinancialEur: s.proposalRelocations * EURO_PER_RELOCATION, states: lines(s.proposalRelocations, s.shares) } },
    { type: 'forum-opened', role: 'council', at: AT, payload: {} },
  ];
  for (const { geo } of s.shares) {
    const state = geo as MemberStateCode;
    const role = `member-state:${state}` as const;
    const m = s.pledges[geo];
    if (!m) continue;
    if (m.relocations > 0) events.push({ type: 'pledge-made', role, at: AT, payload: { pledgeId: `${geo}-r`, state, measure: { kind: 'relocation', persons: m.relocations } } });
    if (m.financialEur > 0) events.push({ type: 'pledge-made', role, at: AT, payload: { pledgeId: `${geo}-f`, state, measure: { kind: 'financial', euros: m.financialEur } } });
    if (m.alternativeEur > 0) events.push({ type: 'pledge-made', role, at: AT, payload: { pledgeId: `${geo}-a`, state, measure: { kind: 'alternative', euros: m.alternativeEur, description: 'scenario' } } });
    if (m.offsets > 0) events.push({ type: 'pledge-made', role, at: AT, payload: { pledgeId: `${geo}-o`, state, measure: { kind: 'offset', persons: m.offsets } } });
  }
  const amended = s.referenceRelocations !== s.proposalRelocations;
  events.push({
    type: 'pool-adopted',
    role: 'council',
    at: AT,
    payload: { act: 'scenario', referenceRelocations: s.referenceRelocations, referenceFinancialEur: s.referenceRelocations * EURO_PER_RELOCATION, ...(amended ? { states: lines(s.referenceRelocations, s.shares) } : {}) },
  });
  if (s.reconvened) events.push({ type: 'forum-reconvened', role: 'council', at: AT, payload: { ground: 'significant-deductions' } });
  return events;
}

export function evaluateScenario(s: Scenario): ScenarioResult {
  try {
    const folded = applyEvents(EMPTY_POOL, scenarioEvents(s));
    if (!isAdopted(folded)) return { ok: false, message: 'the scenario did not reach adoption' };
    const pool = clonePool(folded);
    for (const b of pool.states.values()) if (s.deductions[b.code]) b.deducted = { ...b.pledged };
    return { ok: true, states: stateAccounts(pool), pool: poolAccount(pool), triggers: offsetTriggers(pool).pool };
  } catch (e) {
    if (e instanceof PoolRuleError) return { ok: false, message: e.message };
    throw e;
  }
}
