import { describe, expect, it } from 'vitest';
import { caseSize } from '../domain/matching/model.ts';
import { checkInstance } from '../domain/matching/schemas.ts';
import { FAMILY_SIZES, generateInstance } from '../domain/matching/synthetic.ts';
import { resolveDataDir } from './load.ts';
import { readRelocationProfile } from './relocation-profile.ts';

const dir = resolveDataDir({ env: {}, cwd: process.cwd() })!.dir;
const profile = readRelocationProfile(dir);

describe('SYNTHETIC relocation cases from the real aggregates', () => {
  it('reads the nationality mix of each benefitting state from the 2024 applicants by citizenship', () => {
    const it = profile.benefitting.find((b) => b.state === 'IT')!;
    // The largest group of applicants in Italy in 2024 in the file is Bangladesh; in Spain, Venezuela.
    expect(it.nationalities[0]!.value).toBe('BGD');
    expect(profile.benefitting.find((b) => b.state === 'ES')!.nationalities[0]!.value).toBe('VEN');
    expect(profile.contributing.map((c) => c.value)).toContain('DE');
    expect(profile.contributing.reduce((a, c) => a + c.weight, 0)).toBeCloseTo(1, 9);
  });

  it('is deterministic for a seed and generates exactly the persons asked for', () => {
    const a = generateInstance(profile, { persons: 5000, seed: 7 });
    const b = generateInstance(profile, { persons: 5000, seed: 7 });
    const c = generateInstance(profile, { persons: 5000, seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(a.cases.reduce((s, x) => s + caseSize(x), 0)).toBe(5000);
    expect(a.pledges.reduce((s, p) => s + p.persons, 0)).toBe(5000);
    expect(() => checkInstance(a)).not.toThrow();
  });

  it('follows the nationality mix and the stated family sizes', () => {
    const inst = generateInstance(profile, { persons: 60_000, seed: 1 });
    const el = profile.benefitting.find((b) => b.state === 'EL')!;
    const elTotal = el.nationalities.reduce((a, n) => a + n.weight, 0);
    const elCases = inst.cases.filter((c) => c.benefitting === 'EL');
    for (const n of el.nationalities.slice(0, 3)) {
      const observed = elCases.filter((c) => c.nationality === n.value).length / elCases.length;
      expect(Math.abs(observed - n.weight / elTotal)).toBeLessThan(0.03);
    }
    const singles = inst.cases.filter((c) => caseSize(c) === 1).length / inst.cases.length;
    expect(Math.abs(singles - FAMILY_SIZES[0]!.weight)).toBeLessThan(0.02);
  });
});
