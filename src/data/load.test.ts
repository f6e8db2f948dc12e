import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.ts';
import type { Db } from '../store/db.ts';
import { queryObservations } from '../store/observations.ts';
import { BACKENDS } from '../../test/helpers/backends.ts';
import { realText, replaceLine, tempFolder, type TempFolder } from '../../test/helpers/data-folder.ts';
import { loadDataFolder, resolveDataDir } from './load.ts';

const GDP = 'eurostat/gdp_current_prices_meur_2010_2024.csv';
const POP = 'eurostat/population_1jan.csv';
const ORDERS = 'eurostat/orders_to_leave_and_returns_annual_selected_countries_2008_2025.csv';
const FILES = [GDP, POP, ORDERS];

async function snapshot(db: Db): Promise<string> {
  const obs = await db.query('SELECT indicator, geo, period, dims, vintage, value, flags FROM observation ORDER BY 1, 2, 3, 4, 5');
  const loads = await db.query('SELECT source_file, sha256, rows_inserted FROM data_load ORDER BY id');
  return JSON.stringify({ obs, loads });
}

const gdp = realText(GDP);
const pop = realText(POP);
const BAD: [string, Record<string, string>, RegExp][] = [
  ['an unknown geo code', { [GDP]: replaceLine(gdp, 5, 'ZZ,2013,1.0') }, /gdp_current_prices_meur_2010_2024\.csv, line 5, field geo: unknown geo code "ZZ"/],
  ['a non-numeric value', { [GDP]: replaceLine(gdp, 5, 'AT,2013,n/a') }, /line 5, field value: "n\/a" is not a number/],
  ['a negative count', { [POP]: replaceLine(pop, 4, 'AT,2010,-8351643,demo_pjan_2024-01-18') }, /population_1jan\.csv, line 4, field value: -8351643 is negative/],
  ['a period outside the file', { [GDP]: replaceLine(gdp, 5, 'AT,2009,1.0') }, /line 5, field year: period 2009 is outside/],
  ['conflicting duplicate rows', { [GDP]: gdp + 'AT,2010,1.5\n' }, /field value: duplicate row with a different value: line 2/],
  ['a truncated file', { [POP]: pop.slice(0, pop.length / 2) }, /population_1jan\.csv, line \d+: the file ends in the middle of a line/],
  ['a malformed row', { [GDP]: replaceLine(gdp, 7, 'AT,2015') }, /line 7, field year: expected 3 fields/],
];

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`loadDataFolder on ${backend.name}`, () => {
    let handle: Awaited<ReturnType<typeof backend.open>>;
    let good: TempFolder;
    let before: string;

    beforeAll(async () => {
      handle = await backend.open();
      good = tempFolder(FILES);
      const summary = await loadDataFolder(handle.db, good.dir);
      expect(summary.inserted).toBeGreaterThan(1000);
      before = await snapshot(handle.db);
    });
    afterAll(async () => {
      good.remove();
      await handle.dispose();
    });

    it('stores real figures with their provenance and records each file with its sha256', async () => {
      const it2023 = await queryObservations(handle.db, { indicator: 'gdp', geos: ['IT'], from: '2023', to: '2023' });
      expect(it2023.map((o) => [o.value, o.vintage, o.source])).toEqual([[2142601.7, '2025', 'eurostat:nama_10_gdp']]);
      const loads = await handle.db.query<{ source_file: string; sha256: string }>('SELECT source_file, sha256 FROM data_load ORDER BY id');
      expect(loads.map((l) => l.source_file)).toEqual(FILES);
      expect(loads.every((l) => /^[0-9a-f]{64}$/.test(l.sha256))).toBe(true);
    });

    it('changes nothing when the same vintage is loaded again', async () => {
      const again = await loadDataFolder(handle.db, good.dir);
      expect(again.inserted).toBe(0);
      expect(again.unchanged).toBe(again.observations);
      expect(await snapshot(handle.db)).toBe(before);
    });

    for (const [name, texts, message] of BAD) {
      it(`refuses ${name} with a clear error and leaves the store unchanged`, async () => {
        const bad = tempFolder(FILES, texts);
        try {
          const err = await loadDataFolder(handle.db, bad.dir).catch((e: unknown) => e);
          expect(err).toBeInstanceOf(InputError);
          expect((err as Error).message).toMatch(message);
          expect(await snapshot(handle.db)).toBe(before);
        } finally {
          bad.remove();
        }
      });
    }

    it('refuses a changed figure under an already stored vintage, in one transaction (nothing of the run kept)', async () => {
      // The first file is new and valid; the second changes a stored figure without a new vintage.
      const bad = tempFolder([ORDERS, GDP], {
        [GDP]: gdp.replace('AT,2010,294050.6', 'AT,2010,294050.7'),
      }, { [ORDERS]: { vintage: '2027-01-01' } });
      try {
        const err = await loadDataFolder(handle.db, bad.dir).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(InputError);
        expect((err as Error).message).toMatch(/gdp AT 2010 vintage 2025 is already stored as 294050.6; the file says 294050.7/);
        expect(await snapshot(handle.db)).toBe(before);
      } finally {
        bad.remove();
      }
    });

    it('keeps a new vintage beside the old one; queries take the latest unless asked', async () => {
      const newer = tempFolder([GDP], { [GDP]: gdp.replace('IT,2023,2142601.7', 'IT,2023,2142744.4') }, { [GDP]: { vintage: '2026-08-25' } });
      try {
        const summary = await loadDataFolder(handle.db, newer.dir);
        expect(summary.inserted).toBe(461);
        const latest = await queryObservations(handle.db, { indicator: 'gdp', geos: ['IT'], from: '2023', to: '2023' });
        expect(latest.map((o) => [o.value, o.vintage])).toEqual([[2142744.4, '2026-08-25']]);
        const old = await queryObservations(handle.db, { indicator: 'gdp', geos: ['IT'], from: '2023', to: '2023', vintage: '2025' });
        expect(old.map((o) => o.value)).toEqual([2142601.7]);
      } finally {
        newer.remove();
      }
    });
  });
}

describe('resolveDataDir', () => {
  it('prefers --from, then PACTCYCLE_DATA, then ../shared/data when it exists, else the live API (null)', () => {
    expect(resolveDataDir({ from: 'x', env: { PACTCYCLE_DATA: '/y' }, cwd: '/w' })).toEqual({ dir: '/w/x', origin: 'from' });
    expect(resolveDataDir({ env: { PACTCYCLE_DATA: '/y' }, cwd: '/w' })).toEqual({ dir: '/y', origin: 'env' });
    expect(resolveDataDir({ env: {}, cwd: process.cwd() })?.origin).toBe('shared');
    expect(resolveDataDir({ env: {}, cwd: '/' })).toBeNull();
  });
});
