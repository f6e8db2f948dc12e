import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateScenario, type Scenario } from './scenario.ts';

const zero = { relocations: 0, financialEur: 0, alternativeEur: 0, offsets: 0 };
const base = (over: Partial<Scenario> = {}): Scenario => ({
  referenceRelocations: 21_000,
  proposalRelocations: 30_000,
  shares: [{ geo: 'DE', share: 0.6 }, { geo: 'IT', share: 0.4 }],
  pledges: { DE: { ...zero }, IT: { ...zero } },
  deductions: {},
  ...over,
});

describe('what-if scenario', () => {
  it('values persons at EUR 20,000 and sets pledges against the fair share in euros (Arts 12(3), 66)', () => {
    const r = evaluateScenario(base({ pledges: { DE: { relocations: 100, financialEur: 1_000_000, alternativeEur: 0, offsets: 0 }, IT: { ...zero } } }));
    expect(r.totals.euroEquivalent).toBe(3_000_000);
    const de = r.states.find((s) => s.geo === 'DE')!;
    expect(de.fairShareEur).toBe(0.6 * 21_000 * 20_000);
    expect(de.compliance).toBeCloseTo(3_000_000 / (0.6 * 21_000 * 20_000));
  });

  it('makes offsets mandatory below the higher of 30,000 and 60 % of the reference (Art 63(3))', () => {
    const r = evaluateScenario(base({ referenceRelocations: 60_000, pledges: { DE: { ...zero, relocations: 35_000 }, IT: { ...zero } } }));
    const mandatory = r.triggers.find((t) => t.id === 'offsets-mandatory')!;
    expect(mandatory.met).toBe(true);
    expect(mandatory.params).toMatchObject({ threshold: 36_000, shortfall: 1_000 });
  });

  it('a granted deduction takes the pledge out of what is to be implemented but not out of what was pledged (Art 63(4))', () => {
    const pledges = { DE: { ...zero, relocations: 40_000 }, IT: { ...zero } };
    expect(evaluateScenario(base({ pledges })).triggers.find((t) => t.id === 'offsets-mandatory')!.met).toBe(false);
    const r = evaluateScenario(base({ pledges, deductions: { DE: true } }));
    expect(r.totals.relocations).toBe(40_000);
    expect(r.afterDeductionsEur).toBe(0);
    expect(r.triggers.find((t) => t.id === 'offsets-mandatory')!.met).toBe(true);
  });

  it('totals are the sum of the states, whatever the mix', () => {
    const amount = fc.nat({ max: 1_000_000 });
    const mix = fc.record({ relocations: amount, financialEur: amount, alternativeEur: amount, offsets: amount });
    fc.assert(
      fc.property(mix, mix, fc.boolean(), (de, it, deducted) => {
        const r = evaluateScenario(base({ pledges: { DE: de, IT: it }, deductions: { DE: deducted } }));
        expect(r.totals.euroEquivalent).toBe(r.states.reduce((a, s) => a + s.pledgedEur, 0));
        expect(r.afterDeductionsEur).toBe(r.states.filter((s) => !s.deducted).reduce((a, s) => a + s.pledgedEur, 0));
      }),
    );
  });
});
