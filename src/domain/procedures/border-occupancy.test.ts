import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { borderOccupancy, type MonthlyArrivals, type OccupancyParams } from './border-occupancy.ts';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].map((d, i) => [String(i + 1).padStart(2, '0'), d] as const);
/** Arrivals of `perDay` a day in each month (labelled, not real), bounds ½× and 2× (95 %), ¾× and 1.5× (80 %). */
const flat = (year: number, perDay: number, from = 1): MonthlyArrivals[] =>
  DAYS
    .filter(([m]) => Number(m) >= from)
    .map(([m, d]) => {
      const mean = perDay * d;
      return { period: `${year}-${m}`, mean, lo80: 0.75 * mean, hi80: 1.5 * mean, lo95: 0.5 * mean, hi95: 2 * mean };
    });

const P2026: OccupancyParams = { year: 2026, capacity: 2000, annualMaximum: 4000, borderShare: 0.5, durationWeeks: 12, appliesFrom: '2026-06-12' };

describe('border-procedure occupancy, APR Arts 48, 50, 51(2)', () => {
  // Worked example: 100 arrivals a day, half enter the border procedure from 12 June 2026: 50 entries a day, each
  // staying 84 days (12 weeks). On the n-th day since 12 June, 50·min(n, 84) places are occupied.
  const r = borderOccupancy(flat(2026, 100), P2026);

  it('fills up 50 places a day from 12 June and levels off at 84 × 50 after 12 weeks', () => {
    expect(r.months.slice(0, 5).every((m) => m.peak.mean === 0 && m.entries.mean === 0)).toBe(true);
    expect(r.months[5]).toMatchObject({ period: '2026-06', entries: { mean: 950 }, occupancyEnd: { mean: 950 } }); // 19 days
    expect(r.months[6]!.occupancyEnd.mean).toBe(50 * 50); // 31 July is day 50
    expect(r.peak.mean).toBe(4200);
    expect(r.months[11]!.occupancyEnd).toEqual({ lo95: 2100, lo80: 3150, mean: 4200, hi80: 6300, hi95: 8400 });
    expect(r.yearEntries.mean).toBe(50 * 203); // 12 June to 31 December: 203 days
  });
  it('reaches the capacity of 2,000 on day 40 (21 July), 1 July at twice the arrivals, 30 August at half (Art 48)', () => {
    expect(r.capacityReached).toEqual({ central: '2026-07-21', range80: ['2026-07-08', '2026-08-04'], range95: ['2026-07-01', '2026-08-30'] });
  });
  it('reaches the annual maximum of 4,000 applications on day 80, 30 August (Art 50)', () => {
    expect(r.annualMaximumReached?.central).toBe('2026-08-30');
    expect(r.annualMaximumReached?.range95[0]).toBe('2026-07-21');
  });
  it('gives the border share at which capacity would just be reached, whatever share was assumed', () => {
    expect(r.breakEvenShare).toBeCloseTo(2000 / 8400, 12);
    expect(borderOccupancy(flat(2026, 100), { ...P2026, borderShare: 0.1 }).breakEvenShare).toBeCloseTo(2000 / 8400, 12);
    expect(r.breakEvenShareAnnual).toBeCloseTo(4000 / (100 * 203), 12);
    const below = borderOccupancy(flat(2026, 100), { ...P2026, borderShare: 0.2 });
    expect(below.capacityReached?.central).toBeNull();
  });
  it('counts, from the second year, the persons who entered in the last 12 weeks of the year before', () => {
    const arrivals = [...flat(2026, 100, 10), ...flat(2027, 100)];
    const y = borderOccupancy(arrivals, { ...P2026, year: 2027 });
    expect(y.months[0]!.peak.mean).toBe(4200);
    expect(y.capacityReached?.central).toBe('2027-01-01');
    expect(y.yearEntries.mean).toBe(50 * 365);
    // 16 weeks after relocation (Art 51(2)): 112 days.
    expect(borderOccupancy([...flat(2026, 100, 9), ...flat(2027, 100)], { ...P2026, year: 2027, durationWeeks: 16 }).peak.mean).toBe(5600);
    expect(() => borderOccupancy(flat(2027, 100), { ...P2026, year: 2027 })).toThrow(/arrivals for 2026-10 are needed/);
  });
  it('refuses a share outside 0–1, a fractional duration, negative arrivals; no capacity means no date', () => {
    expect(() => borderOccupancy(flat(2026, 100), { ...P2026, borderShare: 1.2 })).toThrow(/between 0 and 1/);
    expect(() => borderOccupancy(flat(2026, 100), { ...P2026, durationWeeks: 12.5 })).toThrow(/whole number of weeks/);
    const neg = flat(2026, 100);
    neg[7] = { ...neg[7]!, lo95: -1 };
    expect(() => borderOccupancy(neg, P2026)).toThrow(/2026-08 \(lo95\) must be ≥ 0/);
    const none = borderOccupancy(flat(2026, 100), { ...P2026, capacity: 0, annualMaximum: null });
    expect(none.capacityReached).toBeNull();
    expect(none.annualMaximumReached).toBeNull();
  });
  it('keeps the bounds ordered and occupancy at most the entries of the last 12 weeks (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20_000), { minLength: 12, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (means, share) => {
        const arrivals = means.map((m, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, mean: m, lo80: 0.8 * m, hi80: 1.2 * m, lo95: 0.6 * m, hi95: 1.5 * m }));
        const o = borderOccupancy(arrivals, { ...P2026, borderShare: share });
        for (const m of o.months) {
          expect(m.peak.lo95 <= m.peak.lo80 && m.peak.lo80 <= m.peak.mean && m.peak.mean <= m.peak.hi80 && m.peak.hi80 <= m.peak.hi95).toBe(true);
          expect(m.occupancyEnd.mean).toBeLessThanOrEqual(m.cumulative.mean + 1);
        }
        expect(o.yearEntries.mean).toBeLessThanOrEqual(Math.ceil(means.slice(5).reduce((a, b) => a + b, 0) * share) + 1);
      }),
    );
  });
});
