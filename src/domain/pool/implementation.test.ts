import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents, foldEvents } from './apply.ts';
import { event } from './builders.ts';
import { PoolRuleError } from './errors.ts';
import type { PoolEvent } from './events.ts';
import { syntheticCycle } from './scenario.ts';
import type { ClosedPool, ImplementationPool, PoolState } from './state.ts';

const cycle = syntheticCycle();
const implementing = foldEvents([...cycle.beforeAdoption, ...cycle.adoption, ...cycle.implementation.slice(0, 6)]) as ImplementationPool;

function refused(state: PoolState, e: PoolEvent, code: string, message?: RegExp): void {
  let error: unknown;
  try {
    applyEvent(state, e);
  } catch (err) {
    error = err;
  }
  expect(error, `${e.type} was accepted`).toBeInstanceOf(PoolRuleError);
  expect((error as PoolRuleError).code).toBe(code);
  if (message) expect((error as Error).message).toMatch(message);
}

const allocate = (contributing: string, benefitting: string, kind: 'relocation' | 'financial' | 'alternative' | 'offset', amount: number) =>
  event('allocation-made', 'coordinator', '2026-07-02T09:00:00Z', { contributing, benefitting, kind, amount } as never);
const fulfil = (state: string, benefitting: string | undefined, kind: 'relocation' | 'financial' | 'alternative' | 'offset', amount: number) =>
  event('fulfilment-recorded', 'coordinator', '2026-09-01T09:00:00Z', { state, ...(benefitting ? { benefitting } : {}), kind, amount } as never);

describe('the whole synthetic cycle', () => {
  it('folds to a closed pool whose four figures per state stay apart', () => {
    const s = foldEvents(cycle.all) as ClosedPool;
    expect(s.phase).toBe('closed');
    const de = s.states.get('DE')!;
    expect(de.pledged).toEqual({ relocations: 4_000, financialEur: 40_000_000, alternativeEur: 0, offsets: 0 });
    expect(de.implemented).toEqual({ relocations: 2_800, financialEur: 40_000_000, alternativeEur: 0, offsets: 0 });
    expect(de.deducted).toEqual({ relocations: 0, financialEur: 0, alternativeEur: 0, offsets: 0 });
    // Art 63(5): 4,000 pledged − 2,800 relocated.
    expect(de.offsetsOwed).toBe(1_200);
    expect(s.states.get('AT')!.deducted.financialEur).toBe(4_000_000);
    expect(s.states.get('AT')!.pledged.financialEur).toBe(12_000_000);
    // Art 57(4): NL's unrequested EUR 4 million of alternative measures became money.
    expect(s.states.get('NL')!.convertedEur).toBe(4_000_000);
    // Benefitting states owe nothing (Art 60(3)).
    expect(s.states.get('IT')!.offsetsOwed).toBe(0);
    expect(s.states.get('ES')!.benefitting?.via).toBe('art-59');
    expect(s.implementedTotal.relocations).toBe(4_000);
  });
});

