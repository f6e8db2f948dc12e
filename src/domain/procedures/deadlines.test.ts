import { describe, expect, it } from 'vitest';
import { NOTE_CATALOGS, noteText, renderNote } from '../../notes/index.ts';
import { InputError } from '../errors.ts';
import { countPeriod } from './counting.ts';
import { computeDeadlines, EXTENSION_CONDITIONS, PROCEDURES, procedureNames, START_EVENTS, STEP_LABELS } from './deadlines.ts';

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
    expect(r.steps[0]!.moved).toEqual({ key: 'counting.nonWorkingDay', params: { day: 'saturday', rule: 'regulation-1182-71' } });
    expect(noteText(r.steps[0]!.moved!)).toBe('the last day is a Saturday: moved to the next working day (Regulation 1182/71 Art 3(4))');
    expect(renderNote(r.steps[0]!.moved!, NOTE_CATALOGS.nl!)).toBe('de laatste dag is een zaterdag: verschoven naar de volgende werkdag (Verordening 1182/71, art. 3, lid 4)');
    expect(noteText(r.counting)).toMatch(/^Regulation \(EEC, Euratom\) No 1182\/71 Art 3/);
    expect(noteText(computeDeadlines('transfer', '2026-08-31').counting)).toMatch(/^AMMR Art 75/);
    // Art 3(5) before Art 3(4): Thursday 24 December + 3 days ends Sunday 27 with no working day (25 a holiday given),
    // so the period runs to the second working day, Tuesday 29, which is a working day: only the first reason is given.
    const twoDays = countPeriod('2026-12-24', { n: 3, unit: 'days' }, 'regulation-1182-71', new Set(['2026-12-25']));
    expect([twoDays.end, noteText(twoDays.moved!)]).toEqual(['2026-12-29', 'extended to include two working days (Regulation 1182/71 Art 3(5))']);
    // AMMR Art 75 and a holiday: Friday 25 December, a holiday given, moves to Monday 28.
    const holiday = countPeriod('2026-12-18', { n: 1, unit: 'weeks' }, 'ammr-art-75', new Set(['2026-12-25']));
    expect([holiday.end, noteText(holiday.moved!)]).toEqual(['2026-12-28', 'the last day is a public holiday: moved to the next working day (AMMR Art 75)']);
    expect(renderNote(holiday.moved!, NOTE_CATALOGS.nl!)).toBe('de laatste dag is een feestdag: verschoven naar de volgende werkdag (AMMR art. 75)');
  });
  it('every procedure has at least one step, each with an article, and unique names', () => {
    expect(new Set(procedureNames()).size).toBe(PROCEDURES.length);
    for (const p of PROCEDURES) {
      expect(p.steps.length).toBeGreaterThan(0);
      for (const s of p.steps) expect(s.article).toMatch(/Art \d+/);
    }
  });
});

describe('the texts, as notes in every language', () => {
  it('give the title, start, steps, periods and notes as keys with parameters, said in English and Dutch', () => {
    const r = computeDeadlines('take-charge-request', '2026-07-31');
    expect(noteText(r.title)).toBe('Take charge request');
    expect(renderNote(r.title, NOTE_CATALOGS.nl!)).toBe('Overnameverzoek');
    expect(noteText(r.instrument)).toBe('Regulation (EU) 2024/1351 (AMMR)');
    expect(noteText(r.startsOn)).toBe('registration of the application');
    expect(r.steps[0]!.label).toEqual({ key: 'deadline.step', params: { step: 'take-charge-request-sent' } });
    expect([noteText(r.steps[0]!.label), noteText(r.steps[0]!.period)]).toEqual(['take charge request sent', '2 months']);
    expect([renderNote(r.steps[0]!.label, NOTE_CATALOGS.nl!), renderNote(r.steps[0]!.period, NOTE_CATALOGS.nl!)]).toEqual(['overnameverzoek verzonden', '2 maanden']);
    expect(r.notes.map((n) => n.key)).toEqual(['deadline.takeChargeRequest.missed', 'deadline.noHolidays', 'deadline.ammrAppliesFrom']);
    expect(noteText(r.notes[0]!)).toBe('Missed: the Member State where the application was registered becomes responsible (Art 39(1), third subparagraph).');
    expect(renderNote(r.notes[0]!, NOTE_CATALOGS.nl!)).toBe('Gemist: de lidstaat waar het verzoek is geregistreerd, wordt verantwoordelijk (art. 39, lid 1, derde alinea).');
    expect(renderNote(r.notes[2]!, NOTE_CATALOGS.nl!)).toMatch(/^Als datum van toepassing van de AMMR is 12 juni 2026 genomen/);
  });
  it('say what a later step counts from, and an extension\'s condition', () => {
    const r = computeDeadlines('relocation', '2026-07-01', { holidays: ['2026-12-25'] });
    expect(noteText(r.steps[1]!.fromBasis)).toBe('the last day of "Member State of relocation confirms (silence is confirmation)", assuming it took all its time');
    expect(noteText(r.steps[0]!.extended!.condition)).toBe('justified complexity or a large number of requests, notified within the first week');
    expect(noteText(r.steps[0]!.period)).toBe('1 week');
    // Holidays given: no note that they were not.
    expect(r.notes.map((n) => n.key)).not.toContain('deadline.noHolidays');
  });
  it('have a term for every procedure, start, step and extension condition in every catalog', () => {
    const used = {
      procedure: PROCEDURES.map((p) => p.name),
      startEvent: [...START_EVENTS],
      deadlineStep: [...STEP_LABELS],
      extensionCondition: [...EXTENSION_CONDITIONS],
    };
    for (const cat of Object.values(NOTE_CATALOGS)) {
      for (const [group, values] of Object.entries(used)) expect(Object.keys(cat.terms[group] ?? {}).sort(), `${cat.lang} ${group}`).toEqual([...values].sort());
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
