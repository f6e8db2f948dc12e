import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshServerSchema, serverUnavailable } from '../../../test/helpers/backends.ts';
import { openStore } from '../../store/db.ts';
import { appendEntries } from '../../store/ledger.ts';
import { main } from '../main.ts';

describe.skipIf(serverUnavailable !== null)('pactcycle ledger verify', () => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await drop?.();
  });

  async function run(): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const code = await main(['node', 'pactcycle', 'ledger', 'verify', '--json']);
    vi.restoreAllMocks();
    return { code, out, err };
  }

  it('exits 0 on an intact chain and 2 naming the first broken entry after tampering', async () => {
    const schema = await freshServerSchema();
    drop = schema.drop;
    vi.stubEnv('DATABASE_URL', schema.url);
    const db = await openStore({ databaseUrl: schema.url, home: '/nonexistent' });
    const at = new Date('2026-06-12T09:00:00Z');
    await appendEntries(db, 2026, 0, [1, 2, 3].map((n) => ({ type: 'pledge', actor: 'de', role: 'member-state:DE', recordedAt: at, payload: { n } })));

    const intact = await run();
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.out)).toMatchObject({ ok: true, entries: 3, cycles: [{ cycle: 2026, entries: 3 }] });

    await db.transaction(async (tx) => {
      await tx.query('ALTER TABLE pool_event DISABLE TRIGGER USER');
      await tx.query(`UPDATE pool_event SET payload = '{"n": 20}' WHERE seq = 2`);
      await tx.query('ALTER TABLE pool_event ENABLE TRIGGER USER');
    });
    await db.close();
    const broken = await run();
    expect(broken.code).toBe(2);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false, firstBroken: { cycle: 2026, seq: 2, reason: 'hash-mismatch' } });
    expect(broken.err).toMatch(/ledger broken at cycle 2026 entry 2 \(hash-mismatch\)/);
  });
});
