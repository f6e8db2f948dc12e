/**
 * The assessment and the decision records over HTTP, on real published figures: the Commission runs the assessment,
 * records decisions per state and category, and sees every disagreement with the evidence; no other role reads a
 * recorded decision — on these routes or any other read route — until the Art 11 decision is published in the pool
 * ledger, and a refusal is the same whether or not records exist.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiWithRoles, ROLES } from '../../../test/helpers/api.ts';
import { BACKENDS, storePerTest } from '../../../test/helpers/backends.ts';
import { seedPublishedFigures } from '../../../test/helpers/published-figures.ts';

interface AssessmentBody {
  cycle: number;
  referencePeriod: { from: string; to: string };
  decisionsRecorded: number;
  states: { code: string; categories: string[]; evidence: { category: string; indicator: string; value: number; threshold: number }[]; indicators: { period: string }[]; decisions: { category: string; adopted: boolean; act: string }[]; disagreements: { category: string; kind: string }[] }[];
}

const GROUND = 'Reception system under strain: a ground only the Commission has seen';
const READS = ['/api/cycles', '/api/cycles/2026', '/api/cycles/2026/events', '/api/public/overview', '/api/public/export/overview.json', '/api/toolbox/requests', `/api/search?q=${encodeURIComponent('Reception system')}`];

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`assessment and decision records API on ${backend.name}`, () => {
    const open = storePerTest(backend);
    let app: FastifyInstance | undefined;
    afterEach(async () => app?.close());

    it('runs the assessment, records decisions with grounds, shows disagreements, and shows them to the Commission only', async () => {
      const { db } = await open();
      await seedPublishedFigures(db);
      const api = await apiWithRoles(db, { now: () => new Date('2025-11-20T10:00:00Z') });
      app = api.app;
      const { call } = api;

      // Before any record: the same refusal for everyone but the Commission, on every route.
      const refusals = new Map<string, string>();
      for (const role of ROLES.filter((r) => r !== 'commission')) {
        for (const url of ['/api/cycles/2026/assessment', '/api/cycles/2026/decisions']) {
          const r = await call(role, 'GET', url);
          expect(r.status, `${role} ${url}`).toBe(403);
          refusals.set(`${role} ${url}`, r.text);
        }
      }

      const run = await call('commission', 'GET', '/api/cycles/2026/assessment');
      expect(run.status, run.text).toBe(200);
      const a = run.body as AssessmentBody;
      expect(a.referencePeriod).toEqual({ from: '2024-07-01', to: '2025-06-30' });
      expect(a.states).toHaveLength(26);
      expect(a.states.every((s) => s.indicators.every((f) => f.period === 'current'))).toBe(true);
      const supported = a.states.find((s) => s.categories.length > 0)!;
      expect(supported, 'the published figures support at least one category').toBeDefined();
      const category = supported.categories[0]!;
      expect(supported.evidence.some((e) => e.category === category && e.value >= e.threshold)).toBe(true);
      const unsupported = a.states.find((s) => !s.categories.includes('at-risk'))!;

      // Recording: what the evidence supports, not adopted; and one category adopted without evidence.
      const notAdopted = await call('commission', 'POST', '/api/cycles/2026/decisions', { state: supported.code, category, adopted: false, ground: GROUND, date: '2025-11-14', act: 'Commission Implementing Decision (EU) 2025/2323' });
      expect(notAdopted.status, notAdopted.text).toBe(201);
      expect(notAdopted.body).toMatchObject({ state: supported.code, category, adopted: false, by: 'commission', date: '2025-11-14', recordedAt: '2025-11-20T10:00:00.000Z' });
      expect((await call('commission', 'POST', '/api/cycles/2026/decisions', { state: unsupported.code, category: 'at-risk', adopted: true, ground: 'threat of instrumentalisation', date: '2025-11-14', act: 'Commission Implementing Decision (EU) 2025/2323' })).status).toBe(201);

      const again = (await call('commission', 'GET', '/api/cycles/2026/assessment')).body as AssessmentBody;
      expect(again.decisionsRecorded).toBe(2);
      expect(again.states.find((s) => s.code === supported.code)!.disagreements).toContainEqual(expect.objectContaining({ category, kind: 'evidence-not-adopted' }));
      expect(again.states.find((s) => s.code === unsupported.code)!.disagreements).toContainEqual(expect.objectContaining({ category: 'at-risk', kind: 'adopted-without-evidence' }));
      const list = (await call('commission', 'GET', '/api/cycles/2026/decisions')).body as { decisions: { ground: string }[] };
      expect(list.decisions.map((d) => d.ground)).toEqual([GROUND, 'threat of instrumentalisation']);

      // After the records: the same refusal byte for byte, and the ground on no other read route for any role.
      for (const role of ROLES.filter((r) => r !== 'commission')) {
        for (const url of ['/api/cycles/2026/assessment', '/api/cycles/2026/decisions']) expect((await call(role, 'GET', url)).text, `${role} ${url}`).toBe(refusals.get(`${role} ${url}`));
        for (const url of READS) expect((await call(role, 'GET', url)).text, `${role} ${url}`).not.toContain('only the Commission has seen');
      }
    });

    it('refuses a record from any other role before reading its body, and names the field of a bad one', async () => {
      const { db } = await open();
      const api = await apiWithRoles(db);
      app = api.app;
      const { call } = api;
      const good = { state: 'IT', category: 'under-pressure', adopted: true, ground: 'disproportionate arrivals', date: '2025-11-14', act: 'Commission Implementing Decision (EU) 2025/2323' };
      for (const role of ['public', 'council', 'coordinator', 'member-state:IT'] as const) {
        expect((await call(role, 'POST', '/api/cycles/2026/decisions', good)).status, role).toBe(403);
        expect((await call(role, 'POST', '/api/cycles/2026/decisions', { state: 'XX' })).status, role).toBe(403);
      }
      const cases: [object, RegExp][] = [
        [{ ...good, state: 'DK' }, /body\.state: unknown state "DK"/],
        [{ ...good, category: 'pressure' }, /body\.category: unknown category/],
        [{ ...good, ground: '  ' }, /body\.ground: a ground is required/],
        [{ ...good, date: '14/11/2025' }, /body\.date: date must be YYYY-MM-DD/],
        [{ ...good, act: '' }, /body\.act: the act is required/],
        [{ ...good, by: 'someone else' }, /Unrecognized key: "by"/],
      ];
      for (const [body, message] of cases) {
        const r = await call('commission', 'POST', '/api/cycles/2026/decisions', body);
        expect(r.status, JSON.stringify(body)).toBe(400);
        expect((r.body as { error: { message: string } }).error.message).toMatch(message);
      }
      expect((await call('commission', 'POST', '/api/cycles/2025/decisions', good)).status).toBe(400);
      expect(((await call('commission', 'GET', '/api/cycles/2026/decisions')).body as { decisions: unknown[] }).decisions).toEqual([]);
      // No data loaded: the assessment says what to do.
      const empty = await call('commission', 'GET', '/api/cycles/2026/assessment');
      expect(empty.status).toBe(400);
      expect((empty.body as { error: { message: string } }).error.message).toMatch(/load the data first/);
    });
  });
}
