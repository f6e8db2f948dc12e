import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/helpers/backends.ts';
import { apiWithRoles, type Call } from '../../../test/helpers/api.ts';
import { distinctProposal } from '../../../test/helpers/pool-fixtures.ts';
import { listLedgerCycles, verifyLedger } from '../../store/ledger.ts';
import type { Db } from '../../store/db.ts';

const EVENTS = '/api/cycles/2026/events';

async function forum(call: Call): Promise<void> {
  for (const [role, type, at, payload] of [
    ['commission', 'proposal-drafted', '2025-11-11T12:00:00Z', distinctProposal()],
    ['commission', 'classification-recorded', '2025-11-11T12:00:00Z', { decision: 'SYNTHETIC', states: [{ code: 'AT', categories: ['significant-migratory-situation'] }] }],
    ['council', 'forum-opened', '2025-11-18T09:00:00Z', {}],
  ] as const) {
    expect((await call(role, 'POST', EVENTS, { type, at, payload })).status).toBe(201);
  }
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`pool routes on ${backend.name}`, () => {
    let dispose: (() => Promise<void>) | undefined;
    afterEach(async () => dispose?.());
    const start = async () => {
      const h = await backend.open();
      const api = await apiWithRoles(h.db);
      dispose = async () => {
        await api.app.close();
        await h.dispose();
      };
      return { ...api, db: h.db };
    };
    /** The ledger's version and what the Commission sees: neither may change after a refused request. */
    const snapshot = async (db: Db, call: Call) => ({ versions: await listLedgerCycles(db), view: (await call('commission', 'GET', '/api/cycles/2026')).text });

    it('refuses bad input with a 4xx that says what is wrong, and changes nothing', async () => {
      const { call, db } = await start();
      await forum(call);
      const before = await snapshot(db, call);
      const pledge = (role: string, payload: unknown) => call(role as never, 'POST', EVENTS, { type: 'pledge-made', payload });
      const cases: [string, Promise<{ status: number; body: unknown }>, number, RegExp][] = [
        ['unknown state', pledge('member-state:DE', { state: 'XX', measure: { kind: 'relocation', persons: 5 } }), 400, /body\.payload\.state: unknown state "XX"/],
        ['Denmark (not bound)', pledge('member-state:DE', { state: 'DK', measure: { kind: 'relocation', persons: 5 } }), 400, /unknown state "DK"/],
        ['negative persons', pledge('member-state:DE', { state: 'DE', measure: { kind: 'relocation', persons: -5 } }), 400, /persons cannot be negative|persons must be at least 1/],
        ['fractional persons', pledge('member-state:DE', { state: 'DE', measure: { kind: 'relocation', persons: 2.5 } }), 400, /persons must be a whole number/],
        ['fractional euros', pledge('member-state:DE', { state: 'DE', measure: { kind: 'financial', euros: 0.5 } }), 400, /euros must be a whole number/],
        ['unknown measure', pledge('member-state:DE', { state: 'DE', measure: { kind: 'goodwill', persons: 5 } }), 400, /body\.payload\.measure/],
        ['unknown event type', call('commission', 'POST', EVENTS, { type: 'pool-dissolved', payload: {} }), 400, /body\.type/],
        ['pledge for another state', pledge('member-state:DE', { state: 'FR', measure: { kind: 'relocation', persons: 5 } }), 403, /records pledge-made only for itself, not for FR/],
        ['adoption by the Commission', call('commission', 'POST', EVENTS, { type: 'pool-adopted', payload: { act: 'x', referenceRelocations: 1, referenceFinancialEur: 1 } }), 403, /recorded by the council/],
        ['anonymous pledge', pledge('public', { state: 'DE', measure: { kind: 'relocation', persons: 5 } }), 401, /sign in/],
        ['a bad time', call('member-state:DE', 'POST', EVENTS, { type: 'pledge-made', at: 'yesterday', payload: { state: 'DE', measure: { kind: 'relocation', persons: 5 } } }), 400, /ISO 8601/],
        ['a second proposal', call('commission', 'POST', EVENTS, { type: 'proposal-drafted', payload: distinctProposal() }), 409, /wrong-phase|not allowed/],
        ['a proposal for another cycle', call('commission', 'POST', '/api/cycles/2027/events', { type: 'proposal-drafted', payload: distinctProposal(2026) }), 422, /for cycle 2026, but was sent to cycle 2027/],
        ['a cycle out of range', call('commission', 'GET', '/api/cycles/1999'), 400, /params\.cycle/],
      ];
      for (const [what, pending, status, message] of cases) {
        const res = await pending;
        expect(res.status, what).toBe(status);
        expect((res.body as { error: { message: string } }).error.message, what).toMatch(message);
        expect(Object.keys(res.body as object), what).toEqual(['error']);
      }
      expect(await snapshot(db, call)).toEqual(before);
    });

    it('refuses a pledge after adoption and a deduction by a state that may not ask, recording nothing', async () => {
      const { call, db } = await start();
      await forum(call);
      expect((await call('member-state:DE', 'POST', EVENTS, { type: 'pledge-made', payload: { state: 'DE', measure: { kind: 'financial', euros: 9_000_000 } } })).status).toBe(201);
      const adopt = await call('council', 'POST', EVENTS, { type: 'pool-adopted', at: '2025-12-19T12:00:00Z', payload: { act: 'SYNTHETIC act', referenceRelocations: distinctProposal().referenceRelocations, referenceFinancialEur: distinctProposal().referenceFinancialEur } });
      expect(adopt.status).toBe(201);
      const before = await snapshot(db, call);
      const late = await call('member-state:DE', 'POST', EVENTS, { type: 'pledge-made', at: '2026-01-10T12:00:00Z', payload: { state: 'DE', measure: { kind: 'relocation', persons: 5 } } });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ error: { code: 'wrong-phase', message: expect.stringMatching(/pledge-made is not allowed after the Council act/) } });
      // DE is not identified as facing a significant migratory situation and gives no reasons (Art 62(2)).
      const deduction = await call('member-state:DE', 'POST', EVENTS, {
        type: 'deduction-requested',
        at: '2026-07-01T09:00:00Z',
        payload: { state: 'DE', article: 62, amounts: { relocations: 0, financialEur: 1_000, alternativeEur: 0, offsets: 0 } },
      });
      expect(deduction.status).toBe(422);
      expect(deduction.body).toMatchObject({ error: { code: 'not-entitled', message: expect.stringMatching(/Art 62\(2\): DE is not identified/) } });
      expect(await snapshot(db, call)).toEqual(before);
      expect((await verifyLedger(db)).ok).toBe(true);
    });

    it('refuses a malformed and an oversized body with the one error shape', async () => {
      const { app, tokens, db, call } = await start();
      await forum(call);
      const before = await snapshot(db, call);
      const auth = { authorization: `Bearer ${tokens.get('member-state:DE')}` };
      const malformed = await app.inject({ method: 'POST', url: EVENTS, headers: { ...auth, 'content-type': 'application/json' }, payload: '{"type": "pledge-made", "payload": ' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ error: { code: 'malformed-request' } });
      const huge = await app.inject({ method: 'POST', url: EVENTS, headers: auth, payload: { type: 'pledge-made', payload: { state: 'DE', measure: { kind: 'alternative', description: 'x'.repeat(100_000), euros: 5 } } } });
      expect(huge.statusCode).toBe(413);
      expect(huge.json()).toEqual({ error: { code: 'body-too-large', message: 'the request body is larger than the server accepts' } });
      const empty = await app.inject({ method: 'POST', url: EVENTS, headers: auth });
      expect(empty.statusCode).toBe(400);
      expect(Object.keys(empty.json())).toEqual(['error']);
      expect(await snapshot(db, call)).toEqual(before);
    });

    it('documents every pool route in the OpenAPI document', async () => {
      const { app } = await start();
      const paths = Object.keys((await app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths);
      for (const p of ['/api/cycles', '/api/cycles/{cycle}', '/api/cycles/{cycle}/events', '/api/cycles/{cycle}/accounting', '/api/cycles/{cycle}/export.csv', '/api/search']) expect(paths).toContain(p);
    });
  });
}
