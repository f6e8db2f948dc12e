/**
 * The Report's projection for the coming year (AMMR Art 9(3)(b)): detections of irregular crossings on each Frontex
 * route, forecast by the cycle's forecasting engine (`forecastSeries`, the same as `pactcycle forecast`) with 80 %
 * and 95 % intervals. Only the routes' series are read, so the Report does not pay for every series in the store.
 */
import { InputError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';
import type { Queryable } from '../store/db.ts';
import { queryObservations } from '../store/observations.ts';
import { forecastSeries, type SeriesForecast } from './forecast.ts';
import { buildSeries, seriesId, type SkippedSeries } from './monthly-series.ts';

export interface RouteForecasts {
  cycle: number;
  series: SeriesForecast[];
  skipped: SkippedSeries[];
}

export async function forecastRoutes(db: Queryable, cycle: number): Promise<RouteForecasts> {
  const groups = new Map<string, Observation[]>();
  for (const o of await queryObservations(db, { indicator: 'irregular_crossings', freq: 'M', anyDims: true, dimKeys: ['route'] })) {
    // One route's own monthly series: no nationality breakdown, no year-to-date cumulations.
    if (!o.dims || Object.keys(o.dims).join() !== 'route') continue;
    const id = seriesId(o);
    const g = groups.get(id) ?? [];
    g.push(o);
    groups.set(id, g);
  }
  const series: SeriesForecast[] = [];
  const skipped: SkippedSeries[] = [];
  for (const id of [...groups.keys()].sort()) {
    try {
      series.push(forecastSeries(buildSeries(id, groups.get(id)!), cycle));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      skipped.push({ id, reason: err.message });
    }
  }
  return { cycle, series, skipped };
}
