/**
 * One entry point for every model: fits on log(1 + x), forecasts h months, returns counts. Where the data do not
 * support the model asked for, it falls back to a simpler one and says so in `fallback` — never silently.
 *
 * The default, `combination`, is the equal-weight mean of ETS, the Theta method and seasonal naive (ETS and Theta
 * alone below three years). ARIMA stays available on its own but is not a component: in the rolling-origin backtest
 * against R (bench/forecast.bench.ts) it was the weakest model — worse than seasonal naive, R's auto.arima too — and
 * including it made the combination worse on the origins up to December 2015 and on the later ones alike. Naive (the
 * random walk) is not a component either: chosen on series the bench does not use (bench/forecast-heldout.bench.ts),
 * Theta + seasonal naive + naive gained 1 % on the bench but does worse than seasonal naive on a trending series.
 */
import { note, type Note } from '../note.ts';
import { InputError } from '../errors.ts';
import { autoArima } from './auto-arima.ts';
import { forecastArima } from './arima.ts';
import { combine } from './combination.ts';
import { autoEts, forecastEts } from './ets.ts';
import { drift, naive, seasonalNaive } from './naive.ts';
import { theta } from './theta.ts';
import { toCountScale, toModelScale } from './transform.ts';
import type { PointForecast } from './types.ts';

export const MODELS = ['combination', 'ets', 'theta', 'arima', 'snaive', 'naive', 'drift'] as const;
export type ModelId = (typeof MODELS)[number];

export const SEASON = 12;
/** Seasonal models need three full years: one to start the seasonal states and two to estimate them. */
export const MIN_SEASONAL = 3 * SEASON;
/** Below this even a non-seasonal ETS or ARIMA has too few degrees of freedom: drift is used. */
export const MIN_MODEL = 10;
export const MIN_ANY = 2;

export interface ModelForecast extends PointForecast {
  requested: ModelId;
  /** Why a simpler model than the one requested was used; absent when none was needed. */
  fallback?: Note;
}

export function isModelId(x: string): x is ModelId {
  return (MODELS as readonly string[]).includes(x);
}

/** Forecasts `h` months after the last of `counts` (consecutive monthly counts, validated by `monthlySeries`). */
export function forecastCounts(counts: readonly number[], h: number, requested: ModelId = 'combination'): ModelForecast {
  return forecastCountsWith(counts, h, [requested])[requested]!;
}

/**
 * Several models on the same data; each model is fitted once (the combination reuses its components' fits), which
 * is what a backtest needs.
 */
export function forecastCountsWith(counts: readonly number[], h: number, requested: readonly ModelId[]): Partial<Record<ModelId, ModelForecast>> {
  const n = counts.length;
  if (n < MIN_ANY) throw new InputError(`a forecast needs at least ${MIN_ANY} months of data, got ${n}`, { field: 'period' });
  const y = toModelScale(counts);
  const seasonal = n >= MIN_SEASONAL;
  const memo = new Map<ModelId, PointForecast>();
  const fit = (id: ModelId): PointForecast => {
    const hit = memo.get(id);
    if (hit) return hit;
    const f = id === 'combination' ? combine(seasonal ? [fit('ets'), fit('theta'), fit('snaive')] : [fit('ets'), fit('theta')]) : fitSingle(id, y, h, seasonal);
    memo.set(id, f);
    return f;
  };
  const out: Partial<Record<ModelId, ModelForecast>> = {};
  for (const requestedModel of requested) {
    const { model, fallback } = choose(requestedModel, n);
    const f = toCountScale(fit(model));
    out[requestedModel] = fallback ? { ...f, requested: requestedModel, fallback } : { ...f, requested: requestedModel };
  }
  return out;
}

/** One model (not the combination) on the model scale, seasonal where the series is long enough for it. */
export function fitSingle(id: Exclude<ModelId, 'combination'>, y: readonly number[], h: number, seasonal: boolean): PointForecast {
  switch (id) {
    case 'snaive':
      return seasonalNaive(y, h, SEASON);
    case 'naive':
      return naive(y, h);
    case 'drift':
      return drift(y, h);
    case 'ets':
      return forecastEts(autoEts(y, SEASON, seasonal), h);
    case 'theta':
      return theta(y, h, seasonal ? SEASON : 1);
    case 'arima':
      return forecastArima(autoArima(y, SEASON, seasonal), h);
  }
}

/** The model the data allow for the one requested, and why it differs. */
function choose(requested: ModelId, n: number): { model: ModelId; fallback?: Note } {
  if (n < MIN_MODEL && requested !== 'drift') {
    return { model: 'drift', fallback: note('forecast.fallback.tooShort', { months: n, min: MIN_MODEL, model: requested }) };
  }
  if (requested === 'snaive' && n <= SEASON) {
    return { model: 'drift', fallback: note('forecast.fallback.snaive', { months: n, season: SEASON }) };
  }
  if (n < MIN_SEASONAL && (requested === 'ets' || requested === 'theta' || requested === 'arima' || requested === 'combination')) {
    return { model: requested, fallback: note('forecast.fallback.nonSeasonal', { months: n, min: MIN_SEASONAL, model: requested }) };
  }
  return { model: requested };
}
