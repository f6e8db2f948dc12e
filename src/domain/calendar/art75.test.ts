import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naivePeriodEnd, periodEnd, type Period } from './art75.ts';
import { addDays, isoDate, isWeekend, weekday } from './dates.ts';
import { easterSunday, EU_INSTITUTION_HOLIDAYS, euInstitutionHolidays, NO_HOLIDAYS } from './holidays.ts';

const dateArb = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map((days) => ({ days })),
  fc.integer({ min: 1, max: 12 }).map((weeks) => ({ weeks })),
  fc.integer({ min: 1, max: 24 }).map((months) => ({ months })),
);

describe('Art 75 counting', () => {
  it('does not count the triggering day, and moves an end off weekends and holidays', () => {
    // 2026-07-01 (Wednesday) + 4 weeks = Wednesday 29 July.
    expect(periodEnd('2026-07-01', { weeks: 4 })).toBe('2026-07-29');
    // 31 January + 1 month = 28 February 2026, a Saturday → Monday 2 March.
    expect(naivePeriodEnd('2026-01-31', { months: 1 })).toBe('2026-02-28');
    expect(periodEnd('2026-01-31', { months: 1 }, NO_HOLIDAYS)).toBe('2026-03-02');
    // 10 December + 2 weeks = Thursday 24 December, a holiday of the institutions until 31 December, then 1–2 January,
    // then the weekend of 3–4 January 2027: ends Monday 4 January.
    expect(periodEnd('2026-12-10', { weeks: 2 })).toBe('2027-01-04');
    expect(periodEnd('2026-12-10', { weeks: 2 }, NO_HOLIDAYS)).toBe('2026-12-24');
  });

  it('computes Easter and the default holidays', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    const h = euInstitutionHolidays(2026);
    expect(h).toContain('2026-04-03'); // Good Friday
    expect(h).toContain('2026-05-14'); // Ascension
    expect(h).toContain('2026-05-25'); // Whit Monday
    expect(h).toContain('2026-05-09');
    expect(EU_INSTITUTION_HOLIDAYS.has('2026-12-28')).toBe(true);
  });

  it('never ends on a weekend or holiday, never before the naive end, and at most a run of holidays after it', () => {
    fc.assert(
      fc.property(dateArb, periodArb, (start, period) => {
        const end = periodEnd(start, period);
        const naive = naivePeriodEnd(start, period);
        expect(isWeekend(end)).toBe(false);
        expect(EU_INSTITUTION_HOLIDAYS.has(end)).toBe(false);
        expect(end >= naive).toBe(true);
        expect(end > start).toBe(true);
        for (let d = naive; d < end; d = addDays(d, 1)) expect(isWeekend(d) || EU_INSTITUTION_HOLIDAYS.has(d)).toBe(true);
      }),
    );
  });

  it('ends weeks on the same weekday and months on the same date or the last of the month', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 52 }), (start, weeks) => {
        expect(weekday(naivePeriodEnd(start, { weeks }))).toBe(weekday(start));
      }),
    );
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 36 }), (start, months) => {
        const end = naivePeriodEnd(start, { months });
        const [y, m, d] = start.split('-').map(Number) as [number, number, number];
        const idx = y * 12 + m - 1 + months;
        const ey = Math.floor(idx / 12);
        const em = (idx % 12) + 1;
        const last = new Date(Date.UTC(ey, em, 0)).getUTCDate();
        expect(end).toBe(isoDate(ey, em, Math.min(d, last)));
      }),
    );
  });

  it('ends a period in days that many days after the triggering day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 400 }), (start, days) => {
        expect(naivePeriodEnd(start, { days })).toBe(addDays(start, days));
      }),
    );
  });
});
