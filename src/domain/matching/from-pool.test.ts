import { describe, expect, it } from 'vitest';
import { pledgesFromPool } from './from-pool.ts';

describe('places from the adopted pool', () => {
  it('takes binding relocation pledges less deductions, and releases towards states with systemic shortcomings', () => {
    const { pledges, releases } = pledgesFromPool(
      [
        { code: 'DE', pledged: { relocations: 500 }, deducted: { relocations: 100 } },
        { code: 'FR', pledged: { relocations: 300 }, deducted: { relocations: 0 } },
        { code: 'PL', pledged: { relocations: 0 }, deducted: { relocations: 0 } },
        { code: 'HU', pledged: { relocations: 50 }, deducted: { relocations: 50 } },
      ],
      [{ code: 'EL' }],
    );
    expect(pledges.map((p) => [p.state, p.persons])).toEqual([['DE', 400], ['FR', 300]]);
    expect(releases.map((r) => `${r.contributing}>${r.benefitting}`)).toEqual(['DE>EL', 'FR>EL']);
  });
});
