import { describe, expect, it } from 'vitest';
import { fanChartData } from './fan-chart.ts';
import { forecastHorizon } from './horizon.ts';

describe('fanChartData', () => {
  it('joins history and bands at the last observed month', () => {
    const series = { id: 'x', start: '2024-11', values: [10, 20, 30] };
    const f = { model: 'M', mean: [31, 32], lo80: [25, 24], hi80: [37, 40], lo95: [20, 18], hi95: [45, 50] };
    const rows = fanChartData(series, f, 2);
    expect(rows.map((r) => r.period)).toEqual(['2024-12', '2025-01', '2025-02', '2025-03']);
    expect(rows[1]).toEqual({ period: '2025-01', actual: 30, mean: 30, lo80: 30, hi80: 30, lo95: 30, hi95: 30 });
    expect(rows[3]).toEqual({ period: '2025-03', mean: 32, lo80: 24, hi80: 40, lo95: 18, hi95: 50 });
    expect(rows[0]!.mean).toBeUndefined();
  });
});

describe('forecastHorizon', () => {
  it('runs to the end of the cycle year when that is more than 12 months away', () => {
    expect(forecastHorizon('2025-04', 2026)).toEqual({ first: '2025-05', last: '2026-12', months: 20, cycleObserved: 0 });
  });
  it('covers at least 12 months, and counts the cycle months already observed', () => {
    expect(forecastHorizon('2025-09', 2025)).toEqual({ first: '2025-10', last: '2026-09', months: 12, cycleObserved: 9 });
  });
});
