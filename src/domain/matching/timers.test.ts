import { describe, expect, it } from 'vitest';
import { NOTE_CATALOGS, noteText, renderNote } from '../../notes/index.ts';
import { InputError } from '../errors.ts';
import { relocationTimers } from './timers.ts';

const step = (r: ReturnType<typeof relocationTimers>, s: string) => r.steps.find((x) => x.step === s)!;

describe('relocation timers (Art 67(9)–(11), counted by Art 75)', () => {
  it('counts one week for confirmation, then the decision and the transfer from the confirmation', () => {
    // Information received on Monday 5 October 2026.
    const r = relocationTimers({ caseId: 'a', status: 'applicant', informationReceived: '2026-10-05', confirmed: '2026-10-09' }, '2026-10-10');
    expect(step(r, 'confirmation')).toMatchObject({ due: '2026-10-12', state: 'done' });
    expect(step(r, 'transfer-decision')).toMatchObject({ due: '2026-10-16', state: 'due' });
    expect(step(r, 'transfer')).toMatchObject({ due: '2026-11-06', state: 'due' });
    expect(step(r, 'notice')).toMatchObject({ due: '2026-11-04' });
  });

  it('takes silence as confirmation at the end of the period, and then the next steps run', () => {
    const r = relocationTimers({ caseId: 'a', status: 'beneficiary', informationReceived: '2026-10-05' }, '2026-10-20');
    expect(r.confirmation).toEqual({ date: '2026-10-12', bySilence: true });
    expect(step(r, 'transfer-decision')).toMatchObject({ due: '2026-10-19', state: 'overdue' });
    // A beneficiary is told at least a week before the transfer.
    expect(step(r, 'notice').due).toBe('2026-11-02');
  });

  it('allows two weeks only when the postponement was notified within the first week', () => {
    const inTime = relocationTimers({ caseId: 'a', status: 'applicant', informationReceived: '2026-10-05', postponementNotified: '2026-10-08' }, '2026-10-14');
    expect(step(inTime, 'confirmation')).toMatchObject({ due: '2026-10-19', state: 'due' });
    const tooLate = relocationTimers({ caseId: 'a', status: 'applicant', informationReceived: '2026-10-05', postponementNotified: '2026-10-13' }, '2026-10-14');
    expect(step(tooLate, 'confirmation').due).toBe('2026-10-12');
    expect(tooLate.confirmation?.bySilence).toBe(true);
  });

  it('moves a last day on a weekend or holiday to the next working day (Art 75)', () => {
    // Received Saturday 3 October: one week ends Saturday 10 October, moved to Monday 12.
    const r = relocationTimers({ caseId: 'a', status: 'applicant', informationReceived: '2026-10-03' }, '2026-10-04', new Set(['2026-10-12']));
    expect(step(r, 'confirmation').due).toBe('2026-10-13');
  });

  it('moves a due date that falls on a given public holiday to the next working day, and only then', () => {
    // Confirmed Friday 18 December 2026: the transfer decision is due one week later, Friday 25 December.
    const p = { caseId: 'a', status: 'applicant' as const, informationReceived: '2026-12-14', confirmed: '2026-12-18' };
    expect(step(relocationTimers(p, '2026-12-20'), 'transfer-decision').due).toBe('2026-12-25');
    // With 25 December a public holiday it ends on Monday 28; with 28 December a holiday too, on Tuesday 29.
    expect(step(relocationTimers(p, '2026-12-20', new Set(['2026-12-25'])), 'transfer-decision').due).toBe('2026-12-28');
    expect(step(relocationTimers(p, '2026-12-20', new Set(['2026-12-25', '2026-12-28'])), 'transfer-decision').due).toBe('2026-12-29');
    // On 28 December the step is overdue without the holiday, still due with it.
    expect(step(relocationTimers(p, '2026-12-28'), 'transfer-decision').state).toBe('overdue');
    expect(step(relocationTimers(p, '2026-12-28', new Set(['2026-12-25'])), 'transfer-decision').state).toBe('due');
    // A holiday that is no step's last day changes nothing.
    expect(relocationTimers(p, '2026-12-20', new Set(['2026-12-24']))).toEqual(relocationTimers(p, '2026-12-20'));
  });

  it('refuses a holiday that is not a date, naming the field', () => {
    const p = { caseId: 'a', status: 'applicant' as const, informationReceived: '2026-12-14' };
    expect(() => relocationTimers(p, '2026-12-20', new Set(['2026-12-32']))).toThrow(InputError);
    expect(() => relocationTimers(p, '2026-12-20', new Set(['25 December']))).toThrow(/field holiday: "25 December" is not a date/);
  });

  it('gives labels and notes as keys, said in English and Dutch', () => {
    const r = relocationTimers({ caseId: 'a', status: 'beneficiary', informationReceived: '2026-10-05' }, '2026-10-20');
    expect(r.steps.map((s) => s.label.key)).toEqual(['timers.label.confirmation', 'timers.label.transferDecision', 'timers.label.noticeBeneficiary', 'timers.label.transfer']);
    expect(noteText(step(r, 'notice').label)).toBe('person notified in writing at least 1 week before the transfer');
    const silence = step(r, 'confirmation').note!;
    expect(silence).toEqual({ key: 'timers.silenceIsConfirmation', params: {} });
    expect(noteText(silence)).toBe('no reply within the time limit: silence is confirmation and the state must relocate (Art 67(9))');
    expect(renderNote(silence, NOTE_CATALOGS.nl!)).toBe('geen antwoord binnen de termijn: zwijgen is bevestiging en de staat moet herplaatsen (art. 67, lid 9)');
    expect(step(r, 'notice').note?.key).toBe('timers.noticeCountedBack');
    const applicant = relocationTimers({ caseId: 'b', status: 'applicant', informationReceived: '2026-10-05', postponementNotified: '2026-10-08' }, '2026-10-09');
    expect(renderNote(step(applicant, 'notice').label, NOTE_CATALOGS.nl!)).toBe('persoon ten minste 2 dagen vóór de overdracht schriftelijk in kennis gesteld');
    expect(step(applicant, 'confirmation').note?.key).toBe('timers.postponed');
  });

  it('counts the transfer from the final decision on a suspensive appeal, and marks late steps', () => {
    const r = relocationTimers({ caseId: 'a', status: 'applicant', informationReceived: '2026-10-05', confirmed: '2026-10-07', transferDecision: '2026-10-20', appealFinal: '2026-11-16', transferred: '2026-12-15' }, '2026-12-20');
    expect(step(r, 'transfer-decision').state).toBe('done-late');
    expect(step(r, 'transfer')).toMatchObject({ due: '2026-12-14', state: 'done-late', note: { key: 'timers.fromAppeal', params: {} } });
  });
});
