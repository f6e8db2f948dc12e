import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeProposal } from './proposal.ts';
import { proposalSchema } from './events.ts';
import { SOLIDARITY_STATES } from '../member-states.ts';
import { computeFairShares } from '../fair-share.ts';

const shares = fc
  .array(fc.tuple(fc.integer({ min: 1_000, max: 90_000_000 }), fc.integer({ min: 100, max: 5_000_000 })), { minLength: 26, maxLength: 26 })
  .map((figs) => computeFairShares(SOLIDARITY_STATES.map((code, i) => ({ code, population: figs[i]![0], gdp: figs[i]![1] }))));

describe('the Commission proposal (Art 12)', () => {
  it('defaults to the floors, 30,000 relocations and EUR 600 million, and is marked confidential', () => {
    const p = computeProposal({ cycle: 2026, shares: SOLIDARITY_STATES.map((code) => ({ code, share: 1 / 26 })) });
    expect(p.referenceRelocations).toBe(30_000);
    expect(p.referenceFinancialEur).toBe(600_000_000);
    expect(p.confidential).toBe(true);
    expect(proposalSchema.parse(p).states).toHaveLength(26);
  });

  it('keeps EUR 20,000 per relocation for any other number, and refuses another ratio', () => {
    const s = SOLIDARITY_STATES.map((code) => ({ code, share: 1 / 26 }));
    expect(computeProposal({ cycle: 2026, shares: s, referenceRelocations: 40_000 }).referenceFinancialEur).toBe(800_000_000);
    expect(computeProposal({ cycle: 2026, shares: s, referenceFinancialEur: 700_000_000 }).referenceRelocations).toBe(35_000);
    expect(() => computeProposal({ cycle: 2026, shares: s, referenceRelocations: 40_000, referenceFinancialEur: 600_000_000 })).toThrow(/Art 12\(3\)/);
  });

  it('refuses numbers below the floors unless an exceptional situation is stated (Art 12(4))', () => {
    const s = SOLIDARITY_STATES.map((code) => ({ code, share: 1 / 26 }));
    expect(() => computeProposal({ cycle: 2026, shares: s, referenceRelocations: 21_000 })).toThrow(/Art 12\(2\)/);
    const p = computeProposal({ cycle: 2026, shares: s, referenceRelocations: 21_000, exceptionalSituation: 'lower needs projected' });
    expect(p.referenceFinancialEur).toBe(420_000_000);
    expect(p.exceptionalSituation).toBe('lower needs projected');
  });

  it('refuses shares that do not add up to 1, fractions of persons and an impossible SAR percentage', () => {
    expect(() => computeProposal({ cycle: 2026, shares: [{ code: 'DE', share: 0.5 }] })).toThrow(/add up to 1/);
    expect(() => computeProposal({ cycle: 2026, shares: [{ code: 'DE', share: 1 }], referenceRelocations: 30_000.5 })).toThrow(/whole number/);
    expect(() => computeProposal({ cycle: 2026, shares: [{ code: 'DE', share: 1 }], sarPercentage: 120 })).toThrow(/between 0 and 100/);
  });

  it('lines are whole persons and euros adding up exactly to the reference numbers, each within one unit of share × reference', () => {
    fc.assert(
      fc.property(shares, fc.integer({ min: 30_000, max: 200_000 }), (fs, relocations) => {
        const p = computeProposal({ cycle: 2026, shares: fs, referenceRelocations: relocations });
        expect(p.states.reduce((a, l) => a + l.relocations, 0)).toBe(relocations);
        expect(p.states.reduce((a, l) => a + l.financialEur, 0)).toBe(relocations * 20_000);
        for (const l of p.states) {
          expect(Number.isInteger(l.relocations) && Number.isInteger(l.financialEur)).toBe(true);
          expect(Math.abs(l.relocations - l.share * relocations)).toBeLessThan(1);
          expect(Math.abs(l.financialEur - l.share * relocations * 20_000)).toBeLessThan(1);
        }
      }),
    );
  });
});
