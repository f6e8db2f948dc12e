/**
 * A SYNTHETIC full 2026 cycle (made-up pledges and requests on the synthetic equal-share proposal — not real
 * figures) that walks every phase: proposal, classification, Forum, pledges, adoption, implementation with an
 * access request, a self-notification, a deduction, allocations, fulfilment, an offset, a systemic-shortcoming
 * finding and its lifting, closing and a January confirmation. For tests, benchmarks and demos.
 */
import { amounts, event, pledge, syntheticProposal } from './builders.ts';
import type { PoolEvent } from './events.ts';

export function syntheticCycle(): { beforeAdoption: PoolEvent[]; adoption: PoolEvent[]; implementation: PoolEvent[]; closing: PoolEvent[]; all: PoolEvent[] } {
  const proposal = syntheticProposal(2026);
  const beforeAdoption: PoolEvent[] = [
    event('proposal-drafted', 'commission', '2025-10-15T12:00:00Z', proposal),
    event('classification-recorded', 'commission', '2025-10-15T12:00:00Z', {
      decision: 'synthetic Art 11 decision',
      states: [
        { code: 'IT', categories: ['migratory-pressure'] },
        { code: 'EL', categories: ['migratory-pressure', 'significant-migratory-situation'] },
        { code: 'AT', categories: ['significant-migratory-situation'] },
        { code: 'PL', categories: ['risk-of-migratory-pressure'] },
      ],
    }),
    event('forum-opened', 'council', '2025-10-28T09:00:00Z', {}),
    pledge('2025-10-28T10:00:00Z', 'DE', 'de-r', { kind: 'relocation', persons: 4_000 }),
    pledge('2025-10-28T10:01:00Z', 'DE', 'de-f', { kind: 'financial', euros: 40_000_000 }),
    pledge('2025-10-28T10:02:00Z', 'FR', 'fr-r', { kind: 'relocation', persons: 3_000 }),
    pledge('2025-10-28T10:03:00Z', 'NL', 'nl-a', { kind: 'alternative', description: 'reception staff and equipment', euros: 6_000_000 }),
    pledge('2025-10-28T10:04:00Z', 'AT', 'at-f', { kind: 'financial', euros: 12_000_000 }),
    pledge('2025-10-28T10:05:00Z', 'SE', 'se-r', { kind: 'relocation', persons: 1_000 }),
    pledge('2025-10-28T10:06:00Z', 'BE', 'be-o', { kind: 'offset', persons: 500 }),
    pledge('2025-10-28T10:06:30Z', 'BE', 'be-r', { kind: 'relocation', persons: 600 }),
    pledge('2025-10-28T10:07:00Z', 'IT', 'it-f', { kind: 'financial', euros: 1_000_000 }),
    event('pledge-amended', 'member-state:FR', '2025-11-02T10:00:00Z', { pledgeId: 'fr-r', state: 'FR', measure: { kind: 'relocation', persons: 2_500 } }),
    pledge('2025-11-03T10:00:00Z', 'PT', 'pt-f', { kind: 'financial', euros: 2_000_000 }),
    event('pledge-withdrawn', 'member-state:PT', '2025-11-04T10:00:00Z', { pledgeId: 'pt-f', state: 'PT' }),
  ];
  const adoption: PoolEvent[] = [
    event('pool-adopted', 'council', '2025-12-19T12:00:00Z', { act: 'synthetic Council implementing act', referenceRelocations: 30_000, referenceFinancialEur: 600_000_000, sarPercentage: 10 }),
  ];
  const implementation: PoolEvent[] = [
    event('implementation-started', 'commission', '2026-06-12T08:00:00Z', {}),
    event('access-requested', 'member-state:IT', '2026-06-15T09:00:00Z', { state: 'IT', needs: { relocations: 5_000, financialEur: 50_000_000 } }),
    event('technical-forum-convened', 'coordinator', '2026-06-22T09:00:00Z', { benefitting: 'IT' }),
    event('access-requested', 'member-state:EL', '2026-06-16T09:00:00Z', { state: 'EL', needs: { relocations: 3_000, financialEur: 20_000_000 } }),
    event('self-notified', 'member-state:ES', '2026-06-20T09:00:00Z', { state: 'ES', needs: { relocations: 1_000, financialEur: 0 }, reasoning: 'arrivals in the Canary Islands' }),
    event('self-notification-decided', 'commission', '2026-07-01T09:00:00Z', { state: 'ES', granted: true, reason: 'situation substantiated' }),
    event('deduction-requested', 'member-state:AT', '2026-07-01T09:00:00Z', { requestId: 'd-at', state: 'AT', article: 62, amounts: amounts({ financialEur: 4_000_000 }) }),
    event('deduction-assessed', 'commission', '2026-07-20T09:00:00Z', { requestId: 'd-at', favourable: true, reason: 'reception capacity reached' }),
    event('deduction-decided', 'council', '2026-07-30T09:00:00Z', { requestId: 'd-at', act: 'synthetic deduction act', granted: amounts({ financialEur: 4_000_000 }) }),
    event('allocation-made', 'coordinator', '2026-07-02T09:00:00Z', { contributing: 'DE', benefitting: 'IT', kind: 'relocation', amount: 2_000 }),
    event('allocation-made', 'coordinator', '2026-07-02T09:01:00Z', { contributing: 'DE', benefitting: 'EL', kind: 'relocation', amount: 1_500 }),
    event('allocation-made', 'coordinator', '2026-07-02T09:02:00Z', { contributing: 'FR', benefitting: 'IT', kind: 'relocation', amount: 1_200 }),
    event('allocation-made', 'coordinator', '2026-07-02T09:03:00Z', { contributing: 'NL', benefitting: 'EL', kind: 'alternative', amount: 2_000_000 }),
    event('allocation-made', 'coordinator', '2026-07-02T09:04:00Z', { contributing: 'SE', benefitting: 'ES', kind: 'relocation', amount: 800 }),
    event('fulfilment-recorded', 'member-state:DE', '2026-09-01T09:00:00Z', { state: 'DE', benefitting: 'IT', kind: 'relocation', amount: 1_800 }),
    event('fulfilment-recorded', 'member-state:DE', '2026-09-01T09:00:00Z', { state: 'DE', kind: 'financial', amount: 40_000_000 }),
    event('fulfilment-recorded', 'coordinator', '2026-09-02T09:00:00Z', { state: 'FR', benefitting: 'IT', kind: 'relocation', amount: 1_200 }),
    event('fulfilment-recorded', 'member-state:NL', '2026-09-03T09:00:00Z', { state: 'NL', benefitting: 'EL', kind: 'alternative', amount: 2_000_000 }),
    event('systemic-shortcomings-found', 'commission', '2026-10-15T09:00:00Z', { state: 'EL', decision: 'synthetic Art 59(4) decision' }),
    event('systemic-shortcomings-lifted', 'commission', '2026-11-16T09:00:00Z', { state: 'EL', decision: 'synthetic follow-up decision' }),
    event('fulfilment-recorded', 'member-state:DE', '2026-11-20T09:00:00Z', { state: 'DE', benefitting: 'EL', kind: 'relocation', amount: 1_000 }),
    event('offset-offered', 'member-state:BE', '2026-09-10T09:00:00Z', { requestId: 'o-be', state: 'BE', benefitting: 'IT', persons: 300 }),
    event('offset-replied', 'member-state:IT', '2026-09-20T09:00:00Z', { requestId: 'o-be', state: 'IT', acceptedPersons: 250 }),
    event('fulfilment-recorded', 'member-state:BE', '2026-10-01T09:00:00Z', { state: 'BE', benefitting: 'IT', kind: 'offset', amount: 250 }),
    event('alternative-converted', 'commission', '2026-12-31T09:00:00Z', { state: 'NL', euros: 4_000_000 }),
  ];
  const closing: PoolEvent[] = [
    event('year-closed', 'commission', '2027-01-04T09:00:00Z', {}),
    event('implementation-confirmed', 'member-state:DE', '2027-01-20T09:00:00Z', { state: 'DE', amounts: amounts({ relocations: 2_800, financialEur: 40_000_000 }) }),
  ];
  return { beforeAdoption, adoption, implementation, closing, all: [...beforeAdoption, ...adoption, ...implementation, ...closing] };
}
