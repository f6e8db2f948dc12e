/** `border-nationalities` on the real store: ../shared/data has first-instance decisions only as totals per state. */
import { describe, expect, it } from 'vitest';
import { cliHomeWithData, runCli } from '../../../test/helpers/cli.ts';

const FILE = 'eurostat/first_instance_decisions_quarterly_2008_2023q1.csv';

describe('pactcycle border-nationalities on the real data', () => {
  cliHomeWithData([FILE], 120_000);

  it('says the data by citizenship is missing, names what is stored and the dataset that would serve', async () => {
    const r = await runCli('border-nationalities', '--year', '2026', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['year', 'status', 'threshold', 'dataYear', 'statement', 'dataNeeded', 'nationalities', 'channelled', 'excluded', 'caveats', 'stored', 'notes']);
    expect(j).toMatchObject({ year: 2026, status: 'missing', threshold: 0.2, dataYear: null, nationalities: [], channelled: [] });
    // Texts are notes: the key and parameters for a reader's language, and the English text.
    expect(j.statement).toMatchObject({ key: 'borderNationalities.missing', params: { before: 2025 } });
    expect(j.statement.text).toMatch(/^The data by citizenship is missing/);
    expect(j.statement.text).toMatch(/first_instance_decisions Q1 2008 to Q1 2023, totals per state \(citizen=TOTAL\) from eurostat:migr_asydcfstq/);
    expect(j.statement.params.held[0]).toEqual({ key: 'borderNationalities.heldTotals', params: { indicator: 'first_instance_decisions', first: '2008-Q1', last: '2023-Q1', sources: ['eurostat:migr_asydcfstq'] } });
    expect(j.dataNeeded).toMatchObject({ key: 'borderNationalities.dataNeeded', params: { dataset: 'migr_asydcfsta', dataYear: 2025 } });
    expect(j.dataNeeded.text).toMatch(/migr_asydcfsta/);
    expect(j.stored).toEqual([
      { indicator: 'first_instance_decisions', periods: { first: '2008-Q1', last: '2023-Q1' }, byCitizenship: false, sources: ['eurostat:migr_asydcfstq'] },
      { indicator: 'first_instance_positive', periods: { first: '2008-Q1', last: '2023-Q1' }, byCitizenship: false, sources: ['eurostat:migr_asydcfstq'] },
    ]);
  });
  it('prints the statement as text, and refuses a year before the APR applies (exit 1)', async () => {
    const r = await runCli('border-nationalities', '--year', '2026');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^The data by citizenship is missing/);
    expect((await runCli('border-nationalities', '--year', '2025')).code).toBe(1);
  });
});
