import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSize, LINK_KINDS, type MatchingInstance, type RelocationCase, type RelocationPledge } from './model.ts';
import { prepare, type Prepared } from './prepare.ts';
import { solveRelaxation } from './relaxation.ts';
import { checkPlacement, evaluate, match, roundToCases } from './solve.ts';

const CONTRIBUTING = ['DE', 'FR', 'NL'] as const;
const BENEFITTING = ['IT', 'EL'] as const;

const pledgeArb = (state: (typeof CONTRIBUTING)[number]) =>
  fc.record({
    state: fc.constant(state),
    persons: fc.integer({ min: 0, max: 4 }),
    serves: fc.subarray([...BENEFITTING]),
    restrictions: fc.record({ applicantsOnly: fc.boolean(), maxFamilySize: fc.constantFrom(null, null, 1, 2) }),
    preferences: fc.record({ languages: fc.subarray(['ar', 'en']), nationalities: fc.subarray(['SY', 'AF']) }),
  }) as fc.Arbitrary<RelocationPledge>;

const caseArb = (maxSize: number) =>
  fc.record({
    benefitting: fc.constantFrom(...BENEFITTING),
    status: fc.constantFrom('applicant', 'applicant', 'beneficiary'),
    nationality: fc.constantFrom('SY', 'AF', 'IR'),
    languages: fc.subarray(['ar', 'en', 'fa']),
    members: fc.array(fc.record({ age: fc.integer({ min: 0, max: 70 }) }), { minLength: 1, maxLength: maxSize }),
    vulnerabilities: fc.constantFrom<string[][]>([], [], ['minor']),
    links: fc.array(fc.record({ state: fc.constantFrom(...CONTRIBUTING), kind: fc.constantFrom(...LINK_KINDS) }), { maxLength: 2 }),
    consent: fc.boolean(),
    securityFlag: fc.constantFrom(false, false, false, true),
  });

const instanceArb = (maxSize: number): fc.Arbitrary<MatchingInstance> =>
  fc
    .record({
      pledges: fc.tuple(...CONTRIBUTING.map(pledgeArb)),
      cases: fc.array(caseArb(maxSize), { minLength: 0, maxLength: 6 }),
      releases: fc.subarray([
        { contributing: 'DE', benefitting: 'IT', reason: 'test' },
        { contributing: 'FR', benefitting: 'EL', reason: 'test' },
      ]),
    })
    .map(({ pledges, cases, releases }) => ({
      pledges: [...pledges],
      cases: cases.map((c, i) => ({ ...c, id: `c${i}` }) as RelocationCase),
      releases: releases as MatchingInstance['releases'],
    }));

/** Every whole-case placement that respects capacities; the best value. */
function bruteForce(pr: Prepared): number {
  const { cases } = pr.instance;
  const placement = new Int32Array(cases.length).fill(-1);
  const room = pr.open.map((p) => p.persons);
  let best = -Infinity;
  const go = (i: number): void => {
    if (i === cases.length) {
      best = Math.max(best, evaluate(pr, placement));
      return;
    }
    placement[i] = -1;
    go(i + 1);
    const k = pr.classOf[i]!;
    if (k < 0) return;
    const size = caseSize(cases[i]!);
    for (let j = 0; j < pr.open.length; j++) {
      if (pr.classes[k]!.weight[j]! < 0 || room[j]! < size) continue;
      room[j]! -= size;
      placement[i] = j;
      go(i + 1);
      placement[i] = -1;
      room[j]! += size;
    }
  };
  go(0);
  return best;
}

describe('relocation matching', () => {
  it('is optimal when every case is one person (against brute force)', () => {
    fc.assert(
      fc.property(instanceArb(1), (inst) => {
        const pr = prepare(inst);
        const rel = solveRelaxation(pr);
        const placement = roundToCases(pr, rel);
        expect(checkPlacement(pr, placement)).toEqual([]);
        const best = bruteForce(pr);
        expect(evaluate(pr, placement)).toBe(best);
        expect(rel.value).toBe(best);
        const r = match(inst);
        expect(r.optimal).toBe(true);
        expect(r.gap).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps families whole and stays between the brute-force optimum and the LP bound', () => {
    fc.assert(
      fc.property(instanceArb(3), (inst) => {
        const pr = prepare(inst);
        const rel = solveRelaxation(pr);
        const placement = roundToCases(pr, rel);
        expect(checkPlacement(pr, placement)).toEqual([]);
        const best = bruteForce(pr);
        const value = evaluate(pr, placement);
        expect(value).toBeLessThanOrEqual(best);
        expect(best).toBeLessThanOrEqual(rel.value);
        if (value === rel.value) expect(value).toBe(best);
      }),
      { numRuns: 300 },
    );
  });

  const person = (id: string, over: Partial<RelocationCase> = {}): RelocationCase => ({
    id, benefitting: 'IT', status: 'applicant', nationality: 'SY', languages: ['ar'], members: [{ age: 30 }],
    vulnerabilities: [], links: [], consent: false, securityFlag: false, ...over,
  });
  const pledge = (state: RelocationPledge['state'], persons: number, over: Partial<RelocationPledge> = {}): RelocationPledge => ({
    state, persons, serves: [], restrictions: { applicantsOnly: false, maxFamilySize: null }, preferences: { languages: [], nationalities: [] }, ...over,
  });

  it('serves vulnerable persons first when places are short', () => {
    const r = match({ cases: [person('a', { links: [{ state: 'DE', kind: 'family' }] }), person('v', { vulnerabilities: ['medical'] })], pledges: [pledge('DE', 1)], releases: [] });
    expect(r.assignments.find((a) => a.caseId === 'v')!.state).toBe('DE');
    const a = r.assignments.find((x) => x.caseId === 'a')!;
    expect(a.state).toBeNull();
    expect(a.alternative?.whyNot).toMatch(/all 1 places of DE went to cases with stronger claims/);
  });

  it('uses the link and explains the alternative that lost', () => {
    const r = match({
      cases: [person('a', { links: [{ state: 'FR', kind: 'family' }, { state: 'PL', kind: 'diploma' }] })],
      pledges: [pledge('DE', 5), pledge('FR', 5), pledge('PL', 5)],
      releases: [{ contributing: 'PL', benefitting: 'IT', reason: 'Art 60(3)' }],
    });
    const a = r.assignments[0]!;
    expect(a.state).toBe('FR');
    expect(a.link).toEqual({ state: 'FR', kind: 'family' });
    expect(a.alternative).toMatchObject({ state: 'DE', whyNot: expect.stringMatching(/lower score/) });
    expect(a.unusableLinks[0]!.why).toMatch(/PL is released towards IT/);
    expect(a.explanation).toMatch(/Proposed for FR through a family link/);
  });

  it('shares persons without links in proportion to pledges (Art 67(4))', () => {
    const cases = Array.from({ length: 30 }, (_, i) => person(`p${i}`));
    const r = match({ cases, pledges: [pledge('DE', 40), pledge('FR', 20)], releases: [] });
    expect(r.states.map((s) => s.assigned)).toEqual([20, 10]);
  });

  it('balances placements among benefitting states when places are short (Art 60(1))', () => {
    const cases = [...Array.from({ length: 30 }, (_, i) => person(`it${i}`, { links: [{ state: 'DE', kind: 'language' }] })), ...Array.from({ length: 10 }, (_, i) => person(`el${i}`, { benefitting: 'EL' }))];
    const r = match({ cases, pledges: [pledge('DE', 20)], releases: [] });
    expect(r.benefitting.map((b) => [b.state, b.assigned])).toEqual([['EL', 5], ['IT', 15]]);
  });
});
