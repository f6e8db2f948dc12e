import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/helpers/backends.ts';
import type { Db } from '../../store/db.ts';
import { verifyLedger } from '../../store/ledger.ts';
import { CycleLog, type Fold } from './cycle-log.ts';

/** A toy fold: the list of amounts written, each write refused if it would take the total above a cap. */
const sum: Fold<number[]> = { initial: () => [], applyAll: (s, es) => [...s, ...es.map((e) => (e.payload as { n: number }).n)] };
const CAP = 1000;
const entry = (n: number) => ({ type: 'add', actor: 't', role: 'commission', recordedAt: new Date(0), payload: { n } });
const decideAdd = (n: number) => (snap: { state: number[] }) => {
  if (snap.state.reduce((a, b) => a + b, 0) + n > CAP) throw new RangeError('over the cap');
  return [entry(n)];
};

/** `db`, keeping the SQL of every statement sent through `query`. */
function counted(db: Db): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const wrapped = Object.create(db, { query: { value: (sql: string, params?: unknown[]) => (statements.push(sql), db.query(sql, params)) } }) as Db;
  return { db: wrapped, statements };
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`cycle log on ${backend.name}`, () => {
    let dispose: (() => Promise<void>) | undefined;
    afterEach(async () => dispose?.());

    it('two writers on one store (as two processes) never lose an acknowledged write and re-decide on conflict', async () => {
      const h = await backend.open();
      dispose = h.dispose;
      const a = new CycleLog(h.db, sum, 200);
      const b = new CycleLog(h.db, sum, 200);
      const amounts = Array.from({ length: 60 }, (_, i) => 10 + i);
      const results = await Promise.allSettled(amounts.map((n, i) => (i % 2 ? a : b).write(2026, decideAdd(n))));
      const acknowledged = amounts.filter((_, i) => results[i]!.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as Error);
      for (const err of refused) expect(err.message).toBe('over the cap');

      const fresh = await new CycleLog(h.db, sum).read(2026);
      expect([...fresh.state].sort((x, y) => x - y)).toEqual(acknowledged.sort((x, y) => x - y));
      expect(fresh.state.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(CAP);
      // The cap was decided on the true state every time: what was refused would indeed not have fitted.
      expect(refused.length).toBeGreaterThan(0);
      expect((await a.read(2026)).state).toEqual(fresh.state);
      expect((await verifyLedger(h.db)).ok).toBe(true);
    });

    it('decides queued writes in order, each on the state after the ones before it, and appends them in groups', async () => {
      const h = await backend.open();
      dispose = h.dispose;
      const { db: counting, statements } = counted(h.db);
      const log = new CycleLog(counting, sum);
      const amounts = Array.from({ length: 60 }, (_, i) => 10 + ((i * 37) % 50));
      const results = await Promise.allSettled(amounts.map((n) => log.write(2026, decideAdd(n))));
      // What one writer deciding them one by one, in the order they came, would have accepted.
      let total = 0;
      const expected = amounts.map((n) => (total + n <= CAP ? ((total += n), true) : false));
      expect(results.map((r) => r.status === 'fulfilled')).toEqual(expected);
      expect((await new CycleLog(h.db, sum).read(2026)).state).toEqual(amounts.filter((_, i) => expected[i]));
      expect(statements.filter((sql) => /^\s*INSERT INTO pool_event/.test(sql)).length).toBeLessThan(expected.filter(Boolean).length);
      expect((await verifyLedger(h.db)).ok).toBe(true);
    });

    it('refuses only on the stored state: a write refused on a stale copy is decided again', async () => {
      const h = await backend.open();
      dispose = h.dispose;
      const gate: Fold<string[]> = { initial: () => [], applyAll: (s, es) => [...s, ...es.map((e) => (e.payload as { n: string }).n)] };
      const put = (n: string) => [{ type: 'put', actor: 't', role: 'commission', recordedAt: new Date(0), payload: { n } }];
      const a = new CycleLog(h.db, gate);
      const b = new CycleLog(h.db, gate);
      expect((await a.read(2026)).state).toEqual([]);
      await b.write(2026, () => put('open'));
      const { snapshot } = await a.write(2026, (s) => {
        if (!s.state.includes('open')) throw new Error('closed');
        return put('through');
      });
      expect(snapshot.state).toEqual(['open', 'through']);
      await expect(a.write(2026, () => { throw new Error('no'); })).rejects.toThrow('no');
      expect((await b.read(2026)).version).toBe(2);
    });

    it('is rebuilt from the stored payloads alone, and reads nothing when told the version it already holds', async () => {
      const h = await backend.open();
      dispose = h.dispose;
      await new CycleLog(h.db, sum).write(2026, () => [entry(1), entry(2)]);
      const { db, statements } = counted(h.db);
      const log = new CycleLog(db, sum);
      const cold = await log.read(2026);
      expect(cold).toMatchObject({ version: 2, state: [1, 2] });
      expect(statements.join('\n')).not.toMatch(/recorded_at|actor|prev_hash/);
      statements.length = 0;
      expect(await log.read(2026, 2)).toBe(cold);
      expect(statements).toEqual([]);
      await new CycleLog(h.db, sum).write(2026, () => [entry(3)]);
      expect((await log.read(2026, 3)).state).toEqual([1, 2, 3]);
      // It links the next write onto the head it read.
      await log.write(2026, () => [entry(4)]);
      expect((await verifyLedger(h.db)).ok).toBe(true);
    });

    it('takes the state a decision computed instead of folding its entries again', async () => {
      const h = await backend.open();
      dispose = h.dispose;
      let folds = 0;
      const counting: Fold<number[]> = { initial: sum.initial, applyAll: (st, es) => ((folds += 1), sum.applyAll(st, es)) };
      const log = new CycleLog(h.db, counting);
      await log.write(2026, () => [entry(1)]);
      expect(folds).toBe(1);
      const { snapshot } = await log.write(2026, (current) => ({ entries: [entry(2)], state: [...current.state, 2] }));
      expect(folds).toBe(1);
      expect(snapshot).toMatchObject({ version: 2, state: [1, 2] });
      expect((await new CycleLog(h.db, sum).read(2026)).state).toEqual(snapshot.state);
    });

    it('writes nothing when the decision refuses', async () => {
      const h = await backend.open();
      dispose = h.dispose;
      const log = new CycleLog(h.db, sum);
      await expect(log.write(2026, decideAdd(CAP + 1))).rejects.toThrow('over the cap');
      expect((await log.read(2026)).version).toBe(0);
    });
  });
}
