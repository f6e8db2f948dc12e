import { describe, expect, it } from 'vitest';
import { InputError } from '../../domain/errors.ts';
import { bulkTsv, tidyObservations } from '../../../test/helpers/eurostat-shapes.ts';
import { errorOf } from '../../../test/helpers/fixtures.ts';
import { replaceLine } from '../../../test/helpers/data-folder.ts';
import { parseEurostatTsv } from './tsv.ts';

// The R1 bulk download of 2024-01-18 used the old applicant codes: NASY_APP (first-time) and ASY_APP (all).
const nasy = tidyObservations('eurostat/asylum_first_time_applicants_annual_2008_2022.csv');
const asy = tidyObservations('eurostat/asylum_applicants_total_annual_2008_2022.csv');
const old = { unit: 'PER', citizen: 'TOTAL', sex: 'T', age: 'TOTAL' };
const tsv = bulkTsv([
  { codes: { ...old, asyl_app: 'NASY_APP' }, observations: nasy },
  { codes: { ...old, asyl_app: 'ASY_APP' }, observations: asy },
]);
const opts = { file: 'migr_asyappctza.tsv', dataset: 'migr_asyappctza', vintage: '2024-01-18' };
const parse = (text: string, extra = {}) => parseEurostatTsv(text, { ...opts, ...extra });
const key = (o: { indicator: string; geo: string; period: string; value: number; vintage: string; source: string }) => `${o.indicator} ${o.geo} ${o.period} ${o.value} ${o.vintage} ${o.source}`;

function inputError(fn: () => unknown): InputError {
  const e = errorOf(fn);
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('parseEurostatTsv', () => {
  it('old codes NASY_APP and ASY_APP map to the indicators of applicant=FRST and TOTAL: exactly what the tidy loader stores', () => {
    const r = parse(tsv);
    expect(r.observations.map(key).sort()).toEqual([...nasy, ...asy].map(key).sort());
    expect(r.observations.find((o) => o.indicator === 'asylum_applicants_first_time' && o.geo === 'DE' && o.period === '2015')!.value).toBe(
      nasy.find((o) => o.geo === 'DE' && o.period === '2015')!.value,
    );
  });

  it('new codes (applicant=FRST) in the same shape give the same observations', () => {
    const text = bulkTsv([{ codes: { ...old, applicant: 'FRST' }, observations: nasy }]);
    expect(parse(text).observations).toEqual(parse(tsv).observations.filter((o) => o.indicator === 'asylum_applicants_first_time'));
  });

  it('keeps flags (p, e, b), skips ":" and ": c", and reads the old period spellings (2015M01, 2015Q1)', () => {
    const lines = tsv.split('\n');
    const cells = lines[1]!.split('\t');
    const values = cells.slice(1).map((c) => c.trim()).filter((c) => c !== ':');
    cells[cells.findIndex((c) => c.trim() === values[0])] = `${values[0]} p`;
    cells[cells.findIndex((c) => c.trim() === values[1])] = `${values[1]} b`;
    cells[cells.findIndex((c) => c.trim() === values[2])] = ': c';
    const r = parse(replaceLine(tsv, 2, cells.join('\t')));
    expect(r.observations.length).toBe(nasy.length + asy.length - 1);
    expect(r.observations.filter((o) => o.flags).map((o) => o.flags)).toEqual(['p', 'b']);

    const de = nasy.filter((o) => o.geo === 'DE');
    const monthly = bulkTsv([{ codes: { ...old, asyl_app: 'NASY_APP' }, observations: de.map((o) => ({ ...o, period: `${o.period}-Q1` })) }], (p) => p.replace('-', ''));
    expect(monthly.split('\n')[0]).toContain('\t2008Q1 \t');
    expect(parse(monthly).observations.map((o) => o.period)[0]).toBe('2008-Q1');
  });

  it('skips series no indicator asks for (sex=F)', () => {
    const text = bulkTsv([{ codes: { ...old, sex: 'F', asyl_app: 'NASY_APP' }, observations: nasy.slice(0, 10) }]);
    expect(parse(text)).toMatchObject({ observations: [], skipped: 10 });
  });

  const line2 = tsv.split('\n')[1]!;
  const firstValue = line2.split('\t').findIndex((c, i) => i > 0 && c.trim() !== ':');
  const withCell = (cell: string) => {
    const cells = line2.split('\t');
    cells[firstValue] = cell;
    return replaceLine(tsv, 2, cells.join('\t'));
  };
  const period = tsv.split('\n')[0]!.split('\t')[firstValue]!.trim();
  it.each([
    ['an unknown geo', replaceLine(tsv, 2, line2.replace(/,AT\t/, ',ZZ\t')), `line 2, field geo: unknown geo code "ZZ"`],
    ['a non-numeric count', withCell('many'), `line 2, field ${period}: "many" is not a number`],
    ['a negative count', withCell('-10 '), `line 2, field ${period}: -10 is negative; a persons figure cannot be`],
    ['a value with a stray token', withCell('10 p 3'), `line 2, field ${period}: "10 p 3" is not a value with optional flags`],
    ['a row with a missing column', replaceLine(tsv, 2, line2.split('\t').slice(0, -1).join('\t')), 'line 2, field'],
    ['a key with too few codes', replaceLine(tsv, 2, line2.replace('PER,', '')), 'line 2, field freq,unit,citizen,sex,age,asyl_app,geo\\TIME_PERIOD: expected 7 codes'],
    ['a header without geo\\TIME_PERIOD', replaceLine(tsv, 1, tsv.split('\n')[0]!.replace('geo\\TIME_PERIOD', 'geo')), 'line 1, field'],
    ['a truncated file', tsv.slice(0, tsv.length - 30), 'ends in the middle of a line (truncated?)'],
  ])('%s', (_, text, message) => {
    const e = inputError(() => parse(text));
    expect(e.message.startsWith('migr_asyappctza.tsv, ')).toBe(true);
    expect(e.message).toContain(message);
  });

  it('a conflicting duplicate series names both lines; a period outside the asked range; no vintage', () => {
    const lines = tsv.split('\n');
    const changed = lines[1]!.replace(/\t(\d+) /, (_, v) => `\t${Number(v) + 5} `);
    expect(inputError(() => parse([...lines.slice(0, 3), changed, ...lines.slice(3)].join('\n'))).message).toMatch(
      /^migr_asyappctza\.tsv, line 4, field \d{4}: duplicate cell with a different value: line 2 gives/,
    );
    expect(inputError(() => parse(tsv, { periods: { from: '2010', to: '2022' } })).message).toMatch(/is outside the periods asked for \(2010-01 to 2022-12\)/);
    expect(inputError(() => parse(tsv, { vintage: undefined })).message).toBe('migr_asyappctza.tsv, field vintage: the input does not say which release it is: give its vintage (YYYY-MM-DD)');
  });
});
