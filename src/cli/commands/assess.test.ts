/** `assess` and `decision` on the real data: the pinned JSON shape, decisions beside the evidence, the bad inputs. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHomeWithData, runCli } from '../../../test/helpers/cli.ts';
import { SOLIDARITY_STATES } from '../../domain/member-states.ts';
import { DEFAULT_METHODOLOGY_FILE } from '../../cycle/assess.ts';

const FILES = [
  'eurostat/population_1jan.csv',
  'eurostat/gdp_current_prices_meur_2010_2024.csv',
  'eurostat/asylum_first_time_applicants_annual_2008_2022.csv',
  'eurostat/asylum_first_time_applicants_annual_selected_countries_2008_2025_vintage2026.csv',
  'unhcr/asylum_applications_new_annual_2008_2025_unhcr_refugees_pkg.csv',
  'frontex/ibc_detections_monthly_by_route.csv',
  'frontex/ibc_detections_annual_by_route.csv',
  'iom_dtm/mediterranean_arrivals_monthly.csv',
  'other/italy_sea_arrivals_monthly_moi_2019_09_2025_09.csv',
  'eurostat/temporary_protection_beneficiaries_end_of_month_2022_03_2024_08_vintage2024.csv',
  'eurostat/orders_to_leave_and_returns_annual_selected_countries_2008_2025.csv',
];

const CATEGORIES = ['under-pressure', 'at-risk', 'significant-situation'];

describe('pactcycle assess and decision', () => {
  const data = cliHomeWithData(FILES, 300_000);

  it('assess --json has the pinned shape on the real data, with every substitution stated', async () => {
    const r = await runCli('assess', '--cycle', '2026', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['cycle', 'referencePeriod', 'methodology', 'states']));
    expect(j.cycle).toBe(2026);
    expect(j.referencePeriod).toEqual({ from: '2024-07-01', to: '2025-06-30' });
    expect(j.methodology).toMatchObject({ id: 'assessment', version: 1 });
    expect(j.states.map((s: { code: string }) => s.code)).toEqual([...SOLIDARITY_STATES]);
    for (const s of j.states) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['code', 'name', 'categories', 'evidence', 'dataNotes']));
      for (const c of s.categories) expect(CATEGORIES).toContain(c);
      for (const e of s.evidence) {
        expect(Object.keys(e)).toEqual(expect.arrayContaining(['category', 'indicator', 'value', 'threshold', 'period']));
        expect(s.categories).toContain(e.category);
        expect(e.value).toBeGreaterThanOrEqual(e.threshold);
        expect(typeof e.period).toBe('string');
      }
    }
    // Eurostat first-time applicants end in 2022 for Czechia: the figure comes from UNHCR for 2024, and the note says both.
    const cz = j.states.find((s: { code: string }) => s.code === 'CZ');
    expect(cz.dataNotes.map((n: { text: string }) => n.text)).toContain(
      'first_time_applications (reference period July 2024 – June 2025): annual data for 2024 used for July 2024 – June 2025 (nearest available period); from asylum_applications_unhcr — Eurostat first-time applicants are not stored for the period; UNHCR new applications at first instance stand in (within ±3 % of Eurostat for most states; lower for FR and SE, PROVENANCE.md).',
    );
    // Italy's sea arrivals (Ministry of the Interior, to September 2025) cover the reference period exactly.
    const it_ = j.states.find((s: { code: string }) => s.code === 'IT');
    expect(it_.indicators.find((f: { indicator: string; period: string }) => f.indicator === 'sea_arrivals' && f.period === 'current')).toMatchObject({ exact: true, window: '2024-07/2025-06', basis: 'months' });
    // No Dublin data in the store: missing for every state, never zero.
    for (const s of j.states) expect(s.indicators.find((f: { indicator: string; period: string }) => f.indicator === 'dublin_transfers_incoming' && f.period === 'current').value).toBeNull();
  });

  it('decision record and list; assess shows the decisions in force and every disagreement', async () => {
    const base = ['decision', 'record', '--cycle', '2026', '--ground', 'test ground', '--date', '2025-11-11', '--act', 'Commission Implementing Decision (EU) 2025/2323', '--by', 'test'];
    const before = JSON.parse((await runCli('assess', '--cycle', '2026', '--json')).stdout);
    const flagged = before.states.find((s: { categories: string[] }) => s.categories.length > 0);
    const unflagged = before.states.find((s: { categories: string[] }) => !s.categories.includes('at-risk'));
    expect((await runCli(...base, '--state', flagged.code, '--category', flagged.categories[0], '--adopted', 'no')).code).toBe(0);
    expect((await runCli(...base, '--state', unflagged.code, '--category', 'at-risk', '--adopted', 'yes', '--json')).code).toBe(0);
    const list = JSON.parse((await runCli('decision', 'list', '--cycle', '2026', '--json')).stdout);
    expect(list.decisions.map((d: { state: string; adopted: boolean }) => [d.state, d.adopted])).toEqual([[flagged.code, false], [unflagged.code, true]]);
    const after = JSON.parse((await runCli('assess', '--cycle', '2026', '--json')).stdout);
    expect(after.decisionsRecorded).toBe(2);
    const a = after.states.find((s: { code: string }) => s.code === flagged.code);
    expect(a.disagreements).toContainEqual(expect.objectContaining({ category: flagged.categories[0], kind: 'evidence-not-adopted' }));
    const b = after.states.find((s: { code: string }) => s.code === unflagged.code);
    expect(b.disagreements).toContainEqual(expect.objectContaining({ category: 'at-risk', kind: 'adopted-without-evidence' }));
    const table = await runCli('assess', '--cycle', '2026');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/R:no evidence/);
  });

  it('exits 2 for an unknown cycle, a cycle without data, a bad methodology and a bad decision', async () => {
    expect((await runCli('assess', '--cycle', '2009', '--json')).code).toBe(2);
    expect((await runCli('assess', '--cycle', 'next', '--json')).code).toBe(2);
    const empty = await runCli('assess', '--cycle', '2031', '--json');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no data in the store for the 2031 cycle/);
    const m = JSON.parse(readFileSync(DEFAULT_METHODOLOGY_FILE, 'utf8'));
    m.categories['significant-situation'].rules[0].all[0].threshold = -0.5;
    const file = path.join(data.homeDir(), 'bad-methodology.json');
    writeFileSync(file, JSON.stringify(m));
    const bad = await runCli('assess', '--cycle', '2026', '--methodology', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('field categories.significant-situation.rules.0.all.0.threshold');
    const d = await runCli('decision', 'record', '--cycle', '2026', '--state', 'DK', '--category', 'at-risk', '--adopted', 'yes', '--ground', 'g', '--date', '2025-11-11', '--act', 'a', '--by', 'b');
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/field state: unknown state "DK"/);
    expect((await runCli('decision', 'record', '--cycle', '2026', '--state', 'IT', '--category', 'at-risk', '--adopted', 'maybe', '--ground', 'g', '--date', '2025-11-11', '--act', 'a', '--by', 'b')).stderr).toMatch(/field --adopted/);
  });
});
