/** The projection section's tables: per route the cycle year's forecast, and every forecast month with its intervals. */
import type { RouteForecasts } from '../../cycle/route-forecast.ts';
import { col, type ReportTable } from '../table.ts';

export const routeOf = (id: string) => id.slice(id.indexOf(':') + 1);

export function forecastSummaryTable(f: RouteForecasts): ReportTable {
  return {
    id: 'forecast-cycle-year',
    params: { cycle: String(f.cycle) },
    columns: [col('route', 'route'), col('last_observed', 'period'), col('model', 'text'), col('observed_months', 'integer'), col('forecast', 'integer')],
    rows: f.series.map((s) => ({
      route: routeOf(s.id),
      last_observed: s.lastObserved,
      model: s.model,
      observed_months: s.cycleYear.observedMonths,
      forecast: s.cycleYear.value,
    })),
  };
}

export function forecastMonthsTable(f: RouteForecasts): ReportTable {
  return {
    id: 'forecast-months',
    columns: [col('route', 'route'), col('month', 'period'), col('mean', 'integer'), col('lo80', 'integer'), col('hi80', 'integer'), col('lo95', 'integer'), col('hi95', 'integer')],
    rows: f.series.flatMap((s) => s.horizon.map((h) => ({ route: routeOf(s.id), month: h.period, mean: h.mean, lo80: h.lo80, hi80: h.hi80, lo95: h.lo95, hi95: h.hi95 }))),
  };
}
