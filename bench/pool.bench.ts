/**
 * The pool's write path and rebuild (issue 4), on the PostgreSQL server at 127.0.0.1:5432:
 * - pledge write latency (p50/p99) at 200 requests/s over loopback HTTP, after a 2 s warm-up at that rate (reported apart), to `pactcycle serve` (a child process), the
 *   26 states' tokens in turn (target p99 < 20 ms): at a steady 200/s from an open-loop generator (open-loop.ts; the
 *   target is judged on this), and as autocannon's rate limit sends them, in bursts; the peer is the same server's
 *   read of the public cycle list under the same load, the floor of a request through it;
 * - the time to rebuild a pool by folding 100,000 ledger events: in memory, and cold from the store through the
 *   server's own PoolService (target < 1 s).
 * The proposal is the domain's, on SYNTHETIC equal shares; the pledges are SYNTHETIC.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { openLoop, percentile, type PlannedRequest } from './open-loop.ts';
import { freshServerSchema, serverUnavailable } from '../test/helpers/backends.ts';
import { createRoleUsers } from '../test/helpers/api.ts';
import { startServerProcess } from '../test/helpers/server-process.ts';
import { SOLIDARITY_STATES } from '../src/domain/member-states.ts';
import { computeProposal } from '../src/domain/pool/proposal.ts';
import { event, foldEvents, memberStateRole, pledge, type PoolEvent, type PoolRole } from '../src/domain/pool/index.ts';
import { PoolService } from '../src/server/pool/service.ts';
import { openStore } from '../src/store/db.ts';
import { appendEntries } from '../src/store/ledger.ts';

const RATE = 200;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;
const EVENTS = 100_000;

const proposal = () => {
  const { confidential: _c, ...p } = computeProposal({ cycle: 2026, shares: SOLIDARITY_STATES.map((code) => ({ code, share: 1 / SOLIDARITY_STATES.length })) });
  return p;
};

async function load(url: string, path: string, method: 'GET' | 'POST', tokens: Map<PoolRole, string>, body?: (i: number) => unknown) {
  let i = 0;
  return autocannon({
    url: url + path,
    connections: 20,
    overallRate: RATE,
    duration: SECONDS,
    requests: [
      {
        method,
        setupRequest: (req) => {
          const code = SOLIDARITY_STATES[i % SOLIDARITY_STATES.length]!;
          const token = tokens.get(memberStateRole(code));
          const r = { ...req, headers: { ...req.headers, 'content-type': 'application/json', authorization: `Bearer ${token}` } };
          if (body) r.body = JSON.stringify(body(i));
          i++;
          return r;
        },
      },
    ],
  });
}

/**
 * The same requests at a steady `RATE` per second (open loop), latencies from their scheduled moments: first for
 * `WARM_UP_SECONDS` (while the server compiles its hot paths and the generator opens its connections; reported apart),
 * then for `SECONDS`, measured.
 */
async function steady(url: string, path: string, method: 'GET' | 'POST', tokens: Map<PoolRole, string>, body?: (i: number) => unknown) {
  let n = 0;
  const plan = (): PlannedRequest => {
    const i = n++;
    const token = tokens.get(memberStateRole(SOLIDARITY_STATES[i % SOLIDARITY_STATES.length]!))!;
    return { method, path, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, ...(body ? { body: JSON.stringify(body(i)) } : {}) };
  };
  const warm = await openLoop(url, RATE, WARM_UP_SECONDS, plan);
  const r = await openLoop(url, RATE, SECONDS, plan);
  return { ...r, requests: { total: r.sent }, p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99), warmUpP99: percentile(warm.latencies, 99) };
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system, milliseconds) a process has used so far, from /proc (Linux), or null elsewhere. On a
 * shared machine latency depends on what else runs; the server's CPU time per request much less so.
 */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** `run` and the server's CPU milliseconds per request it made (null where /proc is not there). */
async function withServerCpu<R extends { requests: { total: number } }>(pid: number | undefined, run: () => Promise<R>): Promise<R & { cpuPerRequest: number | null }> {
  const before = cpuMs(pid);
  const result = await run();
  const after = cpuMs(pid);
  return { ...result, cpuPerRequest: before === null || after === null ? null : (after - before) / Math.max(result.requests.total, 1) };
}

const perRequest = (ms: number | null) => (ms === null ? 'n/a' : `${ms.toFixed(2)} ms`);

