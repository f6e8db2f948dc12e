/** `fairshare` and `pool propose` on the real population and GDP files: the pinned JSON shapes and the bad inputs. */
import { describe, expect, it } from 'vitest';
import { cliHomeWithData, runCli } from '../../../test/helpers/cli.ts';
import { SOLIDARITY_STATES } from '../../domain/member-states.ts';

const FILES = ['eurostat/population_1jan.csv', 'eurostat/gdp_current_prices_meur_2010_2024.csv'];

describe('pactcycle fairshare and pool propose', () => {
  cliHomeWithData(FILES, 120_000);

  it('fairshare --json has the pinned shape, shares as fractions summing to 1', async () => {
    const r = await runCli('fairshare', '--cycle', '2026', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['cycle', 'vintage', 'periods', 'units', 'states', 'dataNotes']);
    expect(j.cycle).toBe(2026);
    expect(j.vintage).toEqual({ population: '2025-07', gdp: '2025' });
    expect(j.states.map((s: { code: string }) => s.code)).toEqual([...SOLIDARITY_STATES]);
    for (const s of j.states) expect(Object.keys(s)).toEqual(['code', 'population', 'gdp', 'share']);
    expect(j.states.reduce((a: number, s: { share: number }) => a + s.share, 0)).toBeCloseTo(1, 12);
  });

  it('pool propose --json is confidential and its lines add up exactly to the reference numbers', async () => {
    const shares = JSON.parse((await runCli('fairshare', '--cycle', '2026', '--json')).stdout).states as { code: string; share: number }[];
    const r = await runCli('pool', 'propose', '--cycle', '2026', '--relocations', '36000', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ cycle: 2026, confidential: true, relocations: 36_000, financialEur: 720_000_000 });
    for (const s of j.states) expect(Object.keys(s)).toEqual(['code', 'share', 'relocations', 'financialEur']);
    // Population and GDP alone cannot show a state under pressure on the SAR ground: no percentage, and the reason given.
    expect(j.sarPercentage).toBeUndefined();
    expect(j.dataNotes.map((n: { text: string }) => n.text).join('\n')).toMatch(/no Art 12\(5\) search-and-rescue percentage: the assessment could not run/);
    expect(j.states.reduce((a: number, s: { relocations: number }) => a + s.relocations, 0)).toBe(36_000);
    expect(j.states.reduce((a: number, s: { financialEur: number }) => a + s.financialEur, 0)).toBe(720_000_000);
    j.states.forEach((s: { code: string; share: number; relocations: number }, i: number) => {
      expect(s.share).toBe(shares[i]!.share);
      expect(Math.abs(s.relocations - s.share * 36_000)).toBeLessThan(1);
    });
  });

  it('prints readable tables without --json, the proposal headed by its classification', async () => {
    const f = await runCli('fairshare', '--cycle', '2026');
    expect(f.stdout).toMatch(/^DE\s+Germany\s+[\d,]+\s+[\d,]+\s+\d+\.\d{4}$/m);
    const p = await runCli('pool', 'propose', '--cycle', '2026');
    expect(p.stdout.split('\n')[0]).toMatch(/^RESTREINT UE\/EU RESTRICTED/);
    expect(p.stdout).toMatch(/30,000 relocations and EUR 600,000,000/);
  });

  it('exits 2 with a clear message for an unknown cycle, a cycle without data, a number below the floor or a broken ratio', async () => {
    for (const [args, message] of [
      [['fairshare', '--cycle', '20x6'], /unknown cycle "20x6"/],
      [['fairshare', '--cycle', '2010'], /no year up to 2008 has a gdp figure/],
      [['pool', 'propose', '--cycle', '2026', '--relocations', '21000'], /Art 12\(2\)/],
      [['pool', 'propose', '--cycle', '2026', '--relocations', '30000', '--financial-eur', '500000000'], /Art 12\(3\)/],
      [['pool', 'propose', '--cycle', '2026', '--relocations', 'many'], /--relocations.*whole number/],
    ] as const) {
      const r = await runCli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});
