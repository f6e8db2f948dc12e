import { describe, expect, it } from 'vitest';
import type { RelocationCase, RelocationPledge } from './model.ts';
import { whyNotAllPlaced } from './diagnose.ts';
import { match } from './solve.ts';

const person = (id: string, over: Partial<RelocationCase> = {}): RelocationCase => ({
  id, benefitting: 'IT', status: 'applicant', nationality: 'SY', languages: [], members: [{ age: 30 }],
  vulnerabilities: [], links: [], consent: false, securityFlag: false, ...over,
});
const pledge = (state: RelocationPledge['state'], persons: number, over: Partial<RelocationPledge> = {}): RelocationPledge => ({
  state, persons, serves: [], restrictions: { applicantsOnly: false, maxFamilySize: null }, preferences: { languages: [], nationalities: [] }, ...over,
});

describe('why not every person is placed', () => {
  it('says nothing when everyone is placed', () => {
    const inst = { cases: [person('a')], pledges: [pledge('DE', 1)], releases: [] };
    expect(whyNotAllPlaced(inst, match(inst))).toEqual([]);
  });

  it('names the capacity and the benefitting state whose places are closed by a release', () => {
    const inst = {
      cases: [person('a'), person('b'), person('c'), person('e1', { benefitting: 'EL' })],
      pledges: [pledge('DE', 2), pledge('PL', 1)],
      releases: [{ contributing: 'PL' as const, benefitting: 'IT' as const, reason: 'Art 60(3)' }],
    };
    const why = whyNotAllPlaced(inst, match(inst));
    expect(why[0]).toBe('capacity: 4 eligible persons for 3 pledged places, 1 short');
    expect(why[1]).toMatch(/^IT: 3 eligible persons, 2 places open to it \(PL is released towards IT/);
  });

  it('names a case to which no state is open', () => {
    const inst = { cases: [person('a', { status: 'beneficiary', consent: true })], pledges: [pledge('DE', 2, { restrictions: { applicantsOnly: true, maxFamilySize: null } })], releases: [] };
    expect(whyNotAllPlaced(inst, match(inst))).toEqual(['case a: no state is open to this case: DE takes applicants only']);
  });

  it('names families that cannot be fitted whole', () => {
    const inst = { cases: [person('f', { members: [{ age: 30 }, { age: 31 }, { age: 2 }] }), person('s')], pledges: [pledge('DE', 2), pledge('FR', 2)], releases: [] };
    const r = match(inst);
    expect(r.placedPersons).toBe(1);
    expect(whyNotAllPlaced(inst, r)).toEqual(['3 persons in 1 family could not be fitted whole into the places left (families are never split, Art 67(6))']);
  });
});
