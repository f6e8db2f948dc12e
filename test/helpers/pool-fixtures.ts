/**
 * SYNTHETIC inputs for pool tests (not real figures): a proposal whose lines carry distinct numbers, so that a test
 * can tell one state's confidential line from another's in any response, and an Art 11 classification.
 */
import { SOLIDARITY_STATES } from '../../src/domain/member-states.ts';
import type { Proposal } from '../../src/domain/pool/index.ts';
import type { CycleInputs } from '../../scripts/demo/drive-cycle.ts';

export function distinctProposal(cycle = 2026): Proposal {
  const lines = SOLIDARITY_STATES.map((code, i) => {
    const relocations = 700 + 13 * i;
    return { code, relocations, financialEur: relocations * 20_000 + 1_000 + 7 * i };
  });
  const total = lines.reduce((a, l) => a + l.relocations, 0);
  return {
    cycle,
    referenceRelocations: total,
    referenceFinancialEur: lines.reduce((a, l) => a + l.financialEur, 0),
    states: lines.map((l) => ({ ...l, share: l.relocations / total })),
  };
}

export const syntheticInputs = (cycle = 2026): CycleInputs => ({
  proposal: distinctProposal(cycle),
  classification: {
    decision: 'SYNTHETIC Art 11 decision for tests',
    states: [
      { code: 'IT', categories: ['migratory-pressure'] },
      { code: 'EL', categories: ['migratory-pressure', 'significant-migratory-situation'] },
      { code: 'AT', categories: ['significant-migratory-situation'] },
    ],
  },
});
