/**
 * Reading stored monthly series by their dimensions, on the real Frontex files through the loader: each route's
 * series, and each route × nationality series (detections of both types, land and sea, together), read by one reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realText, tempFolder, type TempFolder } from '../../test/helpers/data-folder.ts';
import { loadDataFolder } from '../data/load.ts';
import { openMemoryStore, type Db } from '../store/db.ts';
import { readMonthlySeries, readSeriesByDims } from './monthly-series.ts';
import { readRouteSeries } from './route-forecast.ts';

const ROUTES = 'frontex/ibc_detections_monthly_by_route.csv';
const BY_NATIONALITY = 'frontex/ibc_detections_monthly_by_route_nationality.csv';

/** Monthly totals of one route × nationality in the file, over both types, in month order. */
function fileTotals(route: string, nationality: string): [string, number][] {
  const sums = new Map<string, number>();
  for (const line of realText(BY_NATIONALITY).trim().split('\n').slice(1)) {
    const [r, , n, month, value] = line.split(',');
    if (r === route && n === nationality) sums.set(month!, (sums.get(month!) ?? 0) + Number(value));
  }
  return [...sums].sort(([a], [b]) => a.localeCompare(b));
}

describe('readSeriesByDims', () => {
  let db: Db;
  let folder: TempFolder;
  beforeAll(async () => {
    folder = tempFolder([ROUTES, BY_NATIONALITY]);
    db = await openMemoryStore();
    await loadDataFolder(db, folder.dir);
  }, 120_000);
  afterAll(async () => {
    await db.close();
    folder.remove();
  });

  it("reads each route's series as the cycle's reader of every monthly series does", async () => {
    const routes = await readRouteSeries(db);
    const all = await readMonthlySeries(db);
    const fromAll = all.series.filter((s) => s.indicator === 'irregular_crossings' && s.dims?.route);
    expect(routes.series.map((s) => s.id)).toEqual(fromAll.map((s) => s.id));
    expect(routes.series.map((s) => s.values)).toEqual(fromAll.map((s) => s.values));
    expect(routes.series.length).toBeGreaterThanOrEqual(7);
    expect(routes.skipped.map((s) => s.id)).toEqual(all.skipped.filter((s) => s.id.startsWith('irregular_crossings:')).map((s) => s.id));
  });

  it('reads each route × nationality as its own series, named route then nationality, land and sea together', async () => {
    const { series, skipped } = await readSeriesByDims(db, 'irregular_crossings', ['route', 'nationality']);
    const ids = [...series, ...skipped].map((s) => s.id);
    expect(ids.every((id) => id.split(':').length === 3)).toBe(true);
    const syria = series.find((s) => s.id === 'irregular_crossings:Eastern Mediterranean Route:SYR')!;
    const expected = fileTotals('Eastern Mediterranean Route', 'SYR');
    expect(syria.start).toBe(expected[0]![0]);
    expect(syria.values).toEqual(expected.map(([, v]) => v));
    expect(syria.dims).toEqual({ route: 'Eastern Mediterranean Route', nationality: 'SYR' });
  });
});
