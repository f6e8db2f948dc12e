/**
 * All of ../shared/data through the real loader, on both store backends: real figures come out, and a second load
 * inserts nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EU27 } from '../../src/domain/member-states.ts';
import { loadDataFolder } from '../../src/data/index.ts';
import { countObservations, queryObservations } from '../../src/store/observations.ts';
import { BACKENDS } from '../helpers/backends.ts';
import { SHARED_DATA } from '../helpers/data-folder.ts';

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`all of ../shared/data on ${backend.name}`, { timeout: 600_000 }, () => {
    let handle: Awaited<ReturnType<typeof backend.open>>;
    beforeAll(async () => {
      handle = await backend.open();
      await loadDataFolder(handle.db, SHARED_DATA);
    }, 600_000);
    afterAll(async () => handle.dispose());

    it('has Germany’s 441,900 first-time asylum applicants of 2015', async () => {
      const de = await queryObservations(handle.db, { indicator: 'asylum_applicants_first_time', geos: ['DE'], from: '2015', to: '2015' });
      expect(de.map((o) => o.value)).toEqual([441900]);
    });

    it('has the 1 January 2025 population of all 27 Member States', async () => {
      const pop = await queryObservations(handle.db, { indicator: 'population', geos: EU27, from: '2025', to: '2025' });
      expect(pop.map((o) => o.geo).sort()).toEqual([...EU27].sort());
      // PROVENANCE: the 27 countries sum to 450,380,800.
      expect(pop.reduce((n, o) => n + o.value, 0)).toBe(450380800);
    });

    it('keeps Frontex routes and Spain’s sub-areas as dimensions', async () => {
      const cm = await queryObservations(handle.db, { indicator: 'irregular_crossings', geos: ['EU27_2020'], from: '2024', to: '2024', dims: { route: 'Central Mediterranean Route' } });
      expect(cm.map((o) => o.value)).toEqual([66855]);
      const canary = await queryObservations(handle.db, { indicator: 'sea_arrivals', geos: ['ES'], freq: 'M', from: '2023-01', to: '2023-12', dims: { area: 'ES_CANARY_WAAR' } });
      expect(canary.reduce((n, o) => n + o.value, 0)).toBe(39827);
    });

    it('inserts nothing on a second load', async () => {
      const before = await countObservations(handle.db);
      const again = await loadDataFolder(handle.db, SHARED_DATA);
      expect(again.inserted).toBe(0);
      expect(await countObservations(handle.db)).toBe(before);
    });
  });
}
