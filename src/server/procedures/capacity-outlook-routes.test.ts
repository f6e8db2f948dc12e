/** The state page's "will capacity hold?" over HTTP, on the real Frontex and sea-arrival files, on both backends. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { BACKENDS } from '../../../test/helpers/backends.ts';
import { tempFolder, type TempFolder } from '../../../test/helpers/data-folder.ts';
import { loadDataFolder } from '../../data/load.ts';
import type { Db } from '../../store/db.ts';
import { buildApp } from '../app.ts';
import { ARRIVAL_FILES } from '../../../test/helpers/arrival-files.ts';

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`capacity outlook API on ${backend.name}`, () => {
    let app: FastifyInstance;
    let dispose: () => Promise<void>;
    let folder: TempFolder;
    beforeAll(async () => {
      const h = await backend.open();
      dispose = h.dispose;
      folder = tempFolder(ARRIVAL_FILES);
      await loadDataFolder(h.db as Db, folder.dir);
      app = await buildApp({ db: h.db });
    }, 300_000);
    afterAll(async () => {
      await app?.close();
      await dispose?.();
      folder?.remove();
    });

    it("gives Italy's page its occupancy, capacity and the dates limits are reached, to the public", async () => {
      const res = await app.inject({ method: 'GET', url: '/api/procedures/capacity-outlook/IT?year=2026' });
      expect(res.statusCode).toBe(200);
      const j = res.json();
      expect(j.state).toMatchObject({ code: 'IT', routes: ['Central Mediterranean Route'] });
      expect(j.state.months).toHaveLength(12);
      expect(j.state.capacity).toBeGreaterThan(0);
      expect(j.state.annualMaximum).toBe(2 * j.state.capacity);
      expect(j.assumptions).toMatchObject({ borderShare: 0.25, durationWeeks: 12 });
      const table = (await app.inject({ method: 'GET', url: '/api/procedures/adequate-capacity?year=2026' })).json();
      expect(table.states.find((s: { code: string }) => s.code === 'IT').capacity).toBe(j.state.capacity);
      // 16 weeks after relocation (Art 51(2)): longer stays, more places occupied at the peak.
      const w16 = (await app.inject({ method: 'GET', url: '/api/procedures/capacity-outlook/IT?year=2026&weeks=16' })).json();
      expect(w16.state.peakOccupancy.mean).toBeGreaterThan(j.state.peakOccupancy.mean);
      expect(w16.state.yearEntries).toEqual(j.state.yearEntries);
      // Without a year: the cycle the public pages show (the state page asks so).
      const byDefault = await app.inject({ method: 'GET', url: '/api/procedures/capacity-outlook/IT' });
      expect(byDefault.statusCode).toBe(200);
      expect(byDefault.json()).toEqual(j);
    }, 300_000);

    it.each([
      ['/api/procedures/capacity-outlook/DK?year=2026', /not bound by the asylum border procedure/],
      ['/api/procedures/capacity-outlook/XX?year=2026', /XX is not a Member State/],
      ['/api/procedures/capacity-outlook/IT?year=2026&weeks=14', /12 or 16/],
      ['/api/procedures/capacity-outlook/IT?year=2026&borderShare=2', /borderShare/],
      ['/api/procedures/capacity-outlook/IT?year=2025', /year/],
    ])('answers 400 for %s', async (url, message) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }, 300_000);
  });
}
