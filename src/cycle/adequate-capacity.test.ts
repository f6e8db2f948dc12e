import { describe, expect, it } from 'vitest';
import { noteText } from '../notes/index.ts';
import { BACKENDS, storePerTest } from '../../test/helpers/backends.ts';
import type { Observation } from '../domain/observation.ts';
import type { Db } from '../store/db.ts';
import { beginLoad, insertObservations } from '../store/observations.ts';
import { adequateCapacityFromStore } from './adequate-capacity.ts';

// A small labelled input (not real figures) proving what the store function reads, substitutes and states.
const o = (indicator: string, geo: string, period: string, value: number, dims?: Record<string, string>): Observation => ({
  indicator, geo, period, value, unit: 'persons', flags: '', source: 'test:labelled', vintage: '2025-01-01', ...(dims ? { dims } : {}),
});

async function load(db: Db, rows: Observation[]) {
  await db.transaction(async (tx) => {
    const id = await beginLoad(tx, { sourceFile: 'labelled', sha256: 'h', indicator: 'mixed', source: 'test', vintage: '2025-01-01', rowsRead: rows.length });
    await insertObservations(tx, rows, id);
  });
}

const months = (y: number) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`adequate capacity from the store on ${backend.name}`, () => {
    const open = storePerTest(backend);

    it('attributes routes, substitutes sea arrivals for SAR in IT/MT, and leaves refusals out when not stored', async () => {
      const h = await open();
      const rows: Observation[] = [];
      for (const y of [2021, 2022, 2023]) {
        rows.push(o('irregular_crossings', 'EU27_2020', String(y), 1000, { route: 'Western African Route' }));
        // Western Balkan only as months, one month missing in 2023: summed as it is, and said.
        for (const m of months(y)) if (m !== '2023-12') rows.push(o('irregular_crossings', 'EU27_2020', m, 30, { route: 'Western Balkan Route' }));
        for (const m of months(y)) rows.push(o('sea_arrivals', 'IT', m, 10));
        rows.push(o('irregular_crossings', 'EU27_2020', String(y), 5, { route: 'Other' }));
      }
      // MT lacks one month: unknown, not zero.
      for (const y of [2021, 2022, 2023]) for (const m of months(y)) if (m !== '2022-06') rows.push(o('sea_arrivals', 'MT', m, 1));
      await load(h.db, rows);

      const r = await adequateCapacityFromStore(h.db, 2026);
      expect(r.window).toEqual({ from: '2021-01-01', to: '2023-12-31' });
      expect(r.multiplier).toBe(2);
      const es = r.states.find((s) => s.code === 'ES')!;
      const it_ = r.states.find((s) => s.code === 'IT')!;
      const mt = r.states.find((s) => s.code === 'MT')!;
      const hu = r.states.find((s) => s.code === 'HU')!;
      expect(es).toMatchObject({ crossings: 3000, sar: null, refusals: null });
      expect(it_).toMatchObject({ crossings: 0, sar: 360, refusals: null });
      expect(mt.sar).toBeNull();
      expect(hu.crossings).toBe(350); // 35 months × 30 = 1050, a third each to HU, HR, RO
      expect(r.states.reduce((a, s) => a + s.capacity, 0)).toBe(30_000);
      expect(es.capacity).toBe(Math.round((30_000 * 3000) / (3000 + 1050 + 360)));
      expect(r.components.find((c) => c.component === 'refusals')?.status).toBe('absent');
      expect(r.notes.map(noteText).join('\n')).toMatch(/Refusals of entry .* not in the store/);
      expect(r.notes.map(noteText).join('\n')).toMatch(/Malta: sea arrivals missing for June 2022/);
      expect(r.notes.map(noteText).join('\n')).toMatch(/Western Balkan Route 2023: 11 of 12 months/);
      expect(r.notes.map(noteText).join('\n')).toMatch(/Other 15/);
      expect(r.substitutions.map(noteText).join('\n')).toMatch(/sea arrivals .* stand in for IT and MT/);
      expect(r.substitutions.map(noteText).join('\n')).toMatch(/route-attribution-v1.json/);
    });
  });
}
