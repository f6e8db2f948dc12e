/**
 * Real published figures for the browser tests, read from `../shared/data` (Eurostat's population on 1 January,
 * GDP at current prices, and asylum applicants by year). A stop-gap until the data loader (`src/data`) is on main:
 * the files are tidy `geo,year,value` CSVs, so no parsing rule of the loader is duplicated beyond splitting lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/store/db.ts';
import { insertObservations } from '../../src/store/observations.ts';

const FILES = [
  { indicator: 'population', unit: 'persons', file: 'eurostat/population_1jan.csv' },
  { indicator: 'gdp', unit: 'MIO_EUR', file: 'eurostat/gdp_current_prices_meur_2010_2024.csv' },
  { indicator: 'asylum_applicants_first_time', unit: 'persons', file: 'eurostat/asylum_first_time_applicants_annual_2008_2022.csv' },
  { indicator: 'asylum_applicants', unit: 'persons', file: 'eurostat/asylum_applicants_total_annual_2008_2022.csv' },
] as const;

export const DATA_DIR = path.resolve(import.meta.dirname, '../../../shared/data');

export async function seedPublishedFigures(db: Db, dataDir = DATA_DIR): Promise<void> {
  for (const [i, f] of FILES.entries()) {
    const [head, ...lines] = readFileSync(path.join(dataDir, f.file), 'utf8').trim().split(/\r?\n/);
    const cols = head!.split(',');
    const at = (name: string) => cols.indexOf(name);
    const rows = lines
      .map((l) => l.split(','))
      .filter((c) => c[at('value')] !== '' && Number.isFinite(Number(c[at('value')])))
      .map((c) => ({ indicator: f.indicator, geo: c[at('geo')]!, period: c[at('year')]!, value: Number(c[at('value')]), unit: f.unit, flags: '', source: 'eurostat', vintage: '2025-01-01' }));
    await db.query(
      `INSERT INTO data_load (id, source_file, sha256, indicator, source, vintage, rows_read, rows_inserted) VALUES ($1, $2, '', $3, 'eurostat', '2025-01-01', $4, $4)`,
      [1000 + i, f.file, f.indicator, rows.length],
    );
    await insertObservations(db, rows, 1000 + i, f.file);
  }
}
