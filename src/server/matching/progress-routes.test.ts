import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoleUsers, injectCaller, type Call } from '../../../test/helpers/api.ts';
import { BACKENDS, storePerTest } from '../../../test/helpers/backends.ts';
import { relocationTimers } from '../../domain/matching/timers.ts';
import { timersJson } from '../../cli/commands/match.ts';
import { buildApp } from '../app.ts';

const person = (id: string, benefitting: string, over: object = {}) => ({ id, benefitting, status: 'applicant', nationality: 'SY', members: [{ age: 30 }], ...over });
const BODY = {
  label: 'timers',
  cases: [
    person('IT-1', 'IT', { links: [{ state: 'DE', kind: 'family' }] }),
    person('IT-2', 'IT'),
    person('EL-1', 'EL', { status: 'beneficiary', consent: true, links: [{ state: 'FR', kind: 'diploma' }] }),
  ],
  pledges: [{ state: 'DE', persons: 2 }, { state: 'FR', persons: 4 }],
};

interface Run { id: number; assignments: { caseId: string; proposedState: string | null }[] }
interface NoteJson { key: string; params: Record<string, unknown>; text: string }
interface Timers { today: string; holidays: string[]; cases: { caseId: string; benefitting: string; stateOfRelocation: string; status: string | null; progress: Record<string, string>; timers: { steps: { step: string; label: NoteJson; due: string | null; done: string | null; state: string; note: NoteJson | null }[] } | null }[] }
const message = (body: unknown) => (body as { error: { code: string; message: string } }).error;

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`relocation progress and timers API on ${backend.name}`, () => {
    const open = storePerTest(backend);
    let app: FastifyInstance | undefined;
    afterEach(async () => app?.close());

    /** A run with IT-1 accepted (IT -> DE) and EL-1 accepted (EL -> FR); IT-2 left as proposed. */
    async function start(): Promise<{ call: Call; run: number; step: (role: Parameters<Call>[0], caseId: string, step: string, date: string) => ReturnType<Call> }> {
      const h = await open();
      let t = Date.parse('2026-09-01T08:00:00Z');
      app = await buildApp({ db: h.db, now: () => new Date((t += 60_000)) });
      const call = injectCaller(app, await createRoleUsers(h.db, ['coordinator', 'commission', 'council', 'member-state:IT', 'member-state:EL', 'member-state:DE', 'member-state:FR', 'member-state:PL']));
      const run = (await call('coordinator', 'POST', '/api/matching/runs', BODY)).body as Run;
      expect(run.assignments.find((a) => a.caseId === 'IT-1')!.proposedState).toBe('DE');
      expect(run.assignments.find((a) => a.caseId === 'EL-1')!.proposedState).toBe('FR');
      for (const c of ['IT-1', 'EL-1']) expect((await call('coordinator', 'POST', `/api/matching/runs/${run.id}/cases/${c}/decision`, { decision: 'accept' })).status).toBe(200);
      const step = (role: Parameters<Call>[0], caseId: string, s: string, date: string) => call(role, 'POST', `/api/matching/runs/${run.id}/cases/${caseId}/progress`, { step: s, date });
      return { call, run: run.id, step };
    }

    it('lets the state of relocation record what it receives and confirms, the benefitting state the rest, the Coordinator any step', async () => {
      const { step } = await start();
      expect((await step('member-state:IT', 'IT-1', 'informationReceived', '2026-09-01')).status).toBe(403);
      const first = await step('member-state:DE', 'IT-1', 'informationReceived', '2026-09-01');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ caseId: 'IT-1', step: 'informationReceived', date: '2026-09-01', recordedBy: 'member-state-DE' });
      for (const s of ['confirmed', 'postponementNotified']) expect((await step('member-state:IT', 'IT-1', s, '2026-09-03')).status, s).toBe(403);
      for (const s of ['transferDecision', 'personNotified', 'plannedTransfer', 'appealFinal', 'transferred']) {
        const r = await step('member-state:DE', 'IT-1', s, '2026-09-03');
        expect(r.status, s).toBe(403);
        expect(message(r.body)).toEqual({ code: 'forbidden', message: `${s} is recorded by the benefitting Member State (IT) or the Coordinator` });
      }
      expect((await step('member-state:DE', 'IT-1', 'confirmed', '2026-09-03')).status).toBe(201);
      expect((await step('member-state:IT', 'IT-1', 'transferDecision', '2026-09-04')).status).toBe(201);
      expect((await step('coordinator', 'IT-1', 'personNotified', '2026-09-05')).status).toBe(201);
      expect((await step('coordinator', 'EL-1', 'informationReceived', '2026-09-02')).status).toBe(201);
    });

    it('refuses dates that are not calendar dates, steps before the information is received, and undecided cases', async () => {
      const { step, call, run } = await start();
      const early = await step('member-state:DE', 'IT-1', 'confirmed', '2026-09-03');
      expect(early.status).toBe(400);
      expect(message(early.body).message).toMatch(/record informationReceived first/);
      expect((await step('member-state:DE', 'IT-1', 'informationReceived', '2026-09-02')).status).toBe(201);
      const before = await step('member-state:DE', 'IT-1', 'confirmed', '2026-09-01');
      expect(message(before.body)).toEqual({ code: 'invalid-input', message: 'field date: confirmed on 2026-09-01 predates the information received on 2026-09-02' });
      expect((await step('member-state:DE', 'IT-1', 'confirmed', '2026-09-04')).status).toBe(201);
      // A later correction of the information date may not pass a step already recorded.
      expect(message((await step('member-state:DE', 'IT-1', 'informationReceived', '2026-09-05')).body).message).toMatch(/would postdate a step recorded on 2026-09-04/);
      expect(message((await step('member-state:DE', 'IT-1', 'confirmed', '2026-02-30')).body)).toEqual({ code: 'invalid-input', message: 'field date: 2026-02-30 does not exist in the calendar' });
      expect(message((await step('member-state:DE', 'IT-1', 'confirmed', 'next week')).body).code).toBe('invalid-request');
      expect(message((await step('member-state:DE', 'IT-1', 'arrived', '2026-09-04')).body).code).toBe('invalid-request');
      expect(message((await call('member-state:DE', 'POST', `/api/matching/runs/${run}/cases/IT-1/progress`, { step: 'confirmed' })).body).code).toBe('invalid-request');
      const undecided = await step('coordinator', 'IT-2', 'informationReceived', '2026-09-02');
      expect(message(undecided.body)).toEqual({ code: 'invalid-input', message: 'field caseId: case "IT-2" is not decided yet: only an accepted or changed relocation has progress' });
      expect((await call('coordinator', 'POST', '/api/matching/runs/999/cases/IT-1/progress', { step: 'confirmed', date: '2026-09-04' })).status).toBe(400);
    });

    it('does not let anyone else record or read, nor tell another state that a case exists', async () => {
      const { step, call, run } = await start();
      for (const role of ['public', 'commission', 'council'] as const) {
        expect((await step(role, 'IT-1', 'informationReceived', '2026-09-01')).status, role).toBe(403);
        expect((await call(role, 'GET', `/api/matching/runs/${run}/timers`)).status, role).toBe(403);
      }
      // PL and EL are not involved in IT-1, FR not in IT-1 either: the same answer as a case that does not exist.
      const missing = message((await step('member-state:PL', 'NO-SUCH', 'informationReceived', '2026-09-01')).body);
      for (const role of ['member-state:PL', 'member-state:EL', 'member-state:FR'] as const) {
        const r = await step(role, 'IT-1', 'informationReceived', '2026-09-01');
        expect(r.status, role).toBe(400);
        expect(message(r.body), role).toEqual({ code: missing.code, message: missing.message.replace('NO-SUCH', 'IT-1') });
      }
      expect((await step('coordinator', 'IT-1', 'informationReceived', '2026-09-01')).status).toBe(201);
      const pl = (await call('member-state:PL', 'GET', `/api/matching/runs/${run}/timers`)).body as Timers;
      expect(pl.cases).toEqual([]);
      const el = (await call('member-state:EL', 'GET', `/api/matching/runs/${run}/timers`)).body as Timers;
      expect(el.cases.map((c) => c.caseId)).toEqual(['EL-1']);
      expect(JSON.stringify(el)).not.toMatch(/IT-/);
    });

    it('gives the time limits of every decided case to the Coordinator and of its own cases to a Member State, from the latest record of each step', async () => {
      const { step, call, run } = await start();
      await step('member-state:DE', 'IT-1', 'informationReceived', '2026-09-01');
      await step('member-state:DE', 'IT-1', 'confirmed', '2026-09-10');
      // A correction: the later record wins.
      await step('coordinator', 'IT-1', 'confirmed', '2026-09-07');
      await step('member-state:FR', 'EL-1', 'informationReceived', '2026-09-02');

      const all = await call('coordinator', 'GET', `/api/matching/runs/${run}/timers?today=2026-09-20`);
      expect(all.status).toBe(200);
      const body = all.body as Timers;
      expect(body.today).toBe('2026-09-20');
      expect(body.cases.map((c) => [c.caseId, c.benefitting, c.stateOfRelocation, c.status])).toEqual([['EL-1', 'EL', 'FR', 'beneficiary'], ['IT-1', 'IT', 'DE', 'applicant']]);
      const it1 = body.cases.find((c) => c.caseId === 'IT-1')!;
      expect(it1.progress).toEqual({ informationReceived: '2026-09-01', confirmed: '2026-09-07' });
      expect(it1.timers).toEqual(timersJson(relocationTimers({ caseId: 'IT-1', status: 'applicant', informationReceived: '2026-09-01', confirmed: '2026-09-07' }, '2026-09-20')));
      // Art 67(9)-(10) counted by hand: confirm by Tue 8 Sep (1 week), done 7 Sep; transfer decision by Mon 14 Sep, not taken on the 20th.
      expect(it1.timers!.steps.slice(0, 2).map((s) => [s.step, s.due, s.done, s.state])).toEqual([['confirmation', '2026-09-08', '2026-09-07', 'done'], ['transfer-decision', '2026-09-14', null, 'overdue']]);
      // EL-1: FR did not reply within the week from 2 Sep: silence is confirmation (Art 67(9)).
      const el1 = body.cases.find((c) => c.caseId === 'EL-1')!;
      expect(el1.timers!.steps[0]).toMatchObject({ step: 'confirmation', due: '2026-09-09', done: '2026-09-09', state: 'done' });
      // Labels and notes are notes: key and parameters for the reader's language, and the English text.
      expect(el1.timers!.steps[0]!.label).toEqual({ key: 'timers.label.confirmation', params: {}, text: 'Member State of relocation confirms' });
      expect(el1.timers!.steps[0]!.note).toEqual({ key: 'timers.silenceIsConfirmation', params: {}, text: 'no reply within the time limit: silence is confirmation and the state must relocate (Art 67(9))' });
      expect(body.holidays).toEqual([]);

      const de = (await call('member-state:DE', 'GET', `/api/matching/runs/${run}/timers?today=2026-09-20`)).body as Timers;
      expect(de.cases.map((c) => c.caseId)).toEqual(['IT-1']);
      const it = (await call('member-state:IT', 'GET', `/api/matching/runs/${run}/timers`)).body as Timers;
      // No day given: today by the server clock; IT-2 (only proposed) has no timers.
      expect(it.today).toBe('2026-09-01');
      expect(it.cases.map((c) => c.caseId)).toEqual(['IT-1']);
      expect(message((await call('coordinator', 'GET', `/api/matching/runs/${run}/timers?today=20-09-2026`)).body).code).toBe('invalid-request');
      expect((await call('coordinator', 'GET', '/api/matching/runs/999/timers')).status).toBe(400);
    });

    it('counts the public holidays it is given: a last day on one moves to the next working day (Art 75)', async () => {
      const { step, call, run } = await start();
      // IT-1: information Tuesday 1 September, confirmed Monday 7: the transfer decision is due Monday 14 September.
      await step('member-state:DE', 'IT-1', 'informationReceived', '2026-09-01');
      await step('member-state:DE', 'IT-1', 'confirmed', '2026-09-07');
      const decision = (b: Timers) => b.cases.find((c) => c.caseId === 'IT-1')!.timers!.steps.find((s) => s.step === 'transfer-decision')!;
      const plain = (await call('coordinator', 'GET', `/api/matching/runs/${run}/timers?today=2026-09-14`)).body as Timers;
      expect(decision(plain)).toMatchObject({ due: '2026-09-14', state: 'due' });

      const one = await call('coordinator', 'GET', `/api/matching/runs/${run}/timers?today=2026-09-15&holiday=2026-09-14`);
      expect(one.status).toBe(200);
      expect((one.body as Timers).holidays).toEqual(['2026-09-14']);
      // Without the holiday it would be overdue on the 15th; with it, the last day is Tuesday 15.
      expect(decision(one.body as Timers)).toMatchObject({ due: '2026-09-15', state: 'due' });
      const two = (await call('member-state:IT', 'GET', `/api/matching/runs/${run}/timers?today=2026-09-15&holiday=2026-09-14&holiday=2026-09-15`)).body as Timers;
      expect(two.holidays).toEqual(['2026-09-14', '2026-09-15']);
      expect(decision(two).due).toBe('2026-09-16');
      // The same as the pure function with the same holidays.
      expect(two.cases.find((c) => c.caseId === 'IT-1')!.timers).toEqual(
        timersJson(relocationTimers({ caseId: 'IT-1', status: 'applicant', informationReceived: '2026-09-01', confirmed: '2026-09-07' }, '2026-09-15', new Set(['2026-09-14', '2026-09-15']))),
      );
    });

    it('refuses a holiday that is not a date with 400 naming the field', async () => {
      const { call, run } = await start();
      for (const bad of ['14-09-2026', 'Christmas', '2026-9-14']) {
        const r = await call('coordinator', 'GET', `/api/matching/runs/${run}/timers?holiday=${bad}`);
        expect(r.status, bad).toBe(400);
        expect(message(r.body), bad).toEqual({ code: 'invalid-request', message: 'querystring.holiday: write the date as YYYY-MM-DD' });
      }
      const second = await call('coordinator', 'GET', `/api/matching/runs/${run}/timers?holiday=2026-09-14&holiday=next`);
      expect(second.status).toBe(400);
      expect(message(second.body).message).toMatch(/^querystring\.holiday/);
      const missing = await call('coordinator', 'GET', `/api/matching/runs/${run}/timers?holiday=2026-09-31`);
      expect(message(missing.body)).toEqual({ code: 'invalid-input', message: 'field holiday: 2026-09-31 does not exist in the calendar' });
    });
  });
}
