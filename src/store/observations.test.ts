import { describe, expect, it } from 'vitest';
import { BACKENDS, storePerTest } from '../../test/helpers/backends.ts';
import type { Observation } from '../domain/observation.ts';
import type { Db } from './db.ts';
import { beginLoad, countObservations, coverage, insertObservations, listVintages, queryObservations } from './observations.ts';

const obs = (period: string, value: number, vintage = '2024-01-18', dims?: Record<string, string>): Observation => ({
  indicator: 'population',
  geo: 'DE',
  period,
  value,
  unit: 'persons',
  flags: '',
  source: 'eurostat:demo_pjan',
  vintage,
  ...(dims ? { dims } : {}),
});

async function load(db: Db, rows: Observation[]) {
  return db.transaction(async (tx) => {
    const id = await beginLoad(tx, { sourceFile: 'x.csv', sha256: 'h', indicator: 'population', source: 's', vintage: rows[0]!.vintage, rowsRead: rows.length });
    return insertObservations(tx, rows, id, 'x.csv');
  });
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`observation store on ${backend.name}`, () => {
    const newStore = storePerTest(backend);
    const open = async () => (await newStore()).db;

    it('loads idempotently: the same vintage twice changes nothing', async () => {
      const db = await open();
      expect(await load(db, [obs('2021', 1), obs('2022', 2)])).toEqual({ inserted: 2, unchanged: 0 });
      expect(await load(db, [obs('2021', 1), obs('2022', 2)])).toEqual({ inserted: 0, unchanged: 2 });
      expect(await countObservations(db)).toBe(2);
    });

    it('keeps a new vintage beside the old one and answers with the latest unless asked', async () => {
      const db = await open();
      await load(db, [obs('2022', 2)]);
      await load(db, [obs('2022', 3, '2025-07-01')]);
      expect((await queryObservations(db, { indicator: 'population' })).map((o) => o.value)).toEqual([3]);
      expect((await queryObservations(db, { indicator: 'population', vintage: '2024-01-18' })).map((o) => o.value)).toEqual([2]);
      expect((await queryObservations(db, { indicator: 'population', asOf: '2025-01-01' })).map((o) => o.value)).toEqual([2]);
      expect(await listVintages(db, 'population')).toEqual(['2025-07-01', '2024-01-18']);
    });

    it('refuses a conflicting value for the same vintage and keeps what was stored', async () => {
      const db = await open();
      await load(db, [obs('2022', 2)]);
      await expect(load(db, [obs('2023', 9), obs('2022', 5)])).rejects.toThrow(/x\.csv.*population DE 2022 vintage 2024-01-18 is already stored as 2/);
      expect((await queryObservations(db, { indicator: 'population' })).map((o) => [o.period, o.value])).toEqual([['2022', 2]]);
    });

    it('refuses two different values for one key within the same call, storing nothing of it', async () => {
      const db = await open();
      await load(db, [obs('2021', 1)]);
      await expect(load(db, [obs('2022', 2), obs('2023', 3), obs('2022', 4)])).rejects.toThrow(/x\.csv.*population DE 2022 vintage 2024-01-18 is already stored as 2; the file says 4/);
      expect((await queryObservations(db, { indicator: 'population' })).map((o) => [o.period, o.value])).toEqual([['2021', 1]]);
    });

    it('separates rows by extra dimensions and reports coverage', async () => {
      const db = await open();
      await load(db, [obs('2022', 2), obs('2022', 7, '2024-01-18', { citizen: 'SY' }), obs('2023-05', 1)]);
      expect(await queryObservations(db, { indicator: 'population', dims: { citizen: 'SY' } })).toHaveLength(1);
      expect(await queryObservations(db, { indicator: 'population', anyDims: true })).toHaveLength(3);
      expect(await queryObservations(db, { indicator: 'population', freq: 'M' })).toHaveLength(1);
      expect(await coverage(db)).toEqual([
        { indicator: 'population', geo: 'DE', freq: 'A', first: '2022', last: '2022', count: 1 },
        { indicator: 'population', geo: 'DE', freq: 'M', first: '2023-05', last: '2023-05', count: 1 },
      ]);
    });
  });
}
