import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';
import { realEntry, realText, replaceLine } from '../../test/helpers/data-folder.ts';
import { parseTidyCsv } from './tidy-csv.ts';

const find = (obs: Observation[], q: Partial<Observation>) =>
  obs.filter((o) => Object.entries(q).every(([k, v]) => JSON.stringify(o[k as keyof Observation]) === JSON.stringify(v)));

function parseReal(file: string, text = realText(file)) {
  return parseTidyCsv(text, realEntry(file), file);
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseTidyCsv on the real files', () => {
  it('reads first-time applicants (old code NASY_APP) with the bulk vintage: DE 2015 = 441,900', () => {
    const { observations } = parseReal('eurostat/asylum_first_time_applicants_annual_2008_2022.csv');
    expect(find(observations, { geo: 'DE', period: '2015' })).toEqual([
      { indicator: 'asylum_applicants_first_time', geo: 'DE', period: '2015', value: 441900, unit: 'persons', flags: '', source: 'eurostat:migr_asyappctza', vintage: '2024-01-18' },
    ]);
  });

  it('gives population rows their own vintage and flags from source_id', () => {
    const { observations } = parseReal('eurostat/population_1jan.csv');
    const de = find(observations, { geo: 'DE' });
    expect(de.find((o) => o.period === '2015')!.vintage).toBe('2024-01-18');
    const de2025 = de.find((o) => o.period === '2025')!;
    expect(de2025.vintage).toBe('2025-07');
    expect(de2025.flags).toBe('rounded_100 rank_matched');
  });

  it('splits orders to leave and returns by the dataset column', () => {
    const { observations } = parseReal('eurostat/orders_to_leave_and_returns_annual_selected_countries_2008_2025.csv');
    const at2008 = find(observations, { geo: 'AT', period: '2008' });
    expect(at2008.map((o) => [o.indicator, o.value, o.source])).toEqual([
      ['orders_to_leave', 8870, 'eurostat:migr_eiord'],
      ['returns', 5855, 'eurostat:migr_eirtn'],
    ]);
  });

  it('turns the decisions file into two indicators and drops the derived recognition rate', () => {
    const { observations, rowsRead } = parseReal('eurostat/first_instance_decisions_quarterly_2008_2023q1.csv');
    expect(observations).toHaveLength(rowsRead * 2);
    expect(find(observations, { geo: 'AT', period: '2008-Q1' }).map((o) => [o.indicator, o.value])).toEqual([
      ['first_instance_decisions', 3480],
      ['first_instance_positive', 965],
    ]);
  });

  it('splits UNHCR stocks by group', () => {
    const { observations } = parseReal('unhcr/stock_refugees_and_asylum_seekers_yearend_2000_2025_unhcr_refugees_pkg.csv');
    expect(find(observations, { geo: 'AT', period: '2000' }).map((o) => [o.indicator, o.value])).toEqual([
      ['refugees_stock', 15493],
      ['asylum_seekers_stock', 9945],
    ]);
  });

  it('sums Frontex detections over land and sea, by route under EU27_2020', () => {
    const text = realText('frontex/ibc_detections_monthly_by_route.csv');
    const rows = text.trim().split('\n').slice(1).map((l) => l.split(','));
    const sample = rows.find((r) => rows.some((s) => s !== r && s[0] === r[0] && s[2] === r[2]))!;
    const expected = rows.filter((r) => r[0] === sample[0] && r[2] === sample[2]).reduce((n, r) => n + Number(r[3]), 0);
    const { observations } = parseReal('frontex/ibc_detections_monthly_by_route.csv');
    expect(find(observations, { period: sample[2]!, dims: { route: sample[0]! } }).map((o) => [o.geo, o.value])).toEqual([['EU27_2020', expected]]);
  });

  it("keeps Spain's sub-areas as dimensions of ES and stores DTM annual totals as years", () => {
    const { observations } = parseReal('iom_dtm/mediterranean_arrivals_monthly.csv');
    const canary = observations.filter((o) => o.dims?.area === 'ES_CANARY_WAAR');
    expect(canary.length).toBeGreaterThan(0);
    expect(canary.every((o) => o.geo === 'ES')).toBe(true);
    const annual = observations.filter((o) => /^\d{4}$/.test(o.period));
    expect(annual.length).toBe(73);
  });

  it('reduces twice-monthly reception reports to the last report of each month', () => {
    const { observations } = parseReal('other/italy_reception_presences_by_type_moi_2019_09_2025_09.csv');
    // 2025-09-15: 101,778 + 39,182 + 1,780 = 142,740 (PROVENANCE).
    expect(find(observations, { period: '2025-09', dims: { type: 'total' } }).map((o) => o.value)).toEqual([142740]);
  });

  it('flags the partial last month of the Italian ministry series', () => {
    const { observations } = parseReal('other/italy_sea_arrivals_monthly_moi_2019_09_2025_09.csv');
    expect(find(observations, { period: '2025-09' })[0]!.flags).toBe('partial');
    expect(find(observations, { period: '2025-08' })[0]!.flags).toBe('');
  });
});

