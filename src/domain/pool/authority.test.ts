import { describe, expect, it } from 'vitest';
import { EVENT_AUTHORITY, mayRecord, recordableBy } from './authority.ts';
import { event, pledge, syntheticProposal } from './builders.ts';
import { POOL_EVENT_TYPES } from './events.ts';
import type { PoolRole } from './roles.ts';

describe('authority', () => {
  it('lets a Member State pledge for itself only', () => {
    expect(mayRecord('member-state:DE', pledge('2025-11-18T10:00:00Z', 'DE', 'p', { kind: 'relocation', persons: 1 }))).toEqual({ allowed: true });
    const forFrance = { ...pledge('2025-11-18T10:00:00Z', 'FR', 'p', { kind: 'relocation', persons: 1 }), role: 'member-state:DE' as const };
    expect(mayRecord('member-state:DE', forFrance)).toEqual({ allowed: false, reason: expect.stringMatching(/only for itself, not for FR/) });
  });

  it('refuses an event that claims another role than the caller', () => {
    const e = pledge('2025-11-18T10:00:00Z', 'DE', 'p', { kind: 'relocation', persons: 1 });
    expect(mayRecord('member-state:FR', e).allowed).toBe(false);
    expect(mayRecord('commission', event('proposal-drafted', 'council', '2025-10-15T00:00:00Z', syntheticProposal())).allowed).toBe(false);
  });

  it('gives each institutional act to its institution, citing the article', () => {
    const p = event('proposal-drafted', 'commission', '2025-10-15T00:00:00Z', syntheticProposal());
    expect(mayRecord('commission', p).allowed).toBe(true);
    for (const role of ['council', 'coordinator', 'member-state:IT', 'public'] as const) {
      expect(mayRecord(role, { ...p, role } as never).allowed).toBe(false);
    }
    const adopt = event('pool-adopted', 'commission', '2025-12-19T00:00:00Z', { act: 'x', referenceRelocations: 1, referenceFinancialEur: 1 });
    expect(mayRecord('commission', adopt)).toEqual({ allowed: false, reason: expect.stringMatching(/by the council \(Art 57\(1\)\)/) });
    const alloc = event('allocation-made', 'coordinator', '2026-07-01T00:00:00Z', { contributing: 'DE', benefitting: 'IT', kind: 'relocation', amount: 5 });
    expect(mayRecord('coordinator', alloc).allowed).toBe(true);
    expect(mayRecord('commission', { ...alloc, role: 'commission' }).allowed).toBe(false);
  });

  it('lets the public record nothing', () => {
    expect(recordableBy('public')).toEqual([]);
    const e = event('forum-opened', 'public', '2025-10-28T00:00:00Z', {});
    expect(mayRecord('public', e).allowed).toBe(false);
  });

  it('covers every event type, and each type has at least one recorder', () => {
    expect(Object.keys(EVENT_AUTHORITY).sort()).toEqual([...POOL_EVENT_TYPES].sort());
    const roles: PoolRole[] = ['commission', 'council', 'coordinator', 'member-state:DE'];
    for (const t of POOL_EVENT_TYPES) expect(roles.some((r) => recordableBy(r).includes(t))).toBe(true);
    expect(recordableBy('member-state:DE')).toContain('fulfilment-recorded');
    expect(recordableBy('coordinator')).toContain('fulfilment-recorded');
    expect(recordableBy('member-state:DE')).not.toContain('pool-adopted');
  });
});
