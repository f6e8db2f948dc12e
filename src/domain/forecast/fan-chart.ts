/**
 * The data of a fan chart: the observed history, then the forecast median with its 80 % and 95 % bands, in one
 * flat row shape that Observable Plot (areaY / lineY) or any table can take as it is.
 */
import { addMonths } from '../period.ts';
import type { PointForecast } from './types.ts';
import type { MonthlySeries } from './series.ts';

export interface FanChartRow {
  period: string;
  /** Observed value; absent in forecast months. */
  actual?: number;
  /** Forecast median and bands; absent in history months. The last observed month repeats the actual value as all
   * of them so that bands start from the line. */
  mean?: number;
  lo80?: number;
  hi80?: number;
  lo95?: number;
  hi95?: number;
}

/**
 * @example fanChartData(series, forecast, 36) // the last 3 years of history, then the forecast months
 */
export function fanChartData(series: MonthlySeries, forecast: PointForecast, historyMonths = 36): FanChartRow[] {
  const n = series.values.length;
  const from = Math.max(0, n - historyMonths);
  const rows: FanChartRow[] = [];
  for (let t = from; t < n; t++) rows.push({ period: addMonths(series.start, t), actual: series.values[t]! });
  const last = rows[rows.length - 1];
  if (last) Object.assign(last, { mean: last.actual, lo80: last.actual, hi80: last.actual, lo95: last.actual, hi95: last.actual });
  const lastMonth = addMonths(series.start, n - 1);
  forecast.mean.forEach((mean, i) => {
    rows.push({ period: addMonths(lastMonth, i + 1), mean, lo80: forecast.lo80[i]!, hi80: forecast.hi80[i]!, lo95: forecast.lo95[i]!, hi95: forecast.hi95[i]! });
  });
  return rows;
}
