/**
 * The cycle's forecast of one stored series, without a store: the cycle-year figure of a stock (end of year) and of
 * a flow (sum), observed months counted in, and what `buildSeries` does to bad rows (a partial last month, a
 * negative count). The rows are Austria's temporary-protection beneficiaries from the real Eurostat file.
 */
import { note } from '../domain/note.ts';
import { NOTE_CATALOGS, noteText, renderNote } from '../notes/index.ts';
import { describe, expect, it } from 'vitest';
import { realText } from '../../test/helpers/data-folder.ts';
import { InputError } from '../domain/errors.ts';
import { forecastCounts } from '../domain/forecast/models.ts';
import { SeriesRefused } from '../domain/forecast/series.ts';
import type { Observation } from '../domain/observation.ts';
import { forecastSeries } from './forecast.ts';
import { buildSeries } from './monthly-series.ts';

const FILE = 'eurostat/temporary_protection_beneficiaries_end_of_month_2022_03_2024_08_vintage2024.csv';

function rows(indicator: string): Observation[] {
  return realText(FILE)
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter(([geo]) => geo === 'AT')
    .map(([geo, period, value]) => ({ indicator, geo: geo!, period: period!, value: Number(value), unit: 'persons', flags: '', source: 'eurostat:migr_asytpsm', vintage: '2024-10' }));
}
const at = rows('tp_beneficiaries');
const valueOf = (period: string) => at.find((r) => r.period === period)!.value;

/** What buildSeries throws for these rows: a SeriesRefused, the InputError the CLI prints, with its reason as a note. */
function refusal(id: string, rows: readonly Observation[]): SeriesRefused {
  try {
    buildSeries(id, rows);
  } catch (err) {
    expect(err).toBeInstanceOf(SeriesRefused);
    expect(err).toBeInstanceOf(InputError);
    return err as SeriesRefused;
  }
  throw new Error(`${id} was not refused`);
}
const dutch = (r: SeriesRefused) => renderNote(r.reason, NOTE_CATALOGS.nl!);

