/**
 * A data folder holding files in Eurostat's own formats beside tidy CSV, described by the manifest's `eurostat`
 * section: the recorded JSON-stat answer (F3), and real figures in bulk TSV and SDMX-CSV shape, loaded by the same
 * one-transaction loader.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.ts';
import { queryObservations } from '../store/observations.ts';
import { BACKENDS } from '../../test/helpers/backends.ts';
import { bulkTsv, sdmx21Csv, tidyObservations } from '../../test/helpers/eurostat-shapes.ts';
import { F3_NAMA_10_GDP_IT, FIXTURES } from '../../test/helpers/fixtures.ts';
import { loadDataFolder } from './load.ts';
import { parseManifest } from './manifest.ts';

const nasy = tidyObservations('eurostat/asylum_first_time_applicants_annual_2008_2022.csv');
const frst = tidyObservations('eurostat/asylum_first_time_applicants_annual_selected_countries_2008_2025_vintage2026.csv');
const old = { unit: 'PER', citizen: 'TOTAL', sex: 'T', age: 'TOTAL' };
const TSV = bulkTsv([{ codes: { ...old, asyl_app: 'NASY_APP' }, observations: nasy }]);
const SDMX = sdmx21Csv('ESTAT:MIGR_ASYAPPCTZA(1.0)', '16/09/26 11:00:00', [{ codes: { ...old, applicant: 'FRST' }, observations: frst }]);

function folder(tsv = TSV): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pactcycle-eurostat-'));
  mkdirSync(path.join(dir, 'raw'));
  copyFileSync(path.join(FIXTURES, F3_NAMA_10_GDP_IT), path.join(dir, 'raw/nama_10_gdp_IT.json'));
  writeFileSync(path.join(dir, 'raw/migr_asyappctza.tsv'), tsv);
  writeFileSync(path.join(dir, 'raw/migr_asyappctza.csv'), SDMX);
  const manifest = {
    files: [],
    eurostat: [
      { file: 'raw/nama_10_gdp_IT.json', format: 'jsonstat' },
      { file: 'raw/migr_asyappctza.tsv', format: 'tsv', dataset: 'migr_asyappctza', vintage: '2024-01-18' },
      { file: 'raw/migr_asyappctza.csv', format: 'sdmx-csv' },
    ],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('the manifest\'s eurostat section', () => {
  it('refuses a TSV entry without dataset and vintage, naming the entry', () => {
    const text = JSON.stringify({ files: [], eurostat: [{ file: 'x.tsv', format: 'tsv' }] });
    expect(() => parseManifest(text, 'manifest.json')).toThrow(new InputError('x.tsv: a bulk TSV file names neither its dataset nor its release; give dataset and vintage', { file: 'manifest.json', field: 'eurostat.0' }));
  });
});

const backend = BACKENDS[0]!;
describe(`loading Eurostat-format files of a folder (${backend.name})`, () => {
  let handle: Awaited<ReturnType<typeof backend.open>>;
  const dirs: string[] = [];
  beforeAll(async () => {
    handle = await backend.open();
  }, 120_000);
  afterAll(async () => {
    await handle.dispose();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a TSV cell that is negative: exit with the file, line and period, and nothing stored', async () => {
    const lines = TSV.split('\n');
    lines[3] = lines[3]!.replace(/\t(\d+) /, '\t-$1 ');
    const bad = folder(lines.join('\n'));
    dirs.push(bad);
    const err = (await loadDataFolder(handle.db, bad).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/raw\/migr_asyappctza\.tsv, line 4, field \d{4}: -\d+ is negative; a persons figure cannot be/);
    expect(await handle.db.query('SELECT count(*)::int AS n FROM observation')).toEqual([{ n: 0 }]);
  });

  it('loads all three beside each other: old-code bulk and new-code SDMX first-time applicants as two vintages; again, nothing', async () => {
    const dir = folder();
    dirs.push(dir);
    const s = await loadDataFolder(handle.db, dir);
    expect(s.undescribed).toEqual([]);
    expect(s.files.map((f) => [f.file, f.indicators, f.observations])).toEqual([
      ['raw/nama_10_gdp_IT.json', ['gdp'], 31],
      ['raw/migr_asyappctza.tsv', ['asylum_applicants_first_time'], nasy.length],
      ['raw/migr_asyappctza.csv', ['asylum_applicants_first_time'], frst.length],
    ]);
    const de2015 = await queryObservations(handle.db, { indicator: 'asylum_applicants_first_time', geos: ['DE'], from: '2015', to: '2015' });
    expect(de2015).toEqual([expect.objectContaining({ vintage: '2026-09-16', value: frst.find((o) => o.geo === 'DE' && o.period === '2015')!.value })]);
    const asOf2024 = await queryObservations(handle.db, { indicator: 'asylum_applicants_first_time', geos: ['DE'], from: '2015', to: '2015', asOf: '2024-12-31' });
    expect(asOf2024).toEqual([expect.objectContaining({ vintage: '2024-01-18', value: nasy.find((o) => o.geo === 'DE' && o.period === '2015')!.value })]);
    expect((await loadDataFolder(handle.db, dir)).inserted).toBe(0);
  });
});
