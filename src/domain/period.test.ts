import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, canonicalPeriod, monthRange, parsePeriod, periodMonths } from './period.ts';

describe('periods', () => {
  it('reads every Eurostat spelling into one canonical form', () => {
    expect(canonicalPeriod('2024M07')).toBe('2024-07');
    expect(canonicalPeriod('2024-07')).toBe('2024-07');
    expect(canonicalPeriod('2024Q3')).toBe('2024-Q3');
    expect(canonicalPeriod('2024')).toBe('2024');
    expect(canonicalPeriod('2024-13')).toBeNull();
    expect(canonicalPeriod('24')).toBeNull();
  });
  it('knows which months a period covers', () => {
    expect(periodMonths(parsePeriod('2024-Q3')!)).toEqual({ first: '2024-07', last: '2024-09' });
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
  it('month arithmetic round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -500, max: 500 }), (y, m, n) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        expect(addMonths(addMonths(month, n), -n)).toBe(month);
      }),
    );
  });
});
