import { describe, expect, it } from 'vitest';
import { InputError } from '../../domain/errors.ts';
import { tidyObservations } from '../../../test/helpers/eurostat-shapes.ts';
import { errorOf, F1_UNE_RT_M_DE, F2_UNE_RT_M_XX_EMPTY, F3_NAMA_10_GDP_IT, fixture } from '../../../test/helpers/fixtures.ts';
import { parseJsonStat } from './jsonstat.ts';

const gdp = () => JSON.parse(fixture(F3_NAMA_10_GDP_IT)) as Record<string, unknown> & { value: Record<string, unknown>; dimension: Record<string, { category: { index: Record<string, number> } }> };
const parse = (text: string, extra: Partial<Parameters<typeof parseJsonStat>[1]> = {}) => parseJsonStat(text, { file: 'F3.json', ...extra });

function inputError(fn: () => unknown): InputError {
  const e = errorOf(fn);
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('parseJsonStat on the recorded Eurostat responses', () => {
  it('reads nama_10_gdp for Italy as the gdp indicator, release 2026-08-25, skipping the empty 1975–1994 cells', () => {
    const r = parse(fixture(F3_NAMA_10_GDP_IT));
    expect(r.dataset).toBe('nama_10_gdp');
    expect(r.vintage).toBe('2026-08-25');
    const raw = gdp();
    expect(r.observations).toHaveLength(Object.keys(raw.value).length);
    expect(r.observations.map((o) => o.period)).toEqual(Array.from({ length: 31 }, (_, i) => String(1995 + i)));
    for (const o of r.observations) expect(o).toMatchObject({ indicator: 'gdp', geo: 'IT', unit: 'MIO_EUR', source: 'eurostat:nama_10_gdp', flags: '' });
  });

  it('agrees with the independent tidy download (R4) for 2010–2022, where PROVENANCE.md found them identical', () => {
    const api = parse(fixture(F3_NAMA_10_GDP_IT)).observations;
    const tidy = tidyObservations('eurostat/gdp_current_prices_meur_2010_2024.csv').filter((o) => o.geo === 'IT');
    const years = tidy.map((o) => o.period).filter((p) => p <= '2022');
    expect(years.length).toBe(13);
    for (const y of years) expect(api.find((o) => o.period === y)!.value).toBe(tidy.find((o) => o.period === y)!.value);
    // …and 2023 differs: a later revision, kept as a new vintage rather than overwriting.
    expect(api.find((o) => o.period === '2023')!.value).not.toBe(tidy.find((o) => o.period === '2023')!.value);
  });

  it('skips cells of a dataset no indicator of the registry asks for (une_rt_m), and reads an empty answer', () => {
    const f1 = parse(fixture(F1_UNE_RT_M_DE));
    expect(f1).toMatchObject({ dataset: 'une_rt_m', vintage: '2026-09-22', cells: 2, skipped: 2, observations: [] });
    const f2 = parse(fixture(F2_UNE_RT_M_XX_EMPTY));
    expect(f2).toMatchObject({ cells: 0, observations: [] });
  });

  it('keeps flags from status verbatim', () => {
    const raw = gdp();
    raw.status = { '50': 'p', '49': 'e' };
    const r = parse(JSON.stringify(raw));
    expect(r.observations.find((o) => o.period === '2025')!.flags).toBe('p');
    expect(r.observations.find((o) => o.period === '2024')!.flags).toBe('e');
    expect(r.observations.find((o) => o.period === '2023')!.flags).toBe('');
  });

  it('reads the dense form (value as an array) to the same observations', () => {
    const raw = gdp();
    const dense = Array.from({ length: 51 }, (_, i) => raw.value[String(i)] ?? null);
    expect(parse(JSON.stringify({ ...raw, value: dense })).observations).toEqual(parse(fixture(F3_NAMA_10_GDP_IT)).observations);
  });
});

describe('parseJsonStat refuses bad input, naming the file, key and field', () => {
  it('a truncated response: the line where the text stops', () => {
    const text = fixture(F1_UNE_RT_M_DE);
    const e = inputError(() => parse(text.slice(0, Math.floor(text.length / 2))));
    expect(e.message).toMatch(/^F3\.json, line \d+: not valid JSON \(truncated\?\)/);
    expect(e.line).toBeGreaterThan(10);
  });

  it('an unknown geo code', () => {
    const raw = gdp();
    raw.dimension.geo!.category.index = { XK: 0 };
    expect(inputError(() => parse(JSON.stringify(raw))).message).toBe('F3.json, field value["20"] geo: unknown geo code "XK" (not a Member State, associated state or known aggregate)');
  });

  it('a non-numeric or negative figure', () => {
    const raw = gdp();
    raw.value['33'] = '1643718.8';
    expect(inputError(() => parse(JSON.stringify(raw))).message).toBe('F3.json, field value["33"]: value "1643718.8" is not a number');
    raw.value['33'] = -5;
    expect(inputError(() => parse(JSON.stringify(raw))).message).toMatch(/^F3\.json, field value\["33"\] value: -5 is negative/);
  });

  it('a cell outside the dataset, and a period outside the periods asked for', () => {
    const raw = gdp();
    raw.value['51'] = 1;
    expect(inputError(() => parse(JSON.stringify(raw))).message).toBe('F3.json, field value["51"]: index 51 is outside the dataset (51 cells)');
    const e = inputError(() => parse(fixture(F3_NAMA_10_GDP_IT), { periods: { from: '2000', to: '2024' } }));
    expect(e.message).toBe('F3.json, field value["20"] time: period 1995 is outside the periods asked for (2000-01 to 2024-12)');
  });

  it('a dimension whose codes do not match its size, and a response for another dataset', () => {
    const raw = gdp();
    (raw.size as number[])[4] = 52;
    expect(inputError(() => parse(JSON.stringify(raw))).message).toBe('F3.json, field dimension.time.category.index: the dimension has 51 codes but size says 52');
    expect(inputError(() => parse(fixture(F3_NAMA_10_GDP_IT), { dataset: 'demo_pjan' })).message).toBe('F3.json, field extension.id: this is dataset nama_10_gdp, not demo_pjan');
  });

  it('an error object in place of a dataset', () => {
    const text = JSON.stringify({ error: [{ status: 400, id: 100, label: 'No data found for the query' }] });
    expect(inputError(() => parse(text)).message).toBe('F3.json, field error: Eurostat answered with an error: No data found for the query');
  });
});
