/**
 * Forecast accuracy measures (Hyndman & Koehler 2006, "Another look at measures of forecast accuracy"): MASE scaled
 * by the in-sample mean absolute seasonal difference (m = 12), MAPE over non-zero outcomes, and how often the
 * outcome fell inside the 80 % and 95 % intervals. Points are pooled, so several series or periods add up.
 */
export interface ForecastPoint {
  /** Target month `YYYY-MM`. */
  period: string;
  /** Months ahead, 1–12. */
  horizon: number;
  actual: number;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  /** In-sample mean absolute seasonal difference at the forecast origin (the MASE denominator). */
  scale: number;
}

export interface Accuracy {
  /** Number of forecast points measured. */
  points: number;
  mase: number | null;
  /** Percent. */
  mape: number | null;
  /** Share of outcomes inside the interval, 0–1. */
  coverage80: number | null;
  coverage95: number | null;
}

const mean = (x: readonly number[]) => (x.length ? x.reduce((a, b) => a + b, 0) / x.length : null);

export function accuracy(points: readonly ForecastPoint[]): Accuracy {
  const scaled = points.filter((p) => p.scale > 0).map((p) => Math.abs(p.actual - p.mean) / p.scale);
  const pct = points.filter((p) => p.actual > 0).map((p) => (100 * Math.abs(p.actual - p.mean)) / p.actual);
  return {
    points: points.length,
    mase: mean(scaled),
    mape: mean(pct),
    coverage80: mean(points.map((p) => (p.actual >= p.lo80 && p.actual <= p.hi80 ? 1 : 0))),
    coverage95: mean(points.map((p) => (p.actual >= p.lo95 && p.actual <= p.hi95 ? 1 : 0))),
  };
}

/** Mean absolute seasonal difference of the training data (m = 12; lag 1 when shorter than two seasons). */
export function maseScale(train: readonly number[], m = 12): number {
  const lag = train.length > m ? m : 1;
  let s = 0;
  for (let t = lag; t < train.length; t++) s += Math.abs(train[t]! - train[t - lag]!);
  return train.length > lag ? s / (train.length - lag) : 0;
}
