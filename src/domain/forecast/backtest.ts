/**
 * Rolling-origin evaluation ("time series cross-validation", FPP3 §5.10): the model is refitted at each origin on
 * the data up to it and forecasts the next 1–12 months, which are compared with what happened. Origins fall at the
 * end of each year by default, so the 12-month totals are calendar years, as the Report projects them
 * (AMMR Art 9(3)(b)). Forecasts of months in the shock years — 2015–16 (the Eastern Mediterranean and Western Balkan
 * flows), 2020 (the pandemic), 2022 (the invasion of Ukraine) — are reported separately as well as in the total.
 */
import { note } from '../note.ts';
import { monthIndex, addMonths } from '../period.ts';
import { accuracy, maseScale, type Accuracy, type ForecastPoint } from './accuracy.ts';
import { forecastCountsWith, type ModelId } from './models.ts';
import { lastMonth, type MonthlySeries, type SkippedSeries } from './series.ts';

export const SHOCKS = [
  { label: '2015-16', years: [2015, 2016] },
  { label: '2020', years: [2020] },
  { label: '2022', years: [2022] },
] as const;
export type ShockLabel = (typeof SHOCKS)[number]['label'];

/** The accuracy of the forecasts of months in one shock. */
export interface ShockAccuracy extends Accuracy {
  label: ShockLabel;
  years: number[];
}

export interface BacktestOptions {
  models: readonly ModelId[];
  /** Months between origins; 12 puts every origin in December. */
  step: number;
  /** Fewest months of training data at the first origin. */
  minTrain: number;
  horizon: number;
  /** Last month of the first origin is this calendar month (12 = December). */
  originMonth: number;
}

export const DEFAULT_BACKTEST: BacktestOptions = { models: ['combination', 'ets', 'theta', 'arima', 'snaive', 'naive', 'drift'], step: 12, minTrain: 48, horizon: 12, originMonth: 12 };

export interface AnnualAccuracy {
  /** Number of 12-month totals forecast from an origin with a full year of outcomes after it. */
  forecasts: number;
  /** Mean absolute percentage error of the 12-month total. */
  mape: number | null;
  /** Share of 12-month totals within 10 % of the outcome. */
  within10: number | null;
}

export interface AnnualPoint {
  /** Last month of the training data. */
  origin: string;
  actual: number;
  forecast: number;
}

export interface SeriesModelBacktest extends Accuracy {
  id: string;
  model: ModelId;
  origins: number;
  /** Outside the shock years. */
  normal: Accuracy;
  /**
   * Each shock apart, in the order of SHOCKS (2015-16, 2020, 2022): a list, as an object's integer-like keys would
   * come first in JSON (2020, 2022, 2015-16).
   */
  shocks: ShockAccuracy[];
  /** MASE by horizon 1…12. */
  maseByHorizon: (number | null)[];
  annual: AnnualAccuracy;
}

export interface BacktestResult {
  series: SeriesModelBacktest[];
  /** Pooled over every series, one entry per model. */
  overall: (Omit<SeriesModelBacktest, 'id' | 'origins'> & { series: number })[];
  /** Raw points, for benchmarks that score other forecasters on the same origins. */
  points: { id: string; model: ModelId; origin: string; point: ForecastPoint }[];
  annualPoints: { id: string; model: ModelId; point: AnnualPoint }[];
  /** Series with no origin (too short for the first one), stated rather than dropped silently. */
  skipped: SkippedSeries[];
}

const yearOf = (period: string) => Number(period.slice(0, 4));

export function shockOf(period: string): ShockLabel | undefined {
  return SHOCKS.find((s) => (s.years as readonly number[]).includes(yearOf(period)))?.label;
}

/** The first training length at which a series is cut: it ends in `originMonth` and has ≥ minTrain months. */
function firstCut(series: MonthlySeries, opts: Pick<BacktestOptions, 'minTrain' | 'originMonth'>): number {
  const startMonth = (monthIndex(series.start) % 12) + 1;
  // Training length n ends in month (startMonth + n − 1) mod 12.
  let n = opts.minTrain;
  while (((startMonth + n - 2) % 12) + 1 !== opts.originMonth) n++;
  return n;
}

