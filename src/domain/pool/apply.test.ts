import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents, foldEvents } from './apply.ts';
import { amounts, event, pledge, syntheticProposal } from './builders.ts';
import { PoolRuleError } from './errors.ts';
import type { PoolEvent } from './events.ts';
import { allPledges, EMPTY_POOL, type OpenPool, type PoolState } from './state.ts';

const proposal = syntheticProposal();

/** The pool at the Forum, with DE classified as nothing, IT under pressure, EL under pressure and significant. */
const upToForum: PoolEvent[] = [
  event('proposal-drafted', 'commission', '2025-10-15T12:00:00Z', proposal),
  event('classification-recorded', 'commission', '2025-10-15T12:00:00Z', {
    decision: 'synthetic Art 11 decision',
    states: [
      { code: 'IT', categories: ['migratory-pressure'] },
      { code: 'EL', categories: ['migratory-pressure'] },
      { code: 'AT', categories: ['significant-migratory-situation'] },
    ],
  }),
  event('forum-opened', 'council', '2025-10-28T09:00:00Z', {}),
];
const pledges: PoolEvent[] = [
  pledge('2025-10-28T10:00:00Z', 'DE', 'de-r', { kind: 'relocation', persons: 3_000 }),
  pledge('2025-10-28T10:01:00Z', 'DE', 'de-f', { kind: 'financial', euros: 20_000_000 }),
  pledge('2025-10-28T10:02:00Z', 'FR', 'fr-r', { kind: 'relocation', persons: 2_000 }),
  pledge('2025-10-28T10:03:00Z', 'AT', 'at-f', { kind: 'financial', euros: 10_000_000 }),
  pledge('2025-10-28T10:04:00Z', 'NL', 'nl-a', { kind: 'alternative', description: 'reception staff', euros: 4_000_000 }),
  pledge('2025-10-28T10:05:00Z', 'IT', 'it-f', { kind: 'financial', euros: 1_000_000 }),
];
const adoption = event('pool-adopted', 'council', '2025-12-19T12:00:00Z', {
  act: 'synthetic Council act',
  referenceRelocations: proposal.referenceRelocations,
  referenceFinancialEur: proposal.referenceFinancialEur,
});
const implementing: PoolEvent[] = [...upToForum, ...pledges, adoption, event('implementation-started', 'commission', '2026-06-12T08:00:00Z', {})];

function refused(state: PoolState, e: PoolEvent, code: string, message?: RegExp): PoolRuleError {
  try {
    applyEvent(state, e);
  } catch (err) {
    expect(err).toBeInstanceOf(PoolRuleError);
    expect((err as PoolRuleError).code).toBe(code);
    if (message) expect((err as Error).message).toMatch(message);
    return err as PoolRuleError;
  }
  throw new Error(`${e.type} was accepted`);
}

