/**
 * The cycle's projection for the coming year (AMMR Art 9(3)(b)): every monthly series in the store forecast from
 * its last observation to the end of the cycle year (at least 12 months), with 80 % and 95 % intervals, and the
 * backtest that shows how far such forecasts can be trusted.
 */
import { backtest, type BacktestOptions, type BacktestResult } from '../domain/forecast/backtest.ts';
import { fanChartData, type FanChartRow } from '../domain/forecast/fan-chart.ts';
import { forecastHorizon } from '../domain/forecast/horizon.ts';
import { forecastCounts, type ModelId } from '../domain/forecast/models.ts';
import { lastMonth, SeriesRefused } from '../domain/forecast/series.ts';
import { addMonths, monthIndex } from '../domain/period.ts';
import { indicatorDefinition } from '../data/registry.ts';
import type { Queryable } from '../store/db.ts';
import { readMonthlySeries, refuseTooShort, type SkippedSeries, type StoredSeries } from './monthly-series.ts';
import { note, type Note } from '../domain/note.ts';

export interface HorizonMonth {
  period: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface CycleYearFigure {
  year: number;
  /** `sum` of the 12 months for flows; `end of year` (December) for stocks such as pending cases. */
  measure: 'sum' | 'end of year';
  /** Months of the cycle year that are observed, not forecast. */
  observedMonths: number;
  /** Point forecast (observed months included), persons. */
  value: number;
}

export interface SeriesForecast {
  id: string;
  indicator: string;
  geo: string;
  dims?: Record<string, string>;
  model: string;
  requestedModel: ModelId;
  fallback?: Note;
  notes: Note[];
  lastObserved: string;
  covers: { first: string; last: string };
  horizon: HorizonMonth[];
  cycleYear: CycleYearFigure;
  fanChart: FanChartRow[];
}

export interface CycleForecast {
  cycle: number;
  series: SeriesForecast[];
  skipped: SkippedSeries[];
}

export interface ForecastRequest {
  cycle: number;
  series?: readonly string[];
  model?: ModelId;
}

/** An upper 95 % bound this many times the largest month observed says the data do not constrain the forecast. */
export const UNINFORMATIVE = 10;
const formatRatio = (x: number) => (x < 1000 ? String(Math.round(x)) : x.toExponential(1));

/** Persons are whole numbers; bounds are rounded outward so that rounding never narrows an interval. */
const round = (x: number) => Math.round(x);

/** One series to the end of the cycle year; a series too short for any model is refused (SeriesRefused). */
export function forecastSeries(s: StoredSeries, cycle: number, model: ModelId = 'combination'): SeriesForecast {
  refuseTooShort(s);
  const last = lastMonth(s);
  const span = forecastHorizon(last, cycle);
  const f = forecastCounts(s.values, span.months, model);
  const horizon = f.mean.map((mean, i) => ({
    period: addMonths(last, i + 1),
    mean: round(mean),
    lo80: Math.floor(f.lo80[i]!),
    hi80: Math.ceil(f.hi80[i]!),
    lo95: Math.floor(f.lo95[i]!),
    hi95: Math.ceil(f.hi95[i]!),
  }));
  const stock = indicatorDefinition(s.indicator).measure === 'stock';
  const valueIn = (period: string): number => {
    const t = horizon.find((h) => h.period === period);
    if (t) return t.mean;
    return s.values[monthIndex(period) - monthIndex(s.start)] ?? 0;
  };
  const months = Array.from({ length: 12 }, (_, i) => `${cycle}-${String(i + 1).padStart(2, '0')}`);
  const out: SeriesForecast = {
    id: s.id,
    indicator: s.indicator,
    geo: s.geo,
    model: f.model,
    requestedModel: model,
    notes: s.notes,
    lastObserved: last,
    covers: { first: span.first, last: span.last },
    horizon,
    cycleYear: {
      year: cycle,
      measure: stock ? 'end of year' : 'sum',
      observedMonths: span.cycleObserved,
      value: stock ? valueIn(`${cycle}-12`) : months.reduce((a, m) => a + valueIn(m), 0),
    },
    fanChart: fanChartData(s, f),
  };
  if (s.dims) out.dims = s.dims;
  if (f.fallback) out.fallback = f.fallback;
  const end = horizon[horizon.length - 1];
  const peak = Math.max(...s.values);
  if (end && peak > 0 && end.hi95 > UNINFORMATIVE * peak) {
    out.notes = [...out.notes, note('forecast.uninformative', { month: end.period, ratio: formatRatio(end.hi95 / peak) })];
  }
  return out;
}

export async function forecastCycle(db: Queryable, req: ForecastRequest, onSeries?: (done: number, total: number) => void): Promise<CycleForecast> {
  const { series, skipped } = await readMonthlySeries(db, req.series);
  const out: SeriesForecast[] = [];
  let done = 0;
  for (const s of series) {
    // A series the data cannot support (e.g. one month since its last gap) is skipped with the reason, not fatal.
    try {
      out.push(forecastSeries(s, req.cycle, req.model));
    } catch (err) {
      if (!(err instanceof SeriesRefused)) throw err;
      skipped.push({ id: s.id, reason: err.reason });
    }
    onSeries?.(++done, series.length);
  }
  skipped.sort((a, b) => a.id.localeCompare(b.id));
  return { cycle: req.cycle, series: out, skipped };
}

export async function backtestStored(
  db: Queryable,
  req: { series?: readonly string[] } & Partial<BacktestOptions>,
  onOrigin?: (done: number, total: number) => void,
): Promise<BacktestResult & { notes: { id: string; notes: Note[] }[] }> {
  const { series, skipped } = await readMonthlySeries(db, req.series);
  const result = backtest(series, req, onOrigin);
  return {
    ...result,
    skipped: [...skipped, ...result.skipped],
    notes: series.filter((s) => s.notes.length > 0).map((s) => ({ id: s.id, notes: s.notes })),
  };
}
