import { describe, expect, it } from 'vitest';
import { BACKENDS, storePerTest } from '../../test/helpers/backends.ts';
import { insertRun } from './matching.ts';
import { latestSteps, listSteps, recordStep } from './relocation-progress.ts';

const at = (s: string) => new Date(`2026-09-${s}Z`);

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`relocation progress on ${backend.name}`, () => {
    const newStore = storePerTest(backend);
    async function open() {
      const { db } = await newStore();
      const runId = await insertRun(db, { label: 't', createdBy: 'coordinator', createdAt: at('01T08:00:00'), input: {}, summary: {} }, [
        { caseId: 'IT-1', benefitting: 'IT', persons: 1, proposedState: 'DE', explanation: '', detail: {} },
        { caseId: 'IT-2', benefitting: 'IT', persons: 2, proposedState: 'FR', explanation: '', detail: {} },
      ]);
      return { db, runId };
    }

    it('stores steps with their calendar date, lists them oldest first, and the latest row of a step wins', async () => {
      const { db, runId } = await open();
      const a = await recordStep(db, { runId, caseId: 'IT-1', step: 'informationReceived', date: '2026-09-02', recordedBy: 'de', recordedAt: at('02T10:00:00') });
      expect(a).toEqual({ id: a.id, runId, caseId: 'IT-1', step: 'informationReceived', date: '2026-09-02', recordedBy: 'de', recordedAt: '2026-09-02T10:00:00.000Z' });
      await recordStep(db, { runId, caseId: 'IT-1', step: 'confirmed', date: '2026-09-10', recordedBy: 'de', recordedAt: at('10T10:00:00') });
      await recordStep(db, { runId, caseId: 'IT-1', step: 'confirmed', date: '2026-09-08', recordedBy: 'coordinator', recordedAt: at('11T10:00:00') });
      await recordStep(db, { runId, caseId: 'IT-2', step: 'informationReceived', date: '2026-09-03', recordedBy: 'fr', recordedAt: at('11T11:00:00') });
      const all = await listSteps(db, runId);
      expect(all.map((r) => [r.caseId, r.step, r.date])).toEqual([
        ['IT-1', 'informationReceived', '2026-09-02'], ['IT-1', 'confirmed', '2026-09-10'], ['IT-1', 'confirmed', '2026-09-08'], ['IT-2', 'informationReceived', '2026-09-03'],
      ]);
      expect(await listSteps(db, runId, 'IT-2')).toHaveLength(1);
      const latest = latestSteps(all);
      expect(latest.get('IT-1')).toEqual({ informationReceived: '2026-09-02', confirmed: '2026-09-08' });
      expect(latest.get('IT-2')).toEqual({ informationReceived: '2026-09-03' });
    });

    it('is append-only, and refuses a case not in the run or an unknown step', async () => {
      const { db, runId } = await open();
      const a = await recordStep(db, { runId, caseId: 'IT-1', step: 'informationReceived', date: '2026-09-02', recordedBy: 'de', recordedAt: at('02T10:00:00') });
      await expect(db.query('UPDATE relocation_progress SET date = $1 WHERE id = $2', ['2026-09-01', a.id])).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM relocation_progress WHERE id = $1', [a.id])).rejects.toThrow(/append-only/);
      await expect(db.query('TRUNCATE relocation_progress')).rejects.toThrow(/append-only/);
      await expect(recordStep(db, { runId, caseId: 'PL-9', step: 'confirmed', date: '2026-09-02', recordedBy: 'x', recordedAt: at('02T10:00:00') })).rejects.toThrow();
      await expect(recordStep(db, { runId, caseId: 'IT-1', step: 'arrived' as never, date: '2026-09-02', recordedBy: 'x', recordedAt: at('02T10:00:00') })).rejects.toThrow();
    });
  });
}
