import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeFairShares, formatSharePercent, type KeyInput } from './fair-share.ts';
import { InputError } from './errors.ts';

const states = fc
  .uniqueArray(fc.constantFrom('AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT'), { minLength: 2, maxLength: 15 })
  .chain((codes) =>
    fc.tuple(
      ...codes.map((code) =>
        fc.record({ code: fc.constant(code), population: fc.integer({ min: 1_000, max: 90_000_000 }), gdp: fc.double({ min: 100, max: 5e6, noNaN: true }) }),
      ),
    ),
  );

describe('fair share (Art 66, Annex I)', () => {
  it('is half the population share plus half the GDP share', () => {
    const [a, b] = computeFairShares([
      { code: 'AA', population: 300, gdp: 10 },
      { code: 'BB', population: 100, gdp: 30 },
    ]);
    expect(a!.share).toBeCloseTo(0.5 * 0.75 + 0.5 * 0.25, 12);
    expect(b!.share).toBeCloseTo(0.5 * 0.25 + 0.5 * 0.75, 12);
    expect(a!.populationShare).toBe(0.75);
    expect(b!.gdpShare).toBe(0.75);
  });

  it('prints shares as the Council act does, a percentage to four decimals', () => {
    expect(formatSharePercent(0.18257449)).toBe('18.2574');
    expect(formatSharePercent(0.0012)).toBe('0.1200');
  });

  it('refuses a missing, zero or negative figure and a state given twice, naming it', () => {
    expect(() => computeFairShares([{ code: 'DE', population: 0, gdp: 1 }])).toThrow(/DE: population/);
    expect(() => computeFairShares([{ code: 'DE', population: 1, gdp: Number.NaN }])).toThrow(InputError);
    expect(() => computeFairShares([{ code: 'DE', population: 1, gdp: 1 }, { code: 'DE', population: 1, gdp: 1 }])).toThrow(/twice/);
    expect(() => computeFairShares([])).toThrow(InputError);
  });

  it('shares sum to 1', () => {
    fc.assert(
      fc.property(states, (inputs) => {
        const sum = computeFairShares(inputs).reduce((a, s) => a + s.share, 0);
        expect(sum).toBeCloseTo(1, 12);
      }),
    );
  });

  it("a state's share rises with its population or its GDP", () => {
    fc.assert(
      fc.property(states, fc.nat({ max: 14 }), fc.constantFrom<'population' | 'gdp'>('population', 'gdp'), fc.double({ min: 1.01, max: 10, noNaN: true }), (inputs, k, field, factor) => {
        const i = k % inputs.length;
        const before = computeFairShares(inputs)[i]!.share;
        const grown: KeyInput[] = inputs.map((s, j) => (j === i ? { ...s, [field]: s[field] * factor } : s));
        expect(computeFairShares(grown)[i]!.share).toBeGreaterThan(before);
      }),
    );
  });

  it('does not depend on the units of population or GDP', () => {
    fc.assert(
      fc.property(states, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (inputs, p, g) => {
        const base = computeFairShares(inputs);
        const scaled = computeFairShares(inputs.map((s) => ({ ...s, population: s.population * p, gdp: s.gdp * g })));
        scaled.forEach((s, i) => expect(s.share).toBeCloseTo(base[i]!.share, 12));
      }),
    );
  });
});
