import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { F3_NAMA_10_GDP_IT, fixture } from '../../../test/helpers/fixtures.ts';
import { replayServer, type ReplayServer } from '../../../test/helpers/replay-server.ts';
import { runCli } from '../../../test/helpers/cli.ts';

const run = runCli;

describe('pactcycle data fetch, and data load from the live API when no folder exists', () => {
  let server: ReplayServer;
  let home: string;
  let work: string;
  const saved = { home: process.env.PACTCYCLE_HOME, url: process.env.DATABASE_URL, api: process.env.PACTCYCLE_EUROSTAT_URL, data: process.env.PACTCYCLE_DATA, cwd: process.cwd() };
  beforeAll(async () => {
    server = await replayServer({
      '/statistics/1.0/data/nama_10_gdp': [{ status: 503, body: 'busy' }, { body: fixture(F3_NAMA_10_GDP_IT), headers: { 'content-type': 'application/json' } }],
    });
    home = mkdtempSync(path.join(tmpdir(), 'pactcycle-home-'));
    // A working directory with no ../shared/data beside it.
    work = path.join(mkdtempSync(path.join(tmpdir(), 'pactcycle-work-')), 'repo');
    mkdirSync(work);
    process.env.PACTCYCLE_HOME = home;
    process.env.PACTCYCLE_EUROSTAT_URL = server.url;
    delete process.env.DATABASE_URL;
    delete process.env.PACTCYCLE_DATA;
  });
  afterAll(async () => {
    process.chdir(saved.cwd);
    for (const [k, v] of [['PACTCYCLE_HOME', saved.home], ['DATABASE_URL', saved.url], ['PACTCYCLE_EUROSTAT_URL', saved.api], ['PACTCYCLE_DATA', saved.data]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await server.close();
    rmSync(home, { recursive: true, force: true });
    rmSync(path.dirname(work), { recursive: true, force: true });
  });

  it('fetch --offline before any download: exit 2, names the query, asks nothing of the server', async () => {
    const r = await run('data', 'fetch', '--dataset', 'nama_10_gdp', '--offline', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nama_10_gdp\?.*offline, and this query is not in the download cache/);
    expect(r.stdout).toBe('');
    expect(server.hits.size).toBe(0);
  });

  it('fetch --json: retries the 503, stores Italy\'s GDP release, prints JSON only', async () => {
    const r = await run('data', 'fetch', '--dataset', 'nama_10_gdp', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout);
    expect(s.datasets).toEqual([expect.objectContaining({ dataset: 'nama_10_gdp', fromCache: false, vintage: '2026-08-25', observations: 31, inserted: 31 })]);
    expect(server.hits.get('/statistics/1.0/data/nama_10_gdp')).toBe(2);
  });

  it('data load with no folder goes to the live API (here offline: only the cache); fetch --offline serves the cached answer, already loaded', async () => {
    process.chdir(work);
    try {
      const r = await run('data', 'load', '--offline', '--json');
      // Only nama_10_gdp is in the cache: the first other dataset of the registry is refused, naming it.
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/statistics\/1\.0\/data\/demo_pjan\?.*not in the download cache/);
      const again = await run('data', 'fetch', '--dataset', 'nama_10_gdp', '--offline');
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/nama_10_gdp\s+cache\s+2026-08-25\s+31\s+0\s+31\s+0\s+31/);
    } finally {
      process.chdir(saved.cwd);
    }
  });

  it('an unknown dataset is a usage error (exit 1)', async () => {
    const r = await run('data', 'fetch', '--dataset', 'une_rt_m');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no indicator of the registry comes from dataset "une_rt_m"/);
  });
});
