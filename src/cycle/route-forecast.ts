/**
 * The Report's projection for the coming year (AMMR Art 9(3)(b)): detections of irregular crossings on each Frontex
 * route, forecast by the cycle's forecasting engine (`forecastSeries`, the same as `pactcycle forecast`) with 80 %
 * and 95 % intervals. Only the routes' series are read, so the Report does not pay for every series in the store.
 */
import { SeriesRefused } from '../domain/forecast/series.ts';
import type { Queryable } from '../store/db.ts';
import { forecastSeries, type SeriesForecast } from './forecast.ts';
import { readSeriesByDims, type SkippedSeries, type StoredSeries } from './monthly-series.ts';

export interface RouteForecasts {
  cycle: number;
  series: SeriesForecast[];
  skipped: SkippedSeries[];
}

/**
 * Each Frontex route's own monthly series of detections (no nationality breakdown, no year-to-date cumulations),
 * read alone; a series that cannot be built is skipped with the reason (a note, in the Report's language there).
 */
export function readRouteSeries(db: Queryable): Promise<{ series: StoredSeries[]; skipped: SkippedSeries[] }> {
  return readSeriesByDims(db, 'irregular_crossings', ['route']);
}

export async function forecastRoutes(db: Queryable, cycle: number): Promise<RouteForecasts> {
  const { series: stored, skipped } = await readRouteSeries(db);
  const series: SeriesForecast[] = [];
  for (const s of stored) {
    try {
      series.push(forecastSeries(s, cycle));
    } catch (err) {
      if (!(err instanceof SeriesRefused)) throw err;
      skipped.push({ id: s.id, reason: err.reason });
    }
  }
  skipped.sort((a, b) => a.id.localeCompare(b.id));
  return { cycle, series, skipped };
}
