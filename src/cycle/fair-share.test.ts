/**
 * The fair shares of the 2026 cycle on the real Eurostat files, through the real loader: the years chosen, the
 * vintages recorded, the states bound, and each share equal to the Annex I formula applied to the CSV rows.
 */
import { note } from '../domain/note.ts';
import { noteText } from '../notes/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataFolder } from '../data/index.ts';
import { SOLIDARITY_STATES } from '../domain/member-states.ts';
import { InputError } from '../domain/errors.ts';
import { BACKENDS } from '../../test/helpers/backends.ts';
import { realText, tempFolder, type TempFolder } from '../../test/helpers/data-folder.ts';
import { fairSharesForCycle } from './fair-share.ts';

const FILES = ['eurostat/population_1jan.csv', 'eurostat/gdp_current_prices_meur_2010_2024.csv'];

/** The CSV's figure for a state and year, read without the loader. */
function csvValue(file: string, geo: string, year: string): number {
  const line = realText(file).split(/\r?\n/).find((l) => l.startsWith(`${geo},${year},`));
  if (!line) throw new Error(`${file} has no ${geo} ${year}`);
  return Number(line.split(',')[2]);
}

const backend = BACKENDS[0]!;
describe(`fair shares of a cycle from the real data (${backend.name})`, () => {
  let folder: TempFolder;
  let handle: Awaited<ReturnType<typeof backend.open>>;
  beforeAll(async () => {
    folder = tempFolder(FILES);
    handle = await backend.open();
    await loadDataFolder(handle.db, folder.dir);
  }, 120_000);
  afterAll(async () => {
    await handle.dispose();
    folder.remove();
  });

  it('uses the population of 1 January 2025 and GDP of 2024 for the 2026 cycle, over the 26 bound states', async () => {
    const r = await fairSharesForCycle(handle.db, { cycle: 2026 });
    expect(r.population.year).toBe('2025');
    expect(r.gdp.year).toBe('2024');
    expect(r.population.vintages).toEqual(['2025-07']);
    expect(r.gdp.vintages).toEqual(['2025']);
    expect(r.states.map((s) => s.code)).toEqual([...SOLIDARITY_STATES]);
    expect(r.states.some((s) => s.code === ('DK' as string))).toBe(false);
    expect(r.dataNotes.map(noteText).join('\n')).toMatch(/population: the figures for every state are flagged "rounded_100/);
  });

  it('gives each state half its population share plus half its GDP share, read straight from the CSV files', async () => {
    const r = await fairSharesForCycle(handle.db, { cycle: 2026 });
    const pop = Object.fromEntries(SOLIDARITY_STATES.map((g) => [g, csvValue(FILES[0]!, g, '2025')]));
    const gdp = Object.fromEntries(SOLIDARITY_STATES.map((g) => [g, csvValue(FILES[1]!, g, '2024')]));
    const popSum = Object.values(pop).reduce((a, b) => a + b, 0);
    const gdpSum = Object.values(gdp).reduce((a, b) => a + b, 0);
    for (const s of r.states) {
      expect(s.population).toBe(pop[s.code]);
      expect(s.gdp).toBe(gdp[s.code]);
      expect(s.share).toBeCloseTo(0.5 * pop[s.code]! / popSum + 0.5 * gdp[s.code]! / gdpSum, 14);
    }
    expect(r.states.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12);
    const de = r.states.find((s) => s.code === 'DE')!;
    const mt = r.states.find((s) => s.code === 'MT')!;
    expect(de.share).toBeGreaterThan(0.2);
    expect(mt.share).toBeLessThan(0.002);
  });

  it('takes an earlier cycle from the figures then available, and selected years or vintages on request', async () => {
    const r2020 = await fairSharesForCycle(handle.db, { cycle: 2020 });
    expect([r2020.population.year, r2020.gdp.year]).toEqual(['2019', '2018']);
    // Before the July 2025 release the latest population vintage is July 2024's, for 1 January 2024.
    const older = await fairSharesForCycle(handle.db, { cycle: 2026, asOf: '2025-06' });
    expect(older.population).toMatchObject({ year: '2024', vintages: ['2024-07'] });
    expect(older.dataNotes).toContainEqual(note('fairShare.olderYear', { indicator: 'population', complete: '2024', latest: 2025 }));
    expect(older.dataNotes.map(noteText)).toContain('population: the latest year available is 2024, not 2025');
    expect(older.states.find((s) => s.code === 'DE')!.share).not.toBe((await fairSharesForCycle(handle.db, { cycle: 2026 })).states.find((s) => s.code === 'DE')!.share);
    // Before Eurostat's 2025 GDP vintage there is no GDP in the store at all.
    await expect(fairSharesForCycle(handle.db, { cycle: 2026, asOf: '2024-12' })).rejects.toThrow(/gdp/);
    const chosen = await fairSharesForCycle(handle.db, { cycle: 2026, populationYear: 2024, gdpYear: 2023 });
    expect([chosen.population.year, chosen.gdp.year]).toEqual(['2024', '2023']);
  });

  it('says clearly when a cycle has no data, and names the missing states for a year asked for', async () => {
    await expect(fairSharesForCycle(handle.db, { cycle: 2010 })).rejects.toThrow(InputError);
    await expect(fairSharesForCycle(handle.db, { cycle: 2026, gdpYear: 2025 })).rejects.toThrow(/no gdp figure for 2025 .*AT/);
  });
});
