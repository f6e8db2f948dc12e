import { describe, expect, it } from 'vitest';
import { InputError } from '../../domain/errors.ts';
import { sdmx21Csv, sdmx30CsvWithLabels, tidyObservations } from '../../../test/helpers/eurostat-shapes.ts';
import { errorOf } from '../../../test/helpers/fixtures.ts';
import { replaceLine } from '../../../test/helpers/data-folder.ts';
import { parseSdmxCsv } from './sdmx-csv.ts';

// Real first-time applicant figures (applicant=FRST, extraction of 2026-09-16) and GDP, in SDMX-CSV framing.
const FRST_FILE = 'eurostat/asylum_first_time_applicants_annual_selected_countries_2008_2025_vintage2026.csv';
const frst = tidyObservations(FRST_FILE);
const codes = { citizen: 'TOTAL', applicant: 'FRST', sex: 'T', unit: 'PER', age: 'TOTAL' };
const v21 = sdmx21Csv('ESTAT:MIGR_ASYAPPCTZA(1.0)', '16/09/26 11:00:00', [{ codes, observations: frst }]);
const parse = (text: string, extra = {}) => parseSdmxCsv(text, { file: 'migr.csv', ...extra });
const comparable = (o: { indicator: string; geo: string; period: string; value: number }) => `${o.indicator} ${o.geo} ${o.period} ${o.value}`;

function inputError(fn: () => unknown): InputError {
  const e = errorOf(fn);
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('parseSdmxCsv', () => {
  it('SDMX 2.1: applicant=FRST rows become first-time applicants, the release from LAST UPDATE, the same figures the tidy loader reads', () => {
    const r = parse(v21);
    expect(r.dataset).toBe('migr_asyappctza');
    expect(r.vintage).toBe('2026-09-16');
    expect(r.observations.map(comparable).sort()).toEqual(frst.map(comparable).sort());
    expect(r.observations.every((o) => o.source === 'eurostat:migr_asyappctza' && o.unit === 'persons')).toBe(true);
  });

  it('SDMX 3.0 with label columns (labels=name, quoted labels with commas): same observations; the vintage is given', () => {
    const text = sdmx30CsvWithLabels('ESTAT:MIGR_ASYAPPCTZA(1.0)', 'Asylum applicants by type, citizenship, age and sex - annual aggregated data', [{ codes, observations: frst }]);
    const r = parse(text, { vintage: '2026-09-16' });
    expect(r.observations).toEqual(parse(v21).observations);
    expect(inputError(() => parse(text)).message).toMatch(/^migr\.csv, line 2, field vintage: the input does not say which release it is/);
  });

  it('keeps OBS_FLAG verbatim and skips missing values (empty or ":")', () => {
    let text = replaceLine(v21, 2, v21.split('\n')[1]!.replace(/,,$/, ',p,'));
    text = replaceLine(text, 3, v21.split('\n')[2]!.replace(/,(\d+),,$/, ',:,,'));
    const r = parse(text);
    expect(r.observations.length).toBe(frst.length - 1);
    expect(r.observations[0]!.flags).toBe('p');
  });

  it('skips rows of codes no indicator asks for (sex=M), and maps applicant=TOTAL to all applicants', () => {
    const [de] = frst.filter((o) => o.geo === 'DE' && o.period === '2015');
    const text = sdmx21Csv('ESTAT:MIGR_ASYAPPCTZA(1.0)', '16/09/26 11:00:00', [
      { codes: { ...codes, sex: 'M' }, observations: [de!] },
      { codes: { ...codes, applicant: 'TOTAL' }, observations: [de!] },
    ]);
    const r = parse(text);
    expect(r.skipped).toBe(1);
    expect(r.observations).toEqual([{ ...de!, indicator: 'asylum_applicants', vintage: '2026-09-16' }]);
  });

  const line2 = v21.split('\n')[1]!;
  it.each([
    ['an unknown geo', line2.replace(',AT,', ',XX,'), /^migr\.csv, line 2, field geo: unknown geo code "XX"/],
    ['a non-numeric count', line2.replace(/,(\d+),,$/, ',12a,,'), /^migr\.csv, line 2, field OBS_VALUE: "12a" is not a number/],
    ['a negative count', line2.replace(/,(\d+),,$/, ',-5,,'), /^migr\.csv, line 2, field OBS_VALUE: -5 is negative/],
    ['a fractional count of persons', line2.replace(/,(\d+),,$/, ',5.5,,'), /^migr\.csv, line 2, field OBS_VALUE: 5\.5 is not a whole number of persons/],
    ['a period that is not one', line2.replace(',2014,', ',2014-13,'), /^migr\.csv, line 2, field TIME_PERIOD: "2014-13" is not a period/],
    ['a monthly period in an annual row', line2.replace(',2014,', ',2014-03,'), /^migr\.csv, line 2, field TIME_PERIOD: period 2014-03 is not of the frequency A/],
    ['a bad LAST UPDATE', line2.replace('16/09/26 11:00:00', 'yesterday'), /^migr\.csv, line 2, field LAST UPDATE: "yesterday" is not a date/],
    ['a row of another dataset (the first row sets it)', line2.replace('MIGR_ASYAPPCTZA', 'DEMO_PJAN'), /^migr\.csv, line 3, field DATAFLOW: this row is dataset migr_asyappctza, not demo_pjan/],
    ['a missing field', line2.replace(/,$/, ''), /^migr\.csv, line 2, field OBS_FLAG: expected 13 fields/],
  ])('%s', (_, bad, message) => {
    expect(inputError(() => parse(replaceLine(v21, 2, bad))).message).toMatch(message);
  });

  it('a conflicting duplicate row names both lines', () => {
    const lines = v21.split('\n');
    const dup = lines[1]!.replace(/,(\d+),,$/, (_, v) => `,${Number(v) + 5},,`);
    const text = [...lines.slice(0, 5), dup, ...lines.slice(5)].join('\n');
    expect(inputError(() => parse(text)).message).toMatch(/^migr\.csv, line 6, field OBS_VALUE: duplicate cell with a different value: line 2 gives \d+ for asylum_applicants_first_time AT 2014, this one \d+/);
    // An identical repeat is harmless.
    expect(parse([...lines.slice(0, 5), lines[1]!, ...lines.slice(5)].join('\n')).observations.length).toBe(frst.length);
  });

  it('a truncated body, a period outside the one asked for, a header without OBS_VALUE', () => {
    expect(inputError(() => parse(v21.slice(0, v21.length - 20))).message).toMatch(/ends in the middle of a line \(truncated\?\)/);
    expect(inputError(() => parse(v21, { periods: { from: '2015', to: '2025' } })).message).toBe('migr.csv, line 2, field TIME_PERIOD: period 2014 is outside the periods asked for (2015-01 to 2025-12)');
    expect(inputError(() => parse(v21.replace('OBS_VALUE', 'VALUE'))).message).toBe('migr.csv, line 1, field OBS_VALUE: the header has no OBS_VALUE column');
  });
});
