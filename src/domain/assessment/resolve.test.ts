import fc from 'fast-check';
import { noteText } from '../../notes/index.ts';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { addMonths, monthRange } from '../period.ts';
import { formatSpan, referencePeriods, spanDates, spanLength } from './reference-periods.ts';
import { describeSubstitution, resolveSpan, type SeriesPoint } from './resolve.ts';

const months = (from: string, to: string, value: (m: string, i: number) => number = () => 10): SeriesPoint[] =>
  monthRange(from, to).map((m, i) => ({ period: m, value: value(m, i) }));

describe('reference periods (Art 9(1), 9(4), 2(25))', () => {
  it('cycle Y assesses July Y-2 to June Y-1, the 12 months before, and a five-year look-back', () => {
    const p = referencePeriods(2026);
    expect(p.current).toEqual({ from: '2024-07', to: '2025-06' });
    expect(p.previous).toEqual({ from: '2023-07', to: '2024-06' });
    expect(p.cumulative).toEqual({ from: '2020-07', to: '2025-06' });
    expect(spanDates(p.current)).toEqual({ from: '2024-07-01', to: '2025-06-30' });
    expect(spanLength(referencePeriods(2027, 3).cumulative)).toBe(36);
  });
  it('refuses a cycle before the data (back-casts from 2010) and a look-back that is not a whole number of years', () => {
    expect(() => referencePeriods(2009)).toThrow(InputError);
    expect(referencePeriods(2016).current).toEqual({ from: '2014-07', to: '2015-06' });
    expect(() => referencePeriods(2026, 0)).toThrow(/look-back/);
  });
  it('every cycle: 12-month periods end where the next begins', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2026, max: 2100 }), fc.integer({ min: 1, max: 20 }), (cycle, years) => {
        const p = referencePeriods(cycle, years);
        expect(addMonths(p.previous.to, 1)).toBe(p.current.from);
        expect(spanLength(p.current)).toBe(12);
        expect(spanLength(p.cumulative)).toBe(12 * years);
        expect(p.cumulative.to).toBe(p.current.to);
      }),
    );
  });
  it('formats spans as evidence periods', () => {
    expect(formatSpan({ from: '2024-07', to: '2025-06' })).toBe('2024-07/2025-06');
    expect(formatSpan({ from: '2024-01', to: '2024-12' })).toBe('2024');
    expect(formatSpan({ from: '2020-01', to: '2024-12' })).toBe('2020/2024');
    expect(formatSpan({ from: '2025-06', to: '2025-06' })).toBe('2025-06');
  });
});

describe('resolving a series for a period', () => {
  const span = { from: '2024-07', to: '2025-06' };

  it('sums the 12 months when every month is there (exact), counting months with arrivals', () => {
    const r = resolveSpan(months('2023-01', '2025-09', (_, i) => (i % 5 === 0 ? 0 : i)), span, 'flow', 12);
    expect(r.ok && r.exact && r.basis === 'months' && r.window).toEqual(span);
    if (!r.ok) throw new Error('unreachable');
    expect(r.value).toBe(monthRange('2024-07', '2025-06').reduce((a, _, k) => a + ((18 + k) % 5 === 0 ? 0 : 18 + k), 0));
    expect(r.activeMonths).toBe(10);
  });

  it('uses calendar year 2024 for July 2024 - June 2025 when only years exist, and says so', () => {
    const r = resolveSpan([{ period: '2023', value: 5 }, { period: '2024', value: 7 }, { period: '2025', value: 9 }], span, 'flow', 12);
    expect(r).toMatchObject({ ok: true, value: 7, exact: false, basis: 'years', window: { from: '2024-01', to: '2024-12' } });
    if (!r.ok) throw new Error('unreachable');
    expect(noteText(describeSubstitution(r, span, 'flow'))).toBe('annual data for 2024 used for July 2024 – June 2025 (nearest available period)');
  });

  it('prefers the latest complete 12 months of monthly data to a calendar year further away', () => {
    const r = resolveSpan([...months('2023-01', '2025-04'), { period: '2024', value: 999 }], span, 'flow', 12);
    expect(r).toMatchObject({ ok: true, exact: false, basis: 'months', window: { from: '2024-05', to: '2025-04' }, value: 120 });
  });

  it('sums quarters aligned on the period', () => {
    const q = ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'].map((period, i) => ({ period, value: i + 1 }));
    expect(resolveSpan(q, span, 'flow', 12)).toMatchObject({ ok: true, exact: true, basis: 'quarters', value: 10 });
  });

  it('skips periods flagged partial and gives up beyond the methodology limit, saying why', () => {
    const r = resolveSpan([{ period: '2022', value: 1 }, { period: '2025', value: 5, flags: 'partial' }], span, 'flow', 12);
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error('unreachable');
    expect(noteText(r.reason)).toMatch(/2022, is 30 months from July 2024 – June 2025 \(the methodology allows 12\)/);
    expect(resolveSpan([], span, 'flow', 12)).toEqual({ ok: false, reason: { key: 'resolve.noData', params: {} } });
  });

  it('reads stocks at the period end, else the nearest date (ties to the earlier)', () => {
    expect(resolveSpan(months('2024-01', '2025-12', (_, i) => i), span, 'stock', 12)).toMatchObject({ ok: true, exact: true, value: 17, basis: 'month-end' });
    const r = resolveSpan([{ period: '2024-12', value: 1 }, { period: '2025-12', value: 2 }], span, 'stock', 12);
    expect(r).toMatchObject({ ok: true, exact: false, value: 1, window: { from: '2024-12', to: '2024-12' } });
    expect(resolveSpan([{ period: '2024', value: 3 }], span, 'stock', 12)).toMatchObject({ ok: true, basis: 'year-end', value: 3 });
  });

  it('property: a month missing from the period is never read as zero', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 36, maxLength: 36 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 24 }), (values, hole, maxGap) => {
        const series = months('2023-07', '2026-06', (_, i) => values[i]!).filter((p) => p.period !== addMonths(span.from, hole));
        const r = resolveSpan(series, span, 'flow', maxGap);
        // Either a full window that avoids the hole, stated as a substitution, or nothing.
        if (r.ok) {
          expect(r.exact).toBe(false);
          expect(monthRange(r.window.from, r.window.to)).not.toContain(addMonths(span.from, hole));
          expect(noteText(describeSubstitution(r, span, 'flow'))).toContain('used for July 2024 – June 2025');
        }
      }),
    );
  });

  it('property: a figure is exact exactly when it covers the period, and never further away than allowed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2015, max: 2030 }), { minLength: 0, maxLength: 10 }),
        fc.integer({ min: 2026, max: 2030 }),
        fc.integer({ min: 0, max: 36 }),
        (years, cycle, maxGap) => {
          const target = referencePeriods(cycle).current;
          const r = resolveSpan(years.map((y) => ({ period: String(y), value: y })), target, 'flow', maxGap);
          if (!r.ok) return;
          const gap = Math.abs((Number(r.window.from.slice(0, 4)) - Number(target.from.slice(0, 4))) * 12 + Number(r.window.from.slice(5)) - Number(target.from.slice(5)));
          expect(gap).toBeLessThanOrEqual(maxGap);
          expect(r.exact).toBe(r.window.from === target.from && r.window.to === target.to);
          expect(years).toContain(r.value);
        },
      ),
    );
  });
});
