import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, monthRange } from './period.ts';
import { resolveSpan } from './assessment/resolve.ts';
import { compareWithPrevious, figureFor, overlaps, referenceWindow, relativeChange, shiftWindow } from './situation.ts';

const months = (first: string, last: string, value: (m: string, i: number) => number) => monthRange(first, last).map((period, i) => ({ period, value: value(period, i) }));

describe('the reference period (Art 9(1))', () => {
  it('runs from July Y−2 to June Y−1', () => {
    expect(referenceWindow(2026)).toEqual({ first: '2024-07', last: '2025-06' });
    expect(shiftWindow(referenceWindow(2026), -1)).toEqual({ first: '2023-07', last: '2024-06' });
  });

  it('overlaps a calendar year in which it begins or ends, not one before', () => {
    const w = referenceWindow(2026);
    expect(overlaps({ first: '2024-01', last: '2024-12' }, w)).toBe(true);
    expect(overlaps({ first: '2025-06', last: '2025-06' }, w)).toBe(true);
    expect(overlaps({ first: '2023-01', last: '2023-12' }, w)).toBe(false);
  });
});

describe('figureFor: the assessment\'s substitution rule (resolve.ts), with the Report\'s reach', () => {
  const w = referenceWindow(2026);

  it('sums the twelve months of a flow and takes the last month of a stock', () => {
    const pts = months('2023-01', '2025-12', (_, i) => i + 1);
    const flow = figureFor(pts, 'flow', w)!;
    expect(flow).toMatchObject({ basis: 'months', used: '2024-07/2025-06', exact: true });
    expect(flow.value).toBe(pts.filter((p) => p.period >= '2024-07' && p.period <= '2025-06').reduce((a, p) => a + p.value, 0));
    expect(figureFor(pts, 'stock', w)).toMatchObject({ value: pts.find((p) => p.period === '2025-06')!.value, basis: 'month-end', used: '2025-06', exact: true });
  });

  it('uses the four quarters when there are no months', () => {
    const pts = ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'].map((period, i) => ({ period, value: 10 * (i + 1) }));
    expect(figureFor(pts, 'flow', w)).toMatchObject({ value: 100, basis: 'quarters', used: '2024-07/2025-06', exact: true });
  });

  it('takes the nearest complete period of the same length, the earlier on a tie, and says which', () => {
    // 2024 and 2025 are both six months from July 2024 – June 2025: the earlier, which the Commission had in October.
    expect(figureFor([{ period: '2024', value: 7 }, { period: '2025', value: 9 }], 'flow', w)).toMatchObject({ value: 7, basis: 'years', used: '2024', exact: false });
    expect(figureFor([{ period: '2022', value: 5 }], 'flow', w)).toMatchObject({ value: 5, used: '2022', exact: false });
    // A month missing in the period: the nearest twelve complete months stand in.
    const gappy = months('2024-01', '2025-06', () => 1).filter((p) => p.period !== '2025-02');
    expect(figureFor(gappy, 'flow', w)).toMatchObject({ value: 12, basis: 'months', used: '2024-02/2025-01', exact: false });
    // Year-end stocks print as their year.
    expect(figureFor([{ period: '2024', value: 3 }], 'stock', w)).toMatchObject({ value: 3, basis: 'year-end', used: '2024' });
  });

  it('gives up beyond the reach, three years by default', () => {
    expect(figureFor([{ period: '2020', value: 5 }], 'flow', w)).toBeNull();
    expect(figureFor([{ period: '2022', value: 5 }], 'flow', w, 12)).toBeNull();
    expect(figureFor([], 'stock', w)).toBeNull();
  });

  it('is the assessment\'s figure wherever the assessment has one (one rule)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat({ max: 1000 }), { nil: undefined }), { minLength: 48, maxLength: 48 }), fc.constantFrom<'flow' | 'stock'>('flow', 'stock'), (values, kind) => {
        const pts = values.flatMap((value, i) => (value === undefined ? [] : [{ period: addMonths('2021-07', i), value }]));
        const r = resolveSpan(pts, { from: w.first, to: w.last }, kind, 12);
        const f = figureFor(pts, kind, w, 12);
        expect(f?.value ?? null).toBe(r.ok ? r.value : null);
        if (r.ok) expect(f!.window).toEqual({ first: r.window.from, last: r.window.to });
      }),
    );
  });
});

describe('compareWithPrevious', () => {
  it('compares with the twelve months just before the period used', () => {
    const pts = [{ period: '2023', value: 80 }, { period: '2024', value: 100 }, ...months('2023-07', '2024-05', () => 1)];
    const { reference, previous } = compareWithPrevious(pts, 'flow', referenceWindow(2026));
    expect(reference).toMatchObject({ value: 100, used: '2024' });
    expect(previous).toMatchObject({ value: 80, used: '2023', basis: 'years', exact: true });
    expect(relativeChange(reference!.value, previous!.value)).toBeCloseTo(0.25);
  });

  it('compares a stock with its value a year earlier', () => {
    const pts = months('2023-01', '2025-12', (_, i) => i + 1);
    const { reference, previous } = compareWithPrevious(pts, 'stock', referenceWindow(2026));
    expect(reference).toMatchObject({ used: '2025-06' });
    expect(previous).toMatchObject({ used: '2024-06', value: reference!.value - 12 });
  });

  it('moving a complete series back a year moves the period used back a year and keeps the value (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { minLength: 36, maxLength: 36 }), fc.constantFrom<'flow' | 'stock'>('flow', 'stock'), (values, kind) => {
        const pts = values.map((value, i) => ({ period: addMonths('2022-07', i), value }));
        const w = referenceWindow(2026);
        const now = figureFor(pts, kind, w)!;
        const older = figureFor(pts.map((p) => ({ ...p, period: addMonths(p.period, -12) })), kind, w)!;
        expect(now).toMatchObject({ basis: kind === 'flow' ? 'months' : 'month-end', exact: true });
        expect(older.value).toBe(now.value);
        expect(older.used).toBe(kind === 'flow' ? '2023-07/2024-06' : '2024-06');
      }),
    );
  });

  it('has no change without a previous figure or with a zero one', () => {
    expect(relativeChange(5, null)).toBeNull();
    expect(relativeChange(5, 0)).toBeNull();
  });
});
