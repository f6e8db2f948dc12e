import { describe, expect, it } from 'vitest';
import { foldEvents } from './apply.ts';
import { event, pledge, syntheticProposal } from './builders.ts';
import type { PoolEvent } from './events.ts';
import type { PoolRole } from './roles.ts';
import { projectFor } from './visibility.ts';

const proposal = syntheticProposal();
const drafted: PoolEvent[] = [event('proposal-drafted', 'commission', '2025-10-15T12:00:00Z', proposal)];
const forum: PoolEvent[] = [
  ...drafted,
  event('forum-opened', 'council', '2025-10-28T09:00:00Z', {}),
  pledge('2025-10-28T10:00:00Z', 'DE', 'de-r', { kind: 'relocation', persons: 3_000 }),
  pledge('2025-10-28T10:01:00Z', 'FR', 'fr-f', { kind: 'financial', euros: 7_000_000 }),
];
const adopted: PoolEvent[] = [
  ...forum,
  event('pool-adopted', 'council', '2025-12-19T12:00:00Z', { act: 'synthetic act', referenceRelocations: 30_000, referenceFinancialEur: 600_000_000 }),
];
const implementing: PoolEvent[] = [
  ...adopted,
  event('implementation-started', 'commission', '2026-06-12T08:00:00Z', {}),
  event('forum-reconvened', 'council', '2026-07-01T08:00:00Z', { ground: 'insufficient-pool' }),
  pledge('2026-07-02T10:00:00Z', 'SE', 'se-extra', { kind: 'financial', euros: 9_999_999 }),
];

const PHASES = { drafted, forum, adopted, implementing } as const;
const ROLES: PoolRole[] = ['commission', 'council', 'coordinator', 'member-state:DE', 'member-state:FR', 'member-state:SE', 'public'];

/** Every figure a view carries, as text, so that a leak anywhere in it is found. */
const text = (x: unknown) => JSON.stringify(x);

describe('projectFor', () => {
  for (const [phase, events] of Object.entries(PHASES)) {
    const state = foldEvents(events);
    for (const role of ROLES) {
      it(`${role} in phase ${phase} sees only what it may`, () => {
        const v = projectFor(role, state);
        const t = text(v);
        expect(v.cycle).toBe(2026);
        const own = role.startsWith('member-state:') ? role.slice(-2) : null;
        const institution = role === 'commission' || role === 'council';
        const isAdopted = phase === 'adopted' || phase === 'implementing';

        // Art 12(6): the proposal's lines — all for the institutions, own for a state, none for others.
        if (institution) expect(v.proposal!.lines).toHaveLength(26);
        else if (own) expect(v.proposal!.lines.map((l) => l.code)).toEqual([own]);
        else expect(v.proposal).toBeUndefined();

        // Pledges before adoption: the Commission, the Council and the pledging state only.
        // After adoption, binding pledge records are seen by every signed-in role; the public sees the act's totals.
        const seesDePledge = phase !== 'drafted' && (institution || own === 'DE' || (isAdopted && role !== 'public'));
        expect(t.includes('de-r')).toBe(seesDePledge);
        expect(t.includes('9999999')).toBe(phase === 'implementing' && (institution || own === 'SE'));
        if (!isAdopted && !institution && own !== 'FR') expect(t).not.toContain('7000000');
        if (role === 'public' || role === 'coordinator') {
          if (!isAdopted) {
            expect(v.pledges).toBeUndefined();
            expect(t).not.toContain('3000');
          }
        }
        // After adoption the act is public, with every state's binding pledges, and not the pending ones.
        if (isAdopted) {
          expect(v.councilAct!.lines).toHaveLength(26);
          expect(v.councilAct!.lines.find((l) => l.code === 'DE')!.pledged.relocations).toBe(3_000);
          expect(v.councilAct!.lines.find((l) => l.code === 'SE')!.pledged.financialEur).toBe(0);
        } else {
          expect(v.councilAct).toBeUndefined();
        }
        if (role === 'public') {
          expect(v.deductionRequests).toBeUndefined();
          expect(v.transfers).toBeUndefined();
          expect(v.pledgedTotal).toBeUndefined();
        }
      });
    }
  }

  it('shows the empty pool as nothing but its phase', () => {
    expect(projectFor('commission', foldEvents([]))).toEqual({ cycle: null, phase: 'empty', dates: {} });
  });

  it('returns data that shares nothing with the state', () => {
    const state = foldEvents(forum);
    const v = projectFor('commission', state);
    v.proposal!.lines[0]!.relocations = -1;
    v.pledges![0]!.measure = { kind: 'financial', euros: 1 };
    expect(projectFor('commission', state)).not.toEqual(v);
  });
});
