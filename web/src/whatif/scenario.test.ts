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

function ok(s: Scenario) {
  const r = evaluateScenario(s);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('what-if scenario on the domain rules', () => {
  it('apportions the amended reference number by the key and values pledges at EUR 20,000 a person (Arts 12(3), 57(1), 66)', () => {
    const r = ok(base({ pledges: { DE: { ...zero, relocations: 100, financialEur: 1_000_000 }, IT: { ...zero } } }));
    expect(r.pool.pledged.euroEquivalent).toBe(3_000_000);
    const de = r.states.find((s) => s.code === 'DE')!;
    expect(de.fairShare.relocations).toBe(12_600);
    expect(de.compliance.ratio).toBeCloseTo(3_000_000 / (12_600 * 20_000));
    expect(r.pool.actFloors!.every((f) => !f.meets)).toBe(true);
  });

  it('makes offsets mandatory only once the Forum is reconvened (Art 63(3))', () => {
    const pledges = { DE: { ...zero, relocations: 20_000 }, IT: { ...zero } };
    const before = ok(base({ pledges })).triggers.find((t) => t.article === '63(3)')!;
    expect(before.applies).toBe(false);
    const after = ok(base({ pledges, reconvened: true })).triggers.find((t) => t.article === '63(3)')!;
    expect(after.applies).toBe(true);
    expect(after.numbers.mandatoryOffsets).toBe(10_000);
  });

  it('a granted deduction lowers what is to be implemented, not what was pledged (Art 63(4))', () => {
    const pledges = { DE: { ...zero, relocations: 31_000 }, IT: { ...zero } };
    expect(ok(base({ pledges })).triggers.find((t) => t.article === '63(4)')!.applies).toBe(false);
    const r = ok(base({ pledges, deductions: { DE: true } }));
    expect(r.pool.pledged.relocations).toBe(31_000);
    expect(r.pool.deducted.relocations).toBe(31_000);
    expect(r.triggers.find((t) => t.article === '63(4)')!.applies).toBe(true);
  });

  it('pool totals are the sum of the states, whatever the mix', () => {
    const amount = fc.nat({ max: 1_000_000 });
    const mix = fc.record({ relocations: amount, financialEur: amount, alternativeEur: amount, offsets: amount });
    fc.assert(
      fc.property(mix, mix, fc.boolean(), (de, it, deducted) => {
        const r = ok(base({ pledges: { DE: de, IT: it }, deductions: { DE: deducted } }));
        expect(r.pool.pledged.euroEquivalent).toBe(r.states.reduce((a, s) => a + s.pledged.euroEquivalent, 0));
        expect(r.pool.deducted.euroEquivalent).toBe(deducted ? r.states.find((s) => s.code === 'DE')!.pledged.euroEquivalent : 0);
      }),
      { numRuns: 50 },
    );
  });
});