function syntheticEvents(n: number): PoolEvent[] {
  const events: PoolEvent[] = [event('proposal-drafted', 'commission', '2025-10-15T12:00:00Z', proposal()), event('forum-opened', 'council', '2025-10-28T09:00:00Z', {})];
  for (let i = 0; events.length < n; i++) {
    const code = SOLIDARITY_STATES[i % SOLIDARITY_STATES.length]!;
    events.push(pledge('2025-10-29T10:00:00Z', code, `p${i}`, i % 2 ? { kind: 'financial', euros: 1_000 + i } : { kind: 'relocation', persons: 1 + (i % 5) }));
  }
  return events;
}

export async function run(): Promise<void> {
  if (serverUnavailable !== null) {
    console.log(`skipped: no PostgreSQL server (${serverUnavailable})`);
    return;
  }
  const load1 = () => loadavg()[0]!.toFixed(2);
  console.log(`machine: ${cpus().length} cores, load average (1 min) ${load1()} at the start`);
  const schema = await freshServerSchema();
  const db = await openStore({ databaseUrl: schema.url, home: '/nonexistent' });
  try {
    const tokens = await createRoleUsers(db, ['commission', 'council', ...SOLIDARITY_STATES.map(memberStateRole)]);
    const server = await startServerProcess(schema.url);
    try {
      const post = (role: PoolRole, body: unknown) =>
        fetch(`${server.url}/api/cycles/2026/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(role)}` }, body: JSON.stringify(body) });
      await post('commission', { type: 'proposal-drafted', at: '2025-10-15T12:00:00Z', payload: proposal() });
      await post('council', { type: 'forum-opened', at: '2025-10-28T09:00:00Z', payload: {} });
      const pledgeBody = (i: number) => ({ type: 'pledge-made', payload: { state: SOLIDARITY_STATES[i % SOLIDARITY_STATES.length]!, measure: { kind: 'relocation', persons: 1 + (i % 7) } } });
      const writes = await withServerCpu(server.child.pid, () => steady(server.url, '/api/cycles/2026/events', 'POST', tokens, pledgeBody));
      const reads = await withServerCpu(server.child.pid, () => steady(server.url, '/api/cycles', 'GET', tokens));
      const ms = (x: number) => `${x.toFixed(1)} ms`;
      console.log(
        `pledge writes at a steady ${RATE}/s for ${SECONDS} s on PostgreSQL (open loop): ${writes.sent} sent, ${writes.ok} accepted, ${writes.refused + writes.failed} refused or failed; ` +
          `latency p50 ${ms(writes.p50)}, p99 ${ms(writes.p99)} (target p99 < 20 ms: ${writes.p99 < 20 ? 'met' : 'NOT met'}); server CPU ${perRequest(writes.cpuPerRequest)} a request; ` +
          `in the ${WARM_UP_SECONDS} s of warm-up before (not counted above) p99 ${ms(writes.warmUpP99)}`,
      );
      console.log(
        `peer: GET /api/cycles at the same steady rate: p50 ${ms(reads.p50)}, p99 ${ms(reads.p99)}  (write p99 ÷ read p99 = ${(writes.p99 / Math.max(reads.p99, 1)).toFixed(1)}×); server CPU ${perRequest(reads.cpuPerRequest)} a request`,
      );
      const bursts = await withServerCpu(server.child.pid, () => load(server.url, '/api/cycles/2026/events', 'POST', tokens, pledgeBody));
      console.log(
        `the same writes as autocannon's rate limit sends them (each of 20 connections sends its 10 requests of a second back to back): ${bursts.requests.total} sent, ` +
          `p50 ${bursts.latency.p50} ms, p99 ${bursts.latency.p99} ms (bursts, for comparison with earlier runs)`,
      );
    } finally {
      await server.stop();
    }

    const events = syntheticEvents(EVENTS);
    let t = performance.now();
    const state = foldEvents(events);
    const foldMs = performance.now() - t;
    const entries = events.map((payload) => ({ type: payload.type, actor: 'bench', role: payload.role, recordedAt: new Date('2025-10-29T10:00:00Z'), payload }));
    for (let at = 0; at < entries.length; at += 2_000) await appendEntries(db, 2027, at, entries.slice(at, at + 2_000).map((e) => ({ ...e, payload: { ...e.payload } })));
    t = performance.now();
    const view = await new PoolService(db).view(2027, 'commission');
    const coldMs = performance.now() - t;
    console.log(`rebuild of a pool from ${EVENTS.toLocaleString('en-GB')} events: fold in memory ${foldMs.toFixed(0)} ms; cold from PostgreSQL through PoolService ${coldMs.toFixed(0)} ms (target < 1000 ms: ${coldMs < 1000 ? 'met' : 'NOT met'}; phase ${state.phase}/${view.phase})`);
  } finally {
    await db.close();
    await schema.drop();
    console.log(`machine: load average (1 min) ${load1()} at the end`);
  }
}
