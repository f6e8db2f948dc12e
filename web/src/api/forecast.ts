/** The projection for the coming year (src/server/public/forecast-routes.ts): public, like the Report. */
import type { SeriesForecast as DomainSeriesForecast } from '../../../src/cycle/forecast.ts';
import type { Accuracy } from '../../../src/domain/forecast/accuracy.ts';
import type { AnnualAccuracy, ShockAccuracy } from '../../../src/domain/forecast/backtest.ts';
import type { FanChartRow } from '../../../src/domain/forecast/fan-chart.ts';
import type { NoteJson } from '../../../src/notes/render.ts';
import { api } from './client.ts';

/** As `pactcycle forecast --json` gives it: without the fan chart, which only the one-series answer carries; notes as `{key, params, text}`. */
export type SeriesForecast = Omit<DomainSeriesForecast, 'fanChart' | 'requestedModel' | 'notes' | 'fallback'> & { notes: NoteJson[]; fallback?: NoteJson };

export interface ForecastList {
  cycle: number;
  series: SeriesForecast[];
  /** Series that cannot be forecast, each with the reason as a note. */
  skipped: { id: string; reason: NoteJson }[];
}

export interface ModelAccuracy extends Accuracy {
  model: string;
  normal: Accuracy;
  /** Each shock apart, in chronological order (2015-16, 2020, 2022). */
  shocks: ShockAccuracy[];
  annual: AnnualAccuracy;
}

export interface SeriesDetail extends SeriesForecast {
  fanChart: FanChartRow[];
  /** The combination, then seasonal naive; null when the series is too short for one origin. */
  backtest: { origins: number; models: ModelAccuracy[] } | null;
}

export const fetchForecasts = () => api.get<ForecastList>('/api/public/forecast');
export const fetchSeriesForecast = (id: string) => api.get<SeriesDetail>(`/api/public/forecast/${encodeURIComponent(id)}`);