describe('parseTidyCsv refuses bad input, naming file, line and field', () => {
  const file = 'eurostat/asylum_first_time_applicants_annual_2008_2022.csv';
  const text = realText(file);

  it('an unknown geo code', () => {
    const e = errorOf(() => parseReal(file, replaceLine(text, 2, 'XX,2014,25700')));
    expect([e.file, e.line, e.field]).toEqual([file, 2, 'geo']);
    expect(e.message).toMatch(/unknown geo code "XX"/);
  });

  it('a non-numeric count', () => {
    const e = errorOf(() => parseReal(file, replaceLine(text, 3, 'AT,2015,85k')));
    expect([e.line, e.field]).toEqual([3, 'value']);
    expect(e.message).toMatch(/"85k" is not a number/);
  });

  it('a negative count, and a fractional count of persons', () => {
    expect(errorOf(() => parseReal(file, replaceLine(text, 3, 'AT,2015,-5'))).message).toMatch(/line 3, field value: -5 is negative/);
    expect(errorOf(() => parseReal(file, replaceLine(text, 3, 'AT,2015,5.5'))).message).toMatch(/line 3, field value: 5.5 is not a whole number/);
  });

  it('a period outside what the manifest says the file covers', () => {
    const e = errorOf(() => parseReal(file, replaceLine(text, 3, 'AT,2031,85520')));
    expect([e.line, e.field]).toEqual([3, 'year']);
    expect(e.message).toMatch(/outside the periods/);
  });

  it('a malformed period', () => {
    expect(errorOf(() => parseReal(file, replaceLine(text, 3, 'AT,15,85520'))).message).toMatch(/line 3, field year: "15" is not a period/);
  });

  it('duplicate rows with conflicting values', () => {
    const bad = text + 'AT,2015,1\n';
    const lines = text.trim().split('\n').length;
    const e = errorOf(() => parseReal(file, bad));
    expect([e.line, e.field]).toEqual([lines + 1, 'value']);
    expect(e.message).toMatch(/duplicate row with a different value: line 3 gives 85520/);
  });

  it('accepts an exact duplicate row once', () => {
    const { observations } = parseReal(file, text + 'AT,2015,85520\n');
    expect(find(observations, { geo: 'AT', period: '2015' })).toHaveLength(1);
  });

  it('a truncated file', () => {
    const e = errorOf(() => parseReal(file, text.slice(0, text.length - 4)));
    expect(e.file).toBe(file);
    expect(e.message).toMatch(/truncated/);
  });

  it('a missing column', () => {
    expect(errorOf(() => parseReal(file, text.replace('geo,year,value', 'geo,yr,value'))).message).toMatch(/line 1, field year: the header has no column "year"/);
  });

  it('a split value the manifest does not know', () => {
    const f = 'eurostat/orders_to_leave_and_returns_annual_selected_countries_2008_2025.csv';
    const e = errorOf(() => parseReal(f, replaceLine(realText(f), 2, 'AT,2008,migr_eixyz,8870')));
    expect([e.line, e.field]).toEqual([2, 'dataset']);
  });

  it('a provenance the manifest does not know', () => {
    const f = 'eurostat/population_1jan.csv';
    const e = errorOf(() => parseReal(f, replaceLine(realText(f), 2, 'AT,2008,8307989,somewhere')));
    expect([e.line, e.field]).toEqual([2, 'source_id']);
  });

  it('conflicting duplicates before summing over a dimension', () => {
    const f = 'frontex/ibc_detections_monthly_by_route.csv';
    const t = realText(f);
    const second = t.split('\n')[1]!.split(',');
    const e = errorOf(() => parseReal(f, t + `${second[0]},${second[1]},${second[2]},${Number(second[3]) + 7}\n`));
    expect(e.field).toBe('value');
    expect(e.message).toMatch(/duplicate row/);
  });
});
