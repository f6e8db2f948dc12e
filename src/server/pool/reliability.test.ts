/**
 * Reliability against the real PostgreSQL server, over real HTTP on loopback with `pactcycle serve` as a child
 * process: concurrent pledges and amendments from the 26 states, and a SIGKILL in the middle of a burst of writes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { freshServerSchema, serverUnavailable } from '../../../test/helpers/backends.ts';
import { createRoleUsers, ROLES } from '../../../test/helpers/api.ts';
import { distinctProposal } from '../../../test/helpers/pool-fixtures.ts';
import { startServerProcess, type ServerProcess } from '../../../test/helpers/server-process.ts';
import { SOLIDARITY_STATES, type MemberStateCode } from '../../domain/member-states.ts';
import { findPledge, foldEvents, projectFor, type PoolEvent, type PoolRole } from '../../domain/pool/index.ts';
import { openStore, type Db } from '../../store/db.ts';
import { readEntries, verifyLedger } from '../../store/ledger.ts';

const EVENTS = '/api/cycles/2026/events';

interface Http {
  post(role: PoolRole, body: unknown): Promise<{ status: number; body: { id?: string; error?: { code: string } } }>;
  get(role: PoolRole, path: string): Promise<unknown>;
}

function http(server: ServerProcess, tokens: Map<PoolRole, string>): Http {
  const headers = (role: PoolRole): Record<string, string> => {
    const t = tokens.get(role);
    return { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t}` } : {}) };
  };
  return {
    async post(role, body) {
      const res = await fetch(server.url + EVENTS, { method: 'POST', headers: headers(role), body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { id?: string } };
    },
    async get(role, path) {
      return (await fetch(server.url + path, { headers: headers(role) })).json();
    },
  };
}

async function openForum(api: Http): Promise<void> {
  for (const [role, type, at, payload] of [
    ['commission', 'proposal-drafted', '2025-11-11T12:00:00Z', distinctProposal()],
    ['council', 'forum-opened', '2025-11-18T09:00:00Z', {}],
  ] as const) {
    expect((await api.post(role, { type, at, payload })).status).toBe(201);
  }
}

const role = (code: MemberStateCode): PoolRole => `member-state:${code}`;

describe.skipIf(serverUnavailable !== null)('reliability on PostgreSQL over HTTP', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanup.reverse()) await f();
    cleanup.length = 0;
  });

  async function setup(): Promise<{ db: Db; url: string; tokens: Map<PoolRole, string> }> {
    const schema = await freshServerSchema();
    const db = await openStore({ databaseUrl: schema.url, home: '/nonexistent' });
    cleanup.push(async () => {
      await db.close();
      await schema.drop();
    });
    return { db, url: schema.url, tokens: await createRoleUsers(db, ROLES) };
  }

  async function serve(url: string): Promise<ServerProcess> {
    const server = await startServerProcess(url);
    cleanup.push(() => server.stop('SIGKILL'));
    return server;
  }

  it('200 concurrent pledges and amendments: the final state is the serial fold of the accepted events, none lost', async () => {
    const { db, url, tokens } = await setup();
    const server = await serve(url);
    const api = http(server, tokens);
    await openForum(api);
    const first = new Map<MemberStateCode, string>();
    for (const code of SOLIDARITY_STATES) {
      const res = await api.post(role(code), { type: 'pledge-made', payload: { state: code, measure: { kind: 'financial', euros: 1_000_000 } } });
      first.set(code, res.body.id!);
    }
    const before = (await readEntries(db, 2026)).length;

    const requests = Array.from({ length: 200 }, (_, i) => {
      const code = SOLIDARITY_STATES[i % SOLIDARITY_STATES.length]!;
      return Math.floor(i / SOLIDARITY_STATES.length) % 2 === 0
        ? { role: role(code), body: { type: 'pledge-amended', payload: { pledgeId: first.get(code), state: code, measure: { kind: 'financial', euros: 1_000_000 + i } } } }
        : { role: role(code), body: { type: 'pledge-made', payload: { state: code, measure: { kind: 'relocation', persons: 1 + i } } } };
    });
    const replies = await Promise.all(requests.map((r) => api.post(r.role, r.body)));
    const accepted = replies.filter((r) => r.status === 201);
    expect(replies.filter((r) => r.status !== 201)).toEqual([]);

    const entries = await readEntries(db, 2026);
    // No acknowledged write lost, nothing unacknowledged written.
    expect(entries.length - before).toBe(accepted.length);
    const madeIds = new Set(entries.map((e) => (e.payload as PoolEvent).payload).map((p) => (p as { pledgeId?: string }).pledgeId));
    for (const r of accepted) if (r.body.id) expect(madeIds.has(r.body.id)).toBe(true);
    // Each state's amended pledge holds the last amendment in ledger order.
    const serial = foldEvents(entries.map((e) => e.payload as PoolEvent));
    expect(await api.get('commission', '/api/cycles/2026')).toEqual(JSON.parse(JSON.stringify(projectFor('commission', serial))));
    const lastAmend = new Map<string, number>();
    for (const e of entries) {
      const ev = e.payload as PoolEvent;
      if (ev.type === 'pledge-amended' && ev.payload.measure.kind === 'financial') lastAmend.set(ev.payload.state, ev.payload.measure.euros);
    }
    if (serial.phase !== 'forum') throw new Error(`unexpected phase ${serial.phase}`);
    for (const [code, id] of first) expect((findPledge(serial, id)!.measure as { euros: number }).euros).toBe(lastAmend.get(code));
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
  });

  it('SIGKILL in the middle of a burst: every acknowledged event survives, nothing is half there, the chain verifies', async () => {
    const { db, url, tokens } = await setup();
    const first = await serve(url);
    const api = http(first, tokens);
    await openForum(api);

    const acknowledged: string[] = [];
    let failed = 0;
    let killed = false;
    const burst = async (worker: number) => {
      for (let i = 0; ; i++) {
        const code = SOLIDARITY_STATES[(worker * 7 + i) % SOLIDARITY_STATES.length]!;
        try {
          const res = await api.post(role(code), { type: 'pledge-made', payload: { state: code, measure: { kind: 'relocation', persons: 1 + i } } });
          if (res.status !== 201) throw new Error(`HTTP ${res.status}`);
          acknowledged.push(res.body.id!);
        } catch {
          failed += 1;
          if (killed) return;
        }
        if (!killed && acknowledged.length >= 60) {
          killed = true;
          first.child.kill('SIGKILL');
        }
        if (killed && failed > 0) return;
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, w) => burst(w)));
    await first.exited;
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);

    // Restarted on the same database.
    const second = await serve(url);
    const api2 = http(second, tokens);
    const entries = await readEntries(db, 2026);
    const stored = new Set(entries.map((e) => ((e.payload as PoolEvent).payload as { pledgeId?: string }).pledgeId));
    for (const id of acknowledged) expect(stored.has(id), `acknowledged pledge ${id} lost`).toBe(true);
    // Every stored entry is whole: the chain verifies and every entry is a valid event the rules accept in order.
    expect(await verifyLedger(db)).toMatchObject({ ok: true, entries: entries.length });
    const state = foldEvents(entries.map((e) => e.payload as PoolEvent));
    expect(state.phase).toBe('forum');
    expect(await api2.get('commission', '/api/cycles/2026')).toEqual(JSON.parse(JSON.stringify(projectFor('commission', state))));
    // And the restarted server carries on from where the ledger stands.
    expect((await api2.post('member-state:DE', { type: 'pledge-made', payload: { state: 'DE', measure: { kind: 'financial', euros: 5 } } })).status).toBe(201);
    expect((await readEntries(db, 2026)).length).toBe(entries.length + 1);
  });
});