describe('the pool lifecycle', () => {
  it('goes from the proposal through the Forum and adoption to implementation', () => {
    const drafted = foldEvents(upToForum.slice(0, 2));
    expect(drafted.phase).toBe('drafted');
    const s = foldEvents(implementing);
    expect(s.phase).toBe('implementation');
    if (s.phase !== 'implementation') return;
    expect(s.pledgedTotal).toEqual({ relocations: 5_000, financialEur: 31_000_000, alternativeEur: 4_000_000, offsets: 0 });
    expect(s.states.get('DE')!.pledged).toEqual(amounts({ relocations: 3_000, financialEur: 20_000_000 }));
    expect(allPledges(s).every((p) => p.binding)).toBe(true);
    expect(s.councilAct).toMatchObject({ act: 'synthetic Council act', amendedProposal: false });
  });

  it('does not change the state it is given', () => {
    const before = foldEvents(upToForum);
    const snapshot = JSON.stringify(allPledges(before as OpenPool));
    const after = applyEvent(before, pledges[0]!);
    expect(JSON.stringify(allPledges(before as OpenPool))).toBe(snapshot);
    expect(after).not.toBe(before);
    expect(after.phase === 'forum' && after.states.get('DE')!.pledged.relocations).toBe(3_000);
    expect(before.phase === 'forum' && before.states.get('DE')!.pledged.relocations).toBe(0);
  });

  it('does not change the state it is given when a batch is folded onto it (the batch changes its pledge maps in place)', () => {
    const before = foldEvents([...upToForum, ...pledges.slice(0, 3)]) as OpenPool;
    const snapshot = JSON.stringify({ pledges: allPledges(before), owners: [...before.pledgeOwners] });
    const after = applyEvents(before, [
      ...pledges.slice(3),
      event('pledge-amended', 'member-state:DE', '2025-10-29T10:00:00Z', { pledgeId: 'de-r', state: 'DE', measure: { kind: 'relocation', persons: 10 } }),
      event('pledge-withdrawn', 'member-state:FR', '2025-10-29T10:00:00Z', { pledgeId: 'fr-r', state: 'FR' }),
    ]) as OpenPool;
    expect(JSON.stringify({ pledges: allPledges(before), owners: [...before.pledgeOwners] })).toBe(snapshot);
    expect(allPledges(after).map((p) => p.id).sort()).toEqual(['at-f', 'de-f', 'de-r', 'it-f', 'nl-a']);
    expect(after.states.get('DE')!.pledges.get('de-r')!.measure).toEqual({ kind: 'relocation', persons: 10 });
    // What the batch hands back is frozen: a later change makes a new map.
    const later = applyEvent(after, event('pledge-withdrawn', 'member-state:AT', '2025-10-30T10:00:00Z', { pledgeId: 'at-f', state: 'AT' })) as OpenPool;
    expect(after.states.get('AT')!.pledges.has('at-f')).toBe(true);
    expect(later.states.get('AT')!.pledges.has('at-f')).toBe(false);
  });

  it('makes pledges binding at adoption without touching the pledges of the state it was given (copies share them)', () => {
    const forum = foldEvents([...upToForum, ...pledges]);
    const adopted = applyEvent(forum, adoption);
    expect(adopted.phase === 'adopted' && allPledges(adopted).every((p) => p.binding)).toBe(true);
    expect(forum.phase === 'forum' && allPledges(forum).some((p) => p.binding)).toBe(false);
  });

  it('refuses events out of phase, citing the article', () => {
    refused(EMPTY_POOL, event('forum-opened', 'council', '2025-10-20T00:00:00Z', {}), 'wrong-phase');
    const drafted = foldEvents(upToForum.slice(0, 2));
    refused(drafted, pledges[0]!, 'wrong-phase', /Art 57\(3\)/);
    refused(drafted, adoption, 'wrong-phase', /Art 57\(1\)/);
    const adopted = foldEvents([...upToForum, ...pledges, adoption]);
    refused(adopted, pledge('2026-01-05T00:00:00Z', 'SE', 'se-late', { kind: 'financial', euros: 1 }), 'wrong-phase', /Art 13\(4\)/);
    refused(adopted, event('pledge-amended', 'member-state:DE', '2026-01-05T00:00:00Z', { pledgeId: 'de-r', state: 'DE', measure: { kind: 'relocation', persons: 1 } }), 'wrong-phase');
    refused(adopted, event('year-closed', 'commission', '2026-12-31T00:00:00Z', {}), 'wrong-phase');
  });

  it('refuses unknown states, fractional and negative persons, duplicate ids', () => {
    const forum = foldEvents(upToForum);
    refused(forum, pledge('2025-10-28T10:00:00Z', 'DK' as never, 'dk', { kind: 'relocation', persons: 1 }), 'unknown-state', /26 Member States/);
    refused(forum, pledge('2025-10-28T10:00:00Z', 'DE', 'x', { kind: 'relocation', persons: 1.5 }), 'invalid-amount', /whole number/);
    refused(forum, pledge('2025-10-28T10:00:00Z', 'DE', 'x', { kind: 'relocation', persons: -3 }), 'invalid-amount');
    refused(forum, pledge('2025-10-28T10:00:00Z', 'DE', 'x', { kind: 'financial', euros: 0 }), 'invalid-amount');
    const once = applyEvent(forum, pledges[0]!);
    refused(once, pledges[0]!, 'duplicate-id');
    refused(once, event('pledge-withdrawn', 'member-state:FR', '2025-10-29T00:00:00Z', { pledgeId: 'de-r', state: 'FR' }), 'unknown-pledge');
  });

  it('amends and withdraws pledges until adoption', () => {
    const s = foldEvents([
      ...upToForum,
      ...pledges,
      event('pledge-amended', 'member-state:DE', '2025-11-01T00:00:00Z', { pledgeId: 'de-r', state: 'DE', measure: { kind: 'financial', euros: 5 } }),
      event('pledge-withdrawn', 'member-state:FR', '2025-11-01T00:00:00Z', { pledgeId: 'fr-r', state: 'FR' }),
    ]);
    expect(s.phase === 'forum' && s.pledgedTotal).toEqual({ relocations: 0, financialEur: 31_000_005, alternativeEur: 4_000_000, offsets: 0 });
  });

  it('requires amended lines when the Council changes the reference numbers (Art 57(1))', () => {
    const forum = foldEvents([...upToForum, ...pledges]);
    const amended = { ...adoption.payload, referenceRelocations: 21_000, referenceFinancialEur: 420_000_000 };
    refused(forum, event('pool-adopted', 'council', '2025-12-19T12:00:00Z', amended), 'inconsistent', /amended line/);
    const lines = syntheticProposal(2026, 21_000, 420_000_000).states;
    const s = applyEvent(forum, event('pool-adopted', 'council', '2025-12-19T12:00:00Z', { ...amended, states: lines }));
    expect(s.phase === 'adopted' && s.councilAct.amendedProposal).toBe(true);
    expect(s.phase === 'adopted' && s.states.get('DE')!.line.relocations).toBe(lines.find((l) => l.code === 'DE')!.relocations);
  });

  it('refuses implementation before the Regulation applies (Art 85)', () => {
    const adopted = foldEvents([...upToForum, ...pledges, adoption]);
    refused(adopted, event('implementation-started', 'commission', '2026-06-11T23:00:00Z', {}), 'invalid-time', /2026-06-12/);
  });
});