/** The training lengths at which a series is cut: each ends in `originMonth`, has ≥ minTrain months and ≥ 1 outcome. */
export function origins(series: MonthlySeries, opts: Pick<BacktestOptions, 'step' | 'minTrain' | 'originMonth'>): number[] {
  const out: number[] = [];
  for (let n = firstCut(series, opts); n < series.values.length; n += opts.step) out.push(n);
  return out;
}

function summarise(points: readonly ForecastPoint[], annual: readonly AnnualPoint[], horizon: number) {
  const shocks: ShockAccuracy[] = SHOCKS.map((s) => ({ label: s.label, years: [...s.years], ...accuracy(points.filter((p) => shockOf(p.period) === s.label)) }));
  const ape = annual.filter((a) => a.actual > 0).map((a) => Math.abs(a.forecast - a.actual) / a.actual);
  return {
    ...accuracy(points),
    normal: accuracy(points.filter((p) => shockOf(p.period) === undefined)),
    shocks,
    maseByHorizon: Array.from({ length: horizon }, (_, i) => accuracy(points.filter((p) => p.horizon === i + 1)).mase),
    annual: {
      forecasts: annual.length,
      mape: ape.length ? (100 * ape.reduce((a, b) => a + b, 0)) / ape.length : null,
      within10: ape.length ? ape.filter((e) => e <= 0.1).length / ape.length : null,
    },
  };
}

export function backtest(
  series: readonly MonthlySeries[],
  options: Partial<BacktestOptions> = {},
  onOrigin?: (done: number, total: number) => void,
): BacktestResult {
  const opts = { ...DEFAULT_BACKTEST, ...options };
  const plan = series.map((s) => ({ s, cuts: origins(s, opts) }));
  const total = plan.reduce((a, p) => a + p.cuts.length, 0);
  let done = 0;
  const points: BacktestResult['points'] = [];
  const annualPoints: BacktestResult['annualPoints'] = [];
  for (const { s, cuts } of plan) {
    for (const n of cuts) {
      const train = s.values.slice(0, n);
      const h = Math.min(opts.horizon, s.values.length - n);
      const origin = addMonths(s.start, n - 1);
      const scale = maseScale(train);
      const forecasts = forecastCountsWith(train, opts.horizon, opts.models);
      for (const model of opts.models) {
        const f = forecasts[model]!;
        for (let i = 0; i < h; i++) {
          points.push({
            id: s.id,
            model,
            origin,
            point: { period: addMonths(origin, i + 1), horizon: i + 1, actual: s.values[n + i]!, mean: f.mean[i]!, lo80: f.lo80[i]!, hi80: f.hi80[i]!, lo95: f.lo95[i]!, hi95: f.hi95[i]!, scale },
          });
        }
        if (h === opts.horizon) {
          const sum = (x: readonly number[]) => x.reduce((a, b) => a + b, 0);
          annualPoints.push({ id: s.id, model, point: { origin, actual: sum(s.values.slice(n, n + h)), forecast: sum(f.mean.slice(0, h)) } });
        }
      }
      onOrigin?.(++done, total);
    }
  }
  const result: BacktestResult = { series: [], overall: [], points, annualPoints, skipped: [] };
  for (const { s, cuts } of plan) {
    if (cuts.length === 0) {
      const n = firstCut(s, opts);
      result.skipped.push({ id: s.id, reason: note('backtest.skip.noOrigin', { months: s.values.length, last: lastMonth(s), train: n, origin: addMonths(s.start, n - 1) }) });
      continue;
    }
    for (const model of opts.models) {
      const mine = points.filter((p) => p.id === s.id && p.model === model).map((p) => p.point);
      const annual = annualPoints.filter((p) => p.id === s.id && p.model === model).map((p) => p.point);
      result.series.push({ id: s.id, model, origins: cuts.length, ...summarise(mine, annual, opts.horizon) });
    }
  }
  for (const model of opts.models) {
    const mine = points.filter((p) => p.model === model).map((p) => p.point);
    const annual = annualPoints.filter((p) => p.model === model).map((p) => p.point);
    result.overall.push({ model, series: plan.filter((p) => p.cuts.length > 0).length, ...summarise(mine, annual, opts.horizon) });
  }
  return result;
}
