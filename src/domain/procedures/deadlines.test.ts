import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { countPeriod } from './counting.ts';
import { computeDeadlines, PROCEDURES, procedureNames } from './deadlines.ts';

/**
 * Worked examples, each checked by hand against a calendar. 12 June 2026 is a Friday; 27 June 2026 a Saturday;
 * 31 October 2026 a Saturday; 28 February 2027 a Sunday.
 */
const EXAMPLES: { article: string; procedure: string; from: string; step: string; deadline: string; why: string; holidays?: string[]; extended?: string }[] = [
  { article: 'Screening Art 8(3)', procedure: 'screening', from: '2026-06-15', step: 'screening', deadline: '2026-06-22', why: 'Monday + 7 days = Monday' },
  { article: 'Screening Art 8(3)', procedure: 'screening', from: '2026-12-18', step: 'screening', deadline: '2026-12-28', why: '+7 days = Friday 25 December, a public holiday given → Monday (1182/71 Art 3(4))', holidays: ['2026-12-25'] },
  { article: 'Screening Art 8(3) 2nd subpara', procedure: 'screening-held-72h', from: '2026-07-01', step: 'screening', deadline: '2026-07-06', why: '+4 days = Sunday → Monday' },
  { article: 'Screening Art 8(4)', procedure: 'screening-territory', from: '2026-06-17', step: 'screening', deadline: '2026-06-22', why: '+3 days = Saturday → Monday' },
  { article: 'APR Art 27(1)', procedure: 'registration', from: '2026-06-12', step: 'registration', deadline: '2026-06-17', why: 'Friday + 5 days = Wednesday' },
  { article: 'APR Art 27(3)', procedure: 'registration-other-authority', from: '2026-06-12', step: 'inform', deadline: '2026-06-17', why: '3 working days after Friday: Mon, Tue, Wed' },
  { article: 'APR Art 27(3)', procedure: 'registration-other-authority', from: '2026-06-12', step: 'registration', deadline: '2026-06-22', why: 'Wednesday 17 + 5 days = Monday 22' },
  { article: 'APR Art 27(5)', procedure: 'registration-disproportionate', from: '2026-06-12', step: 'registration', deadline: '2026-06-29', why: '+15 days = Saturday 27 → Monday 29' },
  { article: 'APR Art 28(1)', procedure: 'lodging', from: '2026-06-15', step: 'lodging', deadline: '2026-07-06', why: '+21 days' },
  { article: 'APR Art 35(1)', procedure: 'admissibility', from: '2026-08-31', step: 'decision', deadline: '2026-11-02', why: '31 October is a Saturday → Monday 2 November', extended: '2026-12-31' },
  { article: 'APR Art 35(1)', procedure: 'admissibility', from: '2026-12-31', step: 'decision', deadline: '2027-03-01', why: '31 February does not exist → 28 February, a Sunday → 1 March' },
  { article: 'APR Art 35(3)', procedure: 'accelerated', from: '2026-11-30', step: 'decision', deadline: '2027-03-01', why: '30 February does not exist → 28 February (Sunday) → 1 March' },
  { article: 'APR Art 35(4)-(5)', procedure: 'regular', from: '2026-06-15', step: 'decision', deadline: '2026-12-15', why: '+6 months, same date', extended: '2027-06-15' },
  { article: 'APR Art 35(7)', procedure: 'regular', from: '2026-06-15', step: 'absolute', deadline: '2028-03-15', why: '+21 months' },
  { article: 'APR Art 51(1)', procedure: 'border-procedure', from: '2026-06-15', step: 'lodging', deadline: '2026-06-22', why: '+5 days = Saturday → Monday' },
  { article: 'APR Art 51(2)', procedure: 'border-procedure', from: '2026-06-15', step: 'end', deadline: '2026-09-07', why: '+12 weeks, same weekday' },
  { article: 'APR Art 51(2)', procedure: 'border-procedure-after-relocation', from: '2026-06-15', step: 'end', deadline: '2026-10-05', why: '+16 weeks' },
  { article: 'RBPR Art 4(2)', procedure: 'return-border-procedure', from: '2026-09-07', step: 'end', deadline: '2026-11-30', why: '+12 weeks' },
  { article: 'AMMR Art 39(1)', procedure: 'take-charge-request', from: '2026-07-31', step: 'request', deadline: '2026-09-30', why: '31 September does not exist → 30 September (AMMR Art 75)' },
  { article: 'AMMR Art 40(2)', procedure: 'take-charge-reply-hit', from: '2026-07-01', step: 'reply', deadline: '2026-07-15', why: '+2 weeks' },
  { article: 'AMMR Art 41(1), (3)', procedure: 'take-back', from: '2026-07-01', step: 'confirmation', deadline: '2026-07-29', why: '2 weeks to notify, then 2 weeks to confirm' },
  { article: 'AMMR Art 46(1)-(2)', procedure: 'transfer', from: '2026-08-31', step: 'transfer', deadline: '2027-03-01', why: '28 February 2027 (no 31st) is a Sunday → Monday', extended: '2029-08-31' },
  { article: 'AMMR Art 67(9)', procedure: 'relocation', from: '2026-07-01', step: 'confirmation', deadline: '2026-07-08', why: '+1 week', extended: '2026-07-15' },
  { article: 'AMMR Art 67(10)', procedure: 'relocation', from: '2026-07-01', step: 'transfer-decision', deadline: '2026-07-15', why: '1 week after the confirmation' },
  { article: 'AMMR Art 67(11)', procedure: 'relocation', from: '2026-07-01', step: 'transfer', deadline: '2026-08-05', why: '4 weeks after the confirmation' },
];

