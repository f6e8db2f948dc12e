import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoleUsers, injectCaller, type Call } from '../../../test/helpers/api.ts';
import { BACKENDS, storePerTest } from '../../../test/helpers/backends.ts';
import { buildApp } from '../app.ts';

const person = (id: string, benefitting: string, over: object = {}) => ({ id, benefitting, status: 'applicant', nationality: 'SY', members: [{ age: 30 }], ...over });
const BODY = {
  label: 'test run',
  cases: [
    person('IT-1', 'IT', { links: [{ state: 'DE', kind: 'family' }] }),
    person('IT-2', 'IT'),
    person('EL-1', 'EL', { links: [{ state: 'FR', kind: 'diploma' }] }),
    person('EL-2', 'EL', { members: [{ age: 40 }, { age: 6 }], vulnerabilities: ['minor'] }),
  ],
  pledges: [{ state: 'DE', persons: 2 }, { state: 'FR', persons: 4 }],
};

interface RunBody {
  id: number;
  summary: { placedPersons: number; states: { state: string }[]; benefitting: { state: string }[]; gap: number };
  assignments: { caseId: string; benefitting: string; proposedState: string | null; finalState: string | null; decision: string; explanation: string }[];
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`relocation matching API on ${backend.name}`, () => {
    const open = storePerTest(backend);
    let app: FastifyInstance | undefined;
    // Registered after the store's hook, so it runs before it: the app closes before its store does.
    afterEach(async () => app?.close());

    async function start(): Promise<Call> {
      const h = await open();
      let t = Date.parse('2026-09-01T08:00:00Z');
      app = await buildApp({ db: h.db, now: () => new Date((t += 60_000)) });
      return injectCaller(app, await createRoleUsers(h.db, ['coordinator', 'commission', 'council', 'member-state:IT', 'member-state:EL', 'member-state:DE', 'member-state:PL']));
    }

    it('lets only the Coordinator run a matching, stores the proposal, and lets a person accept or change it', async () => {
      const call = await start();
      for (const role of ['public', 'commission', 'council', 'member-state:IT', 'member-state:DE'] as const) {
        const r = await call(role, 'POST', '/api/matching/runs', BODY);
        expect(r.status, role).toBe(403);
      }
      const created = await call('coordinator', 'POST', '/api/matching/runs', BODY);
      expect(created.status).toBe(201);
      const run = created.body as RunBody;
      expect(run.summary.placedPersons).toBe(5);
      expect(run.summary.gap).toBe(0);
      const byId = new Map(run.assignments.map((a) => [a.caseId, a]));
      expect(byId.get('IT-1')!.proposedState).toBe('DE');
      expect(byId.get('EL-2')!.explanation).toMatch(/vulnerable/);

      // Nobody else may decide; the Coordinator accepts one and changes another, with a note.
      expect((await call('member-state:IT', 'POST', `/api/matching/runs/${run.id}/cases/IT-1/decision`, { decision: 'accept' })).status).toBe(403);
      const ok = await call('coordinator', 'POST', `/api/matching/runs/${run.id}/cases/IT-1/decision`, { decision: 'accept' });
      expect(ok.body).toMatchObject({ decision: 'accepted', finalState: 'DE', decidedBy: 'coordinator' });
      const el1 = byId.get('EL-1')!;
      const other = el1.proposedState === 'FR' ? 'DE' : 'FR';
      expect((await call('coordinator', 'POST', `/api/matching/runs/${run.id}/cases/EL-1/decision`, { decision: 'change', state: other })).status).toBe(400);
      const full = await call('coordinator', 'POST', `/api/matching/runs/${run.id}/cases/EL-2/decision`, { decision: 'change', state: 'DE', note: 'family in Munich' });
      expect(full.status).toBe(400);
      expect((full.body as { error: { message: string } }).error.message).toMatch(/DE has \d places left, fewer than the 2 persons/);
      const toIt = await call('coordinator', 'POST', `/api/matching/runs/${run.id}/cases/EL-1/decision`, { decision: 'change', state: 'EL', note: 'x' });
      expect(toIt.status).toBe(400);
      // FR has one place left: the accepted case may still be changed there, by a person, with a note.
      const changed = await call('coordinator', 'POST', `/api/matching/runs/${run.id}/cases/IT-1/decision`, { decision: 'change', state: 'FR', note: 'the family moved to Lyon' });
      expect(changed.body).toMatchObject({ decision: 'changed', proposedState: 'DE', finalState: 'FR', note: 'the family moved to Lyon' });
      const after = (await call('coordinator', 'GET', `/api/matching/runs/${run.id}`)).body as RunBody;
      expect(after.assignments.find((a) => a.caseId === 'IT-1')).toMatchObject({ decision: 'changed', finalState: 'FR' });
    });

    it('shows a Member State only its own lines, and the public and other institutions nothing', async () => {
      const call = await start();
      const run = (await call('coordinator', 'POST', '/api/matching/runs', BODY)).body as RunBody;
      for (const role of ['public', 'commission', 'council'] as const) {
        expect((await call(role, 'GET', `/api/matching/runs/${run.id}`)).status, role).toBe(403);
        expect((await call(role, 'GET', '/api/matching/runs')).status, role).toBe(403);
      }
      const it = (await call('member-state:IT', 'GET', `/api/matching/runs/${run.id}`)).body as RunBody;
      expect(it.assignments.map((a) => a.caseId).sort()).toEqual(['IT-1', 'IT-2']);
      expect(it.summary.benefitting.map((b) => b.state)).toEqual(['IT']);
      expect(it.summary.states).toEqual([]);
      expect(it.summary.placedPersons).toBe(0);
      const de = (await call('member-state:DE', 'GET', `/api/matching/runs/${run.id}`)).body as RunBody;
      expect(de.assignments.every((a) => a.proposedState === 'DE')).toBe(true);
      expect(de.summary.states.map((s) => s.state)).toEqual(['DE']);
      const pl = (await call('member-state:PL', 'GET', `/api/matching/runs/${run.id}`)).body as RunBody;
      expect(pl.assignments).toEqual([]);
      expect(JSON.stringify(pl)).not.toMatch(/EL-|IT-/);
      expect((await call('member-state:PL', 'GET', '/api/matching/runs/999')).status).toBe(400);
    });

    it('refuses bad input naming the record', async () => {
      const call = await start();
      const r = await call('coordinator', 'POST', '/api/matching/runs', { ...BODY, pledges: [{ state: 'DE', persons: 2 }, { state: 'XX', persons: 1 }] });
      expect(r.status).toBe(400);
      expect((r.body as { error: { message: string } }).error.message).toMatch(/pledge 2 \(XX\): unknown state code/);
      const dup = await call('coordinator', 'POST', '/api/matching/runs', { ...BODY, cases: [...BODY.cases, person('IT-1', 'IT')] });
      expect((dup.body as { error: { message: string } }).error.message).toMatch(/case 5: duplicate case id "IT-1"/);
    });
  });
}
