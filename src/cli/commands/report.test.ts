import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.ts';

const run = runCli;

describe('pactcycle report: exit codes (the report itself is tested in src/report)', () => {
  let home: string;
  const saved = { home: process.env.PACTCYCLE_HOME, url: process.env.DATABASE_URL };
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), 'pactcycle-home-'));
    process.env.PACTCYCLE_HOME = path.join(home, 'store');
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env.PACTCYCLE_HOME = saved.home;
    if (saved.url) process.env.DATABASE_URL = saved.url;
    rmSync(home, { recursive: true, force: true });
  });

  it('exits 1 for an unknown language and 2 for an unknown cycle (the team’s rule for --cycle), naming what is accepted', async () => {
    const lang = await run('report', '--cycle', '2026', '--lang', 'fr', '--no-pdf', '--out', path.join(home, 'r'));
    expect(lang.code).toBe(1);
    expect(lang.stderr).toMatch(/unknown language "fr".*en, nl/);
    const cycle = await run('report', '--cycle', 'next', '--no-pdf');
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toContain('unknown cycle "next"');
    expect(existsSync(path.join(home, 'r'))).toBe(false);
  });

  it('exits 2 on an empty store and leaves no folder behind', async () => {
    const r = await run('report', '--cycle', '2026', '--no-pdf', '--out', path.join(home, 'r'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pactcycle data load');
    expect(readdirSync(home).sort()).toEqual(['store']);
  });
});
