/**
 * The arithmetic of a what-if scenario: pure, instant, and never saved. Fair share in euros = share × reference
 * number × EUR 20,000 (Arts 12(2)–(3), 66); pledges by type valued at EUR 20,000 per person (Art 56(2));
 * a granted deduction removes the state's pledge from what is to be implemented (Arts 61–62, 60(3)).
 */
export interface PledgeMix {
  relocations: number;
  financialEur: number;
  alternativeEur: number;
  offsets: number;
}

export interface Scenario {
  referenceRelocations: number;
  /** The relocation number of the Commission's proposal (Art 63(1) measures pledges against it). */
  proposalRelocations: number;
  shares: { geo: string; share: number }[];
  pledges: Record<string, PledgeMix>;
  /** States whose full deduction is granted in this scenario. */
  deductions: Record<string, boolean>;
}

export interface Trigger {
  id: 'floor-relocations' | 'floor-financial' | 'offsets-may-request' | 'offsets-mandatory';
  met: boolean;
  params: Record<string, string | number>;
}

export interface ScenarioResult {
  totals: PledgeMix & { euroEquivalent: number };
  afterDeductionsEur: number;
  triggers: Trigger[];
  states: { geo: string; share: number; fairShareEur: number; pledgedEur: number; compliance: number; deducted: boolean }[];
}

export const EURO_PER_RELOCATION = 20_000;
const MIN_RELOCATIONS = 30_000;
const MIN_FINANCIAL_EUR = 600_000_000;

const euroEquivalent = (m: PledgeMix) => (m.relocations + m.offsets) * EURO_PER_RELOCATION + m.financialEur + m.alternativeEur;

export function evaluateScenario(s: Scenario): ScenarioResult {
  const totals = { relocations: 0, financialEur: 0, alternativeEur: 0, offsets: 0, euroEquivalent: 0 };
  let afterDeductionsEur = 0;
  let relocationsToImplement = 0;
  const states = s.shares.map(({ geo, share }) => {
    const mix = s.pledges[geo] ?? { relocations: 0, financialEur: 0, alternativeEur: 0, offsets: 0 };
    const pledgedEur = euroEquivalent(mix);
    totals.relocations += mix.relocations;
    totals.financialEur += mix.financialEur;
    totals.alternativeEur += mix.alternativeEur;
    totals.offsets += mix.offsets;
    totals.euroEquivalent += pledgedEur;
    const deducted = s.deductions[geo] === true;
    if (!deducted) {
      afterDeductionsEur += pledgedEur;
      relocationsToImplement += mix.relocations;
    }
    const fairShareEur = Math.round(share * s.referenceRelocations * EURO_PER_RELOCATION);
    return { geo, share, fairShareEur, pledgedEur, compliance: fairShareEur > 0 ? pledgedEur / fairShareEur : 0, deducted };
  });
  // Art 63(3)(a)–(b), 63(4): the higher of 30,000 and 60 % of the reference number; the shortfall is the default
  // reading of "up to the higher of the two numbers" (domain.md §1.8, UNCONFIRMED).
  const threshold = Math.max(MIN_RELOCATIONS, Math.ceil(0.6 * s.referenceRelocations));
  const triggers: Trigger[] = [
    { id: 'floor-relocations', met: totals.relocations < MIN_RELOCATIONS, params: { pledged: totals.relocations, floor: MIN_RELOCATIONS } },
    { id: 'floor-financial', met: totals.financialEur < MIN_FINANCIAL_EUR, params: { pledged: totals.financialEur, floor: MIN_FINANCIAL_EUR } },
    // Art 63(1): relocation pledges reach 50 % of the proposal's relocation number.
    { id: 'offsets-may-request', met: totals.relocations * 2 >= s.proposalRelocations, params: { pledged: totals.relocations, half: Math.ceil(s.proposalRelocations / 2) } },
    { id: 'offsets-mandatory', met: relocationsToImplement < threshold, params: { pledged: relocationsToImplement, threshold, shortfall: Math.max(0, threshold - relocationsToImplement) } },
  ];
  return { totals, afterDeductionsEur, triggers, states };
}