describe('implementation rules', () => {
  it('refuses an allocation beyond the pledges less deductions and earlier allocations (Art 60(1))', () => {
    refused(implementing, allocate('DE', 'IT', 'relocation', 4_001), 'beyond-pledge', /4000 relocations/);
    const once = applyEvent(implementing, allocate('DE', 'IT', 'relocation', 3_000));
    refused(once, allocate('DE', 'EL', 'relocation', 1_001), 'beyond-pledge');
    refused(implementing, allocate('DE', 'FR', 'relocation', 1), 'not-benefitting');
    refused(implementing, allocate('IT', 'EL', 'financial', 1), 'not-entitled', /Art 60\(3\)/);
    refused(implementing, allocate('BE', 'IT', 'offset', 1), 'inconsistent', /Art 63/);
  });

  it('releases contributing states towards a state with systemic shortcomings until lifted (Art 60(3))', () => {
    const allocated = applyEvent(implementing, allocate('DE', 'EL', 'relocation', 100));
    const found = applyEvent(allocated, event('systemic-shortcomings-found', 'commission', '2026-08-01T00:00:00Z', { state: 'EL', decision: 'd' }));
    refused(found, fulfil('DE', 'EL', 'relocation', 10), 'released', /Art 60\(3\).*EL/);
    refused(found, allocate('FR', 'EL', 'relocation', 10), 'released');
    const lifted = applyEvent(found, event('systemic-shortcomings-lifted', 'commission', '2026-09-01T00:00:00Z', { state: 'EL', decision: 'd2' }));
    const done = applyEvent(lifted, fulfil('DE', 'EL', 'relocation', 10));
    expect(done.phase === 'implementation' && done.states.get('DE')!.implemented.relocations).toBe(10);
  });

  it('refuses fulfilment beyond what was allocated to that state', () => {
    const allocated = applyEvent(implementing, allocate('DE', 'IT', 'relocation', 100));
    refused(allocated, fulfil('DE', 'IT', 'relocation', 101), 'beyond-allocation');
    refused(allocated, fulfil('DE', 'EL', 'relocation', 1), 'beyond-allocation');
    refused(implementing, fulfil('DE', undefined, 'financial', 40_000_001), 'beyond-pledge');
    refused(implementing, fulfil('DE', undefined, 'relocation', 1), 'inconsistent');
  });

  it('lets the Council refuse a self-notified state within two weeks of the Commission decision only (Art 59(6))', () => {
    // Decision 1 July 2026 + 2 weeks = Wednesday 15 July.
    const refuse = (at: string) => event('access-refused-by-council', 'council', at, { state: 'ES', ground: 'insufficient-capacity', reason: 'r' });
    const s = applyEvent(implementing, refuse('2026-07-15T17:00:00Z'));
    expect(s.phase === 'implementation' && s.states.get('ES')!.benefitting).toBeNull();
    refused(implementing, refuse('2026-07-16T09:00:00Z'), 'deadline-passed', /2026-07-15/);
  });

  it('keeps Art 58 for identified states and Art 59 for the others', () => {
    refused(implementing, event('access-requested', 'member-state:DE', '2026-07-01T00:00:00Z', { state: 'DE', needs: { relocations: 1, financialEur: 0 } }), 'not-entitled', /Art 59/);
    const it58 = event('self-notified', 'member-state:IT', '2026-07-01T00:00:00Z', { state: 'IT', needs: { relocations: 1, financialEur: 0 }, reasoning: 'r' });
    refused(implementing, it58, 'not-entitled', /Art 58/);
  });

  it('accepts offsets only when a trigger of Art 63 is met, within the cap of the fair share', () => {
    // Relocation pledges (8,100) are below half of 30,000 and the Forum was not reconvened: no request under 63(1).
    const request = (persons: number) => event('offset-requested', 'member-state:IT', '2026-08-01T00:00:00Z', { requestId: 'r1', state: 'IT', contributing: 'FR', persons });
    refused(implementing, request(10), 'trigger-not-met', /Art 63\(1\)/);
    // Reconvening the Forum with pledges below 30,000 makes offsets mandatory (Art 63(3)).
    const reconvened = applyEvent(implementing, event('forum-reconvened', 'council', '2026-07-10T00:00:00Z', { ground: 'insufficient-pool' }));
    const asked = applyEvent(reconvened, request(2_000));
    expect(asked.phase === 'implementation' && asked.offsets.get('r1')!.article).toBe('63(3)');
    // Art 63(7): FR's fair share is 1,154 relocations.
    const reply = (n: number) => event('offset-replied', 'member-state:FR', '2026-08-20T00:00:00Z', { requestId: 'r1', state: 'FR', acceptedPersons: n });
    refused(asked, reply(1_155), 'cap-exceeded', /Art 63\(7\)/);
    refused(asked, { ...reply(10), role: 'member-state:IT', payload: { requestId: 'r1', state: 'IT', acceptedPersons: 10 } }, 'not-authorised');
    const accepted = applyEvent(asked, reply(1_154));
    expect(accepted.phase === 'implementation' && accepted.states.get('FR')!.offsetsAccepted).toBe(1_154);
    // Art 69: the reply came within 30 days.
    expect(accepted.phase === 'implementation' && accepted.offsets.get('r1')!.reply!.late).toBe(false);
  });

  it('adopts pledges made at a reconvened Forum only with the Council act that adopts them (Art 13(4))', () => {
    const s = applyEvents(implementing, [
      event('forum-reconvened', 'council', '2026-07-10T00:00:00Z', { ground: 'significant-deductions' }),
      event('pledge-made', 'member-state:SE', '2026-07-11T00:00:00Z', { pledgeId: 'se-2', state: 'SE', measure: { kind: 'relocation', persons: 200 } }),
    ]);
    refused(s, allocate('SE', 'IT', 'relocation', 1_001), 'beyond-pledge');
    const adopted = applyEvent(s, event('additional-pledges-adopted', 'council', '2026-07-20T00:00:00Z', { act: 'amending act' }));
    const allocated = applyEvent(adopted, allocate('SE', 'IT', 'relocation', 1_200));
    expect(allocated.phase === 'implementation' && allocated.states.get('SE')!.allocated.relocations).toBe(1_200);
    refused(adopted, event('pledge-made', 'member-state:SE', '2026-07-21T00:00:00Z', { pledgeId: 'se-3', state: 'SE', measure: { kind: 'relocation', persons: 1 } }), 'wrong-phase');
  });

  it('closes the year once, then takes only confirmations, late fulfilment and Art 63(5) offsets', () => {
    const closed = foldEvents(cycle.all);
    refused(closed, event('year-closed', 'commission', '2027-01-05T00:00:00Z', {}), 'wrong-phase');
    refused(closed, allocate('DE', 'IT', 'relocation', 1), 'wrong-phase');
    // Art 63(5): DE owes 1,200; IT may request them.
    const asked = applyEvent(closed, event('offset-requested', 'member-state:IT', '2027-01-10T00:00:00Z', { requestId: 'y1', state: 'IT', contributing: 'DE', persons: 1_200 }));
    expect(asked.phase === 'closed' && asked.offsets.get('y1')!.article).toBe('63(5)');
    refused(asked, event('offset-requested', 'member-state:EL', '2027-01-10T00:00:00Z', { requestId: 'y2', state: 'EL', contributing: 'DE', persons: 1 }), 'cap-exceeded', /63\(5\)/);
  });
});
