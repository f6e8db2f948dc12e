/** `pactcycle pool deadlines` on a SYNTHETIC cycle written to the embedded store's ledger. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../../../test/helpers/cli.ts';
import { cycleDeadlines } from '../../domain/calendar/deadlines.ts';
import { foldEvents } from '../../domain/pool/index.ts';
import { syntheticCycle } from '../../domain/pool/scenario.ts';
import { openStore, storeLocationFromEnv } from '../../store/db.ts';
import { appendEntries } from '../../store/ledger.ts';

describe('pactcycle pool deadlines', () => {
  const events = syntheticCycle().all;
  let home: ReturnType<typeof tempHome>;
  beforeAll(async () => {
    home = tempHome();
    const db = await openStore(storeLocationFromEnv());
    try {
      await appendEntries(db, 2026, 0, events.map((e) => ({ type: e.type, actor: 'test', role: e.role, recordedAt: new Date(e.at), payload: e })));
    } finally {
      await db.close();
    }
  }, 120_000);
  afterAll(() => home.restore());

  it('prints the domain’s calendar of the cycle on the day asked, as JSON and as a table', async () => {
    const r = await runCli('pool', 'deadlines', '--cycle', '2026', '--as-of', '2026-08-01', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify({ cycle: 2026, asOf: '2026-08-01', deadlines: cycleDeadlines(2026, foldEvents(events), '2026-08-01') })));
    const text = await runCli('pool', 'deadlines', '--cycle', '2026', '--as-of', '2026-08-01');
    expect(text.stdout).toContain('Deadlines of the 2026 cycle as of 2026-08-01 (phase: closed)');
    expect(text.stdout).toMatch(/2026-06-26 +overdue +Art 58\(3\)/);
  });

  it('refuses a cycle nothing has started and a day that does not exist (exit 2)', async () => {
    const none = await runCli('pool', 'deadlines', '--cycle', '2031');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no event of the 2031 cycle/);
    const bad = await runCli('pool', 'deadlines', '--cycle', '2026', '--as-of', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/2026-02-30 does not exist/);
  });
});