describe('procedure deadlines: worked examples', () => {
  it.each(EXAMPLES)('$article: $procedure from $from → $step by $deadline ($why)', (ex) => {
    const r = computeDeadlines(ex.procedure, ex.from, { holidays: ex.holidays ?? [] });
    const s = r.steps.find((x) => x.id === ex.step)!;
    expect(s.deadline).toBe(ex.deadline);
    expect(s.article).toContain(/Art \d+/.exec(ex.article)![0]);
    expect(s.article.split(' ')[0]).toBe(ex.article.split(' ')[0]);
    if (ex.extended) expect(s.extended?.deadline).toBe(ex.extended);
  });
});

describe('counting rules', () => {
  it('1182/71 Art 3(5) keeps two working days in a period where AMMR Art 75 does not', () => {
    // Thursday 24 December + 3 days: Friday 25 (holiday), Saturday, Sunday.
    const holidays = new Set(['2026-12-25']);
    expect(countPeriod('2026-12-24', { n: 3, unit: 'days' }, 'regulation-1182-71', holidays).end).toBe('2026-12-29');
    expect(countPeriod('2026-12-24', { n: 3, unit: 'days' }, 'ammr-art-75', holidays).end).toBe('2026-12-28');
  });
  it('says why a deadline moved', () => {
    const r = computeDeadlines('registration-disproportionate', '2026-06-12');
    expect(r.steps[0]!.nominalEnd).toBe('2026-06-27');
    expect(r.steps[0]!.moved).toMatch(/Saturday.*next working day.*1182\/71 Art 3\(4\)/);
    expect(r.counting).toMatch(/1182\/71/);
    expect(computeDeadlines('transfer', '2026-08-31').counting).toMatch(/AMMR Art 75/);
  });
  it('every procedure has at least one step, each with an article, and unique names', () => {
    expect(new Set(procedureNames()).size).toBe(PROCEDURES.length);
    for (const p of PROCEDURES) {
      expect(p.steps.length).toBeGreaterThan(0);
      for (const s of p.steps) expect(s.article).toMatch(/Art \d+/);
    }
  });
});

describe('bad input', () => {
  it.each([
    ['border-procedure', '2026-02-30', /2026-02-30 does not exist/],
    ['border-procedure', '2026-13-01', /does not exist/],
    ['border-procedure', '15/06/2026', /not a date: write YYYY-MM-DD/],
    ['border-procedures', '2026-06-15', /unknown procedure "border-procedures": use one of .*border-procedure/],
    ['border-procedure', '2026-06-11', /2026-06-11 is before .*2024\/1348.*2026-06-12/],
    ['transfer', '2026-05-31', /before .*2024\/1351/],
  ])('%s from %s is refused with a clear InputError', (name, from, message) => {
    expect(() => computeDeadlines(name, from)).toThrow(InputError);
    expect(() => computeDeadlines(name, from)).toThrow(message);
  });
  it('refuses a holiday that is not a date', () => {
    expect(() => computeDeadlines('screening', '2026-06-15', { holidays: ['2026-12-32'] })).toThrow(/field holidays/);
  });
  it('accepts the AMMR date of application as published (1 July 2026) when asked', () => {
    expect(() => computeDeadlines('transfer', '2026-06-20', { appliesFrom: '2026-07-01' })).toThrow(/before/);
    expect(computeDeadlines('transfer', '2026-06-20').steps[0]!.deadline).toBe('2026-12-21');
  });
});
