import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { lastMonth, monthlySeries } from './series.ts';

describe('monthlySeries', () => {
  it('orders the months and keeps the values', () => {
    const s = monthlySeries('x', [
      { period: '2024-02', value: 5 },
      { period: '2024-01', value: 3 },
    ]);
    expect(s).toEqual({ id: 'x', start: '2024-01', values: [3, 5] });
    expect(lastMonth(s)).toBe('2024-02');
  });
  it('names the missing months of a gap', () => {
    const points = [
      { period: '2024-01', value: 1 },
      { period: '2024-04', value: 1 },
    ];
    expect(() => monthlySeries('sea_arrivals:IT', points)).toThrow(InputError);
    expect(() => monthlySeries('sea_arrivals:IT', points)).toThrow('series sea_arrivals:IT has a gap: months 2024-02 to 2024-03 are missing');
  });
  it('refuses negative counts and duplicates', () => {
    expect(() => monthlySeries('x', [{ period: '2024-01', value: -1 }])).toThrow(/cannot be negative/);
    expect(() =>
      monthlySeries('x', [
        { period: '2024-01', value: 1 },
        { period: '2024-01', value: 2 },
      ]),
    ).toThrow(/2024-01 appears twice/);
  });
});
