/**
 * GET /api/cycles/:cycle/deadlines through the real server on a whole cycle driven through the API: the statutory
 * calendar as the domain computes it, judged on the day asked, and only the deadlines each role may see.
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS, storePerTest } from '../../../test/helpers/backends.ts';
import { apiWithRoles } from '../../../test/helpers/api.ts';
import { syntheticInputs } from '../../../test/helpers/pool-fixtures.ts';
import { driveCycle } from '../../../scripts/demo/drive-cycle.ts';
import { cycleDeadlines, deadlinesVisibleTo, type CycleDeadline } from '../../domain/calendar/deadlines.ts';
import { foldEvents, memberStateRole, type PoolEvent, type PoolRole } from '../../domain/pool/index.ts';
import { readEntries } from '../../store/ledger.ts';

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`the cycle's deadlines over HTTP on ${backend.name}`, () => {
    const open = storePerTest(backend);

    it('serves the domain’s calendar on the day asked, a request’s deadlines only to those party to it', async () => {
      const { db } = await open();
      const { app, call } = await apiWithRoles(db);
      try {
        const run = await driveCycle(call, syntheticInputs());
        const state = foldEvents((await readEntries(db, 2026)).map((e) => e.payload as PoolEvent));
        const expected = (role: PoolRole, asOf: string) => deadlinesVisibleTo(role, cycleDeadlines(2026, state, asOf));

        const res = await call('commission', 'GET', '/api/cycles/2026/deadlines?asOf=2026-08-01');
        expect(res.status).toBe(200);
        const body = res.body as { cycle: number; asOf: string; deadlines: CycleDeadline[] };
        expect(body).toEqual({ cycle: 2026, asOf: '2026-08-01', deadlines: expected('commission', '2026-08-01') });
        expect(body.deadlines.some((d) => d.status === 'done') && body.deadlines.some((d) => d.status === 'due')).toBe(true);

        // The deduction request's deadline: its state and the institutions see it; another state and the public do not.
        const deduction = body.deadlines.find((d) => d.parties?.includes(run.deductionBy) && d.article.startsWith('Art 6'))!;
        expect(deduction).toBeDefined();
        const other = run.deductionBy === 'DE' ? 'FR' : 'DE';
        for (const [role, sees] of [[memberStateRole(run.deductionBy), true], [memberStateRole(other), false], ['public', false], ['coordinator', true]] as const) {
          const r = await call(role, 'GET', '/api/cycles/2026/deadlines?asOf=2026-08-01');
          expect(r.status).toBe(200);
          const ds = (r.body as { deadlines: CycleDeadline[] }).deadlines;
          expect(ds).toEqual(expected(role, '2026-08-01'));
          expect(ds.some((d) => d.id === deduction.id), `${role} sees ${deduction.id}`).toBe(sees);
        }
        // The day changes what is overdue, not what exists.
        const later = (await call('commission', 'GET', '/api/cycles/2026/deadlines?asOf=2027-03-01')).body as { deadlines: CycleDeadline[] };
        expect(later.deadlines.map((d) => d.id)).toEqual(body.deadlines.map((d) => d.id));
        expect(later.deadlines).toEqual(expected('commission', '2027-03-01'));
      } finally {
        await app.close();
      }
    });

    it('refuses a day that does not exist, and answers every role alike for a cycle that does not exist', async () => {
      const { db } = await open();
      const { app, call } = await apiWithRoles(db);
      try {
        expect((await call('commission', 'GET', '/api/cycles/2026/deadlines?asOf=2026-02-30')).status).toBe(400);
        const answers = new Set<string>();
        for (const role of ['public', 'commission', 'member-state:DE'] as const) {
          const r = await call(role, 'GET', '/api/cycles/2031/deadlines');
          answers.add(`${r.status} ${JSON.stringify(r.body)}`);
        }
        expect([...answers]).toHaveLength(1);
        expect([...answers][0]).toMatch(/^404 /);
      } finally {
        await app.close();
      }
    });
  });
}