describe('deductions (Arts 61–62)', () => {
  const base = foldEvents(implementing);
  const ask = (state: 'DE' | 'AT' | 'IT' | 'EL', article: 61 | 62, a = amounts({ financialEur: 1_000_000 }), reasoning?: string) =>
    event('deduction-requested', `member-state:${state}`, '2026-07-01T09:00:00Z', { requestId: `d-${state}`, state, article, amounts: a, ...(reasoning ? { reasoning } : {}) });

  it('lets an identified state ask, and the Council grant after the Commission assessed', () => {
    const s = applyEvents(base, [
      ask('AT', 62, amounts({ financialEur: 4_000_000 })),
      event('deduction-assessed', 'commission', '2026-07-20T09:00:00Z', { requestId: 'd-AT', favourable: true, reason: 'capacity reached' }),
      event('deduction-decided', 'council', '2026-08-01T09:00:00Z', { requestId: 'd-AT', act: 'synthetic implementing act', granted: amounts({ financialEur: 3_000_000 }) }),
    ]);
    if (s.phase !== 'implementation') throw new Error(s.phase);
    const at = s.states.get('AT')!;
    expect(at.pledged.financialEur).toBe(10_000_000);
    expect(at.deducted.financialEur).toBe(3_000_000);
    expect(s.deductions.get('d-AT')!.assessment).toMatchObject({ favourable: true, late: false });
  });

  it('marks an assessment after four weeks late and refuses a decision before the assessment', () => {
    const asked = applyEvent(base, ask('AT', 62));
    refused(asked, event('deduction-decided', 'council', '2026-07-02T09:00:00Z', { requestId: 'd-AT', act: 'x', granted: amounts({}) }), 'wrong-phase', /assessment/);
    // 1 July 2026 + 4 weeks = Wednesday 29 July 2026 (Art 75).
    const onTime = applyEvent(asked, event('deduction-assessed', 'commission', '2026-07-29T18:00:00Z', { requestId: 'd-AT', favourable: false, reason: 'r' }));
    const late = applyEvent(asked, event('deduction-assessed', 'commission', '2026-07-30T08:00:00Z', { requestId: 'd-AT', favourable: false, reason: 'r' }));
    expect(onTime.phase === 'implementation' && onTime.deductions.get('d-AT')!.assessment!.late).toBe(false);
    expect(late.phase === 'implementation' && late.deductions.get('d-AT')!.assessment!.late).toBe(true);
  });

  it('lets a state that is not identified ask with substantiated reasoning', () => {
    const s = applyEvent(base, ask('DE', 61, amounts({ relocations: 100 }), 'arrivals doubled since March'));
    expect(s.phase === 'implementation' && s.deductions.get('d-DE')!.article).toBe(61);
  });

  it('refuses a deduction by a state that may not ask', () => {
    refused(base, ask('DE', 61), 'not-entitled', /Art 61\(2\)/);
    refused(base, ask('DE', 62), 'not-entitled', /Art 62\(2\)/);
    const used = applyEvent(base, event('access-requested', 'member-state:IT', '2026-06-15T00:00:00Z', { state: 'IT', needs: { relocations: 1_000, financialEur: 0 } }));
    refused(used, ask('IT', 61), 'not-entitled', /Art 61\(1\)/);
    refused(base, ask('AT', 62, amounts({ financialEur: 10_000_001 })), 'beyond-pledge');
  });
});
