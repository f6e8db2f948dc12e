/** `pactcycle start --no-serve` on an empty store: loads the data folder once, then runs the latest cycle it supports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../../../test/helpers/cli.ts';
import { tempFolder, type TempFolder } from '../../../test/helpers/data-folder.ts';

describe('pactcycle start', () => {
  let home: ReturnType<typeof tempHome>;
  let folder: TempFolder;
  const saved = process.env.PACTCYCLE_DATA;
  beforeAll(() => {
    home = tempHome();
    folder = tempFolder(['eurostat/population_1jan.csv', 'eurostat/gdp_current_prices_meur_2010_2024.csv']);
    process.env.PACTCYCLE_DATA = folder.dir;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.PACTCYCLE_DATA;
    else process.env.PACTCYCLE_DATA = saved;
    folder.remove();
    home.restore();
  });

  it('loads an empty store, picks the 2026 cycle from the data, and prints fair shares and the confidential proposal', async () => {
    const first = await runCli('start', '--no-serve');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Loaded 2 files from .*: [\d,]+ observations\./m);
    expect(first.stdout).toMatch(/The 2026 cycle: reference period 2024-07 to 2025-06/);
    expect(first.stdout).toMatch(/population 1 January 2025, GDP 2024/);
    expect(first.stdout).toMatch(/^DE Germany\s+\d+\.\d{4}$/m);
    expect(first.stdout).toMatch(/RESTREINT UE until the Council adopts it: 30,000 relocations, EUR 600,000,000/);
    const second = await runCli('start', '--no-serve');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/^Loaded/m);
  });

  it('runs an earlier cycle on request and refuses an unknown one with exit 2', async () => {
    expect((await runCli('start', '--no-serve', '--cycle', '2020')).stdout).toMatch(/The 2020 cycle: reference period 2018-07 to 2019-06/);
    const bad = await runCli('start', '--no-serve', '--cycle', 'next');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown cycle "next"/);
  });
});
