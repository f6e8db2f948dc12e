import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeAdequateCapacity, type CapacityInput } from './adequate-capacity.ts';
import { annualMaximumMultiplier, annualMaximumMultiplierInYear, capacityActForYear, capacityActOn } from './capacity-acts.ts';

const row = (code: CapacityInput['code'], crossings: number | null, sar: number | null, refusals: number | null): CapacityInput => ({ code, crossings, sar, refusals });

describe('adequate capacity, APR Art 47(4)', () => {
  it('shares 30,000 in proportion to crossings + SAR + refusals when all are known', () => {
    const r = computeAdequateCapacity([row('IT', 100, 50, 50), row('HU', 100, 0, 100), row('AT', 0, 0, 200)], 2);
    expect(r.states.map((s) => s.capacity)).toEqual([10_000, 10_000, 10_000]);
    expect(r.states.map((s) => s.annualMaximum)).toEqual([20_000, 20_000, 20_000]);
    expect(r.components.every((c) => c.status === 'complete')).toBe(true);
  });
  it('leaves out a component known for no state, and says so, instead of counting it as zero', () => {
    const r = computeAdequateCapacity([row('IT', 300, 100, null), row('ES', 100, null, null)], 3);
    expect(r.components.find((c) => c.component === 'refusals')).toMatchObject({ status: 'absent', unionTotal: null, unknownFor: ['IT', 'ES'] });
    expect(r.components.find((c) => c.component === 'sar')).toMatchObject({ status: 'partial', unionTotal: 100, unknownFor: ['ES'] });
    expect(r.states[0]).toMatchObject({ refusals: null, sar: 100, capacity: 24_000, annualMaximum: 72_000 });
    expect(r.states[1]).toMatchObject({ refusals: null, sar: null, capacity: 6_000 });
    expect(r.states[0]!.share).toBeCloseTo(0.8);
  });
  it('has no annual maximum before the APR applies and refuses all-unknown input', () => {
    expect(computeAdequateCapacity([row('IT', 1, null, null)], null).states[0]!.annualMaximum).toBeNull();
    expect(() => computeAdequateCapacity([row('IT', null, null, null)], 2)).toThrow(/cannot be shared/);
  });
  it('always adds up to exactly 30,000', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(500_000), fc.option(fc.nat(100_000)), fc.option(fc.nat(100_000))), { minLength: 1, maxLength: 26 }), (rows) => {
        fc.pre(rows.some(([c]) => c > 0));
        const r = computeAdequateCapacity(rows.map(([c, s, f]) => row('IT', c, s, f)), 2);
        expect(r.states.reduce((a, s) => a + s.capacity, 0)).toBe(30_000);
      }),
    );
  });
});

describe('capacity acts and annual maximum, APR Art 47(1), (5)', () => {
  it.each([
    ['2026-06-11', null],
    ['2026-06-12', 2],
    ['2027-06-12', 2],
    ['2027-06-13', 3],
    ['2028-06-13', 4],
    ['2035-01-01', 4],
  ])('multiplier on %s is %s (Art 47(1))', (date, m) => {
    expect(annualMaximumMultiplier(date)?.multiplier ?? null).toBe(m);
  });
  it('2026 is governed by Decision 2024/2150 on 2021–2023 data; 2028 by the act due 15 October 2027 on 2024–2026', () => {
    expect(capacityActForYear(2026)).toMatchObject({ name: 'Commission Implementing Decision (EU) 2024/2150', window: { from: '2021-01-01', to: '2023-12-31' } });
    expect(capacityActForYear(2027).window.to).toBe('2023-12-31');
    expect(capacityActForYear(2028)).toMatchObject({ appliesFrom: '2027-10-15', window: { from: '2024-01-01', to: '2026-12-31' } });
    expect(capacityActOn('2027-10-15')?.window.from).toBe('2024-01-01');
    expect(capacityActOn('2026-06-11')).toBeNull();
    expect(() => capacityActForYear(2025)).toThrow(RangeError);
    expect(annualMaximumMultiplierInYear(2027)).toEqual({ multiplier: 3, from: '2027-06-13' });
  });
});
