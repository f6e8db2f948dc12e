import { describe, expect, it } from 'vitest';
import { BACKENDS, storePerTest } from '../../test/helpers/backends.ts';
import { currentDecisions, parseDecision } from '../domain/assessment/decisions.ts';
import { listDecisions, recordDecision } from './decisions.ts';

const decision = (over: Record<string, unknown> = {}) =>
  parseDecision({ cycle: 2026, state: 'EL', category: 'under-pressure', adopted: true, ground: 'disproportionate arrivals in the last year', date: '2025-11-11', act: 'Commission Implementing Decision (EU) 2025/2323', by: 'analyst-1', ...over });

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`decision records on ${backend.name}`, () => {
    const newStore = storePerTest(backend);
    const open = async () => (await newStore()).db;

    it('stores and lists the records of a cycle, oldest first, with the calendar date as given', async () => {
      const db = await open();
      const a = await recordDecision(db, decision(), new Date('2025-11-12T10:00:00Z'));
      await recordDecision(db, decision({ state: 'PL', category: 'significant-situation', ground: 'cumulative pressure of the last five years' }), new Date('2025-11-12T10:01:00Z'));
      await recordDecision(db, decision({ cycle: 2027 }));
      const list = await listDecisions(db, 2026);
      expect(list.map((r) => [r.id, r.state, r.category])).toEqual([[a.id, 'EL', 'under-pressure'], [a.id + 1, 'PL', 'significant-situation']]);
      expect(list[0]).toEqual({ ...decision(), id: a.id, origin: 'record', recordedAt: '2025-11-12T10:00:00.000Z' });
    });

    it('is append-only: a correction is a new record that supersedes the old, which the database will not change', async () => {
      const db = await open();
      const first = await recordDecision(db, decision(), new Date('2025-11-12T10:00:00Z'));
      const second = await recordDecision(db, decision({ adopted: false, ground: 'corrected: not identified' }), new Date('2025-11-13T10:00:00Z'));
      const all = await listDecisions(db, 2026);
      expect(all).toHaveLength(2);
      expect(currentDecisions(all)).toEqual([second]);
      await expect(db.query('UPDATE classification_decision SET adopted = true WHERE id = $1', [second.id])).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM classification_decision WHERE id = $1', [first.id])).rejects.toThrow(/append-only/);
    });

    it('refuses a category outside the three of Art 11(1) at the database too', async () => {
      const db = await open();
      await expect(recordDecision(db, { ...decision(), category: 'crisis' as never })).rejects.toThrow();
    });
  });
}
