import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { checkInstance, parseCases, parsePledges } from './schemas.ts';

const aCase = (over: Record<string, unknown> = {}) => ({ id: 'c1', benefitting: 'IT', status: 'applicant', nationality: 'SY', members: [{ age: 30 }], ...over });
const aPledge = (over: Record<string, unknown> = {}) => ({ state: 'DE', persons: 10, ...over });

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('matching files', () => {
  it('fills the defaults of a case and of a pledge', () => {
    const [c] = parseCases({ cases: [aCase()] });
    expect(c).toMatchObject({ languages: [], vulnerabilities: [], links: [], consent: false, securityFlag: false });
    const { pledges, releases } = parsePledges({ pledges: [aPledge()] });
    expect(pledges[0]).toMatchObject({ serves: [], restrictions: { applicantsOnly: false, maxFamilySize: null } });
    expect(releases).toEqual([]);
  });

  it('names the record and field of an unknown state', () => {
    const e = errorOf(() => parsePledges({ pledges: [aPledge(), aPledge({ state: 'XX' })] }, 'p.json'));
    expect(e.message).toMatch(/p\.json.*field state.*pledge 2 \(XX\): unknown state code/);
    const e2 = errorOf(() => parseCases([aCase({ id: 'k9', links: [{ state: 'UK', kind: 'family' }] })], 'c.json'));
    expect(e2.message).toContain('case 1 "k9"');
    expect(e2.field).toBe('links.0.state');
  });

  it('refuses negative capacity, duplicate case ids and duplicate pledges', () => {
    expect(errorOf(() => parsePledges({ pledges: [aPledge({ persons: -3 })] })).message).toMatch(/pledge 1 \(DE\): negative capacity/);
    expect(errorOf(() => parseCases([aCase(), aCase({ id: 'c2' }), aCase()])).message).toMatch(/case 3: duplicate case id "c1"/);
    expect(errorOf(() => parsePledges({ pledges: [aPledge(), aPledge({ persons: 1 })] })).message).toMatch(/pledge 2 \(DE\): a second pledge/);
  });

  it('refuses a family larger than any pledge, naming the case', () => {
    const cases = parseCases([aCase({ id: 'fam', members: [{ age: 40 }, { age: 38 }, { age: 5 }] })]);
    const { pledges, releases } = parsePledges({ pledges: [aPledge({ persons: 2 }), aPledge({ state: 'FR', persons: 1 })] });
    const e = errorOf(() => checkInstance({ cases, pledges, releases }, { cases: 'c.json' }));
    expect(e.message).toMatch(/c\.json.*case 1 "fam": 3 persons, larger than any pledge \(the largest is 2\)/);
  });

  it('refuses a release by a state that pledged nothing', () => {
    const { pledges, releases } = parsePledges({ pledges: [aPledge()], releases: [{ contributing: 'PL', benefitting: 'IT' }] });
    expect(errorOf(() => checkInstance({ cases: [], pledges, releases })).message).toMatch(/release 1: PL made no pledge/);
  });
});
