import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../domain/errors.ts';
import { queryObservations } from '../../store/observations.ts';
import { BACKENDS } from '../../../test/helpers/backends.ts';
import { F3_NAMA_10_GDP_IT, fixture } from '../../../test/helpers/fixtures.ts';
import { replayServer, type ReplayServer } from '../../../test/helpers/replay-server.ts';
import { loadDataFolder } from '../load.ts';
import { tempFolder } from '../../../test/helpers/data-folder.ts';
import { EurostatClient } from './client.ts';
import { loadFromEurostat, registryRequests } from './source.ts';

describe('registryRequests', () => {
  it('asks once per dataset, uniting its indicators\' filters (FRST and TOTAL applicants in one request)', () => {
    const [asy] = registryRequests({ datasets: ['migr_asyappctza'] });
    expect(asy!.indicators).toEqual(['asylum_applicants_first_time', 'asylum_applicants']);
    expect(asy!.query).toBe('statistics/1.0/data/migr_asyappctza?format=JSON&lang=EN&age=TOTAL&applicant=FRST&applicant=TOTAL&citizen=TOTAL&sex=T&unit=PER');
    expect(registryRequests().map((r) => r.dataset)).toContain('nama_10_gdp');
    expect(registryRequests({ datasets: ['nama_10_gdp'], since: '2015' })[0]).toMatchObject({ periods: { from: '2015', to: '2999' } });
  });

  it('refuses a dataset the registry does not use, and a --since that is not a year', () => {
    expect(() => registryRequests({ datasets: ['une_rt_m'] })).toThrow(UsageError);
    expect(() => registryRequests({ since: '2015-01' })).toThrow(UsageError);
  });
});

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`loadFromEurostat on ${backend.name}, from a local server replaying the recorded answer`, () => {
    let server: ReplayServer;
    let cacheDir: string;
    let handle: Awaited<ReturnType<typeof backend.open>>;
    beforeAll(async () => {
      server = await replayServer({ '/statistics/1.0/data/nama_10_gdp': [{ body: fixture(F3_NAMA_10_GDP_IT), headers: { 'content-type': 'application/json' } }] });
      cacheDir = mkdtempSync(path.join(tmpdir(), 'pactcycle-cache-'));
      handle = await backend.open();
    });
    afterAll(async () => {
      await handle.dispose();
      await server.close();
      rmSync(cacheDir, { recursive: true, force: true });
    });
    const client = (offline = false) => new EurostatClient({ cacheDir, baseUrl: server.url, offline, backoffMs: 10 });

    it('stores the release beside the tidy vintage; queries take the latest; the same answer again changes nothing', async () => {
      const folder = tempFolder(['eurostat/gdp_current_prices_meur_2010_2024.csv']);
      try {
        await loadDataFolder(handle.db, folder.dir);
      } finally {
        folder.remove();
      }
      const requests = registryRequests({ datasets: ['nama_10_gdp'] });
      const first = await loadFromEurostat(handle.db, client(), requests);
      expect(first.datasets[0]).toMatchObject({ dataset: 'nama_10_gdp', fromCache: false, vintage: '2026-08-25', observations: 31, inserted: 31, alreadyLoaded: false });
      const it2024 = await queryObservations(handle.db, { indicator: 'gdp', geos: ['IT'], from: '2024', to: '2024' });
      expect(it2024).toEqual([expect.objectContaining({ value: 2202031.2, vintage: '2026-08-25', source: 'eurostat:nama_10_gdp' })]);
      const older = await queryObservations(handle.db, { indicator: 'gdp', geos: ['IT'], from: '2024', to: '2024', asOf: '2026-01-01' });
      expect(older[0]!.value).toBe(2199619.4);

      // Offline, from the cache: the same bytes, recorded as already loaded.
      const again = await loadFromEurostat(handle.db, client(true), requests);
      expect(again.datasets[0]).toMatchObject({ fromCache: true, inserted: 0, unchanged: 31, alreadyLoaded: true });
      expect(server.hits.get('/statistics/1.0/data/nama_10_gdp')).toBe(1);
    });

    it('a bad answer stores nothing of the run: an unknown geo in the second dataset of the same load', async () => {
      const bad = JSON.parse(fixture(F3_NAMA_10_GDP_IT)) as { extension: { id: string }; dimension: { geo: { category: { index: Record<string, number> } } }; updated: string };
      bad.extension.id = 'DEMO_PJAN';
      bad.updated = '2026-09-01T11:00:00+0200';
      const before = await handle.db.query('SELECT count(*)::int AS n FROM observation');
      const requests = registryRequests({ datasets: ['nama_10_gdp', 'demo_pjan'] });
      // A demo_pjan answer shaped as Eurostat sends it (dimensions of its filters), with a geo code no source has.
      bad.dimension.geo.category.index = { XX: 0 };
      server.routes.set('/statistics/1.0/data/demo_pjan', [{ body: JSON.stringify({ ...bad, id: ['freq', 'unit', 'age', 'sex', 'geo', 'time'], size: [1, 1, 1, 1, 1, 51], dimension: { ...bad.dimension, unit: { category: { index: { NR: 0 } } }, age: { category: { index: { TOTAL: 0 } } }, sex: { category: { index: { T: 0 } } } } }) }]);
      const err = (await loadFromEurostat(handle.db, client(), requests).catch((x: unknown) => x)) as Error;
      expect(err).toBeInstanceOf(InputError);
      expect(err.message).toMatch(/demo_pjan\?.*field value\["20"\] geo: unknown geo code "XX"/);
      expect(await handle.db.query('SELECT count(*)::int AS n FROM observation')).toEqual(before);
    });
  });
}