describe('forecastSeries', () => {
  const s = buildSeries('tp_beneficiaries:AT', at);

  it('reads the file as 26 consecutive months, July 2022 to August 2024', () => {
    expect(s.start).toBe('2022-07');
    expect(s.values).toHaveLength(26);
    expect(s.notes).toEqual([]);
  });

  it('gives a stock its December: forecast when December is not observed, observed when it is', () => {
    const f = forecastSeries(s, 2025);
    // August 2024 to December 2025: 16 months, more than the minimum of 12.
    expect(f.horizon.map((h) => h.period)).toEqual(['2024-09', '2024-10', '2024-11', '2024-12', ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`)]);
    expect(f.cycleYear).toEqual({ year: 2025, measure: 'end of year', observedMonths: 0, value: f.horizon.at(-1)!.mean });
    expect(f.horizon.map((h) => h.mean)).toEqual(forecastCounts(s.values, 16).mean.map(Math.round));
    // 26 months: non-seasonal models, and said so.
    expect(f.fallback).toEqual(note('forecast.fallback.nonSeasonal', { months: 26, min: 36, model: 'combination' }));
    expect(noteText(f.fallback!)).toBe('only 26 months (fewer than 36): non-seasonal combination fitted');
    expect(f.covers).toEqual({ first: '2024-09', last: '2025-12' });
    expect(f.fanChart.length).toBeGreaterThan(0);

    const past = forecastSeries(s, 2023);
    // The cycle year is over: still 12 months ahead, and its December is the observed one.
    expect(past.horizon).toHaveLength(12);
    expect(past.covers).toEqual({ first: '2024-09', last: '2025-08' });
    expect(past.cycleYear).toEqual({ year: 2023, measure: 'end of year', observedMonths: 12, value: valueOf('2023-12') });

    const partly = forecastSeries(s, 2024);
    expect(partly.cycleYear).toEqual({ year: 2024, measure: 'end of year', observedMonths: 8, value: partly.horizon.find((h) => h.period === '2024-12')!.mean });
  });

  it('sums a flow over the cycle year, observed months and forecast months alike', () => {
    // The same figures read as a flow (first-time applicants are one), only to check the arithmetic.
    const flow = buildSeries('asylum_applicants_first_time:AT', rows('asylum_applicants_first_time'));
    const f = forecastSeries(flow, 2024);
    const observed = ['01', '02', '03', '04', '05', '06', '07', '08'].reduce((a, m) => a + valueOf(`2024-${m}`), 0);
    const forecast = f.horizon.filter((h) => h.period.startsWith('2024-')).reduce((a, h) => a + h.mean, 0);
    expect(f.cycleYear).toEqual({ year: 2024, measure: 'sum', observedMonths: 8, value: observed + forecast });
    const done = forecastSeries(flow, 2023);
    expect(done.cycleYear.value).toBe(at.filter((r) => r.period.startsWith('2023-')).reduce((a, r) => a + r.value, 0));
  });
});

describe('buildSeries', () => {
  it('leaves out a trailing partial month and says so', () => {
    const flagged = at.map((r) => (r.period === '2024-08' ? { ...r, flags: 'p, partial' } : r));
    const s = buildSeries('tp_beneficiaries:AT', flagged);
    expect(s.values).toHaveLength(25);
    expect(s.notes.map(noteText)).toEqual(['August 2024 left out: partial month']);
    expect(forecastSeries(s, 2025).lastObserved).toBe('2024-07');
  });

  it('refuses a negative count, naming the month and the source, in English and as a note', () => {
    const bad = at.map((r) => (r.period === '2023-03' ? { ...r, value: -71525 } : r));
    const r = refusal('tp_beneficiaries:AT', bad);
    expect(r.message).toBe('field value: series tp_beneficiaries:AT has value -71525 in 2023-03 (source eurostat:migr_asytpsm); counts cannot be negative');
    expect(r.reason).toEqual(note('forecast.skip.negative', { value: -71525, month: '2023-03', source: 'eurostat:migr_asytpsm' }));
    expect(noteText(r.reason)).toBe('-71,525 in March 2023 (source eurostat:migr_asytpsm): counts cannot be negative');
    expect(dutch(r)).toBe('-71.525 in maart 2023 (bron eurostat:migr_asytpsm): aantallen kunnen niet negatief zijn');
  });

  it('refuses a single month as an InputError naming the series, rather than failing later in the model', () => {
    const r = refusal('tp_beneficiaries:AT', at.slice(-1));
    expect(r.message).toBe('field period: series tp_beneficiaries:AT has only 1 month (2024-08); a forecast needs at least 2');
    expect(r.reason).toEqual(note('forecast.skip.tooShort', { months: 1, since: '2024-08', min: 2 }));
    expect(noteText(r.reason)).toBe('too few months to forecast from (1 since August 2024, at least 2 needed)');
    expect(dutch(r)).toBe('te weinig maanden om uit te voorspellen (1 sinds augustus 2024, minstens 2 nodig)');
    // forecastSeries refuses the same way a series built by other code.
    expect(() => forecastSeries({ ...buildSeries('tp_beneficiaries:AT', at), start: '2024-08', values: [valueOf('2024-08')] }, 2026)).toThrow(SeriesRefused);
  });

  it('refuses a series whose every month is flagged partial', () => {
    const r = refusal('tp_beneficiaries:AT', at.slice(-2).map((o) => ({ ...o, flags: 'partial' })));
    expect(r.message).toBe('field flags: series tp_beneficiaries:AT has no complete month: every month from 2024-07 to 2024-08 is flagged partial');
    expect(r.reason).toEqual(note('forecast.skip.allPartial', { first: '2024-07', last: '2024-08' }));
    expect(dutch(r)).toBe('elke maand, juli 2024 tot en met augustus 2024, is als onvolledig gemarkeerd: er blijft geen maand over om uit te voorspellen');
  });

  it('forecasts from the months after a gap when 24 or more follow it, refuses otherwise, naming that gap', () => {
    // Without January 2023 (a month of the real file taken out), 19 months follow: too few.
    const gap = at.filter((r) => r.period !== '2023-01');
    const r = refusal('tp_beneficiaries:AT', gap);
    expect(r.message).toContain('series tp_beneficiaries:AT has a gap: months 2023-01 to 2023-01 are missing, and only 19 consecutive months follow it (since 2023-02; at least 24 needed)');
    expect(r.reason).toEqual(note('forecast.skip.gap', { from: '2023-01', to: '2023-01', months: 19, since: '2023-02', min: 24 }));
    expect(noteText(r.reason)).toBe('gap: January 2023 to January 2023 missing; too few consecutive months follow it to forecast from (19 since February 2023, at least 24 needed)');
    expect(dutch(r)).toBe('hiaat: januari 2023 tot en met januari 2023 ontbreekt; er volgen te weinig opeenvolgende maanden om uit te voorspellen (19 sinds februari 2023, minstens 24 nodig)');
    // With a second, earlier gap the reason still names the last one.
    const two = gap.filter((r) => r.period !== '2022-09');
    expect(() => buildSeries('tp_beneficiaries:AT', two)).toThrow('months 2023-01 to 2023-01 are missing');
    expect(refusal('tp_beneficiaries:AT', two).reason).toEqual(r.reason);
    // Without August 2022, the 24 months from September 2022 are kept.
    const early = at.filter((r) => r.period !== '2022-08');
    const s = buildSeries('tp_beneficiaries:AT', early);
    expect(s.start).toBe('2022-09');
    expect(s.notes).toEqual([note('series.gap', { from: '2022-08', to: '2022-08', months: 24, since: '2022-09' })]);
  });
});
