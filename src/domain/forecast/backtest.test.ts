import { describe, expect, it } from 'vitest';
import { noteText } from '../../notes/index.ts';
import { maseScale } from './accuracy.ts';
import { backtest, origins, shockOf } from './backtest.ts';
import { rReference } from '../../../test/helpers/r-reference.ts';
import type { MonthlySeries } from './series.ts';

// AirPassengers (Box & Jenkins), monthly 1949-01 to 1960-12, as shipped with R.
const airPassengers: MonthlySeries = { id: 'AirPassengers', start: '1949-01', values: rReference('log_AirPassengers').y.map((v) => Math.round(Math.exp(v))) };

describe('rolling origins', () => {
  it('end in December, leave at least minTrain months before and one outcome after', () => {
    const cuts = origins(airPassengers, { step: 12, minTrain: 48, originMonth: 12 });
    expect(cuts).toEqual([48, 60, 72, 84, 96, 108, 120, 132]);
    const shifted = { ...airPassengers, start: '1949-03' };
    expect(origins(shifted, { step: 12, minTrain: 48, originMonth: 12 })[0]).toBe(58);
  });
  it('classifies the shock years', () => {
    expect(shockOf('2015-10')).toBe('2015-16');
    expect(shockOf('2016-01')).toBe('2015-16');
    expect(shockOf('2020-04')).toBe('2020');
    expect(shockOf('2022-03')).toBe('2022');
    expect(shockOf('2021-06')).toBeUndefined();
  });
});

describe('backtest', () => {
  it('scores seasonal naive exactly as defined: mean |error| over the in-sample seasonal MAE', () => {
    const r = backtest([airPassengers], { models: ['snaive'], minTrain: 120 });
    const row = r.series[0]!;
    expect(row.origins).toBe(2);
    const y = airPassengers.values;
    let expected = 0;
    for (const n of [120, 132]) {
      const scale = maseScale(y.slice(0, n));
      for (let i = 0; i < 12; i++) expected += Math.abs(y[n + i]! - y[n + i - 12]!) / scale;
    }
    expect(row.mase).toBeCloseTo(expected / 24, 10);
    expect(row.annual.forecasts).toBe(2);
    expect(row.points).toBe(24);
    expect(row.normal.points).toBe(24);
    expect(r.overall[0]!.mase).toBeCloseTo(expected / 24, 10);
  });
  it('gives a perfect score to drift on steady exponential growth (a straight line on the log scale)', () => {
    const values = Array.from({ length: 84 }, (_, t) => Math.expm1(5 + 0.01 * t));
    const r = backtest([{ id: 'x', start: '2015-01', values }], { models: ['drift'] });
    expect(r.series[0]!.mase!).toBeLessThan(1e-9);
    expect(r.series[0]!.annual.within10).toBe(1);
    // Origins Dec 2018 … Dec 2020: the 2020 and 2022 shock months are reported on their own, every shock in the
    // declared (chronological) order, the pooled row too.
    const shocks = r.series[0]!.shocks;
    expect(shocks.map((s) => [s.label, s.years, s.points])).toEqual([['2015-16', [2015, 2016], 0], ['2020', [2020], 12], ['2022', [2022], 0]]);
    expect(r.overall[0]!.shocks.map((s) => s.label)).toEqual(['2015-16', '2020', '2022']);
    expect(JSON.stringify(shocks).indexOf('"2015-16"')).toBeLessThan(JSON.stringify(shocks).indexOf('"2020"'));
    expect(r.series[0]!.normal.points + shocks[1]!.points).toBe(r.series[0]!.points);
  });
  it('states the series too short to backtest, naming the first origin it would need', () => {
    // From March, the first December with at least 48 months before it is the 58th month: December 2026 here.
    const r = backtest([{ id: 'short', start: '2022-03', values: new Array<number>(30).fill(5) }], { models: ['drift'] });
    expect(r.series).toEqual([]);
    expect(r.skipped).toEqual([{ id: 'short', reason: { key: 'backtest.skip.noOrigin', params: { months: 30, last: '2024-08', train: 58, origin: '2026-12' } } }]);
    expect(noteText(r.skipped[0]!.reason)).toBe('too short to backtest: the first forecast origin with 58 months of data would be December 2026, and no month after it is observed (the 30 months end in August 2024)');
    // 55 months from March 2020 (more than 48) still end before that origin, December 2024; 59 have one outcome.
    const months = (n: number) => ({ id: `n${n}`, start: '2020-03', values: Array.from({ length: n }, (_, t) => 5 + (t % 12)) });
    const r2 = backtest([months(55), months(59)], { models: ['snaive'] });
    expect(r2.skipped).toEqual([{ id: 'n55', reason: { key: 'backtest.skip.noOrigin', params: { months: 55, last: '2024-09', train: 58, origin: '2024-12' } } }]);
    expect(r2.series.map((s) => [s.id, s.origins, s.points])).toEqual([['n59', 1, 1]]);
  });
  it('beats seasonal naive with the combination on AirPassengers', () => {
    const r = backtest([airPassengers], { models: ['combination', 'snaive'], minTrain: 96, step: 24 });
    const [combo, naive] = r.overall;
    expect(combo!.mase!).toBeLessThan(naive!.mase!);
    expect(combo!.coverage95!).toBeGreaterThan(0.8);
  });
});
