import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RelocationCase, RelocationPledge } from './model.ts';
import { simulateYear } from './dynamic.ts';

const person = (id: string, over: Partial<RelocationCase> = {}): RelocationCase => ({
  id, benefitting: 'IT', status: 'applicant', nationality: 'SY', languages: [], members: [{ age: 30 }],
  vulnerabilities: [], links: [], consent: false, securityFlag: false, ...over,
});
const pledge = (state: RelocationPledge['state'], persons: number, over: Partial<RelocationPledge> = {}): RelocationPledge => ({
  state, persons, serves: [], restrictions: { applicantsOnly: false, maxFamilySize: null }, preferences: { languages: [], nationalities: [] }, ...over,
});

describe('relocation through the year', () => {
  it('keeps places for later arrivals with links, where first come first served gives them away', () => {
    // Each month: three persons without links whom AT slightly prefers (profile), then two with family in AT.
    const month = (m: number) => [
      ...[0, 1, 2].map((k) => person(`m${m}-n${k}`)),
      ...[0, 1].map((k) => person(`m${m}-l${k}`, { links: [{ state: 'AT', kind: 'family' }] })),
    ];
    const sim = simulateYear([month(1), month(2)], [pledge('AT', 5, { preferences: { languages: [], nationalities: ['SY'] } }), pledge('PT', 5)]);
    const by = Object.fromEntries(sim.outcomes.map((o) => [o.policy, o]));
    expect(by.hindsight!.linkedPlaced).toBe(4);
    expect(by.greedy!.linkedPlaced).toBe(2);
    // Matching each month alone sends one person without links elsewhere (the Art 67(4) share), no more.
    expect(by.batch!.linkedPlaced).toBe(3);
    expect(by.priced!.linkedPlaced).toBe(4);
    expect(by.priced!.shareOfHindsight).toBe(1);
    expect(by.greedy!.shareOfHindsight).toBeLessThan(1);
    // The first month's price of a place in Austria is what a family link is worth over no link there.
    expect(sim.prices[0]!.price.AT).toBeGreaterThan(0);
  });

  it('never beats the hindsight optimum (single persons: the hindsight is exact)', () => {
    const caseArb = fc.record({
      benefitting: fc.constantFrom('IT', 'EL'),
      nationality: fc.constantFrom('SY', 'AF'),
      vulnerable: fc.boolean(),
      link: fc.option(fc.constantFrom('DE', 'FR', 'NL'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(caseArb, { maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4)), (months, caps) => {
        let n = 0;
        const batches = months.map((m) => m.map((c) => person(`c${n++}`, { benefitting: c.benefitting as 'IT', nationality: c.nationality, vulnerabilities: c.vulnerable ? ['minor'] : [], links: c.link ? [{ state: c.link as 'DE', kind: 'family' }] : [] })));
        const sim = simulateYear(batches, [pledge('DE', caps[0]), pledge('FR', caps[1], { preferences: { languages: [], nationalities: ['AF'] } }), pledge('NL', caps[2])]);
        const hindsight = sim.outcomes[0]!;
        for (const o of sim.outcomes) expect(o.objective).toBeLessThanOrEqual(hindsight.objective);
      }),
      { numRuns: 150 },
    );
  });
});
