import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryStore, type Db } from '../store/db.ts';
import { tempFolder, type TempFolder } from '../../test/helpers/data-folder.ts';
import { coverageSummary, referencePeriod } from './coverage.ts';
import { loadDataFolder } from './load.ts';

describe('referencePeriod', () => {
  it('runs from July Y-2 to June Y-1 (Art 9(1): the Report of October Y-1 covers the previous July–June)', () => {
    expect(referencePeriod(2026)).toEqual({ first: '2024-07', last: '2025-06' });
  });
});

describe('coverageSummary', () => {
  let db: Db;
  let folder: TempFolder;
  beforeAll(async () => {
    db = await openMemoryStore();
    folder = tempFolder([
      'eurostat/asylum_first_time_applicants_annual_2008_2022.csv',
      'eurostat/asylum_first_time_applicants_annual_selected_countries_2008_2025_vintage2026.csv',
      'eurostat/orders_to_leave_and_returns_annual_selected_countries_2008_2025.csv',
      'frontex/ibc_detections_annual_by_route.csv',
    ]);
    await loadDataFolder(db, folder.dir);
  });
  afterAll(async () => {
    folder.remove();
    await db.close();
  });

  it('gives first, last and count per indicator × geo × frequency', async () => {
    const s = await coverageSummary(db);
    const de = s.coverage.find((c) => c.indicator === 'asylum_applicants_first_time' && c.geo === 'DE')!;
    expect(de).toMatchObject({ freq: 'A', first: '2008', last: '2025', count: 18, byDimension: false });
    const routes = s.coverage.find((c) => c.indicator === 'irregular_crossings')!;
    expect(routes).toMatchObject({ geo: 'EU27_2020', byDimension: true, first: '2009', last: '2025' });
  });

  it('lists indicators without data, missing Member States and series ending before the reference period', async () => {
    const s = await coverageSummary(db, { cycleYear: 2026 });
    expect(s.gaps.filter((g) => g.kind === 'no-data').map((g) => g.indicator)).toContain('population');
    const missing = s.gaps.find((g) => g.kind === 'missing-states' && g.indicator === 'returns');
    expect(missing && 'states' in missing ? missing.states : []).toEqual(['BG', 'CZ', 'DK', 'EE', 'HR', 'CY', 'LV', 'LT', 'LU', 'HU', 'MT', 'RO', 'SI', 'SK', 'FI']);
    const short = s.gaps.find((g) => g.kind === 'ends-before-reference-period' && g.indicator === 'asylum_applicants_first_time');
    const series = short && 'series' in short ? short.series : [];
    // The 2026 API extraction reaches 2025 for 14 states; the 2024 bulk file stops in 2022 for the other 15 Member States.
    expect(series.map((x) => x.geo)).toEqual(['BG', 'CZ', 'DK', 'EE', 'HR', 'CY', 'LV', 'LT', 'LU', 'HU', 'MT', 'RO', 'SI', 'SK', 'FI']);
    expect(series.every((x) => x.last === '2022')).toBe(true);
  });
});
