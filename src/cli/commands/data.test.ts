import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realText, replaceLine, tempFolder, type TempFolder } from '../../../test/helpers/data-folder.ts';
import { runCli } from '../../../test/helpers/cli.ts';

const FILES = ['eurostat/gdp_current_prices_meur_2010_2024.csv', 'eurostat/orders_to_leave_and_returns_annual_selected_countries_2008_2025.csv'];

const run = runCli;

describe('pactcycle data', () => {
  let home: string;
  let good: TempFolder;
  const saved = { home: process.env.PACTCYCLE_HOME, url: process.env.DATABASE_URL };
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), 'pactcycle-home-'));
    process.env.PACTCYCLE_HOME = home;
    delete process.env.DATABASE_URL;
    good = tempFolder(FILES);
  });
  afterAll(() => {
    process.env.PACTCYCLE_HOME = saved.home;
    if (saved.url) process.env.DATABASE_URL = saved.url;
    good.remove();
    rmSync(home, { recursive: true, force: true });
  });

  it('load --json prints files and rows read, inserted and unchanged; a second load inserts nothing', async () => {
    const first = await run('data', 'load', '--from', good.dir, '--json');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.totals).toEqual({ files: 2, rowsRead: 461 + 506, observations: 461 + 506, inserted: 461 + 506, unchanged: 0 });
    expect(first.stderr).toBe('');
    const second = JSON.parse((await run('data', 'load', '--from', good.dir, '--json')).stdout);
    expect(second.totals.inserted).toBe(0);
    expect(second.totals.unchanged).toBe(967);
  });

  it('exits with 2 and the file, line and field for bad data, storing nothing', async () => {
    const bad = tempFolder(FILES, { [FILES[0]!]: replaceLine(realText(FILES[0]!), 3, 'AT,2011,lots') });
    try {
      const r = await run('data', 'load', '--from', bad.dir, '--json');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/gdp_current_prices_meur_2010_2024\.csv, line 3, field value: "lots" is not a number/);
      expect(r.stdout).toBe('');
    } finally {
      bad.remove();
    }
  });

  it('status --json gives coverage and gaps', async () => {
    const r = await run('data', 'status', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.observations).toBe(967);
    expect(s.referencePeriod).toEqual({ first: '2024-07', last: '2025-06' });
    expect(s.coverage.find((c: { indicator: string; geo: string }) => c.indicator === 'gdp' && c.geo === 'IT')).toMatchObject({ first: '2010', last: '2024', count: 15 });
    expect(s.gaps.some((g: { kind: string; indicator: string }) => g.kind === 'no-data' && g.indicator === 'population')).toBe(true);
  });

  it('status rejects a cycle year before the Pact applies (usage error, exit 1)', async () => {
    const r = await run('data', 'status', '--cycle', '2019');
    expect(r.code).toBe(1);
  });
});
