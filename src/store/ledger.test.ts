import { describe, expect, it } from 'vitest';
import { BACKENDS, storePerTest } from '../../test/helpers/backends.ts';
import type { Db } from './db.ts';
import { appendEntries, chainEntries, entryHash, GENESIS_HASH, insertEntries, listLedgerCycles, readEntries, verifyLedger, VersionConflict, type NewLedgerEntry } from './ledger.ts';

const entry = (n: number, payload: unknown = { type: 'pledge', persons: n }): NewLedgerEntry => ({
  type: 'pledge',
  actor: `user-${n}`,
  role: 'member-state:DE',
  recordedAt: new Date(Date.UTC(2026, 5, 12, 10, 0, n)),
  payload,
});

/** Runs `sql` with the append-only triggers off, as a superuser tampering with the table would. */
async function tamper(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE pool_event DISABLE TRIGGER USER');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE pool_event ENABLE TRIGGER USER');
  });
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`pool ledger on ${backend.name}`, () => {
    const newStore = storePerTest(backend);
    const open = async () => (await newStore()).db;

    it('chains entries per cycle and reads them back exactly as written', async () => {
      const db = await open();
      const written = await appendEntries(db, 2026, 0, [entry(1), entry(2, { type: 'pledge', nested: { z: 1, a: [1.5, 'é'] } })]);
      await appendEntries(db, 2027, 0, [entry(3)]);
      expect(written[0]!.prevHash).toBe(GENESIS_HASH);
      expect(written[1]!.prevHash).toBe(written[0]!.hash);
      expect(await readEntries(db, 2026)).toEqual(written);
      expect(await readEntries(db, 2026, 1)).toEqual([written[1]]);
      expect(await listLedgerCycles(db)).toEqual([{ cycle: 2026, version: 2 }, { cycle: 2027, version: 1 }]);
      const report = await verifyLedger(db);
      expect(report).toMatchObject({ ok: true, entries: 3 });
      expect(report.cycles).toEqual([
        { cycle: 2026, entries: 2, headHash: written[1]!.hash },
        { cycle: 2027, entries: 1, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]);
    });

    it('refuses an append at a stale version and keeps the winner', async () => {
      const db = await open();
      await appendEntries(db, 2026, 0, [entry(1)]);
      const winner = await appendEntries(db, 2026, 1, [entry(2)]);
      await expect(appendEntries(db, 2026, 1, [entry(3)])).rejects.toBeInstanceOf(VersionConflict);
      await expect(appendEntries(db, 2026, 0, [entry(3)])).rejects.toBeInstanceOf(VersionConflict);
      await expect(appendEntries(db, 2026, 5, [entry(3)])).rejects.toBeInstanceOf(VersionConflict);
      expect((await readEntries(db, 2026)).at(-1)).toEqual(winner[0]);
    });

    it('lets exactly one of several concurrent appends at the same version succeed', async () => {
      const db = await open();
      await appendEntries(db, 2026, 0, [entry(1)]);
      const results = await Promise.allSettled([2, 3, 4, 5, 6].map((n) => appendEntries(db, 2026, 1, [entry(n)])));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(VersionConflict);
      expect(await readEntries(db, 2026)).toHaveLength(2);
      expect((await verifyLedger(db)).ok).toBe(true);
    });

    it('appends from a head the writer already holds, and the database refuses entries that do not link', async () => {
      const db = await open();
      const [first] = await appendEntries(db, 2026, 0, [entry(1)]);
      const head = { version: 1, hash: first!.hash };
      const next = chainEntries(2026, head, [entry(2), entry(3)]);
      await insertEntries(db, next);
      expect(await readEntries(db, 2026)).toEqual([first, ...next]);
      // A stale head: its place is taken.
      await expect(insertEntries(db, chainEntries(2026, head, [entry(4)]))).rejects.toBeInstanceOf(VersionConflict);
      // A wrong prev_hash, a gap, a first entry that does not start from the genesis hash: refused, nothing written.
      await expect(insertEntries(db, chainEntries(2026, { version: 3, hash: first!.hash }, [entry(4)]))).rejects.toThrow(/prev_hash does not match/);
      await expect(insertEntries(db, chainEntries(2026, { version: 4, hash: next[1]!.hash }, [entry(5)]))).rejects.toThrow(/entry 4 of the cycle does not exist/);
      await expect(insertEntries(db, chainEntries(2027, { version: 0, hash: first!.hash }, [entry(1)]))).rejects.toThrow(/prev_hash does not match/);
      // All or none: a batch whose second entry does not link leaves the first unwritten too.
      const good = chainEntries(2026, { version: 3, hash: next[1]!.hash }, [entry(4)]);
      const bad = chainEntries(2026, { version: 4, hash: GENESIS_HASH }, [entry(5)]);
      await expect(insertEntries(db, [...good, ...bad])).rejects.toThrow(/prev_hash does not match/);
      expect(await readEntries(db, 2026)).toHaveLength(3);
      expect((await verifyLedger(db)).ok).toBe(true);
    });

    it('is refused UPDATE, DELETE and TRUNCATE by the database', async () => {
      const db = await open();
      await appendEntries(db, 2026, 0, [entry(1)]);
      await expect(db.query("UPDATE pool_event SET actor = 'x'")).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(db.query('DELETE FROM pool_event')).rejects.toThrow(/append-only: DELETE refused/);
      await expect(db.query('TRUNCATE pool_event')).rejects.toThrow(/append-only: TRUNCATE refused/);
      expect(await readEntries(db, 2026)).toHaveLength(1);
    });

    it('finds the first broken link after a superuser tampers with a payload', async () => {
      const db = await open();
      await appendEntries(db, 2026, 0, [entry(1), entry(2), entry(3), entry(4)]);
      await tamper(db, `UPDATE pool_event SET payload = '{"type":"pledge","persons":2000}' WHERE seq = 2`);
      const report = await verifyLedger(db);
      expect(report.ok).toBe(false);
      expect(report.firstBroken).toMatchObject({ cycle: 2026, seq: 2, reason: 'hash-mismatch' });
    });

    it('finds a rewritten chain (entry and its hash replaced) at the next link, and a removed entry as a gap', async () => {
      const db = await open();
      const [, second] = await appendEntries(db, 2026, 0, [entry(1), entry(2), entry(3)]);
      const forged = entryHash({ ...second!, actor: 'someone-else' });
      await tamper(db, `UPDATE pool_event SET actor = 'someone-else', hash = $1 WHERE seq = 2`, [forged]);
      expect((await verifyLedger(db)).firstBroken).toMatchObject({ seq: 3, reason: 'prev-hash-mismatch' });
      await tamper(db, `UPDATE pool_event SET actor = $1, hash = $2 WHERE seq = 2`, [second!.actor, second!.hash]);
      expect((await verifyLedger(db)).ok).toBe(true);
      await tamper(db, 'DELETE FROM pool_event WHERE seq = 2');
      expect((await verifyLedger(db)).firstBroken).toMatchObject({ seq: 3, reason: 'sequence-gap' });
    });

    it('verifies across page boundaries', async () => {
      const db = await open();
      const batch = Array.from({ length: 5500 }, (_, i) => entry(i % 60));
      await appendEntries(db, 2026, 0, batch);
      const seen: number[] = [];
      const report = await verifyLedger(db, (done) => seen.push(done));
      expect(report).toMatchObject({ ok: true, entries: 5500 });
      expect(seen).toEqual([5000, 5500]);
    });
  });
}
