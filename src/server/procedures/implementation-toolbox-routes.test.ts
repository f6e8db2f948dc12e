import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/helpers/backends.ts';
import { buildApp } from '../app.ts';
import { createUser } from '../auth/accounts.ts';
import { recordDecision } from '../../store/decisions.ts';

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`implementation plans and Toolbox API on ${backend.name}`, () => {
    let app: FastifyInstance | undefined;
    let dispose: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await app?.close();
      await dispose?.();
    });

    async function start() {
      const h = await backend.open();
      dispose = h.dispose;
      let t = Date.parse('2026-07-01T08:00:00Z');
      app = await buildApp({ db: h.db, now: () => new Date((t += 60_000)), atRisk: async () => ({ states: ['CY'], basis: 'test: CY identified as at risk' }) });
      const token = async (name: string, role: string) => `Bearer ${(await createUser(h.db, { name, role, token: true })).token!}`;
      return { app, it: await token('it', 'member-state:IT'), cy: await token('cy', 'member-state:CY'), com: await token('com', 'commission'), coord: await token('coord', 'coordinator') };
    }

    it('lets a Member State record its milestone, the Commission review it, and shows it in the overview', async () => {
      const { app, it: itToken, com } = await start();
      const put = (state: string, auth: string | undefined, body: object) =>
        app.inject({ method: 'PUT', url: `/api/implementation/${state}/screening`, payload: body, ...(auth ? { headers: { authorization: auth } } : {}) });
      expect((await put('IT', undefined, { status: 'completed', evidence: 'Decree 2026/1' })).statusCode).toBe(403);
      expect((await put('IT', com, { status: 'completed', evidence: 'Decree 2026/1' })).statusCode).toBe(403);
      const noEvidence = await put('IT', itToken, { status: 'completed' });
      expect(noEvidence.statusCode).toBe(400);
      expect(noEvidence.json().error.message).toMatch(/needs evidence/);
      const ok = await put('IT', itToken, { status: 'completed', evidence: 'Decree 2026/1', targetDate: '2026-06-12' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ state: 'IT', milestone: 'screening', status: 'completed', review: 'pending', targetDate: '2026-06-12', updatedBy: 'it' });

      const selfReview = await app.inject({ method: 'POST', url: '/api/implementation/IT/screening/review', headers: { authorization: itToken }, payload: { outcome: 'accepted' } });
      expect(selfReview.statusCode).toBe(403);
      const review = await app.inject({ method: 'POST', url: '/api/implementation/IT/screening/review', headers: { authorization: com }, payload: { outcome: 'accepted' } });
      expect(review.json()).toMatchObject({ review: 'accepted', reviewedBy: 'com' });

      const overview = (await app.inject({ method: 'GET', url: '/api/implementation' })).json();
      expect(overview.milestones.find((m: { milestone: string }) => m.milestone === 'screening')).toMatchObject({ acceptedByCommission: 1, counts: { completed: 1, 'not-reported': 25 } });
      expect(overview.statesNotReporting).toHaveLength(25);

      // A new update sends the milestone back to review.
      await put('IT', itToken, { status: 'completed', evidence: 'Decree 2026/1 and circular 7' });
      expect((await app.inject({ method: 'GET', url: '/api/implementation/IT' })).json()[0]).toMatchObject({ review: 'pending', reviewedBy: null });
      expect((await app.inject({ method: 'GET', url: '/api/implementation/DK' })).statusCode).toBe(400);
    });

    it('serves first the states the Art 11 decision in force identifies as at risk (no source given: the recorded decisions)', async () => {
      const h = await backend.open();
      dispose = h.dispose;
      app = await buildApp({ db: h.db, now: () => new Date('2026-07-01T08:00:00Z') });
      const token = async (name: string, role: string) => `Bearer ${(await createUser(h.db, { name, role, token: true })).token!}`;
      const [mt, el, com] = [await token('mt', 'member-state:MT'), await token('el', 'member-state:EL'), await token('com', 'commission')];
      const ask = (auth: string) => app!.inject({ method: 'POST', url: '/api/toolbox/requests', headers: { authorization: auth }, payload: { item: 'euaa-operational-support', description: 'reception experts for the islands' } });
      expect((await ask(mt)).statusCode).toBe(201);
      expect((await ask(el)).statusCode).toBe(201);
      const view = async () => (await app!.inject({ method: 'GET', url: '/api/toolbox/requests', headers: { authorization: com } })).json();
      // Before any decision: first come, first served, and the view says why.
      expect((await view()).atRisk.basis).toMatch(/no Art 11 implementing decision is recorded/);
      expect((await view()).requests.map((r: { state: string }) => r.state)).toEqual(['MT', 'EL']);
      // SYNTHETIC decisions (not the Commission's): EL identified at risk; MT's risk considered and not adopted.
      const base = { cycle: 2026, date: '2025-10-15', act: 'SYNTHETIC Implementing Decision', by: 'test', ground: 'test' } as const;
      await recordDecision(h.db, { ...base, state: 'EL', category: 'at-risk', adopted: true });
      await recordDecision(h.db, { ...base, state: 'MT', category: 'at-risk', adopted: false });
      const after = await view();
      expect(after.atRisk).toEqual({ states: ['EL'], basis: expect.stringContaining('SYNTHETIC Implementing Decision') });
      expect(after.requests.map((r: { state: string; priority: string }) => [r.state, r.priority])).toEqual([['EL', 'at-risk'], ['MT', 'standard']]);
    });

    it('serves Toolbox requests of at-risk states first in the Commission and Coordinator views; a state sees only its own', async () => {
      const { app, it: itToken, cy, com, coord } = await start();
      const ask = (auth: string, item: string) => app.inject({ method: 'POST', url: '/api/toolbox/requests', headers: { authorization: auth }, payload: { item, description: 'reception experts for Lampedusa' } });
      const first = await ask(itToken, 'euaa-operational-support');
      expect(first.statusCode).toBe(201);
      expect((await ask(cy, 'amif-funding')).statusCode).toBe(201);
      expect((await ask(com, 'amif-funding')).statusCode).toBe(403);
      expect((await ask(itToken, 'gold')).statusCode).toBe(400);

      for (const auth of [com, coord]) {
        const view = (await app.inject({ method: 'GET', url: '/api/toolbox/requests', headers: { authorization: auth } })).json();
        expect(view.atRisk.states).toEqual(['CY']);
        expect(view.requests.map((r: { state: string; priority: string }) => [r.state, r.priority])).toEqual([['CY', 'at-risk'], ['IT', 'standard']]);
      }
      const own = (await app.inject({ method: 'GET', url: '/api/toolbox/requests', headers: { authorization: itToken } })).json();
      expect(own.requests.map((r: { state: string }) => r.state)).toEqual(['IT']);
      expect((await app.inject({ method: 'GET', url: '/api/toolbox/requests' })).statusCode).toBe(403);

      const id = first.json().id;
      const move = (auth: string, status: string) => app.inject({ method: 'POST', url: `/api/toolbox/requests/${id}/status`, headers: { authorization: auth }, payload: { status } });
      expect((await move(cy, 'withdrawn')).statusCode).toBe(400); // not CY's request: not even shown to exist
      expect((await move(com, 'in-review')).json().status).toBe('in-review');
      expect((await move(itToken, 'granted')).statusCode).toBe(403);
      expect((await move(com, 'granted')).json()).toMatchObject({ status: 'granted', updatedBy: 'com' });
      const late = await move(itToken, 'withdrawn');
      expect(late.statusCode).toBe(400);
      expect(late.json().error.message).toMatch(/a granted request cannot become withdrawn/);
      expect((await app.inject({ method: 'GET', url: '/api/toolbox/catalogue' })).json().length).toBeGreaterThan(10);
    });
  });
}
