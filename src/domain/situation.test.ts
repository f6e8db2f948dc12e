import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, monthRange } from './period.ts';
import { compareWithPrevious, figureFor, referenceWindow, relativeChange, shiftWindow } from './situation.ts';

const months = (first: string, last: string, value: (m: string, i: number) => number) => monthRange(first, last).map((period, i) => ({ period, value: value(period, i) }));

describe('the reference period (Art 9(1))', () => {
  it('runs from July Y−2 to June Y−1', () => {
    expect(referenceWindow(2026)).toEqual({ first: '2024-07', last: '2025-06' });
    expect(shiftWindow(referenceWindow(2026), -1)).toEqual({ first: '2023-07', last: '2024-06' });
  });
});

describe('figureFor', () => {
  const w = referenceWindow(2026);

  it('sums the twelve months of a flow and takes the last month of a stock', () => {
    const pts = months('2023-01', '2025-12', (_, i) => i + 1);
    const flow = figureFor(pts, 'flow', w)!;
    expect(flow).toMatchObject({ basis: 'months', used: '2024-07..2025-06', yearsBack: 0 });
    expect(flow.value).toBe(pts.filter((p) => p.period >= '2024-07' && p.period <= '2025-06').reduce((a, p) => a + p.value, 0));
    expect(figureFor(pts, 'stock', w)).toMatchObject({ value: pts.find((p) => p.period === '2025-06')!.value, basis: 'months' });
  });

  it('uses the four quarters when there are no months', () => {
    const pts = ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'].map((period, i) => ({ period, value: 10 * (i + 1) }));
    expect(figureFor(pts, 'flow', w)).toEqual({ value: 100, basis: 'quarters', used: '2024-Q3..2025-Q2', yearsBack: 0 });
  });

  it('falls back to the calendar year in which the period begins, then to earlier years, and says so', () => {
    expect(figureFor([{ period: '2024', value: 7 }, { period: '2025', value: 9 }], 'flow', w)).toEqual({ value: 7, basis: 'calendar-year', used: '2024', yearsBack: 0 });
    expect(figureFor([{ period: '2022', value: 5 }], 'flow', w)).toEqual({ value: 5, basis: 'calendar-year', used: '2022', yearsBack: 2 });
    // A month missing in the period: its own months do not count, the calendar year of months does.
    const gappy = months('2024-01', '2025-06', () => 1).filter((p) => p.period !== '2025-02');
    expect(figureFor(gappy, 'flow', w)).toEqual({ value: 12, basis: 'calendar-year', used: '2024', yearsBack: 0 });
  });

  it('gives up beyond three years back', () => {
    expect(figureFor([{ period: '2020', value: 5 }], 'flow', w)).toBeNull();
    expect(figureFor([], 'stock', w)).toBeNull();
  });
});

describe('compareWithPrevious', () => {
  it('compares on the same basis, a year earlier', () => {
    const pts = [{ period: '2023', value: 80 }, { period: '2024', value: 100 }, ...months('2023-07', '2024-05', () => 1)];
    const { reference, previous } = compareWithPrevious(pts, 'flow', referenceWindow(2026));
    expect(reference).toMatchObject({ value: 100, used: '2024' });
    expect(previous).toMatchObject({ value: 80, used: '2023', basis: 'calendar-year', yearsBack: 1 });
    expect(relativeChange(reference!.value, previous!.value)).toBeCloseTo(0.25);
  });

  it('moving a complete series back a year moves the period used back a year and keeps the value (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { minLength: 36, maxLength: 36 }), fc.constantFrom<'flow' | 'stock'>('flow', 'stock'), (values, kind) => {
        const pts = values.map((value, i) => ({ period: addMonths('2022-07', i), value }));
        const w = referenceWindow(2026);
        const now = figureFor(pts, kind, w)!;
        const older = figureFor(pts.map((p) => ({ ...p, period: addMonths(p.period, -12) })), kind, w)!;
        expect(now).toMatchObject({ basis: 'months', yearsBack: 0 });
        // The older copy no longer covers 2024-07..2025-06 by months, nor calendar 2024 completely, so it goes a year back.
        expect(older.value).toBe(now.value);
        expect(older.used).toBe('2023-07..2024-06');
      }),
    );
  });

  it('has no change without a previous figure or with a zero one', () => {
    expect(relativeChange(5, null)).toBeNull();
    expect(relativeChange(5, 0)).toBeNull();
  });
});
